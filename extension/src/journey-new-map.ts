/**
 * "Journey: New Journey Map" (also in File → New File…): asks for the journey's name, writes a new
 * map from the template beside the maps being edited (never over an existing file: `name_2.journey`
 * when `name.journey` exists), and opens it with its preview beside it. With no folder open, the
 * map opens as an untitled file. The template itself is journey logic and lives in the language server.
 */
import * as vscode from 'vscode';
import { journeyIdFor, journeyNameProblem, newJourneyMap } from '../../language-server/src/templates/journey-template.js';
import type { JourneyPreviewManager } from './preview/journey-preview-manager.js';

/** What the command may be given (by tests, or by another extension) instead of asking. */
export interface NewMapArguments {
    name?: string;
    folder?: vscode.Uri;
}

/** Registers `journey.newMap`; it resolves to the new map's URI, or undefined when cancelled. */
export function registerNewMapCommand(previews: JourneyPreviewManager): vscode.Disposable {
    return vscode.commands.registerCommand('journey.newMap', (args?: NewMapArguments) => createNewMap(previews, args instanceof Object && !(args instanceof vscode.Uri) ? args : {}));
}

/** Creates, opens and previews a new map; returns its URI, or undefined when the user cancelled. */
export async function createNewMap(previews: JourneyPreviewManager, args: NewMapArguments = {}): Promise<vscode.Uri | undefined> {
    const name = args.name ?? (await vscode.window.showInputBox({
        title: 'New Journey Map',
        prompt: 'The name of the journey, as people will read it on the map',
        placeHolder: 'Booking a home cleaning',
        ignoreFocusOut: true,
        validateInput: (value) => journeyNameProblem(value),
    }));
    if (name === undefined) return undefined;
    const problem = journeyNameProblem(name);
    if (problem) {
        void vscode.window.showErrorMessage(problem);
        return undefined;
    }
    const folder = args.folder ?? folderForNewMap();
    let document: vscode.TextDocument;
    if (folder) {
        const uri = await freeFile(folder, journeyIdFor(name));
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(newJourneyMap(name, idOf(uri)).text));
        document = await vscode.workspace.openTextDocument(uri);
    } else {
        document = await vscode.workspace.openTextDocument({ language: 'journey', content: newJourneyMap(name).text });
    }
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
    previews.show(document.uri, { toSide: true });
    return document.uri;
}

/** The folder of the map being edited, else the first folder of the workspace, else none. */
function folderForNewMap(): vscode.Uri | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    // Any folder of the workspace: on disk, or in vscode.dev and github.dev (vscode.workspace.fs writes both).
    if (active && vscode.workspace.getWorkspaceFolder(active)) return vscode.Uri.joinPath(active, '..');
    return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** `<id>.journey` in `folder`, or `<id>_2.journey`, `<id>_3.journey`… for the first name no file has. */
async function freeFile(folder: vscode.Uri, id: string): Promise<vscode.Uri> {
    for (let n = 1; ; n++) {
        const uri = vscode.Uri.joinPath(folder, `${n === 1 ? id : `${id}_${n}`}.journey`);
        const taken = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
        if (!taken) return uri;
    }
}

/** The journey id a new map file stands for: its name without `.journey` (unique beside the other files). */
function idOf(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1, -'.journey'.length);
}

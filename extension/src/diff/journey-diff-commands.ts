/** "Journey: Compare with HEAD" and "Journey: Compare with…": ask the server for a diff and open the compare view. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { JOURNEY_DIFF_METHOD, type JourneyDiffParams, type JourneyDiffResult } from '../../../language-server/src/lsp/journey-diff-protocol.js';
import { textAtRevision } from './journey-diff-git.js';
import { showJourneyDiff } from './journey-diff-panel.js';

/** What to compare the map with. */
type Base = { revision: string } | { file: vscode.Uri };

/** Registers the compare commands; returns their disposables. */
export function registerJourneyDiffCommands(extensionUri: vscode.Uri, client: () => LanguageClient | undefined): vscode.Disposable[] {
    const compare = async (uri: vscode.Uri | undefined, base: Base | undefined) => {
        const document = await journeyDocument(uri);
        if (!document || !base) return undefined;
        try {
            const result = await requestDiff(client(), document, base);
            const baseName = 'revision' in base ? base.revision : path.basename(base.file.fsPath);
            return showJourneyDiff(extensionUri, `${path.basename(document.uri.fsPath)} ↔ ${baseName}`, result);
        } catch (error) {
            void vscode.window.showErrorMessage(`Journey compare: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    };
    return [
        vscode.commands.registerCommand('journey.diff.compareWithHead', (uri?: vscode.Uri) => compare(uri, { revision: 'HEAD' })),
        vscode.commands.registerCommand('journey.diff.compareWith', async (uri?: vscode.Uri, base?: Base) => compare(uri, base ?? (await pickBase(uri)))),
    ];
}

/** The .journey document to compare: the one given, or the active editor's. */
async function journeyDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    const document = uri instanceof vscode.Uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'journey') {
        void vscode.window.showInformationMessage('Open a .journey file first, then compare it.');
        return undefined;
    }
    return document;
}

/** Asks the server to compare the document (as it is in the editor) with a revision's text or another map. */
async function requestDiff(client: LanguageClient | undefined, document: vscode.TextDocument, base: Base): Promise<JourneyDiffResult> {
    if (!client) throw new Error('the language server is not started yet; try again in a moment.');
    const params: JourneyDiffParams = { uri: client.code2ProtocolConverter.asUri(document.uri), version: document.version };
    if ('revision' in base) {
        params.baseText = await textAtRevision(document.uri.fsPath, base.revision);
        params.baseLabel = base.revision;
    } else {
        await vscode.workspace.openTextDocument(base.file); // the server then knows its newest text
        params.baseUri = client.code2ProtocolConverter.asUri(base.file);
        params.baseLabel = path.basename(base.file.fsPath);
    }
    const result = await client.sendRequest<JourneyDiffResult>(JOURNEY_DIFF_METHOD, params);
    if (result.missing) throw new Error('the language server does not know this file yet (is it inside the opened folder?).');
    return result;
}

/** A quick pick: HEAD, another git revision, or another map of the workspace (as-is against to-be). */
async function pickBase(uri: vscode.Uri | undefined): Promise<Base | undefined> {
    const current = (uri ?? vscode.window.activeTextEditor?.document.uri)?.toString();
    const files = (await vscode.workspace.findFiles('**/*.journey', '**/node_modules/**')).filter((file) => file.toString() !== current);
    type Item = vscode.QuickPickItem & { base?: Base; askRevision?: boolean };
    const items: Item[] = [
        { label: '$(git-commit) HEAD', description: 'the last commit', base: { revision: 'HEAD' } },
        { label: '$(git-branch) A git revision…', description: 'a branch, tag or commit', askRevision: true },
        { label: 'Other maps', kind: vscode.QuickPickItemKind.Separator },
        ...files.map((file): Item => ({ label: `$(file) ${vscode.workspace.asRelativePath(file)}`, description: 'as-is against to-be, or any other map', base: { file } })),
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Compare this journey with…', placeHolder: 'HEAD, a git revision, or another map' });
    if (!picked?.askRevision) return picked?.base;
    const revision = await vscode.window.showInputBox({ title: 'Compare with a git revision', prompt: 'A branch, tag or commit', value: 'main', validateInput: (value) => (value.trim() ? undefined : 'Give a revision, e.g. main or HEAD~1') });
    return revision ? { revision: revision.trim() } : undefined;
}

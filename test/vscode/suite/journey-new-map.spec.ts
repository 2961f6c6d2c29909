/** Starting a map in VS Code: "Journey: New Journey Map", File → New File…, and the getting-started walkthrough, checked in a real VS Code. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { JourneyExtensionApi } from '../../../extension/src/extension.js';
import { assert, describe, test, waitFor } from './mini-test.js';
import { askRunner, readControl } from './runner-bridge.js';

const EXTENSION_ID = 'journey-maps.journey-maps';
const folder = () => vscode.workspace.workspaceFolders![0].uri;
const control = () => readControl(folder().fsPath);

async function api(): Promise<JourneyExtensionApi> {
    const extension = vscode.extensions.getExtension<JourneyExtensionApi>(EXTENSION_ID);
    assert(extension, `extension ${EXTENSION_ID} is not installed`);
    return extension.activate();
}

/** Waits until the language server has checked `uri`, and returns its errors and warnings. */
async function problemsOf(uri: vscode.Uri, previews: JourneyExtensionApi['previews']): Promise<string[]> {
    await waitFor('the preview of the new map to draw', () => (previews.lastRender(uri)?.shows === 'diagram' ? true : undefined));
    return vscode.languages.getDiagnostics(uri)
        .filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning)
        .map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

describe('Starting a map', () => {
    test('New Journey Map asks the name, writes a map that checks clean, and opens it with its preview beside it', async () => {
        const { previews } = await api();
        // Only the new map's preview is open, so the runner reads its picture.
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const created = vscode.commands.executeCommand<vscode.Uri | undefined>('journey.newMap');
        await askRunner(control(), 'quick-input', { text: 'Ordering a pizza 🍕', key: 'Enter' });
        const uri = await created;
        assert(uri, 'the command returned no file');
        try {
            assert(uri.path.endsWith('/ordering_a_pizza.journey'), `written to ${uri.path}`);
            const text = readFileSync(uri.fsPath, 'utf8');
            assert(text.includes('journey ordering_a_pizza "Ordering a pizza 🍕" {'), `the map starts:\n${text.slice(0, 300)}`);
            assert(/persona customer/.test(text) && (text.match(/^ {2}stage /gm) ?? []).length === 3, 'not one persona and three stages');
            assert(vscode.window.activeTextEditor?.document.uri.toString() === uri.toString(), 'the new map is not the active editor');
            const problems = await problemsOf(uri, previews);
            assert(problems.length === 0, `the new map has problems: ${problems.join(' | ')}`);
            const preview = previews.all().find((p) => p.isPreviewOf(uri));
            assert(preview, 'no preview of the new map');
            assert(preview.panel.viewColumn !== vscode.window.activeTextEditor?.viewColumn, 'the preview is not beside the map');
            const svg = await askRunner<{ count: number; text: string }>(control(), 'svg');
            assert(svg.count === 1 && svg.text.includes('Ordering a pizza'), `the preview shows: ${svg.text.slice(0, 200)}`);
            await askRunner(control(), 'screenshot', { name: 'new-journey-map' });

            // The same name again: a second file, the first one untouched, and no clash of ids.
            const again = await vscode.commands.executeCommand<vscode.Uri>('journey.newMap', { name: 'Ordering a pizza 🍕' });
            try {
                assert(again.path.endsWith('/ordering_a_pizza_2.journey'), `second map written to ${again.path}`);
                assert(readFileSync(uri.fsPath, 'utf8') === text, 'the first map was changed');
                assert(readFileSync(again.fsPath, 'utf8').includes('journey ordering_a_pizza_2 "Ordering a pizza 🍕"'), 'the second map has not its own id');
                const clash = await problemsOf(again, previews);
                assert(clash.length === 0, `the second map has problems: ${clash.join(' | ')}`);
            } finally {
                await vscode.commands.executeCommand('workbench.action.closeAllEditors');
                rmSync(again.fsPath, { force: true });
            }
        } finally {
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
            rmSync(uri.fsPath, { force: true });
        }
    });

    test('an empty name is refused in the box, and Escape writes nothing', async () => {
        const before = (await vscode.workspace.fs.readDirectory(folder())).map(([name]) => name).sort();
        const created = vscode.commands.executeCommand<vscode.Uri | undefined>('journey.newMap');
        await askRunner(control(), 'quick-input', { text: '   ' });
        let message = '';
        await waitFor('the box to refuse an empty name', async () => {
            message = await askRunner<string>(control(), 'text', { selector: '.quick-input-widget .quick-input-message' });
            return /Give the journey a name/.test(message) ? true : undefined;
        }, 5000).catch(() => assert(false, `the box says: ${message}`));
        await askRunner(control(), 'screenshot', { name: 'new-journey-map-empty-name' });
        await askRunner(control(), 'press', { key: 'Escape' });
        assert((await created) === undefined, 'cancelling returned a file');
        const after = (await vscode.workspace.fs.readDirectory(folder())).map(([name]) => name).sort();
        assert(JSON.stringify(after) === JSON.stringify(before), `files changed: ${after.join(', ')}`);
    });

    test('File → New File… lists the journey map', async () => {
        // The command resolves when its quick pick closes: not awaited until Escape.
        const picked = vscode.commands.executeCommand('welcome.showNewFileEntries');
        try {
            let list = '';
            await waitFor('New File… to list the journey map', async () => {
                list = await askRunner<string>(control(), 'text', { selector: '.quick-input-widget .quick-input-list' });
                return /Journey Map/.test(list) ? true : undefined;
            }, 5000).catch(() => assert(false, `New File… lists: ${list.replace(/\n/g, ' | ')}`));
            await askRunner(control(), 'screenshot', { name: 'new-file-journey-map' });
        } finally {
            await askRunner(control(), 'press', { key: 'Escape' });
            await picked;
        }
    });

    test('the getting-started walkthrough opens with its steps, and every picture and page it names exists', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        const walkthrough = (extension.packageJSON as { contributes: { walkthroughs: Array<{ id: string; steps: Array<{ title: string; media: Record<string, unknown> }> }> } }).contributes.walkthroughs[0];
        for (const step of walkthrough.steps) {
            const media = step.media as { image?: Record<string, string>; markdown?: string };
            for (const file of [...Object.values(media.image ?? {}), ...(media.markdown ? [media.markdown] : [])]) {
                assert(existsSync(vscode.Uri.joinPath(extension.extensionUri, file).fsPath), `${step.title}: ${file} is missing`);
            }
        }
        await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough.id}`, false);
        const shown = await askRunner<string>(control(), 'text', { selector: '.gettingStartedContainer .gettingStartedSlideDetails' });
        for (const step of walkthrough.steps) assert(shown.includes(step.title), `the walkthrough does not show "${step.title}":\n${shown}`);
        await askRunner(control(), 'screenshot', { name: 'walkthrough' });
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
});

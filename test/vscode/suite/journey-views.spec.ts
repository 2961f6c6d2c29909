/**
 * Every view of the preview is tied to the map, checked in a real VS Code: a click on an
 * element's drawing in any view (not only the flow) selects its lines in the editor, and
 * moving the cursor into an element outlines its drawings in every view, and nothing else.
 */
import * as vscode from 'vscode';
import type { JourneyExtensionApi } from '../../../extension/src/extension.js';
import type { RenderReport } from '../../../extension/src/preview/journey-preview.js';
import { assert, describe, test, waitFor } from './mini-test.js';
import { askRunner, readControl } from './runner-bridge.js';

const EXTENSION_ID = 'journey-maps.journey-maps';
const folder = () => vscode.workspace.workspaceFolders![0].uri;
const control = () => readControl(folder().fsPath);

/** What each view draws of booking.journey that a click and the cursor must find: the element's id and the line that declares it. */
const DRAWN: Record<string, Array<[id: string, declaration: string]>> = {
    journey: [['finds', 'touchpoint finds'], ['calls', 'touchpoint calls'], ['books', 'touchpoint books']],
    emotion: [['finds', 'touchpoint finds'], ['calls', 'touchpoint calls'], ['books', 'touchpoint books']],
    flow: [['finds', 'touchpoint finds'], ['calls', 'touchpoint calls'], ['books', 'touchpoint books']],
    priorities: [['instant_quote', 'action instant_quote']],
    funnel: [['finds', 'touchpoint finds'], ['calls', 'touchpoint calls'], ['books', 'touchpoint books']],
    blueprint: [['finds', 'touchpoint finds'], ['calls', 'touchpoint calls'], ['books', 'touchpoint books']],
};

async function bookingEditor(): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'booking.journey'));
    return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

function lineOf(document: vscode.TextDocument, text: string): number {
    const line = document.getText().split('\n').findIndex((l) => l.includes(text));
    assert(line >= 0, `no line with ${text}`);
    return line;
}

async function previews(): Promise<JourneyExtensionApi['previews']> {
    const extension = vscode.extensions.getExtension<JourneyExtensionApi>(EXTENSION_ID);
    assert(extension, `extension ${EXTENSION_ID} is not installed`);
    return (await extension.activate()).previews;
}

/** Shows `view` in the preview of booking.journey and waits until it is drawn. */
async function showView(view: string, editor: vscode.TextEditor): Promise<void> {
    const api = await previews();
    await askRunner(control(), 'click', { selector: `[data-view="${view}"]` });
    await waitFor(`the ${view} view`, () => {
        const report: RenderReport | undefined = api.lastRender(editor.document.uri);
        return report?.view === view && report.shows === 'diagram';
    });
}

describe('Journey preview: every view is linked to the map', () => {
    test('a click on an element in every view selects its lines in the editor', async () => {
        let editor = await bookingEditor();
        if (!(await previews()).all().some((preview) => preview.isPreviewOf(editor.document.uri))) {
            await vscode.commands.executeCommand('journey.preview.showToSide');
        }
        for (const [view, elements] of Object.entries(DRAWN)) {
            editor = await bookingEditor();
            await showView(view, editor);
            for (const [id, declaration] of elements) {
                editor = await bookingEditor();
                editor.selection = new vscode.Selection(0, 0, 0, 0);
                await askRunner(control(), 'click', { selector: `[data-journey-id="${id}"]:visible` });
                const expected = lineOf(editor.document, declaration);
                await waitFor(`the ${view} view: a click on ${id} to select line ${expected + 1}`, () => {
                    const active = vscode.window.activeTextEditor;
                    return active?.document.uri.toString() === editor.document.uri.toString() && active.selection.start.line === expected;
                }).catch((e) => { throw new Error(`${e.message}: the selection is at line ${(vscode.window.activeTextEditor?.selection.start.line ?? -2) + 1}`); });
            }
            await askRunner(control(), 'screenshot', { name: `views-click-${view}` });
        }
    });

    test('moving the cursor into an element outlines its drawings in every view, and nothing else', async () => {
        for (const [view, elements] of Object.entries(DRAWN)) {
            let editor = await bookingEditor();
            await showView(view, editor);
            for (const [id, declaration] of elements) {
                editor = await bookingEditor();
                const line = lineOf(editor.document, declaration);
                // Inside the element's block, below its declaration.
                editor.selection = new vscode.Selection(line + 1, 4, line + 1, 4);
                const outlined = await waitFor(`the ${view} view: the cursor in ${id} to outline it`, async () => {
                    const answer = await askRunner<{ ids: string[] }>(control(), 'highlighted');
                    return answer.ids.length > 0 && answer.ids.every((shown) => shown === id) ? answer.ids : undefined;
                }).catch(async (e) => {
                    const answer = await askRunner<{ ids: string[] }>(control(), 'highlighted');
                    throw new Error(`${e.message}: outlined ${answer.ids.join(', ') || 'nothing'}`);
                });
                assert(outlined.length > 0, `the ${view} view outlines nothing for ${id}`);
            }
            await askRunner(control(), 'screenshot', { name: `views-cursor-${view}` });
        }
    });
});

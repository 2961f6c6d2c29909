/** What a user of the Journey extension can rely on, checked in a real VS Code. */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JourneyExtensionApi } from '../../../extension/src/extension.js';
import type { RenderReport } from '../../../extension/src/preview/journey-preview.js';
import type { HostToWebviewMessage, PreviewState, UpdateMessage, ViewMessage } from '../../../extension/src/preview/journey-preview-messages.js';
import { assert, describe, test, waitFor } from './mini-test.js';
import { askRunner, readControl } from './runner-bridge.js';

const EXTENSION_ID = 'journey-maps.journey-maps';
const folder = () => vscode.workspace.workspaceFolders![0].uri;
const fileUri = (name: string) => vscode.Uri.joinPath(folder(), name);
const control = () => readControl(folder().fsPath);
let api: JourneyExtensionApi;

async function open(name: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(fileUri(name));
    return vscode.window.showTextDocument(document, vscode.ViewColumn.One);
}

/** Waits for the preview of `uri` to report a render that satisfies `accept`. */
function renderOf(uri: vscode.Uri, accept: (report: RenderReport) => boolean, what: string): Promise<RenderReport> {
    return waitFor(what, () => {
        const report = api.previews.lastRender(uri);
        return report && accept(report) ? report : undefined;
    });
}

/**
 * Sets an 8-second update delay and waits for the refresh that a change of the preview's settings
 * brings (it runs at once): an edit made before it ran would be drawn at once too.
 */
async function longUpdateDelay(settings: vscode.WorkspaceConfiguration, uri: vscode.Uri): Promise<void> {
    api ??= await vscode.extensions.getExtension<JourneyExtensionApi>(EXTENSION_ID)!.activate();
    const before = api.previews.lastRender(uri);
    await settings.update('updateDelay', 8000, vscode.ConfigurationTarget.Workspace);
    await waitFor('the preview refreshed after the setting changed', () => api.previews.lastRender(uri) !== before);
}

function lineOf(document: vscode.TextDocument, text: string): number {
    const line = document.getText().split('\n').findIndex((l) => l.includes(text));
    assert(line >= 0, `no line with ${text}`);
    return line;
}

/** The SVG text the webview shows, read by the runner in the browser. */
async function svgInWebview(): Promise<{ count: number; text: string }> {
    return askRunner(control(), 'svg');
}

async function screenshot(name: string): Promise<void> {
    await askRunner(control(), 'screenshot', { name });
}

/**
 * The state the preview's webview last saved with `vscode.setState`, as VS Code keeps it for the
 * serializer after a window reload (the runner records it in the webview's host frame), once it
 * satisfies `accept`.
 */
async function savedWebviewState(what: string, accept: (state: PreviewState) => boolean): Promise<PreviewState> {
    let last: PreviewState | null = null;
    return waitFor(what, async () => {
        last = await askRunner<PreviewState | null>(control(), 'webview-state');
        return last && accept(last) ? last : undefined;
    }, 5000).catch((e) => { throw new Error(`${e.message}: the webview saved ${JSON.stringify(last)}`); });
}

/** Breaks booking.journey with an unknown channel under the touchpoint `reviews`; returns the error's line. */
async function breakBooking(editor: vscode.TextEditor): Promise<number> {
    const line = lineOf(editor.document, 'touchpoint reviews') + 1;
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), '      channel nowhere_yet\n'));
    const version = editor.document.version;
    await renderOf(editor.document.uri, (r) => r.version < version && r.errorBanner, 'the error banner');
    return line;
}

/** Undoes `breakBooking` and waits for the banner to go. */
async function repairBooking(): Promise<void> {
    const editor = await open('booking.journey');
    await vscode.commands.executeCommand('undo');
    await renderOf(editor.document.uri, (r) => !r.errorBanner && r.shows === 'diagram', 'the banner to go');
}

describe('Journey extension', () => {
    test('activates when a .journey file opens, with the journey language', async () => {
        const editor = await open('booking.journey');
        assert(editor.document.languageId === 'journey', `language is ${editor.document.languageId}`);
        const extension = vscode.extensions.getExtension<JourneyExtensionApi>(EXTENSION_ID);
        assert(extension, `extension ${EXTENSION_ID} is not installed`);
        await waitFor('the extension to activate', () => extension.isActive);
        api = extension.exports;
        assert(api.client.isRunning(), 'the language client is not running');
    });

    test('.journey files get two-space indentation and no word-based suggestions by default', async () => {
        const editor = await open('booking.journey');
        const settings = vscode.workspace.getConfiguration('editor', editor.document);
        assert(settings.get('tabSize') === 2, `editor.tabSize is ${settings.get('tabSize')}`);
        assert(settings.get('insertSpaces') === true, `editor.insertSpaces is ${settings.get('insertSpaces')}`);
        assert(settings.get('wordBasedSuggestions') === 'off', `editor.wordBasedSuggestions is ${settings.get('wordBasedSuggestions')}`);
        assert(editor.options.tabSize === 2, `the editor's tab size is ${editor.options.tabSize}`);
    });

    test('reports diagnostics of a broken file in the Problems panel', async () => {
        const editor = await open('broken.journey');
        const diagnostics = await waitFor('diagnostics of broken.journey', () => {
            const found = vscode.languages.getDiagnostics(editor.document.uri);
            return found.length >= 2 ? found : undefined;
        });
        const linking = diagnostics.find((d) => d.message.includes("No channel 'nowhere'"));
        assert(linking, `no diagnostic for the unknown channel: ${diagnostics.map((d) => d.message).join(' | ')}`);
        assert(linking.severity === vscode.DiagnosticSeverity.Error, 'the unknown channel is not an error');
        assert(linking.range.start.line === lineOf(editor.document, 'channel nowhere'), `wrong line ${linking.range.start.line}`);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await screenshot('problems-panel');
        await vscode.commands.executeCommand('workbench.action.closePanel');
    });

    test('completion offers the keywords of a stage', async () => {
        const editor = await open('booking.journey');
        const line = lineOf(editor.document, 'stage purchase');
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
            'vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line + 1, 4));
        const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
        for (const keyword of ['touchpoint', 'decision', 'kpi']) {
            assert(labels.includes(keyword), `completion lacks "${keyword}": ${labels.join(', ')}`);
        }
    });

    test('the preview opens beside the editor and renders an SVG', async () => {
        const editor = await open('booking.journey');
        await vscode.commands.executeCommand('journey.preview.showToSide');
        const report = await renderOf(editor.document.uri, (r) => r.shows === 'diagram', 'the first render');
        assert(report.svgLength > 1000, `the SVG is only ${report.svgLength} characters`);
        const tab = await waitFor('the preview tab', () => vscode.window.tabGroups.all
            .flatMap((g) => g.tabs)
            .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('journey.preview')));
        assert(tab.group.viewColumn === vscode.ViewColumn.Two, `the preview is in column ${tab.group.viewColumn}, not beside the editor`);
        const svg = await svgInWebview();
        assert(svg.count === 1, `the webview shows ${svg.count} SVGs`);
        assert(svg.text.includes('Calls for a quote'), 'the picture lacks the touchpoint "Calls for a quote"');
        await screenshot('preview-journey-view');
    });

    test('an edit updates the preview', async () => {
        const editor = await open('booking.journey');
        const line = lineOf(editor.document, 'moment of truth');
        await editor.edit((edit) => edit.insert(new vscode.Position(line + 2, 0), '    touchpoint reviews "Reads the reviews" {\n      emotion 4\n    }\n'));
        const version = editor.document.version;
        await renderOf(editor.document.uri, (r) => r.version >= version && r.shows === 'diagram', `a render of version ${version}`);
        const svg = await svgInWebview();
        assert(svg.text.includes('Reads the reviews'), 'the new touchpoint is not in the picture');
    });

    test('while the text has errors, the last picture stays with an error banner', async () => {
        const editor = await open('booking.journey');
        const line = lineOf(editor.document, 'touchpoint reviews');
        await editor.edit((edit) => edit.insert(new vscode.Position(line + 1, 0), '      channel nowhere_yet\n'));
        const version = editor.document.version;
        const report = await renderOf(editor.document.uri, (r) => r.version < version && r.errorBanner, 'the error banner');
        assert(report.shows === 'diagram', 'the last good picture is gone');
        const svg = await svgInWebview();
        assert(svg.text.includes('Reads the reviews'), 'the last good picture is not shown');
        await screenshot('preview-error-banner');
        await vscode.commands.executeCommand('undo');
        await renderOf(editor.document.uri, (r) => !r.errorBanner && r.shows === 'diagram', 'the banner to go');
    });

    test('a click on an error in the banner selects its line in the editor', async () => {
        const editor = await open('booking.journey');
        const line = await breakBooking(editor);
        try {
            editor.selection = new vscode.Selection(0, 0, 0, 0);
            await askRunner(control(), 'click', { selector: '#banner .error-link' });
            await waitFor(`the editor to select line ${line + 1}`, () => {
                const active = vscode.window.activeTextEditor;
                return active?.document.uri.toString() === editor.document.uri.toString() && active.selection.start.line === line;
            }).catch((e) => { throw new Error(`${e.message}: the selection is at line ${(vscode.window.activeTextEditor?.selection.start.line ?? -2) + 1}`); });
        } finally {
            await repairBooking();
        }
    });

    test('a preview reloaded while the map has errors shows the last picture under the banner again', async () => {
        const editor = await open('booking.journey');
        const preview = api.previews.all().find((p) => p.isPreviewOf(editor.document.uri));
        assert(preview, 'no preview of booking.journey');
        await breakBooking(editor);
        try {
            // Hidden, the webview is unloaded (retainContextWhenHidden is off); shown again, it reloads.
            const other = await vscode.workspace.openTextDocument(fileUri('.vscode-test-control.json'));
            await vscode.window.showTextDocument(other, { viewColumn: vscode.ViewColumn.Two });
            await waitFor('the preview to be hidden', () => !preview.panel.visible);
            const reports: RenderReport[] = [];
            const listening = preview.onDidRender((report) => reports.push(report));
            try {
                await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
                const report = await waitFor('a render with the banner in the reloaded webview', () => reports.find((r) => r.errorBanner));
                assert(report.shows === 'diagram', `the reloaded preview shows ${report.shows} (${report.message ?? ''}), not the last picture`);
            } finally {
                listening.dispose();
            }
            const svg = await svgInWebview();
            assert(svg.text.includes('Reads the reviews'), 'the last good picture is not shown');
            await screenshot('preview-reloaded-with-errors');
        } finally {
            await repairBooking();
        }
    });

    test('every view of the map draws in the preview, or says what to add', async () => {
        const editor = await open('booking.journey');
        for (const view of ['canvas', 'journey', 'emotion', 'flow', 'priorities', 'funnel', 'blueprint']) {
            await askRunner(control(), 'click', { selector: `[data-view="${view}"]` });
            const report = await renderOf(editor.document.uri, (r) => r.view === view, `the ${view} view`);
            assert(report.shows === 'diagram' || report.shows === 'empty', `the ${view} view shows ${report.shows}: ${report.message}`);
            await screenshot(`preview-view-${view}`);
        }
    });

    test('Preview updates carry the Mermaid text of the view on screen only; a click on another tab brings that view\'s picture', async () => {
        const editor = await open('booking.journey');
        // Also when run alone (JOURNEY_VSCODE_ONLY), without the tests above.
        api ??= await vscode.extensions.getExtension<JourneyExtensionApi>(EXTENSION_ID)!.activate();
        if (!api.previews.all().some((p) => p.isPreviewOf(editor.document.uri))) await vscode.commands.executeCommand('journey.preview.showToSide');
        const preview = api.previews.all().find((p) => p.isPreviewOf(editor.document.uri));
        assert(preview, 'no preview of booking.journey');
        await renderOf(editor.document.uri, (r) => r.shows === 'diagram', 'a picture');
        await askRunner(control(), 'click', { selector: '[data-view="journey"]' });
        await renderOf(editor.document.uri, (r) => r.view === 'journey' && r.shows === 'diagram', 'the journey view');
        // What the host posts to the webview, recorded on the way.
        const sent: HostToWebviewMessage[] = [];
        const webview = preview.panel.webview;
        const postMessage = webview.postMessage;
        webview.postMessage = (message: HostToWebviewMessage) => {
            sent.push(message);
            return postMessage.call(webview, message);
        };
        try {
            await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// one view whole\n'));
            const version = editor.document.version;
            await renderOf(editor.document.uri, (r) => r.version >= version && r.view === 'journey' && r.shows === 'diagram', `a render of version ${version}`);
            const update = sent.find((m): m is UpdateMessage => m.type === 'update' && m.version >= version && m.views !== undefined);
            assert(update?.views, `no update with views was sent: ${JSON.stringify(sent.map((m) => m.type))}`);
            const kinds = Object.fromEntries(update.views.map((v) => [v.view, v.kind]));
            assert(JSON.stringify(update.views.map((v) => v.view)) === JSON.stringify(preview.currentViews.map((v) => v.view)), `the update does not name every view: ${JSON.stringify(kinds)}`);
            assert(update.views.filter((v) => v.kind === 'diagram').map((v) => v.view).join() === 'journey', `the update carries other pictures than the journey view's: ${JSON.stringify(kinds)}`);
            const flowText = preview.currentViews.find((v) => v.view === 'flow');
            assert(flowText?.kind === 'diagram' && !JSON.stringify(update).includes(flowText.mermaid), 'the update carries the flow view\'s Mermaid text');

            await askRunner(control(), 'click', { selector: '[data-view="flow"]' });
            const report = await renderOf(editor.document.uri, (r) => r.view === 'flow', 'the flow view');
            assert(report.shows === 'diagram' && report.drawn, `the flow view shows ${report.shows} (drawn: ${report.drawn})`);
            const answer = sent.find((m): m is ViewMessage => m.type === 'view' && m.view.view === 'flow');
            assert(answer?.view.kind === 'diagram' && answer.view.mermaid === flowText.mermaid, `the host did not send the flow view: ${JSON.stringify(sent.map((m) => m.type))}`);
            const svg = await svgInWebview();
            assert(svg.text.includes('Calls for a quote'), 'the flow picture lacks the touchpoint "Calls for a quote"');
        } finally {
            webview.postMessage = postMessage;
            await open('booking.journey');
            const first = editor.document.lineAt(0);
            if (first.text === '// one view whole') await editor.edit((edit) => edit.delete(first.rangeIncludingLineBreak));
        }
    });

    test('a click on a touchpoint in the picture reveals its source line', async () => {
        const editor = await open('booking.journey');
        await askRunner(control(), 'click', { selector: '[data-view="flow"]' });
        // The picture of the text as it is now: the test before this one edited the map on its way out.
        const version = editor.document.version;
        await renderOf(editor.document.uri, (r) => r.view === 'flow' && r.shows === 'diagram' && r.version === version, `the flow view of version ${version}`);
        await open('booking.journey');
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        await askRunner(control(), 'click', { selector: '[data-journey-id="calls"]' });
        const expected = lineOf(editor.document, 'touchpoint calls');
        await waitFor('the editor to select the touchpoint', () => {
            const active = vscode.window.activeTextEditor;
            return active?.document.uri.toString() === editor.document.uri.toString() && active.selection.start.line === expected;
        });
        await screenshot('preview-flow-click-to-source');
        // A decision (its diamond) and a stage (the title strip of its box) lead to their lines too.
        for (const [selector, source, position] of [
            ['[data-journey-id="choose"]', 'decision choose', undefined],
            ['g.cluster[data-journey-id="purchase"]', 'stage purchase', { x: 12, y: 6 }],
        ] as const) {
            editor.selection = new vscode.Selection(0, 0, 0, 0);
            await askRunner(control(), 'click', { selector, position });
            const line = lineOf(editor.document, source);
            await waitFor(`the editor to select ${source}`, () => vscode.window.activeTextEditor?.selection.start.line === line);
        }
    });

    test('a click on the picture before it shows the last edit selects the element where it is now', async () => {
        const editor = await open('booking.journey');
        const settings = vscode.workspace.getConfiguration('journey.preview');
        // A long update delay keeps the picture of the text before the edit on screen while the test clicks.
        await longUpdateDelay(settings, editor.document.uri);
        try {
            const before = editor.document.version;
            await renderOf(editor.document.uri, (r) => r.view === 'flow' && r.shows === 'diagram' && r.version === before, `the flow view of version ${before}`);
            await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// one line above\n// and another\n'));
            await open('booking.journey');
            editor.selection = new vscode.Selection(0, 0, 0, 0);
            await askRunner(control(), 'click', { selector: '[data-journey-id="calls"]' });
            const expected = lineOf(editor.document, 'touchpoint calls');
            await waitFor(`the editor to select line ${expected + 1}`, () => vscode.window.activeTextEditor?.selection.start.line === expected)
                .catch(() => { throw new Error(`the click selected line ${(vscode.window.activeTextEditor?.selection.start.line ?? -1) + 1}, not ${expected + 1}`); });
            const shown = api.previews.lastRender(editor.document.uri);
            assert(shown && shown.version < editor.document.version, `the picture already showed the edit (version ${shown?.version}); the test proves nothing`);
        } finally {
            await settings.update('updateDelay', undefined, vscode.ConfigurationTarget.Workspace);
            await open('booking.journey');
            for (const text of ['// one line above', '// and another']) {
                const first = editor.document.lineAt(0);
                if (first.text === text) await editor.edit((edit) => edit.delete(first.rangeIncludingLineBreak));
            }
        }
    });

    test('moving the cursor highlights the matching node', async () => {
        const editor = await open('booking.journey');
        const line = lineOf(editor.document, 'touchpoint books');
        editor.selection = new vscode.Selection(line + 1, 4, line + 1, 4);
        // The previous test left another element outlined: wait for the cursor's, and for it alone.
        let highlighted: string[] = [];
        await waitFor('books outlined', async () => {
            highlighted = (await askRunner<{ ids: string[] }>(control(), 'highlighted')).ids;
            return highlighted.includes('books');
        }).catch(() => { throw new Error(`highlighted ${highlighted.join(', ')} instead of books`); });
        assert(highlighted.every((id) => id === 'books'), `highlighted ${highlighted.join(', ')} besides books`);
    });

    test('the cursor outlines its element in a picture drawn before the last edit, and in the next one', async () => {
        const editor = await open('booking.journey');
        // Also when run alone (JOURNEY_VSCODE_ONLY), without the tests above.
        api ??= await vscode.extensions.getExtension<JourneyExtensionApi>(EXTENSION_ID)!.activate();
        if (!api.previews.all().some((p) => p.isPreviewOf(editor.document.uri))) await vscode.commands.executeCommand('journey.preview.showToSide');
        const settings = vscode.workspace.getConfiguration('journey.preview');
        const added = Array.from({ length: 10 }, (_, i) => `// note ${i + 1}`);
        // A long update delay keeps the picture of the text before the edit on screen while the cursor moves.
        await longUpdateDelay(settings, editor.document.uri);
        try {
            const before = editor.document.version;
            await renderOf(editor.document.uri, (r) => r.shows === 'diagram' && r.version === before, `a picture of version ${before}`);
            // Ten lines above: read in the picture's text, the cursor's line would be in the stage below the touchpoint.
            // And a label changed, so that the next picture is drawn anew (no outline of its own until the host sends the line).
            const books = lineOf(editor.document, 'touchpoint books "Books online"');
            await editor.edit((edit) => {
                edit.insert(new vscode.Position(0, 0), added.map((line) => `${line}\n`).join(''));
                edit.replace(editor.document.lineAt(books).range, editor.document.lineAt(books).text.replace('"Books online"', '"Books online today"'));
            });
            await open('booking.journey');
            const line = lineOf(editor.document, 'touchpoint calls') + 1;
            editor.selection = new vscode.Selection(line, 4, line, 4);
            const outlined = async (when: string, timeoutMs?: number) => {
                let highlighted: string[] = [];
                await waitFor(`calls outlined ${when}`, async () => {
                    highlighted = (await askRunner<{ ids: string[] }>(control(), 'highlighted')).ids;
                    return highlighted.length > 0 && highlighted.every((id) => id === 'calls');
                }, timeoutMs).catch(() => { throw new Error(`${when}, the cursor on line ${line + 1} outlined ${highlighted.join(', ') || 'nothing'} instead of calls`); });
            };
            // Well within the update delay: the picture on screen is still the one before the edit.
            await outlined('in the picture before the edit', 4000);
            const shown = api.previews.lastRender(editor.document.uri);
            assert(shown && shown.version < editor.document.version, `the picture already showed the edit (version ${shown?.version}); the test proves nothing`);
            const now = editor.document.version;
            await renderOf(editor.document.uri, (r) => r.shows === 'diagram' && r.version === now, `the picture of version ${now}`);
            assert(api.previews.lastRender(editor.document.uri)?.drawn === true, 'the picture of the edit was not drawn anew; the test proves nothing');
            await outlined('in the picture of the edit');
        } finally {
            await settings.update('updateDelay', undefined, vscode.ConfigurationTarget.Workspace);
            await open('booking.journey');
            for (const text of added) {
                const first = editor.document.lineAt(0);
                if (first.text === text) await editor.edit((edit) => edit.delete(first.rangeIncludingLineBreak));
            }
            const changed = editor.document.getText().split('\n').findIndex((l) => l.includes('"Books online today"'));
            if (changed >= 0) await editor.edit((edit) => edit.replace(editor.document.lineAt(changed).range, editor.document.lineAt(changed).text.replace('"Books online today"', '"Books online"')));
        }
    });

    test('zoom survives live updates', async () => {
        const editor = await open('booking.journey');
        await askRunner(control(), 'click', { selector: '#zoom-reset' });
        await askRunner(control(), 'click', { selector: '#zoom-in' });
        await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// zoomed\n'));
        const version = editor.document.version;
        await renderOf(editor.document.uri, (r) => r.version >= version, `a render of version ${version}`);
        const zoom = await askRunner<{ transform: string }>(control(), 'transform');
        assert(zoom.transform.includes('scale(1.25)'), `the zoom was lost: ${zoom.transform}`);
        await askRunner(control(), 'click', { selector: '#zoom-reset' });
    });

    test('the keys zoom the picture, and Ctrl with - or = is left to VS Code', async () => {
        await open('booking.journey');
        const transform = async () => (await askRunner<{ transform: string }>(control(), 'transform')).transform;
        // The click leaves the focus in the preview, where the keys go.
        await askRunner(control(), 'click', { selector: '#zoom-reset' });
        try {
            await askRunner(control(), 'press', { key: 'Equal' });
            await waitFor('= to zoom in', async () => (await transform()).includes('scale(1.25)'));
            for (const key of ['Control+Minus', 'Control+Equal']) {
                await askRunner(control(), 'press', { key });
                await new Promise((r) => setTimeout(r, 300));
                const now = await transform();
                assert(now.includes('scale(1.25)'), `${key} zoomed the picture: ${now}`);
            }
            await askRunner(control(), 'press', { key: 'Minus' });
            await waitFor('- to zoom out', async () => /scale\(1\)/.test(await transform()));
        } finally {
            // Ctrl+- and Ctrl+= are VS Code's zoom of the whole window.
            await Promise.resolve(vscode.commands.executeCommand('workbench.action.zoomReset')).catch(() => undefined);
            await askRunner(control(), 'click', { selector: '#zoom-reset' });
        }
    });

    test('a non-locked preview follows the active editor; a locked one stays', async () => {
        const booking = await open('booking.journey');
        const preview = api.previews.all().find((p) => p.isPreviewOf(booking.document.uri));
        assert(preview && !preview.isLocked, 'no dynamic preview of booking.journey');
        const labels = await open('labels.journey');
        await waitFor('the preview to follow labels.journey', () => preview.isPreviewOf(labels.document.uri));
        await open('booking.journey');
        await waitFor('the preview to follow booking.journey back', () => preview.isPreviewOf(booking.document.uri));
        await vscode.commands.executeCommand('journey.preview.toggleLock');
        assert(preview.isLocked, 'the preview did not lock');
        await open('labels.journey');
        await new Promise((r) => setTimeout(r, 500));
        assert(preview.isPreviewOf(booking.document.uri), 'a locked preview followed another editor');
        assert(preview.panel.title.startsWith('[Preview]'), `a locked preview is titled ${preview.panel.title}`);
        preview.toggleLock();
        await open('booking.journey');
    });

    test('restored after a reload, the preview is back on the file it followed, locked, with its view and zoom', async () => {
        const booking = await open('booking.journey');
        const preview = api.previews.all().find((p) => p.isPreviewOf(booking.document.uri) && !p.isLocked);
        assert(preview, 'no dynamic preview of booking.journey');
        const labels = await open('labels.journey');
        await waitFor('the preview to follow labels.journey', () => preview.isPreviewOf(labels.document.uri));
        await vscode.commands.executeCommand('journey.preview.toggleLock');
        assert(preview.isLocked, 'the preview did not lock');
        await askRunner(control(), 'click', { selector: '[data-view="flow"]' });
        await renderOf(labels.document.uri, (r) => r.view === 'flow' && r.shows === 'diagram', 'the flow view of labels.journey');
        await askRunner(control(), 'click', { selector: '#zoom-reset' });
        await askRunner(control(), 'click', { selector: '#zoom-in' });
        const labelsUri = labels.document.uri.toString();
        const saved = await savedWebviewState('the webview to save labels.journey, locked, its flow view and zoom',
            (state) => state.uri === labelsUri && state.locked === true && state.view === 'flow' && state.zoom === 1.25);
        // After a window reload VS Code hands the serializer what the webview saved, in a new panel.
        preview.dispose();
        const panel = vscode.window.createWebviewPanel('journey.preview', 'Restored', vscode.ViewColumn.Two, {});
        await api.previews.deserializeWebviewPanel(panel, saved);
        const restored = api.previews.all().find((p) => p.panel === panel);
        assert(restored, 'the serializer did not create a preview');
        try {
            assert(restored.isPreviewOf(labels.document.uri), `the restored preview shows ${restored.resource.toString()}, not labels.journey`);
            assert(restored.isLocked, 'the restored preview is not locked');
            assert(restored.panel.title === '[Preview] labels.journey', `the restored preview is titled ${restored.panel.title}`);
            await waitFor('the restored preview to render its flow view', () => restored.lastRender?.shows === 'diagram' && restored.lastRender.view === 'flow')
                .catch((e) => { throw new Error(`${e.message}: ${JSON.stringify(restored.lastRender)}`); });
            const zoom = await askRunner<{ transform: string }>(control(), 'transform');
            assert(zoom.transform.includes('scale(1.25)'), `the zoom was lost: ${zoom.transform}`);
        } finally {
            if (restored.isLocked) restored.toggleLock();
        }
        await open('booking.journey');
        await waitFor('the unlocked preview to follow booking.journey', () => restored.isPreviewOf(booking.document.uri));
        await renderOf(booking.document.uri, (r) => r.view === 'flow' && r.shows === 'diagram', 'the flow view of booking.journey');
    });

    test('export writes a valid SVG, a PNG and Markdown, and never overwrites without asking', async () => {
        const out = path.join(control().requestsDir, '..');
        const svgFile = path.join(out, 'exported-flow.svg');
        const pngFile = path.join(out, 'exported-flow.png');
        const mdFile = path.join(out, 'exported.md');
        await open('booking.journey');
        const written = await vscode.commands.executeCommand<vscode.Uri>('journey.export.svg', { target: svgFile });
        assert(written?.fsPath === svgFile, 'the SVG export did not write the file');
        const svg = readFileSync(svgFile, 'utf8');
        assert(svg.startsWith('<?xml'), 'the SVG has no XML declaration');
        assert(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/.test(svg), 'the SVG has no namespace');
        assert(svg.trimEnd().endsWith('</svg>'), 'the SVG is not closed');
        assert(svg.includes('Calls for a quote'), 'the SVG lacks the touchpoint');
        assert(!svg.includes('data-journey-entry'), 'the SVG keeps the preview\'s attributes');
        // Portable: the labels are SVG text, which tools that are not browsers draw.
        assert(!svg.includes('<foreignObject'), 'the SVG keeps HTML labels in <foreignObject>, which only browsers draw');
        assert(/<tspan[^>]*>Calls for a quote<\/tspan>/.test(svg), 'the touchpoint is not an SVG text line');
        const valid = await askRunner<{ ok: boolean; error?: string }>(control(), 'parse-svg', { file: svgFile });
        assert(valid.ok, `the browser cannot parse the exported SVG: ${valid.error}`);
        await vscode.commands.executeCommand('journey.export.png', { target: pngFile });
        const png = readFileSync(pngFile);
        assert(png.subarray(1, 4).toString() === 'PNG' && png.length > 1000, 'the PNG is not a PNG image');
        await vscode.commands.executeCommand('journey.export.markdown', { target: mdFile });
        const md = readFileSync(mdFile, 'utf8');
        assert(md.startsWith('# Booking a home cleaning') && /```mermaid\n---\nconfig:\n[\s\S]*?\n---\nflowchart (LR|TB)\n/.test(md), 'the Markdown lacks the Mermaid blocks');
        assert(md.includes('## Personas') && md.includes('**Alex, working parent**'), 'the Markdown lacks the personas (it should be the document journey render writes)');
        await vscode.env.clipboard.writeText('');
        const copied = await vscode.commands.executeCommand<string | undefined>('journey.export.copyMermaid');
        assert(copied !== undefined && /^---\nconfig:\n[\s\S]*?\n---\nflowchart (LR|TB)\n/.test(copied) && copied.includes('Calls for a quote'), `Copy Mermaid returned ${JSON.stringify(copied?.replace(/^---[^]*?---\n/, '').slice(0, 120))}, not the flow view's text`);
        const clipboard = await vscode.env.clipboard.readText();
        assert(clipboard === copied, `the clipboard holds ${JSON.stringify(clipboard.slice(0, 80))}, not the Mermaid text of the view`);
        writeFileSync(mdFile, 'keep me');
        // Tests cannot answer the modal "Replace it?" dialog: without a yes, the file stays.
        const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('journey.export.markdown', { target: mdFile });
        assert(again === undefined, 'the export claims to have replaced an existing file');
        assert(readFileSync(mdFile, 'utf8') === 'keep me', 'an existing file was overwritten without confirmation');
    });

    test('labels can never run script in the preview', async () => {
        const editor = await open('labels.journey');
        await vscode.commands.executeCommand('journey.preview.showToSide');
        await renderOf(editor.document.uri, (r) => r.shows === 'diagram', 'the render of labels.journey');
        const probe = await askRunner<{ scripts: number; handlers: number; title: string }>(control(), 'script-probe');
        assert(probe.scripts === 0, `the picture holds ${probe.scripts} script elements`);
        assert(probe.handlers === 0, `the picture holds ${probe.handlers} event-handler attributes`);
        assert(probe.title !== 'pwned', 'a label ran script');
    });

    test('the preview follows the theme', async () => {
        const editor = await open('booking.journey');
        await vscode.commands.executeCommand('journey.preview.showToSide');
        await renderOf(editor.document.uri, (r) => r.shows === 'diagram', 'the booking preview');
        const settings = vscode.workspace.getConfiguration('workbench');
        let previous = (await askRunner<{ style: string }>(control(), 'svg-style')).style;
        // Each theme: the webview's body takes its class, and the picture is drawn again in its colours.
        for (const [theme, bodyClass, name] of [
            ['Default Dark Modern', 'vscode-dark', 'dark'],
            ['Default High Contrast', 'vscode-high-contrast', 'high-contrast'],
            ['Default High Contrast Light', 'vscode-high-contrast-light', 'high-contrast-light'],
        ] as const) {
            await settings.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
            await waitFor(`the webview to take the ${name} theme`, async () => (await askRunner<{ classes: string }>(control(), 'body-class')).classes.includes(bodyClass));
            const before = previous;
            await waitFor(`the picture to be redrawn in ${name} colours`, async () => (await askRunner<{ style: string }>(control(), 'svg-style')).style !== before);
            assert(api.previews.lastRender(editor.document.uri)?.shows === 'diagram', `the ${name} picture failed`);
            await screenshot(`preview-${name}-theme`);
            previous = (await askRunner<{ style: string }>(control(), 'svg-style')).style;
        }
        await settings.update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    });

    test('survives a renamed, a closed and a deleted file', async () => {
        const original = fileUri('copy.journey');
        const renamed = fileUri('renamed.journey');
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('booking.journey')));
        await vscode.workspace.fs.writeFile(original, new TextEncoder().encode(text.replace('journey booking', 'journey copied')));
        await open('copy.journey');
        await vscode.commands.executeCommand('journey.preview.showToSide');
        await renderOf(original, (r) => r.shows === 'diagram', 'the preview of copy.journey');
        await vscode.commands.executeCommand('journey.preview.toggleLock');
        const preview = api.previews.all().find((p) => p.isPreviewOf(original));
        assert(preview?.isLocked, 'no locked preview of copy.journey');
        const rename = new vscode.WorkspaceEdit();
        rename.renameFile(original, renamed);
        assert(await vscode.workspace.applyEdit(rename), 'the rename failed');
        await waitFor('the preview to follow the rename', () => preview.isPreviewOf(renamed));
        await waitFor('a render of the renamed file', () => preview.lastRender?.shows === 'diagram' && preview.panel.title.includes('renamed.journey'))
            .catch((e) => { throw new Error(`${e.message}: ${preview.panel.title} ${JSON.stringify(preview.lastRender)}`); });
        // A reload would restore the locked preview of the renamed file.
        await savedWebviewState('the webview to save the renamed file, locked', (state) => state.uri === renamed.toString() && state.locked === true);
        await vscode.commands.executeCommand('workbench.action.closeEditorsInGroup', vscode.ViewColumn.One);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(renamed, new vscode.Position(0, 0), '// edited with its editor closed\n');
        await vscode.workspace.applyEdit(edit);
        const closedVersion = (await vscode.workspace.openTextDocument(renamed)).version;
        await waitFor('a render after an edit with the editor closed', () => preview.lastRender && preview.lastRender.version >= closedVersion);
        const remove = new vscode.WorkspaceEdit();
        remove.deleteFile(renamed);
        assert(await vscode.workspace.applyEdit(remove), 'the delete failed');
        await waitFor('the preview to keep its picture after the delete', () => preview.lastRender?.shows === 'diagram' && preview.lastRender.errorBanner === false);
        await screenshot('preview-deleted-file');
        preview.dispose();
    });

    test('editing a shared persona in another file redraws the preview of the map that uses it', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const shared = fileUri('shared-people.journey');
        const map = fileUri('uses-shared.journey');
        await vscode.workspace.fs.writeFile(shared, new TextEncoder().encode('persona sam "Sam the shopper"\n'));
        await vscode.workspace.fs.writeFile(map, new TextEncoder().encode(
            'journey shop "Shop" {\n  stage visit "Visit" {\n    touchpoint browse "Browses" {\n      persona sam\n      emotion 4\n    }\n  }\n}\n'));
        await open('uses-shared.journey');
        await vscode.commands.executeCommand('journey.preview.showToSide');
        await renderOf(map, (r) => r.shows === 'diagram' && r.view === 'journey', 'the journey view of uses-shared.journey');
        await waitFor('the shared persona in the picture', async () => (await svgInWebview()).text.includes('Sam the shopper') || undefined);
        const preview = api.previews.all().find((p) => p.isPreviewOf(map));
        assert(preview, 'no preview of uses-shared.journey');
        const document = await vscode.workspace.openTextDocument(shared);
        const edit = new vscode.WorkspaceEdit();
        edit.replace(shared, new vscode.Range(0, 12, 0, 29), '"Sam the runner"');
        assert(await vscode.workspace.applyEdit(edit), 'the edit of the shared file failed');
        assert(document.getText().includes('"Sam the runner"'), `shared file: ${document.getText()}`);
        await waitFor('the preview to show the new label', async () => (await svgInWebview()).text.includes('Sam the runner') || undefined)
            .catch(async (e) => { throw new Error(`${e.message}: ${(await svgInWebview()).text.slice(0, 300)}`); });
        preview.dispose();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('a copy of a map shown from another scheme (as the left side of a git diff) is not a second definition', async () => {
        // shared-people.journey (the test above) defines persona sam; a git: or other virtual copy
        // of it must not make the language server report sam as defined twice.
        const shared = fileUri('shared-people.journey');
        const scheme = 'journey-test-copy';
        const registration = vscode.workspace.registerTextDocumentContentProvider(scheme, {
            provideTextDocumentContent: async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(shared)),
        });
        try {
            await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(shared), vscode.ViewColumn.One);
            const copy = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme, path: '/shared-people.journey' }));
            await vscode.languages.setTextDocumentLanguage(copy, 'journey');
            await vscode.window.showTextDocument(copy, vscode.ViewColumn.Two);
            // A fresh edit of the real file makes the server validate it again, with the copy open.
            const editor = await open('shared-people.journey');
            await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// checked beside a copy\n'));
            await waitFor('the server to validate the edited file', () => api.client.isRunning() && editor.document.isDirty);
            await new Promise((resolve) => setTimeout(resolve, 3000));
            const problems = [...vscode.languages.getDiagnostics(shared), ...vscode.languages.getDiagnostics(copy.uri)];
            assert(problems.length === 0, `problems: ${problems.map((d) => d.message).join(' | ')}`);
            await vscode.commands.executeCommand('undo');
        } finally {
            registration.dispose();
            await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
            await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        }
    });

    test('a new untitled map gets diagnostics and a preview before it is saved', async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        const document = await vscode.workspace.openTextDocument({
            language: 'journey',
            content: 'journey draft "Draft" {\n  persona sam "Sam"\n  stage visit "Visit" {\n    touchpoint look "Looks around" {\n      emotion 4\n    }\n  }\n}\n',
        });
        assert(document.uri.scheme === 'untitled', `scheme ${document.uri.scheme}`);
        await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        const diagnostics = await waitFor('diagnostics of the untitled map', () => {
            const found = vscode.languages.getDiagnostics(document.uri);
            return found.length > 0 ? found : undefined;
        });
        assert(diagnostics.some((d) => d.message.includes("'sam'") && d.severity === vscode.DiagnosticSeverity.Warning), diagnostics.map((d) => d.message).join(' | '));
        await vscode.commands.executeCommand('journey.preview.showToSide');
        await renderOf(document.uri, (r) => r.shows === 'diagram' && r.view === 'journey', 'the journey view of the untitled map');
        await waitFor('the touchpoint in the picture', async () => (await svgInWebview()).text.includes('Looks around') || undefined);
        // Revert the unsaved map first: closing it dirty would leave a "Save changes?" dialog open.
        await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        assert(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === 'untitled' && d.isDirty), 'the untitled map is still open and unsaved');
    });

    test('format on save lays the map out and keeps every label', async () => {
        const uri = fileUri('messy.journey');
        const messy = 'journey messy "Messy, «map»" {\n stage s "Stage: one" { touchpoint t "Tap # 1" { emotion 4\n   pain "It\\"s slow"  } }\n}\n';
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(messy));
        const settings = vscode.workspace.getConfiguration('editor', { languageId: 'journey' });
        await settings.update('formatOnSave', true, vscode.ConfigurationTarget.Workspace, true);
        try {
            const editor = await open('messy.journey');
            await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), '// saved once\n'));
            assert(await editor.document.save(), 'the save failed');
            const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
            const expected = [
                '// saved once',
                'journey messy "Messy, «map»" {',
                '  stage s "Stage: one" {',
                '    touchpoint t "Tap # 1" {',
                '      emotion 4',
                '      pain "It\\"s slow"',
                '    }',
                '  }',
                '}',
                '',
            ].join('\n');
            if (saved !== expected) {
                // Tells a save that skipped the formatter from a formatter that returned the wrong text.
                const edits = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', uri, { tabSize: 2, insertSpaces: true });
                const formatOnSave = vscode.workspace.getConfiguration('editor', editor.document).get('formatOnSave');
                throw new Error(`saved text: ${JSON.stringify(saved)} (formatOnSave ${formatOnSave}; the formatter asked now returns ${edits?.length ?? 'no'} edits)`);
            }
        } finally {
            await settings.update('formatOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
            await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        }
    });

    test('a map whose every stage is too large says so instead of freezing', async () => {
        const lines = ['journey huge "A huge map" {'];
        for (let s = 0; s < 40; s++) {
            lines.push(`  stage s${s} "Stage ${s}" {`);
            for (let t = 0; t < 25; t++) lines.push(`    touchpoint t${s}_${t} "Touchpoint ${s}.${t} with a rather long label" {\n      emotion 3\n    }`);
            lines.push('  }');
        }
        lines.push('}');
        const uri = fileUri('huge.journey');
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(lines.join('\n')));
        // A view too large is drawn one stage at a time (journey-preview-reading.spec.ts); with a limit of 5 links, a stage is too large too.
        const settings = vscode.workspace.getConfiguration('journey.preview');
        await settings.update('maxEdges', 5, vscode.ConfigurationTarget.Workspace);
        try {
            await open('huge.journey');
            await vscode.commands.executeCommand('journey.preview.showToSide');
            await askRunner(control(), 'click', { selector: '[data-view="flow"]' });
            const report = await renderOf(uri, (r) => r.view === 'flow' && r.shows === 'too-large', 'the "too large" message', );
            assert(report.message?.includes('too large to draw'), `message: ${report.message}`);
            await screenshot('preview-too-large');
        } finally {
            await settings.update('maxEdges', undefined, vscode.ConfigurationTarget.Workspace);
        }
    });
});

describe('Journey language server', () => {
    test('is restarted when it dies, and answers again', async () => {
        const serverPid = () => (api.client as unknown as { _serverProcess?: { pid?: number } })._serverProcess?.pid;
        const before = serverPid();
        assert(before, 'no server process');
        process.kill(before, 'SIGKILL');
        const after = await waitFor('a new server process', () => {
            const pid = serverPid();
            return pid && pid !== before && api.client.isRunning() ? pid : undefined;
        }, 30_000);
        assert(after !== before, 'the same server process');
        const editor = await open('booking.journey');
        const line = lineOf(editor.document, 'stage purchase');
        const labels = await waitFor('completion from the restarted server', async () => {
            const list = await vscode.commands.executeCommand<vscode.CompletionList>(
                'vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line + 1, 4));
            const found = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
            return found.includes('touchpoint') ? found : undefined;
        }, 30_000);
        assert(labels.includes('touchpoint'), 'no completion after the restart');
    });
});

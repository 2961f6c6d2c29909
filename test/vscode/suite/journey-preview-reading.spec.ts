/**
 * The preview reads in the side pane of a laptop's window, checked in a real VS Code: labels at
 * 11 CSS px or more after Fit, the pane's width sent to the views (and again after a resize), the
 * cursor's node scrolled into view, scroll sync with the editor, and a 1,000-touchpoint map drawn
 * one stage at a time with a stage picker.
 */
import * as vscode from 'vscode';
import type { JourneyDiffView } from '../../../extension/src/diff/journey-diff-panel.js';
import type { JourneyExtensionApi } from '../../../extension/src/extension.js';
import type { JourneyPreview, RenderReport } from '../../../extension/src/preview/journey-preview.js';
import { VIEW_IDS } from '../../../language-server/src/views/view-types.js';
import { generateMap } from '../../support/generate-map.js';
import { assert, describe, test, waitFor } from './mini-test.js';
import { askRunner, readControl } from './runner-bridge.js';

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const fileUri = (name: string) => vscode.Uri.joinPath(folder(), name);
const control = () => readControl(folder().fsPath);
const extension = () => vscode.extensions.getExtension<JourneyExtensionApi>('journey-maps.journey-maps')!;
const api = () => extension().exports;
const LAPTOP = { width: 1366, height: 768 };
const READABLE_PX = 11;

interface LabelFigures { zoom: number; labels: number; smallest: number; paneWidth: number; windowWidth: number }
interface ElementBox { left: number; top: number; width: number; height: number; inside: boolean }

async function writeMap(name: string, text: string): Promise<vscode.Uri> {
    const uri = fileUri(name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
}

/** Opens `uri` in the first column and its preview beside it, and waits for a picture. */
async function openWithPreview(uri: vscode.Uri): Promise<{ editor: vscode.TextEditor; preview: JourneyPreview }> {
    await closeAll();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
    await waitFor('the extension to activate', () => extension().isActive);
    await vscode.commands.executeCommand('journey.preview.showToSide');
    await renderOf(uri, (r) => r.shows === 'diagram', 'the first picture').catch(async (e) => {
        await screenshot('debug-first-picture');
        throw new Error(`${e.message}; previews: ${JSON.stringify(api().previews.all().map((p) => [p.resource.toString(), p.lastRender]))}`);
    });
    const preview = api().previews.all().find((p) => p.isPreviewOf(uri));
    assert(preview, 'no preview of the map');
    return { editor: await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One), preview };
}

/** Closes every editor and waits until the previews are gone (a closing preview is not reused). */
async function closeAll(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (extension().isActive) await waitFor('the previews to close', () => api().previews.all().length === 0);
}

function renderOf(uri: vscode.Uri, accept: (report: RenderReport) => boolean, what: string, timeoutMs = 30_000): Promise<RenderReport> {
    return waitFor(what, () => {
        const report = api().previews.lastRender(uri);
        return report && accept(report) ? report : undefined;
    }, timeoutMs);
}

async function showView(uri: vscode.Uri, view: string): Promise<void> {
    await askRunner(control(), 'click', { selector: `[data-view="${view}"]` });
    await renderOf(uri, (r) => r.view === view && r.shows === 'diagram', `the ${view} view`);
}

async function fit(): Promise<void> {
    await askRunner(control(), 'click', { selector: '#zoom-fit' });
}

const figures = (all = false) => askRunner<LabelFigures>(control(), 'label-figures', { all });
const box = (selector: string) => askRunner<ElementBox | null>(control(), 'element-box', { selector });
const screenshot = (name: string) => askRunner(control(), 'screenshot', { name });

function lineOf(document: vscode.TextDocument, text: string): number {
    const line = document.getText().split('\n').findIndex((l) => l.includes(text));
    assert(line >= 0, `no line with ${text}`);
    return line;
}

describe('Journey preview in a laptop window', () => {
    test('side by side at 1366×768, every label of the default view shows at 11 CSS px or more after Fit; the views are laid out for the pane\'s width', async () => {
        await askRunner(control(), 'viewport', LAPTOP);
        for (const [name, text] of [['reading-booking.journey', undefined], ['reading-30.journey', generateMap(30, { journeyId: 'reading_30' }).text]] as const) {
            const uri = text ? await writeMap(name, text) : fileUri('booking.journey');
            const { preview } = await openWithPreview(uri);
            await fit();
            const seen = await waitFor('labels in the picture', async () => {
                const f = await figures();
                return f.labels > 0 ? f : undefined;
            });
            assert(seen.windowWidth < 800, `the preview pane is ${seen.windowWidth} px wide: not side by side in a laptop window`);
            assert(seen.smallest >= READABLE_PX, `${name}: labels at ${seen.smallest.toFixed(1)} CSS px (zoom ${seen.zoom}): ${JSON.stringify(seen)}`);
            await waitFor('the views laid out for the pane', () => preview.viewsWidth !== undefined && Math.abs(preview.viewsWidth - (seen.paneWidth - 24)) <= 1);
            await screenshot(`preview-laptop-${name.replace('.journey', '')}`);
        }
    });

    test('resizing the pane asks for the views again at its new width', async () => {
        const uri = fileUri('booking.journey');
        const { preview } = await openWithPreview(uri);
        const before = await waitFor('a width', () => preview.viewsWidth);
        await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
        try {
            const after = await waitFor('views laid out for another width', () => (preview.viewsWidth !== undefined && Math.abs(preview.viewsWidth - before) > 20 ? preview.viewsWidth : undefined));
            const seen = await figures();
            assert(Math.abs(after - (seen.paneWidth - 24)) <= 1, `views laid out for ${after} px, the pane is ${seen.paneWidth} px`);
        } finally {
            await vscode.commands.executeCommand('workbench.action.toggleSidebarVisibility');
        }
    });

    test('moving the cursor scrolls the preview to the node it outlines', async () => {
        // Each generated map has its own journey id: two journeys of one id in a workspace are an error.
        const map = generateMap(30, { journeyId: 'reading_cursor' });
        const uri = await writeMap('reading-cursor.journey', map.text);
        const { editor } = await openWithPreview(uri);
        await showView(uri, 'flow');
        await fit();
        const node = '[data-journey-id="tp_28"]';
        const start = await waitFor('the node tp_28', () => box(node).then((b) => b ?? undefined));
        assert(!start.inside, `tp_28 is on screen before the cursor moves: ${JSON.stringify(start)}`);
        const line = map.touchpointLines[28] + 1;
        editor.selection = new vscode.Selection(line, 6, line, 6);
        await waitFor('tp_28 outlined and on screen', async () => {
            const outlined = await askRunner<{ ids: string[] }>(control(), 'highlighted');
            const now = await box(node);
            return outlined.ids.includes('tp_28') && now?.inside;
        });
        await screenshot('preview-cursor-scrolls-to-node');
    });

    test('scrolling the editor keeps the preview on the stage at its top, and the editor stays where it was put', async () => {
        const uri = fileUri('reading-cursor.journey');
        const { editor } = await openWithPreview(uri);
        await showView(uri, 'flow');
        await fit();
        const atStart = await waitFor('the first stage', () => box('[data-journey-id="stage_0"]').then((b) => b ?? undefined));
        const stageLine = lineOf(editor.document, 'stage stage_2 ');
        // "At top" leaves a few lines of context above: aim a little below the stage's first line.
        editor.revealRange(new vscode.Range(stageLine + 10, 0, stageLine + 10, 0), vscode.TextEditorRevealType.AtTop);
        await waitFor('the editor to scroll into stage 2', () => editor.visibleRanges[0].start.line > stageLine && editor.visibleRanges[0].start.line < stageLine + 20);
        let last: ElementBox | null = null;
        await waitFor('the picture on stage 2', async () => {
            last = await box('[data-journey-id="stage_2"]');
            return last && Math.abs(last.left - 16) < 3 ? last : undefined;
        }).catch(async (e) => {
            await screenshot('debug-scroll-sync');
            throw new Error(`${e.message}: stage 2 at ${JSON.stringify(last)}, editor at ${JSON.stringify(editor.visibleRanges.map((r) => [r.start.line, r.end.line]))}, stage line ${stageLine}`);
        });
        await screenshot('preview-scroll-sync');
        // No loop: the editor is not moved by the preview.
        const top = editor.visibleRanges[0].start.line;
        await new Promise((r) => setTimeout(r, 800));
        assert(editor.visibleRanges[0].start.line === top, `the editor moved from line ${top} to ${editor.visibleRanges[0].start.line}`);
        editor.revealRange(new vscode.Range(0, 0, 0, 0), vscode.TextEditorRevealType.AtTop);
        await waitFor('the picture back at its start', async () => {
            const now = await box('[data-journey-id="stage_0"]');
            return now && Math.abs(now.left - atStart.left) < 1 ? now : undefined;
        });
    });

    test('a 1,000-touchpoint map: a view too large is drawn for the stage at the cursor, with a stage picker', async () => {
        const map = generateMap(1000, { journeyId: 'reading_1000' });
        const uri = await writeMap('reading-1000.journey', map.text);
        await closeAll();
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), vscode.ViewColumn.One);
        const line = map.touchpointLines[512] + 1;
        editor.selection = new vscode.Selection(line, 6, line, 6);
        await vscode.commands.executeCommand('journey.preview.showToSide');
        await renderOf(uri, (r) => r.shows === 'diagram', 'the first picture', 60_000);
        await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
        await showView(uri, 'flow');
        const report = await renderOf(uri, (r) => r.view === 'flow' && r.stage === 'stage_51', 'the flow view of stage 51');
        assert(report.shows === 'diagram', `shows ${report.shows}`);
        await screenshot('preview-big-map-stage');
        const other = map.touchpointLines[105] + 1;
        editor.selection = new vscode.Selection(other, 6, other, 6);
        await renderOf(uri, (r) => r.view === 'flow' && r.stage === 'stage_10' && r.shows === 'diagram', 'the stage of the cursor\'s new line');
        await askRunner(control(), 'select', { selector: '#stage-picker', value: 'stage_99' });
        await renderOf(uri, (r) => r.view === 'flow' && r.stage === 'stage_99' && r.shows === 'diagram', 'the stage picked');
        const svg = await askRunner<{ text: string }>(control(), 'svg');
        assert(svg.text.includes('999'), 'the picture of the last stage lacks touchpoint 999');
    });

    test('a new preview opens on the journey-map canvas, the default view (the suite\'s workspace sets the journey view for its other tests)', async () => {
        const settings = vscode.workspace.getConfiguration('journey.preview');
        await settings.update('defaultView', undefined, vscode.ConfigurationTarget.Workspace);
        try {
            const chosen = vscode.workspace.getConfiguration('journey.preview').get('defaultView');
            assert(chosen === 'canvas', `the default view is ${String(chosen)}`);
            const uri = fileUri('booking.journey');
            await openWithPreview(uri);
            await renderOf(uri, (r) => r.view === 'canvas' && r.shows === 'diagram', 'the canvas, first');
            await screenshot('preview-default-canvas');
        } finally {
            await settings.update('defaultView', 'journey', vscode.ConfigurationTarget.Workspace);
            await closeAll();
        }
    });

    test('Compare shows the default view across the whole panel, zoomed for reading, every view a tab away', async () => {
        await closeAll();
        const current = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri('booking.journey')));
        const future = current.replace('journey booking "Booking a home cleaning"', 'journey reading_future "Booking a home cleaning, to be"').replace('state current', 'state future').replace(/emotion 1\b/, 'emotion 5');
        const uri = await writeMap('reading-future.journey', future);
        const view = await vscode.commands.executeCommand<JourneyDiffView>('journey.diff.compareWith', uri, { file: fileUri('booking.journey') });
        assert(view, 'no compare view opened');
        const { errors } = await view.rendered;
        assert(errors.length === 0, `pictures failed: ${errors.join(' | ')}`);
        const seen = await figures(true);
        // The whole panel: the compare view is the only editor, the full width of the window less the side bar.
        assert(seen.paneWidth > LAPTOP.width - 400, `the picture area is ${seen.paneWidth} px wide in a ${LAPTOP.width}-px window`);
        assert(seen.smallest >= READABLE_PX, `labels at ${seen.smallest.toFixed(1)} CSS px: ${JSON.stringify(seen)}`);
        const pictures = await askRunner<{ count: number; text: string }>(control(), 'svg');
        assert(pictures.count === 2, `${pictures.count} pictures (after and before) of the view shown`);
        for (const tab of VIEW_IDS) {
            assert(await box(`#tabs [data-view="${tab}"]`), `no tab for the ${tab} view`);
        }
        await askRunner(control(), 'click', { selector: '[data-view="flow"]' });
        await waitFor('the flow view in Compare', async () => (await box('figure[data-side="after"][data-view="flow"] svg')) !== null);
        await askRunner(control(), 'click', { selector: '#zoom-in' });
        await screenshot('compare-full-width');
        view.panel.dispose();
    });

    test('back to the default window size', async () => {
        await closeAll();
        await askRunner(control(), 'viewport', { width: 1600, height: 900 });
        for (const name of ['reading-30.journey', 'reading-cursor.journey', 'reading-1000.journey', 'reading-future.journey']) {
            await vscode.workspace.fs.delete(fileUri(name)).then(undefined, () => undefined);
        }
    });
});

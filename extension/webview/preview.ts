/**
 * The browser side of the Journey preview. It only renders what the extension sends (views as
 * Mermaid text with source maps), reports clicks back, and keeps zoom and pan. It knows nothing
 * about journeys beyond the message types.
 */
import type {
    HostToWebviewMessage, JourneyPreviewDiagnostic, PreviewRange, PreviewState, PreviewView, RenderedMessage, RenderTiming, UpdateMessage,
    ViewId, ViewMessage, ViewResult, WebviewToHostMessage,
} from '../src/preview/journey-preview-messages.js';
import { diagramSize, exceedsLimits } from '../../language-server/src/views/view-size.js';
import { canvasToPng, exportedSvg } from './preview-export.js';
import { themeCanvasCells } from './preview-canvas-theme.js';
import { isDark, mermaidTheme, themeKind } from './mermaid-theme.js';
import { labelFontSize } from './preview-label-size.js';
import { naturalSize, trimMargins } from './preview-svg-size.js';
import { indexDiagram, innermostEntryAt, sameElement, type SourceMapEntryLike } from './preview-source-map.js';
import { renderViewTable } from './preview-table.js';
import { createZoomPan } from './preview-zoom.js';

interface MermaidApi {
    initialize(config: Record<string, unknown>): void;
    render(id: string, text: string): Promise<{ svg: string }>;
}
declare const mermaid: MermaidApi;
declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): PreviewState | undefined; setState(state: PreviewState): void };

const vscode = acquireVsCodeApi();
const initialState = JSON.parse(document.getElementById('journey-preview-state')?.dataset.state ?? '{}') as PreviewState;
// The saved state is the newest (the page's initial state is the one the panel was created with);
// the host says on `ready` which document it shows and whether it is locked (the `document` message).
const state: PreviewState = { ...initialState, ...(vscode.getState() ?? {}) };

const tabs = element('tabs');
const banner = element('banner');
const viewport = element('viewport');
const canvas = element('canvas');
const messageBox = element('message');
const partBar = element('part');

/** The last update received, and the last one that had views (the last good picture). */
let latest: UpdateMessage | undefined;
let good: UpdateMessage | undefined;
/** The view last asked of the host (`needView`), as `<uri>#<version>#<view>`: asked once per update. */
let askedFor = '';
let renderedKey = '';
let renderCount = 0;
/** `mermaid.render` calls of this page, and renders that kept the picture on screen because nothing it shows changed. */
let draws = 0;
let skips = 0;
/** Whether the current render drew a new picture, and how long its parts took (ms). */
let drawn = false;
let timing: RenderTiming = { total: 0, mermaid: 0, phases: {} };
/** The length of the SVG text on the canvas, for the host's render report. */
let shownSvgLength = 0;
let rendering = false;
let renderAgain = false;
/** The picture's elements for each source map entry (then each row of its table: `row`). */
let linked: { entry: SourceMapEntryLike; elements: Element[]; row?: number }[] = [];
/** The document's version the linked entries' ranges are read in (the host carries them to the text of now). */
let linkedVersion = 0;
/** The ids the links on the canvas were made from (each entry's diagram and element id, each row's element id), in order. */
let linkedIds = '';
let highlightedLine: number | undefined;
/** The version of the picture the highlighted line is read in (undefined: any); a picture of another version waits for the host's line for it. */
let highlightedVersion: number | undefined;
/** The cursor moved while its line waited for the picture it is read in: scroll to its element when that line comes. */
let revealPending = false;
/** The source map entry the picture was last scrolled to for the editor's first visible line (scroll sync). */
let syncedEntry: SourceMapEntryLike | undefined;

const zoom = createZoomPan(viewport, canvas, state, () => vscode.setState(state));

window.addEventListener('message', (event: MessageEvent<HostToWebviewMessage>) => {
    const message = event.data;
    switch (message.type) {
        case 'update':
            if (latest && latest.uri === message.uri && message.version < latest.version && message.version !== 0 && !message.restart) return;
            if (latest && latest.uri !== message.uri) good = undefined;
            // Another document: its picture starts fitted, and the saved state names it.
            if (state.uri !== message.uri) showDocument(message.uri);
            latest = message;
            if (message.views) good = message;
            scheduleRender();
            break;
        case 'document':
            if (message.renamedFrom !== undefined && message.renamedFrom === state.uri) renameDocument(message.uri);
            else if (state.uri !== message.uri) showDocument(message.uri);
            if (state.locked !== message.locked) {
                state.locked = message.locked;
                vscode.setState(state);
            }
            break;
        case 'highlight':
            highlightedLine = message.line;
            highlightedVersion = message.version;
            // A scroll to the cursor's element asked while the line waited for its picture is done with the line that comes for it.
            revealPending ||= message.reveal ?? true;
            if (applyHighlight(revealPending)) revealPending = false;
            break;
        case 'scroll':
            scrollToLine(message.line, message.lastLine);
            break;
        case 'selectView':
            selectView(message.view);
            break;
        case 'view':
            receiveView(message);
            break;
        case 'export':
            void exportPicture(message.requestId, message.format);
            break;
    }
});

canvas.addEventListener('click', (event) => {
    if (zoom.wasDragged()) return;
    const target = (event.target as Element).closest('[data-journey-entry]');
    if (!target) return;
    const entry = linked[Number(target.getAttribute('data-journey-entry'))]?.entry;
    if (entry) post({ type: 'reveal', range: entry.range, version: linkedVersion });
});

new MutationObserver(() => {
    renderedKey = '';
    scheduleRender();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

vscode.setState(state);
post({ type: 'ready', width: paneWidth() });

// Views may lay themselves out for the pane's width: the host asks again when it changes (after the resize settles).
let reportedWidth = paneWidth();
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
        const width = paneWidth();
        if (width === reportedWidth || width <= 0) return;
        reportedWidth = width;
        post({ type: 'size', width });
    }, 150);
}).observe(viewport);

/** The width pictures have in the pane: the viewport less the canvas's padding. */
function paneWidth(): number {
    return Math.max(0, Math.round(viewport.clientWidth - 24));
}

/** Notes that the preview now shows `uri`: the zoom is reset to fit, and the state saved with the new document. */
function showDocument(uri: string): void {
    state.uri = uri;
    // The cursor of the document shown before is not in this one.
    highlightedLine = undefined;
    highlightedVersion = undefined;
    revealPending = false;
    zoom.fit();
}

/** The same map under a new name: its picture, zoom and pan stay. */
function renameDocument(uri: string): void {
    state.uri = uri;
    if (latest) latest = { ...latest, uri };
    if (good) good = { ...good, uri };
    vscode.setState(state);
}

function scheduleRender(): void {
    renderAgain = true;
    if (!rendering) void renderLoop();
}

/** Renders one picture at a time, always the newest content: a slow render never overwrites a newer one. */
async function renderLoop(): Promise<void> {
    rendering = true;
    try {
        while (renderAgain) {
            renderAgain = false;
            await render();
        }
    } finally {
        rendering = false;
    }
}

async function render(): Promise<void> {
    const began = performance.now();
    timing = { total: 0, mermaid: 0, phases: {} };
    drawn = false;
    const errors = latest?.errors ?? [];
    renderBanner(errors, latest?.notice);
    const views = good?.views ?? [];
    renderTabs(views);
    const shown = shownView();
    const version = good?.version ?? latest?.version ?? 0;
    if (shown?.kind === 'tab') {
        // The update named this view only by its tab: the host sends it whole, and it is drawn then
        // (the picture on screen stays until that answer).
        const asking = `${good?.uri}#${version}#${shown.view}`;
        if (asking !== askedFor) {
            askedFor = asking;
            post({ type: 'needView', view: shown.view, version });
        }
        return;
    }
    const view = shown;
    if (!view || view.kind === 'empty') renderPart(undefined);
    if (!view) {
        canvas.replaceChildren();
        renderedKey = '';
        showMessage(latest ? (errors.length > 0 ? 'The map has errors: fix them to see the picture.' : (latest.notice ?? 'This file has no views to show.')) : 'Loading the preview…');
        return report({ version, view: undefined, shows: 'nothing' }, began);
    }
    if (view.kind === 'empty') {
        canvas.replaceChildren();
        renderedKey = '';
        showMessage(view.message);
        return report({ version, view: view.view, shows: 'empty', message: view.message }, began);
    }
    const limits = good?.limits ?? { maxTextSize: 50000, maxEdges: 500 };
    renderPart(view);
    const size = diagramSize(view.mermaid);
    if (exceedsLimits(size, limits)) {
        canvas.replaceChildren();
        renderedKey = '';
        const message = `This map is too large to draw as "${view.title}" (${size.characters} characters and ${size.links} links; the preview draws up to ${limits.maxTextSize} characters and ${limits.maxEdges} links). Split the journey into several maps, or raise the settings journey.preview.maxTextSize and journey.preview.maxEdges.`;
        showMessage(message);
        return report({ version, view: view.view, shows: 'too-large', message }, began);
    }
    // Drawn again only when something that changes the picture changed (not for a new version with the same text).
    const table = view.table ? JSON.stringify([view.table.caption, view.table.columns, view.table.rows.map((row) => row.cells), view.table.note]) : '';
    const key = `${good?.uri}#${view.view}#${themeKind()}#${view.mermaid}#${table}`;
    if (key !== renderedKey) {
        try {
            initializeMermaid(mermaidConfig(limits.maxTextSize, limits.maxEdges));
            const start = performance.now();
            timing.phases.prepare = start - began;
            draws++;
            const { svg } = await mermaid.render(`journey-svg-${++renderCount}`, view.mermaid);
            timing.mermaid = performance.now() - start;
            linkedVersion = version;
            showPicture(svg, view);
            renderedKey = key;
            drawn = true;
        } catch (error) {
            canvas.replaceChildren();
            renderedKey = '';
            const message = `Mermaid could not draw "${view.title}": ${error instanceof Error ? error.message : String(error)}`;
            showMessage(message);
            cleanUpMermaidLeftovers();
            return report({ version, view: view.view, shows: 'render-error', message }, began);
        }
    } else {
        // The same picture, but its elements may now stand on other lines (an edit above them).
        skips++;
        phase('link', () => relinkSourceMap(view));
        linkedVersion = version;
        phase('highlight', () => applyHighlight(false));
    }
    showMessage(undefined);
    report({ version, view: view.view, shows: 'diagram', stage: view.part?.stage }, began);
}

/**
 * Puts the SVG Mermaid drew on the canvas, at its natural size, linked to the map, fitted. The
 * steps that only write (attributes, classes) come before the first one that reads styles or
 * layout, so a big picture's styles and layout are computed once, not once per step.
 */
function showPicture(svg: string, view: Extract<ViewResult, { kind: 'diagram' }>): void {
    // One operation replaces the old picture (and table) with the new one.
    phase('insert', () => {
        canvas.innerHTML = svg;
    });
    shownSvgLength = svg.length;
    const picture = canvas.querySelector('svg');
    const dark = isDark(themeKind());
    if (view.view === 'canvas') phase('theme', () => themeCanvasCells(picture, dark));
    phase('size', () => naturalSize(picture));
    linked = [];
    linkedIds = '';
    phase('link', () => linkDiagram(view));
    syncedEntry = undefined;
    // The first read of styles has the browser compute the new picture's styles, the first read of
    // layout lay it out: work it does once, before the picture is painted (timed apart from the
    // page's own steps that read them: the labels' font size, the drawing's box).
    phase('styles', () => picture && getComputedStyle(picture).fontSize);
    phase('label', () => zoom.setLabelSize(picture ? labelFontSize(picture) : undefined));
    phase('layout', () => picture?.getBoundingClientRect());
    phase('trim', () => trimMargins(picture));
    if (view.table) {
        phase('table', () => canvas.append(renderViewTable(view.table!, picture?.viewBox.baseVal.width)));
        phase('link', () => linkTable(view));
    }
    linkedIds = idsOf(view);
    phase('fit', () => zoom.apply());
    phase('highlight', () => applyHighlight(false));
}

/** Runs one phase of a render and adds its time to the render's timing. */
function phase(name: string, action: () => void): void {
    const start = performance.now();
    action();
    timing.phases[name] = (timing.phases[name] ?? 0) + performance.now() - start;
}

function report(partial: Pick<RenderedMessage, 'version' | 'view' | 'shows'> & { message?: string; stage?: string }, began: number): void {
    timing.total = performance.now() - began;
    post({
        type: 'rendered',
        ...partial,
        // The length Mermaid returned: a big map's SVG is not serialised again only to be counted.
        svgLength: partial.shows === 'diagram' ? shownSvgLength : 0,
        errorBanner: !banner.hidden && (latest?.errors.length ?? 0) > 0,
        drawn,
        draws,
        skips,
        timing,
    });
}

/** The settings Mermaid was last given, as JSON: given again only when they change (a theme, the limits). */
let mermaidSettings = '';

/** Gives Mermaid the page's settings, unless it already has these (`initialize` merges them into its defaults each time). */
function initializeMermaid(config: Record<string, unknown>): void {
    const json = JSON.stringify(config);
    if (json === mermaidSettings) return;
    mermaid.initialize(config);
    mermaidSettings = json;
}

function mermaidConfig(maxTextSize: number, maxEdges: number): Record<string, unknown> {
    return {
        startOnLoad: false,
        securityLevel: 'strict',
        maxTextSize,
        maxEdges,
        // 100% is the diagram's natural size; the zoom buttons (and Fit) scale it.
        flowchart: { useMaxWidth: false },
        journey: { useMaxWidth: false },
        quadrantChart: { useMaxWidth: false },
        xyChart: { useMaxWidth: false },
        sankey: { useMaxWidth: false },
        ...mermaidTheme(),
    };
}


/** A view of the last good update, whole, as the host sends it when the page shows it (`needView`). */
function receiveView(message: ViewMessage): void {
    if (!good?.views || good.uri !== message.uri || good.version !== message.version) return;
    const views = good.views.map((view) => view.view === message.view.view ? message.view : view);
    if (latest === good) latest = { ...latest, views };
    good = { ...good, views };
    scheduleRender();
}

function renderTabs(views: readonly PreviewView[]): void {
    const current = views.find((v) => v.view === state.view)?.view ?? views[0]?.view;
    tabs.replaceChildren(...views.map((view) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.role = 'tab';
        tab.textContent = view.title;
        tab.dataset.view = view.view;
        tab.className = 'tab' + (view.kind === 'empty' ? ' tab-empty' : '');
        tab.setAttribute('aria-selected', String(view.view === current));
        tab.title = view.kind === 'empty' ? view.message : `Show the ${view.title} view`;
        tab.addEventListener('click', () => selectView(view.view));
        return tab;
    }));
}

/** Shows another view; when the last update named it only by its tab, `render` asks the host for it. */
function selectView(view: ViewId): void {
    if (state.view === view) return;
    state.view = view;
    zoom.fit();
    vscode.setState(state);
    post({ type: 'viewChanged', view });
    scheduleRender();
}

function renderBanner(errors: readonly JourneyPreviewDiagnostic[], notice: string | undefined): void {
    const items: HTMLElement[] = [];
    // Without a picture, the notice is the page's message (shown once, there), not a banner over nothing.
    if (notice && (good?.views?.length ?? 0) > 0) {
        const p = document.createElement('p');
        p.textContent = notice;
        items.push(p);
    }
    if (errors.length > 0) {
        const heading = document.createElement('p');
        heading.textContent = errors.length === 1
            ? '1 error: the picture shows the last version without errors.'
            : `${errors.length} errors: the picture shows the last version without errors.`;
        items.push(heading);
        const list = document.createElement('ul');
        for (const error of errors.slice(0, 5)) {
            const li = document.createElement('li');
            const link = document.createElement('button');
            link.type = 'button';
            link.className = 'error-link';
            link.textContent = `Line ${error.range.start.line + 1}: ${error.message}`;
            const version = latest?.version ?? 0;
            link.addEventListener('click', () => post({ type: 'reveal', range: error.range, version }));
            li.append(link);
            list.append(li);
        }
        if (errors.length > 5) {
            const li = document.createElement('li');
            li.textContent = `…and ${errors.length - 5} more (see the Problems panel).`;
            list.append(li);
        }
        items.push(list);
    }
    banner.replaceChildren(...items);
    banner.hidden = items.length === 0;
    banner.classList.toggle('notice-only', errors.length === 0);
}

function showMessage(text: string | undefined): void {
    messageBox.textContent = text ?? '';
    messageBox.hidden = !text;
}

function linkSourceMap(view: ViewResult): void {
    linked = [];
    linkDiagram(view);
    linkTable(view);
    linkedIds = idsOf(view);
}

/**
 * Links the picture kept on screen to a new version's source map. When its entries name the same
 * elements in the same order (an edit that moved lines, or changed no view), the same elements
 * stand for them: only the entries are replaced, without reading the picture again.
 */
function relinkSourceMap(view: ViewResult): void {
    if (view.kind !== 'diagram' || linkedIds === '' || idsOf(view) !== linkedIds) return linkSourceMap(view);
    for (const [i, link] of linked.entries()) {
        const row = link.row === undefined ? undefined : view.table?.rows[link.row];
        link.entry = row ? { elementId: row.elementId, diagramId: '', range: row.range } : view.sourceMap[i]!;
    }
}

/** The ids a view's links are made from, in order. */
function idsOf(view: ViewResult): string {
    if (view.kind !== 'diagram') return '';
    return JSON.stringify([view.sourceMap.map((entry) => [entry.diagramId, entry.elementId ?? '']), view.table?.rows.map((row) => row.elementId) ?? []]);
}

/** Marks the picture's elements with the source map entries they stand for (after `linked` was emptied). */
function linkDiagram(view: ViewResult): void {
    const svg = canvas.querySelector('svg');
    if (!svg || view.kind !== 'diagram') return;
    const find = indexDiagram(svg);
    view.sourceMap.forEach((entry) => {
        const elements = find(entry.diagramId);
        const index = linked.push({ entry, elements }) - 1;
        for (const el of elements) {
            el.setAttribute('data-journey-entry', String(index));
            if (entry.elementId) el.setAttribute('data-journey-id', entry.elementId);
            el.classList.add('journey-linked');
        }
    });
}

/** The rows of a table beside the picture lead to their element too (linked after the picture's elements). */
function linkTable(view: ViewResult): void {
    if (!canvas.querySelector('svg') || view.kind !== 'diagram') return;
    view.table?.rows.forEach((row, i) => {
        const tr = canvas.querySelector(`.journey-table tr[data-row="${i}"]`);
        if (!tr) return;
        const index = linked.push({ entry: { elementId: row.elementId, diagramId: '', range: row.range }, elements: [tr], row: i }) - 1;
        tr.setAttribute('data-journey-entry', String(index));
        tr.setAttribute('data-journey-id', row.elementId);
        tr.classList.add('journey-linked');
    });
}

/**
 * Outlines the element written at the cursor's line; with `reveal`, scrolls the picture so it is on
 * screen. False when the line is read in another picture's text than the one on screen: the outline
 * stays as it is until the host sends the line for this one.
 */
function applyHighlight(reveal: boolean): boolean {
    if (highlightedVersion !== undefined && highlightedVersion !== linkedVersion) return false;
    for (const el of Array.from(canvas.querySelectorAll('.journey-highlight'))) el.classList.remove('journey-highlight');
    if (highlightedLine === undefined) return true;
    const entry = innermostEntryAt(linked.map((l) => l.entry), highlightedLine);
    // Every drawing of that element: a touchpoint's name and its markers on the emotion curve,
    // an element drawn in the picture and listed in its table.
    const elements = entry ? linked.filter((l) => l.entry === entry || sameElement(l.entry, entry)).flatMap((l) => l.elements) : [];
    for (const el of elements) el.classList.add('journey-highlight');
    if (reveal && elements.length > 0) zoom.reveal(boundsOf(elements), 'nearest');
    return true;
}

/**
 * Scroll sync: keeps the picture on the stage (or element) written at the editor's first visible
 * line, and the cursor's node on screen when the cursor is in view. The picture moves only when
 * that stage changes, so reading the picture around one stage is left alone.
 */
function scrollToLine(line: number, lastLine: number): void {
    // The journey itself holds every line (its title is drawn): it never says where to scroll.
    const entries = linked.filter((l) => l.elements.length > 0 && !l.entry.range.uri && l.entry.kind !== 'journey');
    if (entries.length === 0) return;
    const holding = entries.filter((l) => l.entry.range.start.line <= line && line <= l.entry.range.end.line);
    const span = (l: (typeof entries)[number]) => l.entry.range.end.line - l.entry.range.start.line;
    // The stage drawn at the line, else the innermost element there, else the first one written after it.
    const here = holding.find((l) => l.entry.kind === 'stage') ?? holding.sort((a, b) => span(a) - span(b))[0];
    const after = entries.filter((l) => l.entry.range.start.line > line).sort((a, b) => a.entry.range.start.line - b.entry.range.start.line);
    const target = here ?? after[0];
    if (target && target.entry !== syncedEntry) {
        syncedEntry = target.entry;
        // Above everything drawn (the top of the file): the start of the picture.
        const beforeAll = !here && after.length === entries.length;
        zoom.reveal(beforeAll ? canvas.getBoundingClientRect() : boundsOf(target.elements), 'start');
    }
    if (highlightedLine !== undefined && highlightedLine >= line && highlightedLine <= lastLine) applyHighlight(true);
}

/** The box on screen around elements (those drawn with no size, such as a text Mermaid keeps hidden, left out). */
function boundsOf(elements: readonly Element[]): DOMRect {
    const all = elements.map((el) => el.getBoundingClientRect());
    const drawn = all.filter((box) => box.width > 0 || box.height > 0);
    const boxes = drawn.length > 0 ? drawn : all;
    const left = Math.min(...boxes.map((b) => b.left));
    const top = Math.min(...boxes.map((b) => b.top));
    return new DOMRect(left, top, Math.max(...boxes.map((b) => b.right)) - left, Math.max(...boxes.map((b) => b.bottom)) - top);
}

/** The bar above a view too large to draw whole: what it shows, and a picker of the stage to draw. */
function renderPart(view: ViewResult | undefined): void {
    const part = view?.kind === 'diagram' ? view.part : undefined;
    partBar.hidden = !part;
    if (!view || !part) {
        partBar.replaceChildren();
        return;
    }
    const text = document.createElement('span');
    text.textContent = `The map is too large to draw whole as "${view.title}" (${part.whole.characters} characters, ${part.whole.links} links). Showing the stage`;
    const picker = document.createElement('select');
    picker.id = 'stage-picker';
    picker.setAttribute('aria-label', 'Stage to draw');
    for (const stage of part.stages) {
        const option = document.createElement('option');
        option.value = stage.id;
        option.textContent = stage.label;
        option.selected = stage.id === part.stage;
        picker.append(option);
    }
    picker.addEventListener('change', () => post({ type: 'selectStage', stage: picker.value }));
    const hint = document.createElement('span');
    hint.textContent = '(or move the cursor to another stage).';
    partBar.replaceChildren(text, picker, hint);
}

async function exportPicture(requestId: number, format: 'svg' | 'png'): Promise<void> {
    // Export what the newest content shows, not a picture being replaced, nor the last view's
    // picture while the one of a tab just clicked is on its way from the host.
    const since = performance.now();
    while ((rendering || renderAgain || waitingForView()) && performance.now() - since < EXPORT_WAIT_MS) await new Promise((r) => setTimeout(r, 50));
    if (waitingForView()) return post({ type: 'exported', requestId, error: 'The picture of this view has not arrived yet: export again in a moment.' });
    if (rendering || renderAgain) return post({ type: 'exported', requestId, error: 'The picture is still being drawn: export again once it shows.' });
    const svg = canvas.querySelector('svg');
    if (!svg) return post({ type: 'exported', requestId, error: 'The preview shows no picture to export.' });
    try {
        const text = exportedSvg(svg);
        const background = getComputedStyle(document.body).backgroundColor || '#ffffff';
        const data = format === 'svg' ? text : await canvasToPng(text, background);
        post({ type: 'exported', requestId, data });
    } catch (error) {
        post({ type: 'exported', requestId, error: `The picture could not be exported: ${String(error)}` });
    }
}

/** How long an export waits for the picture on its way (ms): well within the extension's 20 s, with time left to make a PNG. */
const EXPORT_WAIT_MS = 10_000;

/** True while the view on screen is a tab whose picture the host has not sent yet (the last view's picture is still shown). */
function waitingForView(): boolean {
    return shownView()?.kind === 'tab';
}

/** The view on screen: the one picked, or the first of the last good update. */
function shownView(): PreviewView | undefined {
    const views = good?.views ?? [];
    return views.find((v) => v.view === state.view) ?? views[0];
}

function cleanUpMermaidLeftovers(): void {
    // A failed render can leave its temporary container in the body.
    for (const el of Array.from(document.querySelectorAll('body > [id^="djourney-svg-"], body > [id^="journey-svg-"]'))) el.remove();
}

function post(message: WebviewToHostMessage): void {
    vscode.postMessage(message);
}

function element(id: string): HTMLElement {
    const el = document.getElementById(id);
    if (!el) throw new Error(`The preview page has no #${id}.`);
    return el;
}

export type { PreviewRange };

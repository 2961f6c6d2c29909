/**
 * The browser side of the Journey compare view. It only shows what the extension sends: one view
 * at a time, full width, its picture after (the changed elements already highlighted by the views)
 * above its picture before, with the preview's tabs, zoom and pan and its Fit that keeps labels
 * readable; then the change list. It knows nothing about journeys beyond the message types.
 */
import type { DiffWebviewToHostMessage, HostToDiffWebviewMessage, JourneyDiffResult } from '../src/diff/journey-diff-messages.js';
import type { PreviewState, ViewId } from '../src/preview/journey-preview-messages.js';
import { labelFontSize } from './preview-label-size.js';
import { naturalSize, trimMargins } from './preview-svg-size.js';
import { createZoomPan } from './preview-zoom.js';

interface MermaidApi {
    initialize(config: Record<string, unknown>): void;
    render(id: string, text: string): Promise<{ svg: string }>;
}
declare const mermaid: MermaidApi;
declare function acquireVsCodeApi(): { postMessage(message: DiffWebviewToHostMessage): void };

const vscode = acquireVsCodeApi();
const header = element('header');
const tabs = element('tabs');
const viewport = element('viewport');
const canvas = element('canvas');
const changes = element('changes');
const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
mermaid.initialize({
    startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default',
    // 100% is the diagram's natural size; the zoom buttons (and Fit) scale it.
    flowchart: { useMaxWidth: false }, journey: { useMaxWidth: false }, quadrantChart: { useMaxWidth: false }, xyChart: { useMaxWidth: false }, sankey: { useMaxWidth: false },
});
const state: PreviewState = { fit: true };
const zoom = createZoomPan(viewport, canvas, state, () => undefined);
let renders = 0;
let shown: JourneyDiffResult | undefined;
let drawing = Promise.resolve();

window.addEventListener('message', (event: MessageEvent<HostToDiffWebviewMessage>) => {
    const message = event.data;
    if (message.type === 'diff') void show(message.result, message.view);
    else if (message.type === 'error') header.replaceChildren(text('p', message.message, 'error'));
});
vscode.postMessage({ type: 'ready' });

/** Shows a comparison: title, summary, the view tabs, the first view (after, then before), then the changes by stage. */
async function show(result: JourneyDiffResult, preferred: ViewId | undefined): Promise<void> {
    shown = result;
    const summary = text('p', `${capitalize(result.summary)}.`);
    summary.id = 'summary';
    header.replaceChildren(text('h1', result.title), summary);
    const views = viewsOf(result);
    const first = views.find((v) => v.view === preferred && v.kind === 'diagram') ?? views.find((v) => v.kind === 'diagram') ?? views[0];
    renderChanges(result);
    const errors = first ? await selectView(first.view) : [];
    vscode.postMessage({ type: 'rendered', errors });
}

/** The views of the comparison, in order, each once: the "after" one when both sides have it. */
function viewsOf(result: JourneyDiffResult) {
    const seen = new Map<ViewId, JourneyDiffResult['after']['views'][number]>();
    for (const view of [...result.after.views, ...result.before.views]) if (!seen.has(view.view)) seen.set(view.view, view);
    return [...seen.values()];
}

/** Shows one view: its tab selected, its pictures drawn, fitted. Returns the pictures that failed. */
function selectView(view: ViewId): Promise<string[]> {
    const result = shown;
    if (!result) return Promise.resolve([]);
    state.view = view;
    tabs.replaceChildren(...viewsOf(result).map((candidate) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.role = 'tab';
        tab.className = 'tab' + (candidate.kind === 'empty' ? ' tab-empty' : '');
        tab.dataset.view = candidate.view;
        tab.textContent = candidate.title;
        tab.setAttribute('aria-selected', String(candidate.view === view));
        tab.addEventListener('click', () => void selectView(candidate.view));
        return tab;
    }));
    // One drawing at a time: a quick second click waits for the first.
    const next = drawing.then(() => drawView(result, view));
    drawing = next.then(() => undefined, () => undefined);
    return next;
}

async function drawView(result: JourneyDiffResult, view: ViewId): Promise<string[]> {
    const errors: string[] = [];
    const figures: HTMLElement[] = [];
    const after = result.before.views.length ? `${result.after.label} (changes highlighted)` : result.after.label;
    for (const [side, name, caption] of [[result.after, 'after', after], [result.before, 'before', result.before.label]] as const) {
        const figure = document.createElement('figure');
        figure.dataset.side = name;
        figure.dataset.view = view;
        figure.append(text('figcaption', caption));
        const picture = side.views.find((candidate) => candidate.view === view);
        if (!picture) figure.append(text('p', 'No map on this side.', 'empty'));
        else if (picture.kind === 'empty') figure.append(text('p', picture.message, 'empty'));
        else {
            try {
                const { svg } = await mermaid.render(`journey-diff-${++renders}`, picture.mermaid);
                const holder = document.createElement('div');
                holder.innerHTML = svg; // Mermaid's own sanitised SVG (securityLevel strict)
                figure.append(holder);
            } catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                errors.push(`${view} ${name}: ${message}`);
                figure.append(text('p', `This picture could not be drawn: ${message}`, 'error'));
            }
        }
        figures.push(figure);
    }
    canvas.replaceChildren(...figures);
    const svgs = Array.from(canvas.querySelectorAll('svg'));
    for (const svg of svgs) {
        naturalSize(svg);
        trimMargins(svg);
    }
    const sizes = svgs.map(labelFontSize).filter((size): size is number => size !== undefined);
    zoom.setLabelSize(sizes.length > 0 ? Math.min(...sizes) : undefined);
    zoom.fit();
    return errors;
}

function renderChanges(result: JourneyDiffResult): void {
    const content: HTMLElement[] = [text('h2', 'Changes')];
    if (result.sections.length === 0) content.push(text('p', result.changes.length ? 'The whole map is new.' : 'No changes.', 'empty'));
    for (const section of result.sections) {
        const table = document.createElement('table');
        table.append(row('th', ['Element', 'Change']));
        for (const change of section.rows) {
            const tr = document.createElement('tr');
            const what = document.createElement('td');
            what.append(`${change.kind} `, text('strong', change.label), ' ', text('code', change.id));
            const list = document.createElement('ul');
            for (const line of change.changes) list.append(text('li', line));
            const how = document.createElement('td');
            how.append(list);
            tr.append(what, how);
            table.append(tr);
        }
        content.push(text('h3', section.title), table);
    }
    changes.replaceChildren(...content);
}

function text(tag: string, content: string, className?: string): HTMLElement {
    const node = document.createElement(tag);
    node.textContent = content;
    if (className) node.className = className;
    return node;
}

function row(cell: 'th' | 'td', texts: string[]): HTMLTableRowElement {
    const tr = document.createElement('tr');
    tr.append(...texts.map((content) => text(cell, content)));
    return tr;
}

function element(id: string): HTMLElement {
    const el = document.getElementById(id);
    if (!el) throw new Error(`The compare page has no #${id}.`);
    return el;
}

function capitalize(value: string): string {
    return value.charAt(0).toUpperCase() + value.slice(1);
}

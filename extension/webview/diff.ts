/**
 * The browser side of the Journey compare view. It only shows what the extension sends: the
 * before and after pictures side by side (Mermaid, the changed elements already highlighted
 * by the views) and the change list. It knows nothing about journeys beyond the message types.
 */
import type { DiffWebviewToHostMessage, HostToDiffWebviewMessage, JourneyDiffResult } from '../src/diff/journey-diff-messages.js';

interface MermaidApi {
    initialize(config: Record<string, unknown>): void;
    render(id: string, text: string): Promise<{ svg: string }>;
}
declare const mermaid: MermaidApi;
declare function acquireVsCodeApi(): { postMessage(message: DiffWebviewToHostMessage): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const dark = document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default' });
let renders = 0;

window.addEventListener('message', (event: MessageEvent<HostToDiffWebviewMessage>) => {
    const message = event.data;
    if (message.type === 'diff') void show(message.result);
    else if (message.type === 'error') root.replaceChildren(element('p', message.message, 'error'));
});
vscode.postMessage({ type: 'ready' });

/** Shows a comparison: title, summary, each view before | after, then the changes by stage. */
async function show(result: JourneyDiffResult): Promise<void> {
    const errors: string[] = [];
    const content: HTMLElement[] = [element('h1', result.title), element('p', `${capitalize(result.summary)}.`)];
    content[1].id = 'summary';
    const views = [...new Set([...result.before.views, ...result.after.views].map((view) => view.view))];
    for (const view of views) {
        const sides = document.createElement('div');
        sides.className = 'sides';
        for (const [side, caption] of [[result.before, result.before.label], [result.after, result.before.views.length ? `${result.after.label} (changes highlighted)` : result.after.label]] as const) {
            const figure = document.createElement('figure');
            figure.dataset.side = side === result.before ? 'before' : 'after';
            figure.dataset.view = view;
            figure.append(element('figcaption', caption));
            const shown = side.views.find((candidate) => candidate.view === view);
            if (!shown) figure.append(element('p', 'No map on this side.', 'empty'));
            else if (shown.kind === 'empty') figure.append(element('p', shown.message, 'empty'));
            else {
                try {
                    const { svg } = await mermaid.render(`journey-diff-${++renders}`, shown.mermaid);
                    const holder = document.createElement('div');
                    holder.innerHTML = svg; // Mermaid's own sanitised SVG (securityLevel strict)
                    figure.append(holder);
                } catch (error) {
                    const text = error instanceof Error ? error.message : String(error);
                    errors.push(`${view} ${figure.dataset.side}: ${text}`);
                    figure.append(element('p', `This picture could not be drawn: ${text}`, 'error'));
                }
            }
            sides.append(figure);
        }
        content.push(element('h2', `${capitalize(view)} view`), sides);
    }
    content.push(element('h2', 'Changes'));
    if (result.sections.length === 0) content.push(element('p', result.changes.length ? 'The whole map is new.' : 'No changes.', 'empty'));
    for (const section of result.sections) {
        const table = document.createElement('table');
        table.append(row('th', ['Element', 'Change']));
        for (const change of section.rows) {
            const tr = document.createElement('tr');
            const what = document.createElement('td');
            what.append(`${change.kind} `, element('strong', change.label), ' ', element('code', change.id));
            const list = document.createElement('ul');
            for (const text of change.changes) list.append(element('li', text));
            const how = document.createElement('td');
            how.append(list);
            tr.append(what, how);
            table.append(tr);
        }
        content.push(element('h3', section.title), table);
    }
    root.replaceChildren(...content);
    vscode.postMessage({ type: 'rendered', errors });
}

function element(tag: string, text: string, className?: string): HTMLElement {
    const node = document.createElement(tag);
    node.textContent = text;
    if (className) node.className = className;
    return node;
}

function row(cell: 'th' | 'td', texts: string[]): HTMLTableRowElement {
    const tr = document.createElement('tr');
    tr.append(...texts.map((text) => element(cell, text)));
    return tr;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

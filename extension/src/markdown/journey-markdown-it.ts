/**
 * The markdown-it plugin of VS Code's Markdown preview: a ```journey fence becomes a block that
 * the preview script draws with Mermaid (the view's Mermaid text travels in a data attribute),
 * or a readable list of the map's errors. markdown-it renders synchronously and the language
 * server answers asynchronously, so answers are cached: a fence seen for the first time shows
 * its last drawing (or "Drawing…") and the preview is refreshed once the answer arrives.
 *
 * VS Code's preview drops a refresh asked for while one of its own throttled updates is pending,
 * and that update then finds the document unchanged and renders nothing: an answer would never
 * be shown ("Drawing…" forever). So after answers arrive the plugin asks again, a few times and
 * less and less often (REFRESH_RETRIES). Whether the preview showed them cannot be known here:
 * other renders of the same document (`markdown.api.render`, other extensions) run this plugin
 * too. A render that finds every answer cached costs little, and the preview's script does not
 * draw a picture again whose Mermaid text it already shows.
 */
import type MarkdownIt from 'markdown-it';
import type { JourneyMarkdownViewsResult } from '../../../language-server/src/lsp/journey-markdown-protocol.js';
import { parseInfo } from '../../../language-server/src/markdown/fence-info.js';

/** Asks the language server for the view of a fence's map. */
export type FetchMarkdownViews = (text: string, baseUri: string, view: string) => Promise<JourneyMarkdownViewsResult>;

/** What the plugin needs from its host: the server's answer, and a way to redraw the previews. */
export interface JourneyMarkdownHost {
    fetch: FetchMarkdownViews;
    /** Re-renders the open Markdown previews (called once a batch of answers has arrived). */
    refresh(): void;
}

/** The class of every block the plugin writes (the preview script and styles look for it). */
export const FENCE_CLASS = 'journey-fence';
/** The class of each picture of a view drawn in pieces, inside its fence's block. */
const PIECE_CLASS = 'journey-fence-piece';
const CACHE_SIZE = 200;
/** When to ask the previews again after answers arrived (ms after the previous ask). */
export const REFRESH_RETRIES: readonly number[] = [400, 1000, 2500, 5000];

/** The plugin: `extend` adds ```journey fences to a markdown-it instance; `invalidate` forgets every answer (a shared file changed). */
export interface JourneyMarkdownFences {
    extend(md: MarkdownIt): MarkdownIt;
    invalidate(): void;
    /** What the plugin has done so far (for the extension's tests and bug reports). */
    stats(): JourneyMarkdownStats;
}

/** Counts of the plugin's work since it started. */
export interface JourneyMarkdownStats {
    /** Fences rendered (every render of every document). */
    rendered: number;
    /** Requests sent to the language server, answered, failed, and still waiting. */
    asked: number;
    answered: number;
    failed: number;
    waiting: number;
    /** Refreshes of the previews asked of VS Code. */
    refreshes: number;
}

/** Creates the plugin; answers are cached across renders and documents. */
export function createJourneyMarkdownFences(host: JourneyMarkdownHost): JourneyMarkdownFences {
    const answers = new Map<string, JourneyMarkdownViewsResult>();
    const pending = new Set<string>();
    /** The last answer shown for each fence slot (document + position), shown again while its new text is on its way. */
    const lastShown = new Map<string, JourneyMarkdownViewsResult>();
    const fenceCounts = new WeakMap<object, number>();
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    /** How many times the preview was asked again since the last answer arrived (0: the first ask is coming). */
    let retries = 0;
    const counts = { rendered: 0, asked: 0, answered: 0, failed: 0, refreshes: 0 };

    const ask = (delay: number) => {
        refreshTimer = setTimeout(() => {
            refreshTimer = undefined;
            counts.refreshes++;
            host.refresh();
            if (retries < REFRESH_RETRIES.length) ask(REFRESH_RETRIES[retries++]);
        }, delay);
    };
    /** Asks the preview to render again soon (answers arriving together make one ask). */
    const scheduleRefresh = () => {
        if (refreshTimer && retries === 0) return;
        clearTimeout(refreshTimer);
        retries = 0;
        ask(20);
    };

    function extend(md: MarkdownIt): MarkdownIt {
        const original = md.renderer.rules.fence;
        md.renderer.rules.fence = (tokens, index, options, env, self) => {
            const token = tokens[index];
            const { language, argument } = parseInfo(token.info);
            if (language !== 'journey') {
                return original ? original(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
            }
            counts.rendered++;
            const baseUri = documentUri(env);
            const slotIndex = (fenceCounts.get(env ?? md) ?? 0);
            fenceCounts.set(env ?? md, slotIndex + 1);
            const slot = `${baseUri}\u0000${slotIndex}`;
            const key = `${baseUri}\u0000${argument}\u0000${token.content}`;
            let answer = answers.get(key);
            if (answer) {
                // Most recently used last: the oldest answers leave first.
                answers.delete(key);
                answers.set(key, answer);
                lastShown.delete(slot);
                lastShown.set(slot, answer);
                while (lastShown.size > CACHE_SIZE) lastShown.delete(lastShown.keys().next().value as string);
            } else if (!pending.has(key)) {
                pending.add(key);
                counts.asked++;
                host.fetch(token.content, baseUri, argument).then(
                    (result) => {
                        counts.answered++;
                        remember(key, result);
                    },
                    (error: unknown) => {
                        counts.failed++;
                        remember(key, { view: argument || 'journey', views: [], diagnostics: [], problem: `The language server could not draw this map: ${error instanceof Error ? error.message : String(error)}` });
                    },
                );
            }
            answer ??= lastShown.get(slot);
            token.attrJoin('class', FENCE_CLASS);
            const attributes = self.renderAttrs(token);
            return answer ? fenceHtml(answer, token.map?.[0] ?? 0, attributes) : `<div${attributes} data-journey-state="pending"><p class="journey-fence-note">Drawing the journey map…</p></div>\n`;
        };
        return md;
    }

    function remember(key: string, result: JourneyMarkdownViewsResult): void {
        pending.delete(key);
        answers.set(key, result);
        while (answers.size > CACHE_SIZE) answers.delete(answers.keys().next().value as string);
        scheduleRefresh();
    }

    function invalidate(): void {
        // The last drawings stay on screen until the new answers arrive.
        answers.clear();
        scheduleRefresh();
    }
    return { extend, invalidate, stats: () => ({ ...counts, waiting: pending.size }) };
}

/**
 * The HTML of a fence: its view's Mermaid for the preview script to draw, a note when the view
 * has nothing to show, or the map's errors with their lines in the Markdown document.
 * `openingLine` is the fence's first line (0-based); `attributes` are the token's own (scroll sync).
 */
export function fenceHtml(result: JourneyMarkdownViewsResult, openingLine: number, attributes: string): string {
    const errors = result.diagnostics.filter((d) => d.severity === 1)
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    if (result.problem || errors.length > 0) {
        const items = [
            ...(result.problem ? [`<li><span class="journey-fence-line">Line ${openingLine + 1}:</span> ${escapeHtml(result.problem)}</li>`] : []),
            ...errors.map((d) => `<li><span class="journey-fence-line">Line ${openingLine + 2 + d.range.start.line}:</span> ${escapeHtml(d.message)}</li>`),
        ];
        const count = items.length === 1 ? 'an error' : `${items.length} errors`;
        return `<div${attributes} data-journey-state="errors"><p class="journey-fence-title">This journey map has ${count} and is not drawn:</p><ul>${items.join('')}</ul></div>\n`;
    }
    const view = result.views[0];
    const title = result.title ?? 'Journey map';
    if (!view) return `<div${attributes} data-journey-state="errors"><p class="journey-fence-title">Nothing to draw for this journey map.</p></div>\n`;
    if (view.kind === 'empty') {
        return `<div${attributes} data-journey-state="empty"><p class="journey-fence-note">${escapeHtml(`${title}, ${view.title}: ${view.message}`)}</p></div>\n`;
    }
    const drawing = '<p class="journey-fence-note">Drawing the journey map…</p>';
    const label = `${title} (${view.title})`;
    if (!view.pieces || view.pieces.length === 0) {
        return `<div${attributes} data-journey-state="diagram" data-journey-view="${escapeHtml(view.view)}" data-journey-mermaid="${escapeHtml(view.mermaid)}" role="img" aria-label="${escapeHtml(label)}">${drawing}</div>\n`;
    }
    // Too wide to read whole in a page's column: one picture per run of stages, each under its caption, as GitHub shows the map.
    const pieces = view.pieces.map((piece) => `<p class="journey-fence-caption"><em>${escapeHtml(piece.caption)}</em></p>`
        + `<div class="${PIECE_CLASS}" data-journey-mermaid="${escapeHtml(piece.mermaid)}" role="img" aria-label="${escapeHtml(`${label}: ${piece.caption}`)}">${drawing}</div>`);
    return `<div${attributes} data-journey-state="diagram" data-journey-view="${escapeHtml(view.view)}" role="group" aria-label="${escapeHtml(label)}">${pieces.join('')}</div>\n`;
}

/** The URI of the document being rendered, as VS Code's Markdown engine passes it (`env.currentDocument`). */
function documentUri(env: unknown): string {
    const current = (env as { currentDocument?: { toString(): string } } | undefined)?.currentDocument;
    return current ? current.toString() : 'untitled:markdown';
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The script VS Code's Markdown preview loads (`markdown.previewScripts`): draws with Mermaid the
 * blocks the markdown-it plugin wrote for ```journey fences, in the colours of VS Code's theme
 * (the preview's own: mermaid-theme.ts, and its dark canvas cells),
 * again after every update of the preview and when the theme changes. It knows nothing about
 * journeys: the Mermaid text comes in each block's `data-journey-mermaid`.
 */
import { isDark, mermaidTheme, themeKind, type ThemeKind } from './mermaid-theme.js';
import { themeCanvasCells } from './preview-canvas-theme.js';

interface MermaidApi {
    initialize(config: Record<string, unknown>): void;
    render(id: string, text: string): Promise<{ svg: string }>;
}

/** A fence's picture, or each picture of a view drawn in pieces. */
const BLOCKS = '.journey-fence[data-journey-mermaid], .journey-fence .journey-fence-piece[data-journey-mermaid]';
/** Drawings by theme and Mermaid text: an update of the preview shows them again at once. */
const drawings = new Map<string, string>();
let counter = 0;
let generation = 0;

function mermaidApi(): MermaidApi | undefined {
    return (window as unknown as { mermaid?: MermaidApi }).mermaid;
}

/** Draws every journey block of the page that does not show its current drawing yet. */
async function drawAll(): Promise<void> {
    const blocks = Array.from(document.querySelectorAll<HTMLElement>(BLOCKS));
    const mermaid = mermaidApi();
    if (blocks.length === 0 || !mermaid) return;
    const current = ++generation;
    const theme = themeKind();
    let initialized = false;
    for (const block of blocks) {
        const text = block.dataset.journeyMermaid ?? '';
        const key = `${theme}\n${text}`;
        if (block.dataset.journeyDrawn === key) continue;
        let svg = drawings.get(key);
        if (svg === undefined) {
            if (!initialized) {
                mermaid.initialize(mermaidConfig(theme));
                initialized = true;
            }
            try {
                svg = (await mermaid.render(`journey-markdown-${++counter}`, text)).svg;
                drawings.set(key, svg);
                while (drawings.size > 100) drawings.delete(drawings.keys().next().value as string);
            } catch (error) {
                if (current !== generation) return;
                const message = document.createElement('p');
                message.className = 'journey-fence-title';
                message.textContent = `Mermaid could not draw this view: ${error instanceof Error ? error.message : String(error)}`;
                block.replaceChildren(message);
                block.dataset.journeyDrawn = key;
                continue;
            }
            // A newer update of the page started drawing: it owns the blocks now.
            if (current !== generation) return;
        }
        block.innerHTML = svg;
        // The canvas's cells have fixed light colours: on a dark page, the preview's dark tints.
        if (block.closest<HTMLElement>('.journey-fence')?.dataset.journeyView === 'canvas') themeCanvasCells(block.querySelector('svg'), isDark(theme));
        block.dataset.journeyDrawn = key;
    }
}

/** Mermaid's settings in the Markdown preview: the preview's own theme for VS Code's (mermaid-theme.ts). */
function mermaidConfig(kind: ThemeKind): Record<string, unknown> {
    return { startOnLoad: false, securityLevel: 'strict', ...mermaidTheme(kind) };
}

function start(): void {
    // The preview loads its scripts asynchronously: Mermaid may come after this script.
    if (!mermaidApi()) {
        window.addEventListener('load', start, { once: true });
        return;
    }
    void drawAll();
}

window.addEventListener('vscode.markdown.updateContent', () => void drawAll());
new MutationObserver(() => void drawAll()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();

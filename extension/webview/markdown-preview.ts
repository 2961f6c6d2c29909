/**
 * The script VS Code's Markdown preview loads (`markdown.previewScripts`): draws with Mermaid the
 * blocks the markdown-it plugin wrote for ```journey fences, in the colours of VS Code's theme,
 * again after every update of the preview and when the theme changes. It knows nothing about
 * journeys: the Mermaid text comes in each block's `data-journey-mermaid`.
 */
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
        block.dataset.journeyDrawn = key;
    }
}

function themeKind(): 'light' | 'dark' | 'high-contrast' | 'high-contrast-light' {
    const classes = document.body.classList;
    if (classes.contains('vscode-high-contrast-light')) return 'high-contrast-light';
    if (classes.contains('vscode-high-contrast')) return 'high-contrast';
    if (classes.contains('vscode-dark')) return 'dark';
    return 'light';
}

/** Mermaid's settings for VS Code's theme: its dark theme in dark themes, VS Code's own colours in high contrast. */
function mermaidConfig(kind: ReturnType<typeof themeKind>): Record<string, unknown> {
    const style = getComputedStyle(document.body);
    const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const config: Record<string, unknown> = {
        startOnLoad: false,
        securityLevel: 'strict',
        fontFamily: color('--vscode-font-family', 'sans-serif'),
        theme: kind === 'dark' ? 'dark' : 'default',
    };
    if (kind === 'high-contrast' || kind === 'high-contrast-light') {
        const foreground = color('--vscode-editor-foreground', kind === 'high-contrast' ? '#ffffff' : '#000000');
        const background = color('--vscode-editor-background', kind === 'high-contrast' ? '#000000' : '#ffffff');
        const border = color('--vscode-contrastBorder', foreground);
        config.theme = 'base';
        config.themeVariables = {
            background, primaryColor: background, secondaryColor: background, tertiaryColor: background,
            primaryTextColor: foreground, secondaryTextColor: foreground, tertiaryTextColor: foreground, textColor: foreground,
            primaryBorderColor: border, secondaryBorderColor: border, tertiaryBorderColor: border,
            lineColor: foreground, mainBkg: background, nodeBorder: border, clusterBkg: background, clusterBorder: border,
            titleColor: foreground, edgeLabelBackground: background, darkMode: kind === 'high-contrast',
        };
    }
    return config;
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

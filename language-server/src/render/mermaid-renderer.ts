/**
 * Renders Mermaid text to SVG (and PNG) with the Mermaid of `node_modules`, in a headless
 * Chromium found on the machine. One browser and one page serve a whole batch: launch
 * once, render many diagrams, close. The page has no network (the context is offline and
 * every request is refused); Mermaid is read from disk and injected as a script.
 *
 * Each SVG is inserted into the page's DOM (as a preview would) before it is returned, so
 * a label that managed to smuggle markup would run right there: the renderer reports any
 * dialog and the `window.__pwned` canary that hostile test labels try to set.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { findChromium, missingChromiumMessage } from './chromium-path.js';
import { markPng } from './png-software.js';
import { standaloneSvg } from './standalone-svg.js';

/** The flags that make Chromium quiet, offline and headless (see notes/machine-facts.md). */
export const CHROMIUM_ARGS = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The Mermaid settings of every render (the preview uses the same limits). */
export const MERMAID_CONFIG = {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: 'default',
    maxTextSize: 1_000_000,
    maxEdges: 5_000,
    flowchart: { wrappingWidth: 260 },
} as const;

/**
 * The sections of Mermaid's default settings for diagram types no view draws. Mermaid copies its
 * whole configuration (every diagram type's settings and the theme's variables, about 980
 * values) each time it reads a setting, and its block diagram reads settings about 14 times per
 * cell: 2,100 copies, two thirds of the time of the home-cleaning canvas. The renderer's page
 * empties these sections (in Mermaid's defaults, before `initialize`), which halves each copy;
 * the views' diagram types do not read them (every file written stays byte for byte the same),
 * and a text of another type gets them back first (`VIEW_DIAGRAM_TYPES`).
 */
export const UNUSED_CONFIG_SECTIONS = [
    'swimlane', 'agentflow', 'sequence', 'gantt', 'class', 'state', 'er', 'pie', 'xyChart', 'requirement', 'mindmap', 'ishikawa', 'kanban',
    'timeline', 'gitGraph', 'c4', 'packet', 'treeView', 'architecture', 'eventmodeling', 'radar', 'usecase', 'venn', 'cynefin', 'railroad', 'treemap',
] as const;

/** The diagram types the views draw, as Mermaid's `detectType` names them: these draw with `UNUSED_CONFIG_SECTIONS` emptied. */
export const VIEW_DIAGRAM_TYPES = ['block', 'flowchart-v2', 'journey', 'quadrantChart', 'sankey'] as const;

/** The result of rendering one diagram. */
export interface RenderResult {
    /** The diagram as a standalone SVG file (well-formed XML, natural size), when Mermaid rendered it. */
    svg?: string;
    /** Mermaid's error message, when it could not. */
    error?: string;
    /** The text a reader sees in the rendered diagram (the DOM's textContent). */
    text?: string;
}

/** Raised when no browser can be found. */
export class MissingBrowserError extends Error {}

/** Minimal structural types of the parts of playwright-core used here (loaded lazily). */
interface PageLike {
    setContent(html: string): Promise<void>;
    addScriptTag(options: { content: string }): Promise<unknown>;
    evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
    on(event: 'dialog', listener: (dialog: { message(): string; dismiss(): Promise<void> }) => void): void;
    route(url: string, handler: (route: { abort(): Promise<void> }) => void): Promise<void>;
    locator(selector: string): { screenshot(options?: { omitBackground?: boolean }): Promise<Buffer> };
    setViewportSize(size: { width: number; height: number }): Promise<void>;
    close(): Promise<void>;
}
interface ContextLike {
    newPage(): Promise<PageLike>;
}
interface BrowserLike {
    newContext(options: Record<string, unknown>): Promise<ContextLike>;
    close(): Promise<void>;
}

/**
 * The sankey diagram numbers its nodes and gradients with counters that live as long as the
 * page (`node-30`, `linearGradient-12`), so the same diagram drawn after others would get
 * other ids. Renumbered from 1 in the order they appear, the SVG is the same whichever page
 * drew it and whatever it drew before.
 */
export function withPageIndependentIds(svg: string): string {
    if (!svg.includes('aria-roledescription="sankey"')) return svg;
    const numbers = new Map<string, Map<string, number>>();
    return svg.replace(/\b(node|linearGradient)-(\d+)\b/g, (_, prefix: string, n: string) => {
        const seen = numbers.get(prefix) ?? numbers.set(prefix, new Map()).get(prefix)!;
        if (!seen.has(n)) seen.set(n, seen.size + 1);
        return `${prefix}-${seen.get(n)}`;
    });
}

/** Where Mermaid's browser bundle lives: beside the CLI bundle (out/mermaid.min.js, as the npm package ships it), else in node_modules. */
export function mermaidScriptPath(): string {
    const beside = fileURLToPath(new URL('mermaid.min.js', import.meta.url));
    if (existsSync(beside)) return beside;
    const require = createRequire(import.meta.url);
    return require.resolve('mermaid/dist/mermaid.min.js');
}

/** A headless Chromium page with Mermaid loaded, reused for many diagrams. */
export class MermaidRenderer {
    /** Dialogs (alert, confirm, prompt) that some content tried to open: none is ever expected. */
    readonly dialogs: string[] = [];
    private counter = 0;

    private constructor(
        private readonly browser: BrowserLike,
        private readonly context: ContextLike,
        private readonly page: PageLike,
        /** The first page launched the browser and closes it; pages opened from it close only themselves. */
        private readonly ownsBrowser: boolean,
        /** Whether the pages keep Mermaid's settings of every diagram type (`UNUSED_CONFIG_SECTIONS` not set aside). */
        private readonly everyDefault: boolean,
    ) {}

    /**
     * Launches the browser (from `executablePath`, the environment or the usual places) and loads Mermaid.
     * `everyDefault` keeps the settings of the diagram types no view draws (slower; the pictures are the same).
     */
    static async launch(options: { executablePath?: string; width?: number; everyDefault?: boolean } = {}): Promise<MermaidRenderer> {
        const executablePath = options.executablePath ?? findChromium();
        if (!executablePath) throw new MissingBrowserError(missingChromiumMessage());
        // A variable module name keeps playwright-core out of bundles: it is loaded from node_modules.
        const playwrightModule = 'playwright-core';
        const { chromium } = (await import(playwrightModule)) as { chromium: { launch(options: object): Promise<BrowserLike> } };
        const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
        try {
            const context = await browser.newContext({ offline: true, viewport: { width: options.width ?? 1400, height: 900 } });
            return await MermaidRenderer.onNewPage(browser, context, true, options.everyDefault ?? false);
        } catch (error) {
            await browser.close();
            throw error;
        }
    }

    /** Another page of the same browser, with Mermaid loaded: it draws at the same time as this one (closing it closes only its page). */
    async openPage(): Promise<MermaidRenderer> {
        return MermaidRenderer.onNewPage(this.browser, this.context, false, this.everyDefault);
    }

    /** A new page of `context` with Mermaid loaded, offline, reporting dialogs. */
    private static async onNewPage(browser: BrowserLike, context: ContextLike, ownsBrowser: boolean, everyDefault: boolean): Promise<MermaidRenderer> {
        const page = await context.newPage();
        const renderer = new MermaidRenderer(browser, context, page, ownsBrowser, everyDefault);
        page.on('dialog', (dialog) => {
            renderer.dialogs.push(dialog.message());
            void dialog.dismiss();
        });
        await page.route('**/*', (route) => void route.abort());
        await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0;background:#fff;font-family:sans-serif}#host{display:inline-block;padding:16px;background:#fff}</style></head><body><div id="host"></div></body></html>');
        await page.addScriptTag({ content: readFileSync(mermaidScriptPath(), 'utf8') });
        await page.addScriptTag({ content: `window.journeyStandaloneSvg = ${standaloneSvg.toString()};` });
        await page.evaluate(({ config, unused, viewTypes }) => {
            type Mermaid = { initialize(c: object): void; detectType(text: string): string; mermaidAPI: { defaultConfig: Record<string, unknown> } };
            const page = window as unknown as { mermaid: Mermaid; journeyFullConfigFor(text: string): void };
            const mermaid = page.mermaid;
            const defaults = mermaid.mermaidAPI.defaultConfig;
            // Set aside the settings of the diagram types no view draws (the objects stay, emptied: Mermaid keeps references to some).
            const aside = new Map<Record<string, unknown>, Record<string, unknown>>();
            for (const key of unused) {
                const section = defaults[key];
                if (!section || typeof section !== 'object' || Array.isArray(section)) continue;
                const values = section as Record<string, unknown>;
                aside.set(values, { ...values });
                for (const name of Object.keys(values)) delete values[name];
            }
            mermaid.initialize(config);
            // A text of another type (or one Mermaid cannot name) gets every default back, for good, before it is drawn.
            page.journeyFullConfigFor = (text) => {
                if (aside.size === 0) return;
                let type = '';
                try {
                    type = mermaid.detectType(text);
                } catch {
                    // drawn with every default, to fail as it would have
                }
                if ((viewTypes as readonly string[]).includes(type)) return;
                for (const [values, saved] of aside) Object.assign(values, saved);
                aside.clear();
                mermaid.initialize(config);
            };
        }, { config: MERMAID_CONFIG as object, unused: everyDefault ? [] : UNUSED_CONFIG_SECTIONS, viewTypes: VIEW_DIAGRAM_TYPES });
        return renderer;
    }

    /**
     * Renders one diagram, shows it in the page, and returns its SVG and visible text (or Mermaid's error).
     * `id` names the SVG element (Mermaid prefixes the diagram's inner ids with it): give the same id
     * for the same place in a batch, and pages drawing in parallel write the same files as one page would.
     */
    async render(mermaidText: string, id = `journey-diagram-${++this.counter}`): Promise<RenderResult> {
        const result = await this.drawInPage(mermaidText, id);
        return result.svg === undefined ? result : { ...result, svg: withPageIndependentIds(result.svg) };
    }

    private drawInPage(mermaidText: string, id: string): Promise<RenderResult> {
        return this.page.evaluate(
            async ({ id, text }) => {
                const host = document.getElementById('host')!;
                host.innerHTML = '';
                const page = window as unknown as {
                    mermaid: { render(id: string, text: string): Promise<{ svg: string }> };
                    journeyStandaloneSvg(svg: SVGSVGElement): string;
                    journeyFullConfigFor(text: string): void;
                };
                page.journeyFullConfigFor(text);
                try {
                    host.innerHTML = (await page.mermaid.render(id, text)).svg;
                    const element = host.querySelector('svg')!;
                    const svg = page.journeyStandaloneSvg(element);
                    // Show the diagram at its natural size (Mermaid makes it shrink to its container).
                    const natural = parseFloat(element.style.maxWidth);
                    if (natural > 0) element.style.width = `${natural}px`;
                    const visible = host.cloneNode(true) as HTMLElement;
                    visible.querySelectorAll('style, script').forEach((node) => node.remove());
                    return { svg, text: visible.textContent ?? '' };
                } catch (error) {
                    document.getElementById(id)?.remove();
                    document.getElementById(`d${id}`)?.remove();
                    return { error: error instanceof Error ? error.message : String(error) };
                }
            },
            { id, text: mermaidText },
        );
    }

    /** Renders many diagrams in order with the same page. */
    async renderAll(texts: readonly string[]): Promise<RenderResult[]> {
        const results: RenderResult[] = [];
        for (const text of texts) results.push(await this.render(text));
        return results;
    }

    /** A PNG of the diagram shown last (call after `render`). */
    async screenshot(): Promise<Buffer> {
        return markPng(await this.page.locator('#host').screenshot());
    }

    /** The size of an SVG file decoded as an image, as a viewer, a Markdown page or `<img>` shows it; an error when it cannot be decoded. */
    async decodeAsImage(svg: string): Promise<{ width: number; height: number } | { error: string }> {
        return this.page.evaluate(async (text) => {
            const image = new Image();
            image.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
            try {
                await image.decode();
                return { width: image.naturalWidth, height: image.naturalHeight };
            } catch (error) {
                return { error: String(error) };
            } finally {
                URL.revokeObjectURL(image.src);
            }
        }, svg);
    }

    /** True when a hostile label ran script: the canary `window.__pwned` is set. */
    async canaryTripped(): Promise<boolean> {
        return this.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned !== undefined, undefined);
    }

    /** How many active elements (script, img, iframe, object, embed, or any on…= handler) the diagram shown last holds: always 0 for safe output. */
    async activeElementCount(): Promise<number> {
        return this.page.evaluate(() => {
            const host = document.getElementById('host')!;
            const tags = host.querySelectorAll('script, img, iframe, object, embed, a[href^="javascript"]').length;
            const handlers = Array.from(host.querySelectorAll('*')).filter((element) => Array.from(element.attributes).some((attribute) => /^on/i.test(attribute.name))).length;
            return tags + handlers;
        }, undefined);
    }

    /** Closes the browser (or only this page, when it was opened from another). */
    async close(): Promise<void> {
        if (this.ownsBrowser) await this.browser.close();
        else await this.page.close();
    }
}

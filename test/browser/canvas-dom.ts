/**
 * Where the cells of a drawn canvas really are, read from the SVG the browser shows, and the
 * checks a reader's eye makes: every cell's text inside its box (nothing clipped), no two
 * boxes or texts on top of each other, the cells of one grid row on one line (lanes aligned),
 * and the size the labels are shown at when the picture is scaled to fit a width.
 *
 *   const facts = await canvasFacts(browser());           // after browser().render(text)
 *   expectCanvasReadable(facts, view.mermaid, 'home-cleaning');
 *   const size = await shownLabelSize(browser(), 700);    // CSS px of the labels at 700 px wide
 */
import { expect } from 'vitest';
import type { MermaidRenderer } from '../../language-server/src/render/mermaid-renderer.js';
import { pageOf, TEST_OUTPUT } from './harness.js';
import { inside, overlap, type Box } from './views-dom.js';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';

/** One drawn cell: its id in the Mermaid text, its text, its box and the box of its text. */
export interface CanvasCell {
    id: string;
    text: string;
    box: Box;
    textBox: Box;
}

export interface CanvasFacts {
    visible: Box;
    cells: CanvasCell[];
    /** The natural width of the picture (its viewBox), in pixels. */
    naturalWidth: number;
}



/** Reads every cell of the canvas shown last. */
export async function canvasFacts(renderer: MermaidRenderer): Promise<CanvasFacts> {
    return pageOf(renderer).evaluate(() => {
        const svg = document.querySelector('#host svg') as SVGSVGElement;
        const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
        const cells = Array.from(svg.querySelectorAll('g.node')).map((node) => {
            const label = node.querySelector('.nodeLabel, text') ?? node;
            const range = document.createRange();
            range.selectNodeContents(label);
            return {
                id: node.id.startsWith(`${svg.id}-`) ? node.id.slice(svg.id.length + 1) : node.id,
                text: label.textContent ?? '',
                box: box(node.querySelector('rect')!.getBoundingClientRect()),
                textBox: box(range.getBoundingClientRect()),
            };
        });
        return { visible: box(svg.getBoundingClientRect()), cells, naturalWidth: svg.viewBox.baseVal.width };
    }, undefined);
}

/** The ids of the cells of each grid row of a canvas's Mermaid text, top to bottom (`space` slots left out). */
export function canvasRows(mermaid: string): string[][] {
    return mermaid.split('\n')
        .filter((line) => /^ {2}(space|\w+\[")/.test(line))
        .map((line) => [...line.matchAll(/(\w+)\["[^"]*"\]/g)].map((match) => match[1]));
}

function short(text: string): string {
    return JSON.stringify(text.length > 50 ? `${text.slice(0, 50)}…` : text);
}

/**
 * The canvas reads: one drawn cell per cell of the text, each text inside its box and the
 * picture, no two boxes (nor texts) overlapping, and the cells of each grid row on one line.
 */
export function expectCanvasReadable(facts: CanvasFacts, mermaid: string, where: string): void {
    const rows = canvasRows(mermaid);
    const byId = new Map(facts.cells.map((cell) => [cell.id, cell]));
    expect(facts.cells.length, `${where}: cells drawn`).toBe(rows.flat().length);
    // Problems are collected first (a big canvas has thousands of pairs), then reported together.
    const problems: string[] = [];
    for (const cell of facts.cells) {
        if (!inside(cell.textBox, cell.box, 1)) problems.push(`the text ${short(cell.text)} is clipped by its cell (text ${JSON.stringify(cell.textBox)}, cell ${JSON.stringify(cell.box)})`);
        if (!inside(cell.box, facts.visible, 1)) problems.push(`the cell ${short(cell.text)} runs out of the picture`);
    }
    // Sorted by left edge, each cell is compared with the cells that start before it ends.
    const sorted = [...facts.cells].sort((a, b) => a.box.left - b.box.left);
    for (let i = 0; i < sorted.length; i++) {
        for (let j = i + 1; j < sorted.length && sorted[j].box.left < sorted[i].box.right; j++) {
            if (overlap(sorted[i].box, sorted[j].box) >= 1) problems.push(`the cells ${short(sorted[i].text)} and ${short(sorted[j].text)} overlap`);
            if (overlap(sorted[i].textBox, sorted[j].textBox) >= 1) problems.push(`the texts ${short(sorted[i].text)} and ${short(sorted[j].text)} overlap`);
        }
    }
    let previousBottom = -Infinity;
    for (const row of rows) {
        const cells = row.map((id) => byId.get(id)!);
        const tops = cells.map((cell) => cell.box.top);
        if (Math.max(...tops) - Math.min(...tops) >= 1) problems.push(`the cells of the row of ${short(cells[0].text)} are not on one line (tops ${tops.map(Math.round).join(', ')})`);
        if (Math.min(...tops) < previousBottom - 1) problems.push(`the row of ${short(cells[0].text)} is not below the previous row`);
        previousBottom = Math.max(...cells.map((cell) => cell.box.bottom));
    }
    expect(problems.length, problems.slice(0, 10).map((problem) => `${where}: ${problem}`).join('\n')).toBe(0);
}

/**
 * Shows the picture as a preview's Fit or a Markdown page does at `width` CSS pixels (scaled
 * down to that width when wider, never up) and returns the smallest label font size there, in
 * CSS pixels (font size × scale); saves a screenshot when `screenshot` names one.
 */
export async function shownLabelSize(renderer: MermaidRenderer, width: number, screenshot?: string): Promise<number> {
    return shownSize(renderer, width, 'node labels', screenshot);
}

/**
 * The smallest text of the diagram shown last, in CSS px on screen, when it is scaled to fit
 * `width` pixels as GitHub's Markdown column scales a picture (never enlarged): every visible
 * element that holds text of its own (SVG text, HTML labels), whatever the diagram type.
 */
export async function shownTextSize(renderer: MermaidRenderer, width: number, screenshot?: string): Promise<number> {
    return shownSize(renderer, width, 'all text', screenshot);
}

/** The smallest font size on screen of the nodes' labels (flowchart, block) or of all text, at `width` pixels. */
async function shownSize(renderer: MermaidRenderer, width: number, which: 'node labels' | 'all text', screenshot?: string): Promise<number> {
    const page = pageOf(renderer);
    const size = await page.evaluate(([available, kind]) => {
        const svg = document.querySelector('#host svg') as SVGSVGElement;
        const natural = svg.viewBox.baseVal.width;
        svg.style.width = `${Math.min(natural, available)}px`;
        svg.style.maxWidth = `${available}px`;
        const scale = svg.getBoundingClientRect().width / natural;
        const texts = kind === 'node labels'
            ? Array.from(svg.querySelectorAll('g.node .nodeLabel, g.node text'))
            : Array.from(svg.querySelectorAll('text, tspan, foreignObject span, foreignObject div, foreignObject p'))
                .filter((el) => Array.from(el.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== ''))
                .filter((el) => getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).display !== 'none');
        return Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))) * scale;
    }, [width, which] as const);
    if (screenshot) {
        const folder = path.join(TEST_OUTPUT, 'screenshots');
        mkdirSync(folder, { recursive: true });
        await page.locator('#host').screenshot({ path: path.join(folder, `${screenshot}.png`) });
    }
    return size;
}

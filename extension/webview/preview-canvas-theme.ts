/**
 * The journey-map canvas on a dark page (dark and high-contrast themes). Its cells come from
 * Mermaid with fixed light pastels and dark text (views/canvas-style.ts, written inline with
 * `!important`, which no style sheet can outrank); here each cell class gets a dark tint of the
 * same hue with light text, so the grid reads on a dark page without glaring. The emotion scale
 * keeps its order (red, orange, yellow, light green, green); faces and words say the same.
 */

/** Fill and border of each cell class on a dark page. */
const DARK_CELLS: Readonly<Record<string, readonly [fill: string, stroke: string]>> = {
    lane: ['#2b3440', '#6b7f94'],
    stage: ['#2d5a8c', '#8fb3d9'],
    kpi: ['#24384f', '#6b8fb8'],
    step: ['#1f2a36', '#8fb3d9'],
    decision: ['#4a3d12', '#d4b44a'],
    outcome: ['#333a3f', '#90a4ae'],
    emotion1: ['#6b2424', '#ef7b7b'],
    emotion2: ['#6e3d14', '#f0a35e'],
    emotion3: ['#5e5215', '#e3cf5f'],
    emotion4: ['#3a5a24', '#a5d67e'],
    emotion5: ['#1f5a2a', '#6fd07c'],
    pain: ['#4f2427', '#e57373'],
    gain: ['#21452a', '#81c784'],
    opportunity: ['#4d4217', '#e0c060'],
    moment: ['#3f2b52', '#b388d9'],
    backstage: ['#363636', '#9e9e9e'],
};

/** The text colour of every canvas cell on a dark page. */
const DARK_TEXT = '#f3f3f3';

/** Recolours the cells of a drawn canvas for a dark page; nothing for other views or light pages. */
export function themeCanvasCells(svg: SVGSVGElement | null, dark: boolean): void {
    if (!svg || !dark) return;
    for (const node of Array.from(svg.querySelectorAll<SVGGElement>('g.node'))) {
        const cell = Array.from(node.classList).find((name) => name in DARK_CELLS);
        if (!cell) continue;
        const [fill, stroke] = DARK_CELLS[cell]!;
        for (const shape of Array.from(node.querySelectorAll<SVGElement>(':scope > :is(rect, path, polygon)'))) {
            shape.style.setProperty('fill', fill, 'important');
            shape.style.setProperty('stroke', stroke, 'important');
        }
        for (const label of Array.from(node.querySelectorAll<HTMLElement | SVGElement>('.label, .label *'))) {
            label.style.setProperty('color', DARK_TEXT, 'important');
            if (label instanceof SVGElement && label.tagName.toLowerCase() === 'tspan' || label.tagName.toLowerCase() === 'text') label.style.setProperty('fill', DARK_TEXT, 'important');
        }
    }
}

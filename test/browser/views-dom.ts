/**
 * Where the labels of a drawn view really are, read from the SVG the browser shows: which
 * text element holds each label, and the box it takes on screen. `expectShown` only asks
 * whether a label is somewhere in the diagram's text (a journey's title repeats its labels,
 * and Mermaid's hidden fallbacks hold them too); these checks ask whether each label is in
 * its own place, and whether a reader can see all of it:
 *
 *   const facts = await emotionFacts(browser());        // after browser().render(text)
 *   expectEmotionLabels(facts, model, 'online-shop');
 *
 * Boxes are in screen pixels. "Visible" is the part of the page the SVG shows: its viewport,
 * and within it its viewBox (what a standalone SVG file or a Markdown page shows).
 */
import { expect } from 'vitest';
import type { JourneyModel, TouchpointModel } from '../../language-server/src/model/journey-model.js';
import type { MermaidRenderer } from '../../language-server/src/render/mermaid-renderer.js';
import { viewWords } from '../../language-server/src/views/view-words.js';
import { pageOf, withoutSpaces } from './harness.js';

export interface Box {
    left: number;
    top: number;
    right: number;
    bottom: number;
}

/** A text element: what it says and where it is drawn. */
export interface Placed {
    text: string;
    box: Box;
}

export interface EmotionFacts {
    visible: Box;
    /** The names of the score rows, top to bottom. */
    scale: Placed[];
    /** The touchpoint names under the columns, left to right. */
    names: Placed[];
    /** The markers (circles): their symbols and centres, left to right. */
    markers: Array<Placed & { cx: number; cy: number }>;
    /** The legend under the chart. */
    legend?: Placed;
}

export interface JourneyFacts {
    visible: Box;
    /** Each task's shown text (the HTML label a browser draws) inside the box that clips it. */
    tasks: Array<Placed & { frame: Box }>;
    /** Each section's shown text inside its box. */
    sections: Array<Placed & { frame: Box }>;
    /** The journey's title. */
    title?: Placed;
}

export interface PrioritiesFacts {
    visible: Box;
    /** The four quadrants together. */
    area: Box;
    /** Where the middle lines are: x of the vertical one, y of the horizontal one. */
    middle: { x: number; y: number };
    points: Array<Placed & { cx: number; cy: number; r: number }>;
    /** The quadrant names drawn at the top of each quadrant. */
    names: Placed[];
}



/** Reads boxes from the diagram shown last; `kind` picks what to collect. Runs in the page. */
function collect(kind: 'emotion' | 'journey' | 'priorities'): unknown {
    const svg = document.querySelector('#host svg') as SVGSVGElement | null;
    if (!svg) throw new Error('no diagram is shown');
    const box = (r: DOMRect): { left: number; top: number; right: number; bottom: number } => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const htmlTextBox = (element: Element): { left: number; top: number; right: number; bottom: number } => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return box(range.getBoundingClientRect());
    };
    const placed = (element: Element): { text: string; box: { left: number; top: number; right: number; bottom: number } } => ({ text: element.textContent ?? '', box: box(element.getBoundingClientRect()) });
    const port = svg.getBoundingClientRect();
    const viewBox = svg.viewBox.baseVal;
    const ctm = svg.getScreenCTM()!;
    const corner = (x: number, y: number): DOMPoint => new DOMPoint(x, y).matrixTransform(ctm);
    const a = corner(viewBox.x, viewBox.y);
    const b = corner(viewBox.x + viewBox.width, viewBox.y + viewBox.height);
    const visible = viewBox.width > 0
        ? { left: Math.max(port.left, a.x), top: Math.max(port.top, a.y), right: Math.min(port.right, b.x), bottom: Math.min(port.bottom, b.y) }
        : box(port);
    if (kind === 'emotion') {
        const nodes = Array.from(svg.querySelectorAll('g.node'));
        const label = (node: Element) => {
            const text = node.querySelector('foreignObject div, foreignObject span, text') ?? node;
            return { text: text.textContent ?? '', box: htmlTextBox(text) };
        };
        const byX = (a: { box: { left: number } }, b: { box: { left: number } }) => a.box.left - b.box.left;
        const legend = nodes.find((node) => /-legend$/.test(node.id));
        return {
            visible,
            scale: nodes.filter((node) => /-sc_\d$/.test(node.id)).map(label).sort((a, b) => a.box.top - b.box.top),
            names: nodes.filter((node) => /-em_t_/.test(node.id) && !node.querySelector('circle')).map(label).sort(byX),
            markers: nodes.filter((node) => node.querySelector('circle')).map((node) => {
                const circle = node.querySelector('circle')!.getBoundingClientRect();
                return { ...label(node), cx: (circle.left + circle.right) / 2, cy: (circle.top + circle.bottom) / 2 };
            }).sort(byX),
            legend: legend ? label(legend) : undefined,
        };
    }
    if (kind === 'journey') {
        const framed = (cls: string) => Array.from(svg.querySelectorAll('foreignObject'))
            .filter((frame) => frame.firstElementChild?.classList.contains(cls))
            .map((frame) => {
                const label = frame.querySelector('div.label')!;
                return { text: label.textContent ?? '', box: htmlTextBox(label), frame: box(frame.getBoundingClientRect()) };
            });
        const title = Array.from(svg.querySelectorAll(':scope > text')).find((text) => text.getAttribute('font-weight') === 'bold');
        return { visible, tasks: framed('task'), sections: framed('journey-section'), title: title ? placed(title) : undefined };
    }
    const quadrants = Array.from(svg.querySelectorAll('g.quadrant rect')).map((rect) => box(rect.getBoundingClientRect()));
    const area = {
        left: Math.min(...quadrants.map((q) => q.left)), top: Math.min(...quadrants.map((q) => q.top)),
        right: Math.max(...quadrants.map((q) => q.right)), bottom: Math.max(...quadrants.map((q) => q.bottom)),
    };
    return {
        visible,
        area,
        middle: { x: Math.max(...quadrants.map((q) => q.left)), y: Math.max(...quadrants.map((q) => q.top)) },
        points: Array.from(svg.querySelectorAll('g.data-point')).map((point) => {
            const circle = point.querySelector('circle')!.getBoundingClientRect();
            const text = point.querySelector('text')!;
            return { ...placed(text), cx: (circle.left + circle.right) / 2, cy: (circle.top + circle.bottom) / 2, r: circle.width / 2 };
        }),
        names: Array.from(svg.querySelectorAll('g.quadrant text')).map(placed),
    };
}

export async function emotionFacts(renderer: MermaidRenderer): Promise<EmotionFacts> {
    return (await pageOf(renderer).evaluate(collect, 'emotion' as const)) as EmotionFacts;
}

export async function journeyFacts(renderer: MermaidRenderer): Promise<JourneyFacts> {
    return (await pageOf(renderer).evaluate(collect, 'journey' as const)) as JourneyFacts;
}

export async function prioritiesFacts(renderer: MermaidRenderer): Promise<PrioritiesFacts> {
    return (await pageOf(renderer).evaluate(collect, 'priorities' as const)) as PrioritiesFacts;
}

/** A label shortened for a failure message. */
function short(text: string): string {
    return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/** Whether `inner` lies within `outer` (give or take `slack` pixels). */
export function inside(inner: Box, outer: Box, slack = 1): boolean {
    return inner.left >= outer.left - slack && inner.right <= outer.right + slack && inner.top >= outer.top - slack && inner.bottom <= outer.bottom + slack;
}

/** The area two boxes share (0 when they do not overlap). */
export function overlap(a: Box, b: Box): number {
    const width = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const height = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    return width > 0 && height > 0 ? width * height : 0;
}

function same(shown: string, expected: string): boolean {
    return withoutSpaces(shown) === withoutSpaces(expected);
}

function scored(model: JourneyModel): TouchpointModel[] {
    return model.stages.flatMap((stage) => stage.steps.filter((step): step is TouchpointModel => step.kind === 'touchpoint' && step.emotions.length > 0));
}

function personaLabel(model: JourneyModel, id: string): string {
    return model.personas.find((persona) => persona.id === id)?.label ?? id;
}

/** The optional mark a highlighted element's text starts with (`★ `). */
const MARK = /^★\s*/;

/**
 * Emotion view: a row per score named `5 delighted` … `1 angry` in the map's language (integers, top to bottom); one
 * name per scored touchpoint under the columns, each touchpoint's label in its own cell; the
 * legend names Overall, every persona with a score of its own, and Expected when there are
 * expected scores; and every one of those texts lies in the visible picture.
 */
export function expectEmotionLabels(facts: EmotionFacts, model: JourneyModel, where: string): void {
    const emotions = viewWords(model.lang).emotions;
    expect(facts.scale.map((row) => row.text.trim()), `${where}: the score rows`).toEqual([5, 4, 3, 2, 1].map((score) => `${score} ${emotions[score - 1]}`));
    const touchpoints = scored(model);
    const names = facts.names.map((name) => name.text.replace(MARK, ''));
    expect(names.length, `${where}: the chart should name all ${touchpoints.length} touchpoints, it shows ${names.length}`).toBe(touchpoints.length);
    touchpoints.forEach((touchpoint, i) => {
        expect(same(names[i], touchpoint.label), `${where}: name ${i + 1} should be ${short(touchpoint.label)}, it is ${short(names[i])}`).toBe(true);
    });
    const personas = [...new Set(touchpoints.flatMap((touchpoint) => touchpoint.emotions.flatMap((score) => (score.persona ? [score.persona] : []))))];
    // The names of the overall and expected lines are in the map's language (Overall / Ensemble…).
    const words = viewWords(model.lang);
    const lines = [words.overall, ...personas.map((id) => personaLabel(model, id)), ...(touchpoints.some((touchpoint) => touchpoint.expectations.length > 0) ? [words.expected] : [])];
    for (const line of lines) {
        expect(withoutSpaces(facts.legend?.text ?? '').includes(withoutSpaces(line)), `${where}: the legend should name the line ${short(line)}`).toBe(true);
    }
    for (const text of [...facts.scale, ...facts.names, ...facts.markers, ...(facts.legend ? [facts.legend] : [])]) {
        expect(inside(text.box, facts.visible, 2), `${where}: ${short(text.text)} runs out of the picture (${JSON.stringify(text.box)} outside ${JSON.stringify(facts.visible)})`).toBe(true);
    }
}

/** The task texts the journey view must show for a touchpoint: the overall score's, then one per persona with its own score. */
function taskTexts(model: JourneyModel, touchpoint: TouchpointModel): string[] {
    return [
        ...(touchpoint.emotion !== undefined ? [touchpoint.label] : []),
        ...touchpoint.emotions.flatMap((score) => (score.persona ? [`${touchpoint.label} (${personaLabel(model, score.persona)})`] : [])),
    ];
}

/**
 * Journey view: each task shows its own text (in journey order) and, for texts up to
 * `fitUpTo` characters, all of it lies inside its box (nothing clipped); section names too.
 */
export function expectJourneyLabels(facts: JourneyFacts, model: JourneyModel, where: string, fitUpTo = 200): void {
    const expected = scored(model).flatMap((touchpoint) => taskTexts(model, touchpoint));
    const tasks = facts.tasks.map((task) => ({ ...task, text: task.text.replace(MARK, '') }));
    expect(tasks.length, `${where}: the journey should draw ${expected.length} tasks`).toBe(expected.length);
    expected.forEach((text, i) => {
        expect(same(tasks[i].text, text), `${where}: task ${i + 1} should show ${short(text)}, it shows ${short(tasks[i].text)}`).toBe(true);
        if (text.length <= fitUpTo) {
            expect(inside(tasks[i].box, tasks[i].frame), `${where}: the text of task ${short(text)} is clipped by its box (text ${JSON.stringify(tasks[i].box)}, box ${JSON.stringify(tasks[i].frame)})`).toBe(true);
        }
    });
    // Mermaid draws one section box for consecutive stages with the same name.
    const stages = model.stages
        .filter((stage) => stage.steps.some((step) => step.kind === 'touchpoint' && step.emotions.length > 0))
        .map((stage) => withoutSpaces(stage.label))
        .filter((label, i, all) => i === 0 || all[i - 1] !== label);
    expect(facts.sections.map((section) => withoutSpaces(section.text)), `${where}: the stage names`).toEqual(stages);
    for (const section of facts.sections) {
        if (section.text.length > fitUpTo) continue;
        expect(inside(section.box, section.frame), `${where}: the stage name ${short(section.text)} is clipped by its box`).toBe(true);
    }
    for (const task of [...facts.tasks, ...facts.sections]) {
        expect(inside(task.frame, facts.visible, 2), `${where}: the box of ${short(task.text)} runs out of the picture`).toBe(true);
    }
    expect(facts.title && same(facts.title.text, model.label), `${where}: the title should read ${short(model.label)}, it reads ${short(facts.title?.text ?? '(none)')}`).toBe(true);
    if (model.label.length <= fitUpTo) {
        expect(inside(facts.title!.box, facts.visible, 2), `${where}: the title ${short(model.label)} runs out of the picture (title ${JSON.stringify(facts.title!.box)}, picture ${JSON.stringify(facts.visible)})`).toBe(true);
    }
}

/**
 * Priorities view: one point per scored action with the action's label as its own text;
 * each point in the quadrant its scores give (a 3 is on or just beside the middle line);
 * each label inside the chart; with `noOverlaps`, no two labels (nor a label and a quadrant
 * name) overlap.
 */
export function expectPriorityLabels(facts: PrioritiesFacts, model: JourneyModel, where: string, options: { noOverlaps?: boolean } = {}): void {
    const actions = model.actions.filter((action) => action.impact !== undefined && action.effort !== undefined);
    expect(facts.points.length, `${where}: the chart should have ${actions.length} points`).toBe(actions.length);
    const remaining = [...facts.points];
    const width = facts.area.right - facts.area.left;
    const height = facts.area.bottom - facts.area.top;
    for (const action of actions) {
        const index = remaining.findIndex((point) => same(point.text, action.label));
        expect(index, `${where}: no point shows the action ${short(action.label)}`).toBeGreaterThanOrEqual(0);
        const [point] = remaining.splice(index, 1);
        const name = `${where}: ${short(action.label)} (impact ${action.impact}, effort ${action.effort})`;
        const side = (score: number, position: number, middle: number, extent: number, flip: boolean): boolean => {
            const offset = (flip ? middle - position : position - middle) / extent;
            if (score > 3) return offset > 0;
            if (score < 3) return offset < 0;
            return Math.abs(offset) <= 0.1;
        };
        expect(side(action.effort!, point.cx, facts.middle.x, width, false), `${name} is on the wrong side of the effort line`).toBe(true);
        expect(side(action.impact!, point.cy, facts.middle.y, height, true), `${name} is on the wrong side of the impact line`).toBe(true);
        expect(inside(point.box, facts.area, 1), `${name}: its label runs out of the chart (${JSON.stringify(point.box)} outside ${JSON.stringify(facts.area)})`).toBe(true);
        expect(inside(point.box, facts.visible, 1), `${name}: its label runs out of the picture`).toBe(true);
    }
    if (options.noOverlaps) {
        const labels = facts.points;
        for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
                expect(overlap(labels[i].box, labels[j].box), `${where}: the labels ${short(labels[i].text)} and ${short(labels[j].text)} overlap`).toBe(0);
            }
            for (const name of facts.names) {
                expect(overlap(labels[i].box, name.box), `${where}: the label ${short(labels[i].text)} overlaps the quadrant name ${short(name.text)}`).toBe(0);
            }
        }
    }
}

/**
 * Views that tell the truth, measured where a person looks: in a real Chromium with the
 * project's Mermaid (positions on screen), and in the real preview webview (clicks and the
 * cursor's outline).
 * - Blueprint: the cells of one lane share a row in every stage (same top and bottom), each
 *   touchpoint's cells share a column, the lines of interaction and visibility lie between
 *   their lanes, each stage's header spans its touchpoints, and each backstage note is a box.
 * - Emotion curve: the scale is the integers 5 … 1 named with the faces' words, one row each,
 *   evenly spaced; every line has a marker at every touchpoint, in the touchpoint's column and
 *   the row of its score (computed here from the map, as the language defines the lines).
 * - Preview: clicking any touchpoint's drawing in any view (of three examples, with a funnel
 *   drawn as a flowchart and one drawn as a sankey) reveals that touchpoint's lines,
 *   and putting the cursor on a touchpoint outlines its drawings and nothing else.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exampleModels } from '../support/example-models.js';
import type { JourneyModel, ScoreModel, TouchpointModel } from '../../language-server/src/model/journey-model.js';
import { renderAllViews, renderView, type DiagramView } from '../../language-server/src/views/index.js';
import { viewWords } from '../../language-server/src/views/view-words.js';
import { PreviewPage } from '../support/preview-page.js';
import { saveScreenshot, useMermaidBrowser } from './harness.js';


function touchpointsOf(model: JourneyModel): TouchpointModel[] {
    return model.stages.flatMap((stage) => stage.steps.filter((step): step is TouchpointModel => step.kind === 'touchpoint'));
}

interface Cell {
    /** The Mermaid node id (after the SVG's own prefix). */
    id: string;
    text: string;
    left: number;
    top: number;
    right: number;
    bottom: number;
    circle?: { cx: number; cy: number };
}

/** The nodes (and nested blocks) of the diagram shown last, with their boxes on screen. */
async function cells(browser: ReturnType<ReturnType<typeof useMermaidBrowser>>): Promise<Cell[]> {
    const page = (browser as unknown as { page: { evaluate<R>(fn: () => R): Promise<R> } }).page;
    return page.evaluate(() => {
        const svg = document.querySelector('#host svg')!;
        return Array.from(svg.querySelectorAll('g.node, g.cluster, g[id]')).filter((g) => g.id).map((g) => {
            const box = (g.querySelector(':scope > rect, :scope > circle, :scope > polygon') ?? g).getBoundingClientRect();
            const circle = g.querySelector(':scope > circle')?.getBoundingClientRect();
            return {
                id: g.id.replace(/^journey-diagram-\d+-/, ''),
                text: (g.textContent ?? '').replace(/\s+/g, ' ').trim(),
                left: box.left, top: box.top, right: box.right, bottom: box.bottom,
                circle: circle ? { cx: (circle.left + circle.right) / 2, cy: (circle.top + circle.bottom) / 2 } : undefined,
            };
        });
    });
}

describe('the blueprint in a real browser', () => {
    const browser = useMermaidBrowser();

    test('every lane is one row across all stages, with its name, between the lines of interaction and visibility', async () => {
        for (const { name, model } of await exampleModels()) {
            const view = renderView(model, 'blueprint');
            if (view.kind !== 'diagram') continue;
            const result = await browser().render(view.mermaid);
            expect(result.error, `${name}: Mermaid error`).toBeUndefined();
            await saveScreenshot(browser(), `truth-${name}-blueprint`);
            const all = await cells(browser());
            const byId = new Map(all.map((cell) => [cell.id, cell]));
            const touchpoints = touchpointsOf(model);
            const lanes = ['c', 'f', 'b', 't'].map((lane, i) => [byId.get(`lane_${i}`)!, ...touchpoints.map((tp) => byId.get(`bp_${lane}_${tp.id}`)!)]);
            const words = viewWords(model.lang);
            lanes.forEach((row, i) => {
                row.forEach((cell, j) => expect(cell, `${name}: lane ${i} cell ${j} is drawn`).toBeDefined());
                // One row: every cell of the lane has the same top and bottom, in every stage. A
                // column of several backstage boxes is as tall as its boxes, centred in the row.
                for (const cell of row) {
                    const nested = byId.has(cell.id.replace(/^bp_b_/, 'bp_n1_'));
                    const middle = (box: Cell) => (box.top + box.bottom) / 2;
                    if (nested) {
                        expect(Math.abs(middle(cell) - middle(row[0])), `${name}: ${cell.id} is not centred on the row of ${row[0].text}`).toBeLessThanOrEqual(1);
                        expect(cell.top).toBeGreaterThanOrEqual(row[0].top - 1);
                        expect(cell.bottom).toBeLessThanOrEqual(row[0].bottom + 1);
                        continue;
                    }
                    expect(Math.abs(cell.top - row[0].top), `${name}: ${cell.id} is not on the row of ${row[0].text}`).toBeLessThanOrEqual(1);
                    expect(Math.abs(cell.bottom - row[0].bottom), `${name}: ${cell.id} is not as tall as its row`).toBeLessThanOrEqual(1);
                }
            });
            expect(lanes.map((row) => row[0].text)).toEqual([...words.lanes]);
            // One column per touchpoint: its four cells share left and right edges.
            touchpoints.forEach((tp, j) => {
                for (const row of lanes) {
                    expect(Math.abs(row[j + 1].left - lanes[0][j + 1].left), `${name}: ${tp.id}'s column`).toBeLessThanOrEqual(1);
                    expect(Math.abs(row[j + 1].right - lanes[0][j + 1].right), `${name}: ${tp.id}'s column`).toBeLessThanOrEqual(1);
                }
            });
            // The lines lie between their lanes and cross the whole grid.
            const [interaction, visibility] = [byId.get('line_0')!, byId.get('line_1')!];
            expect(interaction.text).toContain(words.blueprintLines[0]);
            expect(visibility.text).toContain(words.blueprintLines[1]);
            expect(interaction.top).toBeGreaterThanOrEqual(lanes[0][0].bottom - 1);
            expect(interaction.bottom).toBeLessThanOrEqual(lanes[1][0].top + 1);
            expect(visibility.top).toBeGreaterThanOrEqual(lanes[1][0].bottom - 1);
            expect(visibility.bottom).toBeLessThanOrEqual(lanes[2][0].top + 1);
            for (const line of [interaction, visibility]) {
                expect(line.left).toBeLessThanOrEqual(lanes[0][0].left + 1);
                expect(line.right).toBeGreaterThanOrEqual(lanes[0][touchpoints.length].right - 1);
            }
            // Each stage's header spans exactly its touchpoints' columns.
            for (const stage of model.stages) {
                const own = touchpoints.filter((tp) => tp.stage === stage.id);
                if (own.length === 0) continue;
                const header = byId.get(`st_${stage.id}`)!;
                expect(header.text, `${name}: the header of ${stage.id}`).toBe(stage.label.replace(/\s+/g, ' ').trim());
                expect(Math.abs(header.left - byId.get(`bp_c_${own[0].id}`)!.left)).toBeLessThanOrEqual(1);
                expect(Math.abs(header.right - byId.get(`bp_c_${own.at(-1)!.id}`)!.right)).toBeLessThanOrEqual(1);
            }
            // Each backstage note (and data point) is its own box, inside the touchpoint's backstage cell.
            for (const tp of touchpoints.filter((candidate) => candidate.backstage.length + candidate.data.length > 1)) {
                const cell = byId.get(`bp_b_${tp.id}`)!;
                [...tp.backstage, ...tp.data.map((item) => `${words.data}${words.colon} ${item}`)].forEach((note, i) => {
                    const box = byId.get(`bp_n${i + 1}_${tp.id}`);
                    expect(box?.text.replace(/\s+/g, ''), `${name}: ${tp.id}'s note ${i + 1}`).toBe(note.replace(/\s+/g, ''));
                    expect(box!.top).toBeGreaterThanOrEqual(cell.top - 1);
                    expect(box!.bottom).toBeLessThanOrEqual(cell.bottom + 1);
                });
            }
        }
    }, 120_000);
});

/** The lines of the emotion curve as the language defines them, per scored touchpoint. */
function emotionLines(model: JourneyModel): { touchpoints: TouchpointModel[]; lines: Array<{ name: string; values: number[] }> } {
    const touchpoints = touchpointsOf(model).filter((tp) => tp.emotions.length > 0);
    const overallOf = (scores: readonly ScoreModel[]) => scores.find((score) => !score.persona)?.score ?? (scores.length > 0 ? scores.reduce((sum, score) => sum + score.score, 0) / scores.length : undefined);
    const overall = touchpoints.map((tp) => overallOf(tp.emotions)!);
    const personas = [...new Set(touchpoints.flatMap((tp) => tp.emotions.flatMap((score) => (score.persona ? [score.persona] : []))))];
    const words = viewWords(model.lang);
    const lines = [{ name: words.overall, values: overall }];
    for (const id of personas) {
        const label = model.personas.find((persona) => persona.id === id)?.label ?? id;
        lines.push({ name: label, values: touchpoints.map((tp, i) => tp.emotions.find((score) => score.persona === id)?.score ?? overall[i]) });
    }
    if (touchpoints.some((tp) => tp.expectations.length > 0)) lines.push({ name: words.expected, values: touchpoints.map((tp, i) => overallOf(tp.expectations) ?? overall[i]) });
    return { touchpoints, lines };
}

describe('the emotion curve in a real browser', () => {
    const browser = useMermaidBrowser();

    test('its scale is the integers 1..5 named with their words, and every point of every line has a marker', async () => {
        let points = 0;
        for (const { name, model } of await exampleModels()) {
            const view = renderView(model, 'emotion');
            if (view.kind !== 'diagram') continue;
            const result = await browser().render(view.mermaid);
            expect(result.error, `${name}: Mermaid error`).toBeUndefined();
            await saveScreenshot(browser(), `truth-${name}-emotion`);
            const all = await cells(browser());
            // The ticks: one row per integer score, 5 at the top, with its word, evenly spaced.
            const scale = all.filter((cell) => /^sc_\d$/.test(cell.id)).sort((a, b) => a.top - b.top);
            const emotions = viewWords(model.lang).emotions;
            expect(scale.map((cell) => cell.text), `${name}: the scale`).toEqual([5, 4, 3, 2, 1].map((score) => `${score} ${emotions[score - 1]}`));
            const gaps = scale.slice(1).map((cell, i) => cell.top - scale[i].top);
            for (const gap of gaps) expect(Math.abs(gap - gaps[0]), `${name}: the scale is evenly spaced`).toBeLessThanOrEqual(1);
            // The symbol of each line, as the legend names it.
            const legend = all.find((cell) => cell.id === 'legend')!.text;
            const { touchpoints, lines } = emotionLines(model);
            const markers = all.filter((cell) => cell.circle);
            touchpoints.forEach((tp, i) => {
                const column = all.find((cell) => cell.id === `em_t_${tp.id}`)!;
                for (const line of lines) {
                    const symbol = new RegExp(`(\\S) ${line.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`).exec(legend)?.[1];
                    expect(symbol, `${name}: the legend names ${line.name}`).toBeDefined();
                    const row = scale[5 - Math.min(5, Math.max(1, Math.round(line.values[i])))];
                    const marker = markers.find((cell) => cell.circle!.cx >= column.left && cell.circle!.cx <= column.right && cell.circle!.cy >= row.top && cell.circle!.cy <= row.bottom);
                    expect(marker, `${name}: ${line.name} at ${tp.id} (${line.values[i]}) has no marker in its column and row`).toBeDefined();
                    expect(marker!.text.split(' '), `${name}: the marker of ${line.name} at ${tp.id} shows its symbol`).toContain(symbol);
                    points++;
                }
            });
        }
        expect(points).toBeGreaterThan(40);
    }, 120_000);
});

describe('the preview links every view to the map', () => {
    let preview: PreviewPage;
    beforeAll(async () => {
        preview = await PreviewPage.open();
    }, 60_000);
    afterAll(async () => {
        await preview?.close();
    });

    test('clicking any touchpoint in any view reveals its lines, and the cursor on it outlines its drawings only', async () => {
        // hello (the smallest), home-cleaning (its funnel is a flowchart), purchase-current (its funnel is a sankey).
        const examples = (await exampleModels()).filter(({ name }) => ['hello', 'home-cleaning', 'purchase-current'].includes(name));
        expect(examples).toHaveLength(3);
        // A window large enough to show every drawing at the zoom that keeps labels readable
        // (the canvas of purchase-current is taller than a laptop's screen): each can be clicked.
        await preview.page.setViewportSize({ width: 2600, height: 4200 });
        let version = 0;
        let checked = 0;
        for (const { name, model } of examples) {
            const views = renderAllViews(model);
            version++;
            const uri = `file:///examples/${name}.journey`;
            let shown = await preview.update({ type: 'update', uri, fileName: `${name}.journey`, version, title: model.label, views, errors: [], limits: { maxTextSize: 1_000_000, maxEdges: 5_000 } });
            for (const view of views.filter((candidate): candidate is DiagramView => candidate.kind === 'diagram')) {
                if (shown.rendered.view !== view.view) shown = await preview.selectView(view.view);
                expect(shown.rendered.shows).toBe('diagram');
                const ids = [...new Set(view.sourceMap.filter((entry) => entry.kind === 'touchpoint').map((entry) => entry.elementId))];
                for (const id of ids) {
                    const touchpoint = touchpointsOf(model).find((tp) => tp.id === id)!;
                    // Click the middle of each of its drawings.
                    const drawings = await preview.page.locator(`#canvas [data-journey-id="${id}"]`).all();
                    expect(drawings.length, `${name} ${view.view}: ${id} is drawn and linked`).toBeGreaterThan(0);
                    let clicked = 0;
                    for (const drawing of drawings) {
                        // As the cursor does: the preview brings the touchpoint's drawings into view.
                        await preview.page.evaluate(async (line) => {
                            window.postMessage({ type: 'highlight', line }, '*');
                            await new Promise((resolve) => setTimeout(resolve, 30));
                        }, touchpoint.range.start.line);
                        // Drawings without a box of their own (a text Mermaid keeps hidden) cannot be clicked.
                        const box = await drawing.boundingBox();
                        if (!box || box.width < 1 || box.height < 1) continue;
                        const before = (await preview.posted()).length;
                        // Its middle, when nothing covers it there (the toolbar stays over the top of the pane); else the drawing itself.
                        const x = box.x + box.width / 2;
                        const y = box.y + box.height / 2;
                        const reachable = await drawing.evaluate((element, point) => {
                            const hit = document.elementFromPoint(point.x, point.y);
                            return hit !== null && (element === hit || element.contains(hit));
                        }, { x, y });
                        // In the sankey nothing covers a linked drawing (its halo under a label is not one: a real click lands on the label).
                        if (view.view === 'funnel' && /^sankey$/m.test(view.mermaid)) expect(reachable, `${name} funnel: a click in the middle of a drawing of ${id} lands on it`).toBe(true);
                        if (reachable) await preview.page.mouse.click(x, y);
                        else await drawing.dispatchEvent('click');
                        clicked++;
                        const reveal = (await preview.posted()).slice(before).find((message) => message.type === 'reveal') as { range?: { start: { line: number } } } | undefined;
                        expect(reveal?.range?.start.line, `${name} ${view.view}: a click on ${id} reveals its line`).toBe(touchpoint.range.start.line);
                    }
                    expect(clicked, `${name} ${view.view}: ${id} has a drawing to click`).toBeGreaterThan(0);
                    // The cursor on its first line outlines its drawings, and only them.
                    const outlined = await preview.page.evaluate(async (line) => {
                        window.postMessage({ type: 'highlight', line }, '*');
                        await new Promise((resolve) => setTimeout(resolve, 30));
                        return Array.from(document.querySelectorAll('#canvas .journey-highlight')).map((el) => el.getAttribute('data-journey-id'));
                    }, touchpoint.range.start.line);
                    expect(outlined.length, `${name} ${view.view}: the cursor on ${id}`).toBeGreaterThanOrEqual(clicked);
                    expect(new Set(outlined), `${name} ${view.view}: the cursor on ${id} outlines other elements`).toEqual(new Set([id]));
                    checked++;
                }
            }
        }
        expect(checked).toBeGreaterThan(30);
    }, 240_000);
});

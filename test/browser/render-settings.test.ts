/**
 * The renderer's page sets aside Mermaid's settings of the diagram types no view draws
 * (`UNUSED_CONFIG_SECTIONS`: Mermaid copies all its settings each time it reads one, and the
 * block diagrams read them about 14 times per cell). The pictures stay the same: every view of
 * every example and of a generated map draws the same SVG, byte for byte, as in a page that
 * keeps every default; a diagram of another type gets every default back before it is drawn.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { MermaidRenderer } from '../../language-server/src/render/mermaid-renderer.js';
import { renderAllViews } from '../../language-server/src/views/index.js';
import { parseJourney } from '../helpers.js';
import { exampleModels } from '../support/example-models.js';
import { generateMap } from '../support/generate-map.js';

/** Diagrams of types no view draws, whose settings the page sets aside. */
const OTHER_TYPES = [
    'sequenceDiagram\n    Alice->>Bob: Hello Bob, how are you?\n    Bob-->>Alice: Fine',
    'gantt\n    title A plan\n    dateFormat YYYY-MM-DD\n    section One\n    Task :a1, 2026-01-01, 30d\n    Other :after a1, 20d',
    'C4Context\n    title System\n    Person(customer, "Customer")\n    System(shop, "Shop")\n    Rel(customer, shop, "Uses")',
    'timeline\n    title History\n    2025 : One\n    2026 : Two : Three',
    'xychart-beta\n    title "Sales"\n    x-axis [jan, feb, mar]\n    y-axis "Revenue" 0 --> 100\n    bar [30, 60, 90]',
    'pie title Pets\n    "Dogs" : 386\n    "Cats" : 85',
    'not a diagram at all',
];

describe('Mermaid settings of the diagram types no view draws', () => {
    let fast: MermaidRenderer;
    let everyDefault: MermaidRenderer;
    beforeAll(async () => {
        fast = await MermaidRenderer.launch();
        everyDefault = await MermaidRenderer.launch({ everyDefault: true });
    }, 60_000);
    afterAll(async () => {
        await fast?.close();
        await everyDefault?.close();
    });

    test('every view draws the same SVG, byte for byte, as with every default', { timeout: 300_000 }, async () => {
        const generated = buildJourneyModel(await parseJourney(generateMap(15, { seed: 3 }).text))!;
        const maps = [...(await exampleModels()), { name: 'generated-15', model: generated }];
        let drawn = 0;
        for (const { name, model } of maps) {
            for (const view of renderAllViews(model)) {
                if (view.kind !== 'diagram') continue;
                const id = `journey-diagram-${++drawn}`;
                const result = await fast.render(view.mermaid, id);
                expect(result.error, `${name} ${view.view}`).toBeUndefined();
                expect(result.svg === (await everyDefault.render(view.mermaid, id)).svg, `${name} ${view.view}: not the same SVG`).toBe(true);
            }
        }
        expect(drawn).toBeGreaterThan(40);
    });

    test('a diagram of another type gets every default back first, and the views after it draw the same', { timeout: 120_000 }, async () => {
        const canvas = renderAllViews((await exampleModels()).find((example) => example.name === 'hello')!.model).find((view) => view.view === 'canvas')!;
        expect(canvas.kind).toBe('diagram');
        for (const [index, text] of OTHER_TYPES.entries()) {
            // A fresh page each time: the first diagram of another type is the one that restores the settings.
            const page = await fast.openPage();
            try {
                const id = `other-${index}`;
                const result = await page.render(text, id);
                expect(result, text).toEqual(await everyDefault.render(text, id));
                if (index < OTHER_TYPES.length - 1) expect(result.error, text).toBeUndefined();
                if (canvas.kind === 'diagram') expect((await page.render(canvas.mermaid, 'canvas')).svg).toBe((await everyDefault.render(canvas.mermaid, 'canvas')).svg);
            } finally {
                await page.close();
            }
        }
    });
});

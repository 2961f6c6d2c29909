/**
 * Hostile labels in every position of a journey, drawn by the real Mermaid in a real
 * Chromium: every view parses and renders, shows each label exactly as written (only
 * Mermaid's line wrapping may change spaces), and no label runs script or adds markup.
 */
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { renderAllViews, renderView } from '../../language-server/src/views/index.js';
import { parseJourney } from '../helpers.js';
import { expectSafe, expectShown, saveScreenshot, useMermaidBrowser } from './harness.js';
import { HOSTILE_LABELS, journeyWithLabel, SANKEY_HOSTILE } from './hostile-labels.js';
import { emotionFacts, expectEmotionLabels, expectJourneyLabels, expectPriorityLabels, journeyFacts, prioritiesFacts } from './views-dom.js';
import { labelsDrawnBy } from './view-labels.js';
import { canvasFacts, expectCanvasReadable } from './canvas-dom.js';

async function modelWithLabel(label: string): Promise<JourneyModel> {
    const document = await parseJourney(journeyWithLabel(label));
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1);
    expect(errors.map((d) => d.message)).toEqual([]);
    return buildJourneyModel(document)!;
}

const browser = useMermaidBrowser();

describe('hostile labels in a real browser', () => {

    test('every view of a journey that uses the hostile label everywhere renders it exactly and safely', async () => {
        for (const [name, label] of Object.entries(HOSTILE_LABELS)) {
            const model = await modelWithLabel(label);
            expect(model.label).toBe(label);
            for (const view of renderAllViews(model)) {
                expect(view.kind, `${name} ${view.view}`).toBe('diagram');
                if (view.kind !== 'diagram') continue;
                const result = await browser().render(view.mermaid);
                expect(result.error, `${name} ${view.view}: Mermaid error\n${view.mermaid}`).toBeUndefined();
                if (['html', 'rtl', 'emoji', 'punctuation'].includes(name)) await saveScreenshot(browser(), `hostile-${name}-${view.view}`);
                expectShown(result.text!, label, `${name} ${view.view}`);
                for (const shown of labelsDrawnBy(model, view.view)) expectShown(result.text!, shown, `${name} ${view.view}`);
                // The title repeats the label: each label must also be in its own place, and visible.
                if (view.view === 'emotion') expectEmotionLabels(await emotionFacts(browser()), model, `${name} emotion`);
                if (view.view === 'journey') expectJourneyLabels(await journeyFacts(browser()), model, `${name} journey`);
                if (view.view === 'priorities') expectPriorityLabels(await prioritiesFacts(browser()), model, `${name} priorities`);
                if (view.view === 'canvas') expectCanvasReadable(await canvasFacts(browser()), view.mermaid, `${name} canvas`);
                await expectSafe(browser());
            }
        }
        // Mermaid's block diagram (the canvas) draws cell by cell: the 2,000-character label in every position takes long on a busy machine.
    }, 600_000);

    test('a funnel whose labels a sankey can carry is drawn as a sankey, with the labels exact', async () => {
        const model = await modelWithLabel(SANKEY_HOSTILE);
        const view = renderView(model, 'funnel');
        expect(view.kind === 'diagram' && view.mermaid).toMatch(/^sankey$/m);
        const result = await browser().render(view.kind === 'diagram' ? view.mermaid : '');
        expect(result.error).toBeUndefined();
        expectShown(result.text!, SANKEY_HOSTILE, 'sankey');
        await expectSafe(browser());
        await saveScreenshot(browser(), 'hostile-sankey-funnel');
    });

    test('the safety check can fail: raw markup Mermaid lets through is counted', async () => {
        // Unescaped, Mermaid's sanitiser keeps <img src="x"> (it drops only the handler): the check sees it.
        const result = await browser().render('flowchart LR\n  a["<img src=x onerror=window.__pwned=1>"]');
        expect(result.error).toBeUndefined();
        expect(await browser().activeElementCount()).toBeGreaterThan(0);
        expect(await browser().canaryTripped()).toBe(false);
    });
});

describe('edge cases and highlights in a real browser', () => {

    test('touchpoints without scores, empty stages, loops and highlights of every element still render', async () => {
        const text = `journey j "Edges" {
  persona p "P"
  channel c "C"
  team t "T"
  stage empty "Nothing here" { }
  stage s "S" {
    touchpoint quiet "No emotion at all"
    touchpoint a "A" { persona p channel c owner t emotion 2 emotion 5 for p reach 100 pain "x" moment of truth }
    decision d "Again?" { "yes" -> a  "no" -> out }
    touchpoint b "B" { emotion 4 reach 60 next a }
  }
  outcome out "Gone"
  action x "Do it" { improves a impact 3 effort 3 owner t }
  action y "Do it too" { improves a impact 3 effort 3 }
}`;
        const document = await parseJourney(text);
        expect((document.diagnostics ?? []).filter((d) => d.severity === 1)).toEqual([]);
        const model = buildJourneyModel(document)!;
        const highlight = new Set(['quiet', 'a', 'b', 'd', 'out', 'x', 's', 'c', 't']);
        for (const view of renderAllViews(model, { highlight })) {
            if (view.kind !== 'diagram') continue;
            const result = await browser().render(view.mermaid);
            expect(result.error, `${view.view}\n${view.mermaid}`).toBeUndefined();
            await saveScreenshot(browser(), `edges-highlight-${view.view}`);
            for (const label of labelsDrawnBy(model, view.view)) expectShown(result.text!, label, view.view);
            if (view.view === 'emotion') expectEmotionLabels(await emotionFacts(browser()), model, 'edges emotion');
            if (view.view === 'journey') expectJourneyLabels(await journeyFacts(browser()), model, 'edges journey');
            if (view.view === 'priorities') expectPriorityLabels(await prioritiesFacts(browser()), model, 'edges priorities');
        }
    });
});

/**
 * Every view of every example, drawn by the real Mermaid in a real Chromium: it renders
 * without a Mermaid error, shows every label of the map it should (in the journey, emotion
 * and priorities views: each in its own place, wholly visible, the priorities' labels
 * apart; in the canvas: nothing clipped or overlapping, lanes aligned), runs no script, gives an
 * SVG file that decodes as an image on its own, and a
 * screenshot is saved to test-output/screenshots/<example>-<view>.png.
 */
import { describe, expect, test } from 'vitest';
import { exampleModels } from '../support/example-models.js';
import { renderAllViews } from '../../language-server/src/views/index.js';
import { expectSafe, expectShown, expectStandaloneSvg, saveScreenshot, useMermaidBrowser } from './harness.js';
import { emotionFacts, expectEmotionLabels, expectJourneyLabels, expectPriorityLabels, journeyFacts, prioritiesFacts } from './views-dom.js';
import { labelsDrawnBy } from './view-labels.js';
import { canvasFacts, expectCanvasReadable } from './canvas-dom.js';


describe('every view of every example in a real browser', () => {
    const browser = useMermaidBrowser();

    test('renders, shows every label, runs no script, and is saved as a screenshot', async () => {
        const examples = await exampleModels();
        expect(examples.length).toBeGreaterThanOrEqual(3);
        let drawn = 0;
        for (const { name, model } of examples) {
            for (const view of renderAllViews(model)) {
                if (view.kind === 'empty') {
                    expect(view.message).toMatch(/^Nothing to show yet: .*`/);
                    continue;
                }
                const result = await browser().render(view.mermaid);
                expect(result.error, `${name} ${view.view}: Mermaid error`).toBeUndefined();
                await saveScreenshot(browser(), `${name}-${view.view}`);
                await expectStandaloneSvg(browser(), result.svg, `${name} ${view.view}`);
                for (const label of labelsDrawnBy(model, view.view)) expectShown(result.text!, label, `${name} ${view.view}`);
                // Each label in its own place, and all of it visible.
                if (view.view === 'emotion') expectEmotionLabels(await emotionFacts(browser()), model, name);
                if (view.view === 'journey') expectJourneyLabels(await journeyFacts(browser()), model, name);
                if (view.view === 'priorities') expectPriorityLabels(await prioritiesFacts(browser()), model, name, { noOverlaps: true });
                if (view.view === 'canvas') expectCanvasReadable(await canvasFacts(browser()), view.mermaid, name);
                await expectSafe(browser());
                drawn++;
            }
        }
        expect(drawn).toBeGreaterThanOrEqual(examples.length * 4);
    }, 300_000);
});

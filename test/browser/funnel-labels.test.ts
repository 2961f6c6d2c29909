/**
 * The funnel's labels, drawn by the real Mermaid in Chromium: in every example's funnel, whole (as
 * the preview and `journey render` draw it) and in the pieces of its Markdown page, no label runs
 * over another label or over another step's bar, and none is cut off by the picture's edge. The
 * sankey is as wide as its labels need and writes each label right of its bar, on a halo
 * (`views/sankey-layout.ts`). Screenshots: test-output/screenshots/funnel-labels-<example>-<n>.png.
 */
import { describe, expect, test } from 'vitest';
import { renderView } from '../../language-server/src/views/index.js';
import { markdownViews } from '../../language-server/src/views/markdown-document.js';
import { estimateDrawingSize } from '../../language-server/src/views/view-width.js';
import { inside, overlap, type Box } from './views-dom.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { parseJourney } from '../helpers.js';
import { exampleModels } from '../support/example-models.js';
import { pageOf, saveScreenshot, useMermaidBrowser } from './harness.js';

const browser = useMermaidBrowser();


interface SankeyFacts {
    picture: Box;
    width: number;
    labels: Array<{ text: string; box: Box }>;
    bars: Array<{ name: string; box: Box }>;
}

/** The sankey on the page: its box, its labels (the text drawn over the halo) and its nodes' bars. */
async function sankeyFacts(): Promise<SankeyFacts> {
    const page = pageOf(browser());
    return page.evaluate(() => {
        const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
        const svg = document.querySelector('#host svg') as SVGSVGElement;
        const texts = Array.from(svg.querySelectorAll('.node-labels text')).filter((text) => !text.classList.contains('sankey-label-bg'));
        return {
            picture: box(svg.getBoundingClientRect()),
            width: svg.viewBox.baseVal.width,
            labels: texts.map((text) => ({ text: text.textContent ?? '', box: box(text.getBoundingClientRect()) })),
            bars: Array.from(svg.querySelectorAll('.nodes .node rect')).map((rect, i) => ({ name: texts[i]?.textContent ?? String(i), box: box(rect.getBoundingClientRect()) })),
        };
    });
}

/**
 * Two ways in that merge into a bigger step: Mermaid writes the labels of the columns before the
 * biggest node left of their bars (the examples all start with their biggest step).
 */
async function merging(): Promise<JourneyModel> {
    const text = [
        'journey merge "Merging entries" {',
        '  stage meet "Meet" {',
        '    touchpoint trade_show "Visits our stand at the trade show" {',
        '      emotion 3',
        '      reach 100',
        '      next webinar',
        '    }',
        '    touchpoint newsletter "Reads the monthly newsletter of the fleet" {',
        '      emotion 3',
        '      reach 100',
        '    }',
        '  }',
        '  stage learn "Learn" {',
        '    touchpoint webinar "Attends the webinar" {',
        '      emotion 4',
        '      reach 180',
        '    }',
        '    touchpoint demo "Asks for a demo" {',
        '      emotion 4',
        '      reach 40',
        '    }',
        '  }',
        '}',
    ].join('\n');
    return buildJourneyModel(await parseJourney(text))!;
}

describe('the funnel\'s labels', () => {
    test('run over no other label and no other step\'s bar, and stay inside the picture, whole and in pieces', async () => {
        const problems: string[] = [];
        let drawn = 0;
        for (const { name, model } of [...await exampleModels(), { name: 'merging-entries', model: await merging() }]) {
            const whole = renderView(model, 'funnel');
            if (whole.kind !== 'diagram') continue;
            const pieces = markdownViews(model).views.find((view) => view.view === 'funnel');
            const pictures = [whole.mermaid, ...(pieces?.kind === 'diagram' ? (pieces.pieces ?? []).map((piece) => piece.mermaid) : [])];
            // A funnel with a label a sankey cannot show exactly is a flowchart (some of its pieces may still be sankeys).
            for (const [n, mermaid] of pictures.entries()) {
                if (!/^sankey$/m.test(mermaid)) continue;
                const where = `${name} ${n === 0 ? 'whole' : `piece ${n}`}`;
                const result = await browser().render(mermaid);
                expect(result.error, where).toBeUndefined();
                await saveScreenshot(browser(), `funnel-labels-${name}-${n}`);
                const facts = await sankeyFacts();
                expect(facts.labels.length, where).toBeGreaterThan(1);
                drawn++;
                for (const [i, label] of facts.labels.entries()) {
                    if (!inside(label.box, facts.picture)) problems.push(`${where}: "${label.text}" is cut off by the picture's edge`);
                    for (const other of facts.labels.slice(i + 1)) {
                        if (overlap(label.box, other.box) > 1) problems.push(`${where}: "${label.text}" runs over "${other.text}"`);
                    }
                    for (const bar of facts.bars) {
                        if (bar.name !== label.text && overlap(label.box, bar.box) > 1) problems.push(`${where}: "${label.text}" runs over the bar of "${bar.name}"`);
                    }
                }
                // The width estimate (Markdown pieces, the preview's layout) holds the labels past the last bar.
                const estimate = estimateDrawingSize(mermaid)!.width;
                if (estimate < 0.95 * facts.width || estimate > 1.5 * facts.width) problems.push(`${where}: estimated ${estimate} px wide, drawn ${Math.round(facts.width)} px`);
            }
        }
        expect(problems).toEqual([]);
        // The examples draw a dozen sankeys, whole or in pieces, and the merging map one more at least.
        expect(drawn).toBeGreaterThanOrEqual(13);
    }, 240_000);
});

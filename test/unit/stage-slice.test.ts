/** A journey restricted to one stage, and views too large to draw whole drawn one stage at a time. */
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { sliceToStage, stageAtLine } from '../../language-server/src/model/stage-slice.js';
import { renderAllViews, renderView, VIEW_IDS } from '../../language-server/src/views/index.js';
import { diagramSize, exceedsLimits, MERMAID_DEFAULT_LIMITS } from '../../language-server/src/views/view-size.js';
import { fitViewToLimits, viewByStage } from '../../language-server/src/views/view-split.js';
import { markdownDocument, markdownViews } from '../../language-server/src/views/markdown-document.js';
import { markdownOfDocument, viewsOfDocument } from '../../language-server/src/lsp/journey-preview-request.js';
import { generateMap } from '../support/generate-map.js';
import { parseJourney } from '../helpers.js';

async function model(text: string): Promise<JourneyModel> {
    return buildJourneyModel(await parseJourney(text))!;
}

const SMALL = `
journey j "J" {
  persona alex "Alex"
  persona sam "Sam"
  channel phone "Phone" offline
  channel site "Site" online
  team sales "Sales"
  team ops "Ops"
  stage one "One" {
    touchpoint a "A" {
      persona alex
      channel phone
      owner sales
      emotion 2
    }
    decision d "Goes on?" {
      "yes" -> b
      "no" -> lost
    }
  }
  stage two "Two" {
    touchpoint b "B" {
      persona sam
      channel site
      owner ops
      emotion 4
      next done
    }
  }
  outcome lost "Lost"
  outcome done "Done"
  action fix "Fix A" {
    improves a
    impact 4
    effort 2
    owner ops
  }
  action other "Improve B" {
    improves b
  }
}
`;

describe('sliceToStage', () => {
    test('keeps the stage, links inside it and to outcomes, its actions, personas, channels and teams; drops what belongs to other stages', async () => {
        const m = await model(SMALL);
        const one = sliceToStage(m, 'one')!;
        expect(one.stages.map((s) => s.id)).toEqual(['one']);
        expect(one.stages[0].steps.map((s) => s.id)).toEqual(['a', 'd']);
        const decision = one.stages[0].steps[1];
        expect(decision.kind === 'decision' && decision.branches.map((b) => b.target)).toEqual(['lost']);
        expect(one.outcomes.map((o) => o.id)).toEqual(['lost']);
        expect(one.flow.edges.every((e) => ['a', 'd', 'lost'].includes(e.from) && ['a', 'd', 'lost'].includes(e.to))).toBe(true);
        expect(one.flow.edges.length).toBeGreaterThan(0);
        expect(one.flow.start).toBe('a');
        expect(one.actions.map((a) => a.id)).toEqual(['fix']);
        expect(one.personas.map((p) => p.id)).toEqual(['alex']);
        expect(one.channels.map((c) => c.id)).toEqual(['phone']);
        expect(one.teams.map((t) => t.id).sort()).toEqual(['ops', 'sales']);
        const two = sliceToStage(m, 'two')!;
        expect(two.outcomes.map((o) => o.id)).toEqual(['done']);
        expect(two.flow.start).toBe('b');
        expect(two.actions.map((a) => a.id)).toEqual(['other']);
        // The original is untouched.
        expect(m.stages).toHaveLength(2);
        expect(m.outcomes).toHaveLength(2);
    });

    test('an unknown stage gives nothing; stageAtLine finds the stage written at a line', async () => {
        const m = await model(SMALL);
        expect(sliceToStage(m, 'nowhere')).toBeUndefined();
        const line = SMALL.split('\n').findIndex((l) => l.includes('touchpoint b'));
        expect(stageAtLine(m, line)?.id).toBe('two');
        expect(stageAtLine(m, 1)).toBeUndefined();
    });

    test('every view draws every stage of a generated map on its own', async () => {
        const m = await model(generateMap(60).text);
        for (const stage of m.stages) {
            const sliced = sliceToStage(m, stage.id)!;
            for (const view of renderAllViews(sliced)) {
                if (view.kind !== 'diagram' || !['journey', 'flow', 'blueprint'].includes(view.view)) continue;
                expect(view.mermaid, `${view.view} of ${stage.id}`).toContain(stage.label);
            }
        }
    });
});

describe('views too large to draw whole', () => {
    test('a 1,000-touchpoint map: each view over the limits is drawn for the focused stage, with the list of stages', async () => {
        const map = generateMap(1000);
        const document = await parseJourney(map.text);
        const m = buildJourneyModel(document)!;
        const whole = renderAllViews(m);
        const over = whole.filter((v) => v.kind === 'diagram' && exceedsLimits(diagramSize(v.mermaid), MERMAID_DEFAULT_LIMITS)).map((v) => v.view);
        expect(over.length, `views over the limits: ${over.join(', ')}`).toBeGreaterThanOrEqual(4);
        const line = map.touchpointLines[437];
        const result = viewsOfDocument(document, { limits: MERMAID_DEFAULT_LIMITS, line });
        expect(result.views.map((v) => v.view)).toEqual([...VIEW_IDS]);
        for (const view of result.views) {
            if (!over.includes(view.view)) {
                expect(view.kind === 'diagram' && view.part, view.view).toBeFalsy();
                continue;
            }
            expect(view.kind, view.view).toBe('diagram');
            if (view.kind !== 'diagram') continue;
            expect(view.part?.stage, view.view).toBe('stage_43');
            expect(view.part?.stages).toHaveLength(100);
            expect(exceedsLimits(diagramSize(view.mermaid), MERMAID_DEFAULT_LIMITS), view.view).toBe(false);
            expect(view.mermaid).toContain('437');
        }
        // A stage picked by id wins over the line; the Markdown document (Save as Markdown) is the one
        // `journey render --format markdown` writes: every stage of a view too large, one picture each.
        const picked = viewsOfDocument(document, { limits: MERMAID_DEFAULT_LIMITS, line, stage: 'stage_7' });
        expect(picked.views.flatMap((v) => (v.kind === 'diagram' && v.part ? [v.part.stage] : [])).every((s) => s === 'stage_7')).toBe(true);
        const { markdown } = markdownOfDocument(document);
        expect(markdown).toContain('## Flow: Awareness 0');
        expect(markdown).toContain('## Flow: Advocacy 99');
        expect(markdownDocument(m, markdownViews(m).views)).toBe(markdown);
    }, 60_000);

    test('a view within the limits, or a journey of one stage, is drawn whole', async () => {
        const m = await model(SMALL);
        const flow = renderView(m, 'flow');
        expect(fitViewToLimits(m, flow, (x, o) => renderView(x, 'flow', o), MERMAID_DEFAULT_LIMITS)).toBe(flow);
        const tiny = { maxTextSize: 10, maxEdges: 1 };
        const split = fitViewToLimits(m, flow, (x, o) => renderView(x, 'flow', o), tiny, { stage: 'two' });
        // Even one stage is over 10 characters: the whole view comes back, for the caller to say it is too large.
        expect(split).toBe(flow);
        const oneStage = await model(SMALL.replace(/  }\n  stage two "Two" \{/, ''));
        const single = renderView(oneStage, 'flow');
        expect(fitViewToLimits(oneStage, single, (x, o) => renderView(x, 'flow', o), tiny)).toBe(single);
    });

    test('viewByStage draws a view once per stage', async () => {
        const m = await model(SMALL);
        const parts = viewByStage(m, (x, o) => renderView(x, 'journey', o), MERMAID_DEFAULT_LIMITS);
        expect(parts.map((p) => p.stage)).toEqual(['one', 'two']);
        expect(parts.every((p) => p.view?.kind === 'diagram')).toBe(true);
    });
});

/**
 * Actions ranked by impact, effort and closeness to the sale (how late in the journey the
 * touchpoints they improve are): the ranking, the table the priorities view carries beside
 * its quadrant, and that table in the Markdown document.
 */
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { rankActions } from '../../language-server/src/views/action-ranking.js';
import { renderAllViews, renderView } from '../../language-server/src/views/index.js';
import { markdownDocument } from '../../language-server/src/views/markdown-document.js';
import { parseJourney } from '../helpers.js';

async function modelOf(text: string): Promise<JourneyModel> {
    const document = await parseJourney(text);
    expect((document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => d.message)).toEqual([]);
    return buildJourneyModel(document)!;
}

/** Five touchpoints over three stages, and actions given as `action` blocks. */
function map(actions: string): string {
    return `journey j "Shop" {
  stage aware "Awareness" {
    touchpoint ad "Sees an ad"
    touchpoint visit "Visits the site"
  }
  stage buy "Purchase" {
    touchpoint cart "Adds to cart"
    touchpoint pay "Pays"
  }
  stage after "Retention" {
    touchpoint review "Writes a review"
  }
${actions}
}
`;
}

describe('ranking', () => {
    test('with the same impact and effort, the action that improves a later touchpoint ranks first', async () => {
        const model = await modelOf(map(`
  action early "Better ads" { improves ad impact 4 effort 2 }
  action late "Faster payment" { improves pay impact 4 effort 2 }
  action middle "Clearer site" { improves visit improves cart impact 4 effort 2 }`));
        const { ranked } = rankActions(model);
        expect(ranked.map((entry) => [entry.rank, entry.action.id, entry.closeness, entry.score])).toEqual([
            [1, 'late', 4, 12],
            [2, 'middle', 3, 11],
            [3, 'early', 1, 9],
        ]);
        expect(ranked[0]!.latest).toMatchObject({ touchpoint: { id: 'pay' }, stage: { id: 'buy' } });
    });

    test('score = impact + (6 − effort) + closeness: a quick win early can beat a big project late', async () => {
        const model = await modelOf(map(`
  action project "Rebuild checkout" { improves review impact 3 effort 5 }
  action quick "Show prices" { improves ad impact 5 effort 1 }`));
        expect(rankActions(model).ranked.map((entry) => [entry.action.id, entry.score])).toEqual([['quick', 11], ['project', 9]]);
    });

    test('ties go to the higher impact, then the lower effort, then document order; no touchpoint counts no closeness', async () => {
        const model = await modelOf(map(`
  action a "A" { improves ad impact 2 effort 1 }
  action b "B" { improves ad impact 3 effort 2 }
  action c "C" { impact 4 effort 2 }
  action d "D" { improves ad impact 3 effort 2 }
  action unscored "Not scored" { improves pay impact 5 }`));
        const { ranked, unranked } = rankActions(model);
        expect(ranked.map((entry) => `${entry.action.id}:${entry.score}`)).toEqual(['c:8', 'b:8', 'd:8', 'a:8']);
        expect(ranked.find((entry) => entry.action.id === 'c')!.closeness).toBeUndefined();
        expect(unranked.map((action) => action.id)).toEqual(['unscored']);
    });
});

describe('the table beside the priorities quadrant', () => {
    const actions = `
  action late "Faster | payment" { improves pay impact 4 effort 2 }
  action none "No touchpoint" { impact 2 effort 4 }
  action idea "An idea"`;

    test('one row per ranked action, best first, with its closeness and the touchpoint it comes from; unranked ones in a note', async () => {
        const view = renderView(await modelOf(map(actions)), 'priorities');
        if (view.kind !== 'diagram') throw new Error('no priorities picture');
        expect(view.table).toMatchObject({
            caption: 'Actions ranked by impact, effort and closeness to the sale',
            columns: ['Rank', 'Action', 'Impact', 'Effort', 'Closeness to the sale', 'Score'],
            rows: [
                { cells: ['1', 'Faster | payment', '4', '2', '4 · Purchase · Pays', '12'], elementId: 'late' },
                { cells: ['2', 'No touchpoint', '2', '4', '— (improves no touchpoint)', '4'], elementId: 'none' },
            ],
            note: 'Not ranked (no impact or effort): An idea',
        });
        expect(view.table!.rows[0]!.range.start.line).toBe(13); // the action's line (zero-based), where a click on the row leads
    });

    test('the Markdown document shows it right under the quadrant, with a | in a label escaped', async () => {
        const model = await modelOf(map(actions));
        const markdown = markdownDocument(model, renderAllViews(model));
        const quadrantEnd = markdown.indexOf('```', markdown.indexOf('quadrantChart'));
        const table = markdown.slice(quadrantEnd + 3, markdown.indexOf('## Funnel'));
        expect(table.trim().split('\n')).toEqual([
            '**Actions ranked by impact, effort and closeness to the sale**',
            '',
            '| Rank | Action | Impact | Effort | Closeness to the sale | Score |',
            '|---|---|---|---|---|---|',
            '| 1 | Faster \\| payment | 4 | 2 | 4 · Purchase · Pays | 12 |',
            '| 2 | No touchpoint | 2 | 4 | — (improves no touchpoint) | 4 |',
            '',
            'Not ranked (no impact or effort): An idea',
        ]);
    });
});

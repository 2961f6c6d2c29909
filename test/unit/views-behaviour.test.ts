/** What each view draws from a model, and what it says when there is nothing to draw. */
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { funnelLinks } from '../../language-server/src/views/funnel-links.js';
import { taskMargin, taskWidth } from '../../language-server/src/views/journey-view.js';
import { placePoints } from '../../language-server/src/views/priorities-view.js';
import { mermaidMeasuredText, textWidth } from '../../language-server/src/views/text-width.js';
import { renderAllViews, renderView, VIEW_IDS, type ViewId, type ViewOptions } from '../../language-server/src/views/index.js';
import { markdownDocument } from '../../language-server/src/views/markdown-document.js';
import { parseJourney } from '../helpers.js';

async function model(text: string): Promise<JourneyModel> {
    return buildJourneyModel(await parseJourney(text))!;
}

async function mermaid(text: string, view: ViewId, options?: ViewOptions): Promise<string> {
    const result = renderView(await model(text), view, options);
    if (result.kind !== 'diagram') throw new Error(`${view} is empty: ${result.message}`);
    return result.mermaid;
}

const BOOKING = `
journey booking "Booking" {
  persona alex "Alex"
  persona sam "Sam"
  channel phone "Phone" offline
  team sales "Call centre"
  stage awareness "Awareness" {
    kpi k "Impressions" target 5000
    touchpoint finds "Finds us" { emotion 3 reach 1000 }
  }
  stage consideration "Consideration" {
    touchpoint calls "Calls for a quote" {
      persona alex persona sam channel phone owner sales
      emotion 2 emotion 1 for alex expected 4
      pain "Call back next day" reach 400 moment of truth
      backstage "Agent checks a spreadsheet"
    }
    decision choose "Books?" { "yes" -> books  "no" -> lost }
  }
  stage purchase "Purchase" { touchpoint books "Books online" { emotion 4 reach 300 } }
  outcome lost "Lost to a competitor"
  action quote "Instant quote" { improves calls impact 5 effort 2 }
  action big "New CRM" { improves calls impact 5 effort 5 }
  action vague "Something" { improves calls }
}`;

describe('views with nothing to show', () => {
    test('say so and what to add, instead of drawing an empty diagram', async () => {
        const empty = await model('journey j "Empty" { }');
        for (const view of renderAllViews(empty)) {
            expect(view.kind, view.view).toBe('empty');
            if (view.kind === 'empty') expect(view.message).toMatch(/^Nothing to show yet: .*add|give/);
        }
        const noNumbers = await model('journey j { stage s { touchpoint a { emotion 3 } touchpoint b } }');
        expect(renderView(noNumbers, 'priorities')).toMatchObject({ kind: 'empty', message: expect.stringContaining('`action`') });
        expect(renderView(noNumbers, 'funnel')).toMatchObject({ kind: 'empty', message: expect.stringContaining('`reach`') });
        expect(renderView(noNumbers, 'journey').kind).toBe('diagram');
        expect(renderView(await model('journey j { stage s { touchpoint a } }'), 'journey')).toMatchObject({ kind: 'empty', message: expect.stringContaining('`emotion`') });
    });
});

describe('journey view', () => {
    test('stages are sections, touchpoints tasks with their score and personas as actors', async () => {
        const text = await mermaid(BOOKING, 'journey');
        expect(text).toContain('    section Awareness\n      Finds us: 3\n');
        expect(text).toContain('      Calls for a quote: 2: Sam\n');
    });

    test('a persona with a score of its own gets its own task', async () => {
        expect(await mermaid(BOOKING, 'journey')).toContain('      Calls for a quote (Alex): 1: Alex\n');
    });

    test('a touchpoint without emotion is left out rather than given a made-up score', async () => {
        const text = await mermaid('journey j { stage s { touchpoint a "Quiet" touchpoint b "Happy" { emotion 5 } } }', 'journey');
        expect(text).not.toContain('Quiet');
        expect(text).toContain('      Happy: 5\n');
        expect(text).toContain('%% not drawn (no emotion): a');
    });

    test('task boxes are as wide as the longest task text needs for three lines, within 160..640 pixels', async () => {
        expect(await mermaid(BOOKING, 'journey')).toContain('    width: 160\n    height: 70\n    taskMargin: 30\n    diagramMarginX: 30\n');
        const ninety = 'Calls the call centre to ask whether the cleaner can come on Saturday morning instead of M';
        const width = taskWidth([{ name: 'Stage', tasks: ['Short', ninety] }]);
        expect(width).toBeGreaterThanOrEqual(textWidth(ninety, 16) / 3);
        expect(width).toBeLessThan(textWidth(ninety, 16) / 2);
        expect(taskWidth([{ name: 'Stage', tasks: ['x'.repeat(2000)] }])).toBe(640);
        // A long stage name over a single task widens the boxes too.
        expect(taskWidth([{ name: ninety, tasks: ['Short'] }])).toBe(width);
        // Mermaid's picture ends 150 + 4 × diagramMarginX after the last task's start: room for a wide last box.
        expect(150 + 4 * taskMargin(640)).toBeGreaterThanOrEqual(640 + 20);
        expect(taskMargin(160)).toBe(30);
        // … with the view's left margin (80), for the narrowest boxes too.
        expect(80 + 4 * taskMargin(160)).toBeGreaterThanOrEqual(160 + 20);
    });

    test('highlighted touchpoints are marked with a star in their task text and source map', async () => {
        const result = renderView(await model(BOOKING), 'journey', { highlight: new Set(['finds']) });
        expect(result.kind === 'diagram' && result.mermaid).toContain('★ Finds us: 3\n');
        expect(result.kind === 'diagram' && result.sourceMap.find((entry) => entry.elementId === 'finds')?.diagramId).toBe('★ Finds us');
    });
});

describe('emotion view', () => {
    test('has a row per score named with its word, a column per scored touchpoint under its stage, and a marker per line', async () => {
        const text = await mermaid(BOOKING, 'emotion');
        expect(text).toContain('block-beta\n    columns 4\n    title["<b>Booking</b>"]:4\n');
        expect(text).toContain('corner[" "] st_awareness["<b>Awareness</b>"]:1 st_consideration["<b>Consideration</b>"]:1 st_purchase["<b>Purchase</b>"]:1');
        // Overall 3, 2, 4; Alex 3, 1, 4 (his own score only at calls); Expected 3, 4, 4.
        // A run of empty cells is one `space:n`.
        expect(text).toContain('sc_5["<b>5 delighted</b>"] space:3\n');
        expect(text).toContain('sc_4["<b>4 happy</b>"] space em_calls_4(("○")) em_books_4(("● ▲ ○"))');
        expect(text).toContain('sc_3["<b>3 neutral</b>"] em_finds_3(("● ▲ ○")) space:2\n');
        expect(text).toContain('sc_2["<b>2 unhappy</b>"] space em_calls_2(("●")) space');
        expect(text).toContain('sc_1["<b>1 angry</b>"] space em_calls_1(("▲")) space');
        expect(text).toContain('names[" "] em_t_finds["Finds us"] em_t_calls["Calls for a quote"] em_t_books["Books online"]');
        expect(text).toContain('legend["● Overall (solid) · ▲ Alex (thick) · ○ Expected (dotted)"]:4');
        expect(text).not.toContain('Sam');
    });

    test('links each line from marker to marker, a link two lines share drawn once', async () => {
        const text = await mermaid(BOOKING, 'emotion');
        const links = text.split('\n').filter((line) => /^ {4}em_\w+ (---|===|-\.-) em_\w+$/.test(line)).map((line) => line.trim());
        expect(links).toEqual([
            'em_finds_3 --- em_calls_2', 'em_calls_2 --- em_books_4',
            'em_finds_3 === em_calls_1', 'em_calls_1 === em_books_4',
            'em_finds_3 -.- em_calls_4', 'em_calls_4 -.- em_books_4',
        ]);
    });

    test('places a mean score in the row it rounds to, with its value', async () => {
        const text = await mermaid('journey j { persona a persona b stage s { touchpoint t "T" { emotion 2 for a emotion 5 for b } } }', 'emotion');
        expect(text).toContain('sc_4["<b>4 happy</b>"] em_t_4(("● 3.5"))');
        expect(text).toContain('sc_5["<b>5 delighted</b>"] em_t_5(("■"))');
        expect(text).toContain('sc_2["<b>2 unhappy</b>"] em_t_2(("▲"))');
    });

    test('ties every marker and name to its touchpoint in the source map', async () => {
        const result = renderView(await model(BOOKING), 'emotion');
        const ids = result.kind === 'diagram' ? result.sourceMap.filter((entry) => entry.elementId === 'calls').map((entry) => entry.diagramId) : [];
        expect(ids.sort()).toEqual(['em_calls_1', 'em_calls_2', 'em_calls_4', 'em_t_calls']);
    });

    test('estimates text as Mermaid measures it: entity codes as their placeholders', () => {
        expect(mermaidMeasuredText('a#58;b#lt;c')).toBe('aﬂ°°58¶ßbﬂ°lt¶ßc');
        expect(textWidth('Meeting with the CFO about return on investment', 14)).toBeGreaterThan(313);
        expect(textWidth('顧客の旅', 16)).toBe(64);
        expect(textWidth('e\u0301', 10)).toBe(textWidth('e', 10));
    });
});

describe('flow view', () => {
    test('stages are subgraphs; decisions diamonds with labelled branches; outcomes; the path', async () => {
        const text = await mermaid(BOOKING, 'flow');
        expect(text).toMatch(/subgraph st_awareness\["Awareness"\]/);
        expect(text).toContain('dc_choose{"Books?"}');
        expect(text).toContain('dc_choose -->|"yes"| tp_books');
        expect(text).toContain('oc_lost(["Lost to a competitor"])');
        expect(text).toContain('tp_finds --> tp_calls');
    });

    test('shows channel and owner, and marks pains and moments of truth', async () => {
        const text = await mermaid(BOOKING, 'flow');
        expect(text).toContain('tp_calls["<b>Calls for a quote</b><br/>via Phone · owner Call centre<br/>★ moment of truth · ⚠ 1 pain"]');
        expect(text).toContain('class tp_calls pain');
        expect(text).toContain('class tp_calls truth');
    });

    test('highlights elements with a class', async () => {
        expect(await mermaid(BOOKING, 'flow', { highlight: new Set(['calls', 'lost']) })).toContain('class tp_calls,oc_lost highlight');
    });
});

describe('priorities view', () => {
    test('places actions by effort (x) and impact (y) in named quadrants; leaves out unscored ones', async () => {
        const text = await mermaid(BOOKING, 'priorities');
        expect(text).toContain('quadrant-2 Quick wins');
        expect(text).toContain('quadrant-1 Major projects');
        expect(text).toContain('quadrant-3 Fill-ins');
        expect(text).toContain('quadrant-4 Thankless tasks');
        expect(text).toContain('"Instant quote": [0.325, 0.85]');
        expect(text).toContain('"New CRM": [0.85, 0.85]');
        expect(text).toContain('%% not drawn (no impact or effort): vague');
    });

    test('actions with the same scores are moved apart within their quadrant, near their place', () => {
        const same = Array.from({ length: 4 }, (_, i) => ({ label: `Action number ${i}`, impact: 4, effort: 2, radius: 5 }));
        const placed = placePoints(same, 640, 640);
        expect(new Set(placed.map((point) => `${point.x},${point.y}`)).size).toBe(4);
        for (const point of placed) {
            expect(point.x).toBeLessThan(0.5);
            expect(point.y).toBeGreaterThan(0.5);
            expect(Math.abs(point.y - 0.675)).toBeLessThanOrEqual(0.1);
        }
        // A 3 stays on its middle line (effort) or just above it (impact), even when moved.
        const middle = placePoints([1, 2, 3].map((i) => ({ label: `Middle ${i}`, impact: 3, effort: 3, radius: 5 })), 640, 640);
        for (const point of middle) {
            expect(point.x).toBe(0.5);
            expect(point.y).toBeGreaterThan(0.5);
            expect(point.y).toBeLessThanOrEqual(0.6);
        }
    });

    test('a long action name near the left edge moves its point inward, so the name stays in the chart', () => {
        const label = 'Rework the whole quote process with the call centre and the sales team';
        const [point] = placePoints([{ label, impact: 5, effort: 1, radius: 5 }], 640, 640);
        const quadrantWidth = 640 - 36;
        expect(31 + point.x * quadrantWidth - textWidth(label, 13) / 2).toBeGreaterThanOrEqual(31);
        expect(point.x).toBeLessThan(0.5);
        expect(point.y).toBe(0.85);
    });

    test('the chart is wide enough for the longest action name in its half', async () => {
        const long = 'x'.repeat(200);
        const text = await mermaid(`journey j { action a "${long}" { impact 2 effort 1 } }`, 'priorities');
        const width = Number(/chartWidth: (\d+)/.exec(text)![1]);
        expect((width - 36) / 2).toBeGreaterThanOrEqual(textWidth(long, 13) / 2);
        expect(text).toContain('chartHeight: 640');
    });
});

describe('funnel view', () => {
    test('follows the path through decisions and sends the lost customers to the outcome', async () => {
        const links = funnelLinks(await model(BOOKING));
        expect(links.map((link) => `${link.from.id}>${link.to?.id ?? 'lost'}:${link.value}`)).toEqual([
            'finds>calls:400', 'finds>lost:600', 'calls>books:300', 'calls>lost:100',
        ]);
        const text = await mermaid(BOOKING, 'funnel');
        expect(text).toContain('"Finds us","Calls for a quote",400');
        expect(text).toContain('"Finds us","Lost",600');
        expect(text).toContain('"Calls for a quote","Lost to a competitor",100');
    });

    test('a loop back (next to an earlier step) never makes a cycle', async () => {
        const looped = await model('journey j { stage s { touchpoint a { reach 100 } touchpoint b { reach 80 next a } } }');
        const links = funnelLinks(looped);
        expect(links.map((link) => `${link.from.id}>${link.to?.id ?? 'lost'}`)).toEqual(['a>b', 'a>lost']);
    });

    test('is drawn as a flowchart when a sankey cannot show a label exactly', async () => {
        const text = await mermaid('journey j { stage s { touchpoint a "Léa arrives ★" { reach 100 } touchpoint b { reach 80 } } }', 'funnel');
        expect(text).toMatch(/\n---\nflowchart LR\n/);
        expect(text).toContain('tp_a -->|"80"| tp_b');
        expect(text).toMatch(/tp_a -.->\|"20"\| lost_a/);
    });
});

describe('blueprint view', () => {
    test('is a grid: a row per lane across every stage, the lines of interaction and visibility, a column per touchpoint', async () => {
        const text = await mermaid(BOOKING, 'blueprint');
        expect(text).toContain('block-beta\n    columns 4\n    corner[" "] st_awareness["<b>Awareness</b>"]:1 st_consideration["<b>Consideration</b>"]:1 st_purchase["<b>Purchase</b>"]:1\n');
        expect(text).toContain('    lane_0["<b>Customer actions</b>"] bp_c_finds["<b>Finds us</b>"] bp_c_calls["<b>Calls for a quote</b><br/>⚠ Call back next day"] bp_c_books["<b>Books online</b>"]\n');
        expect(text).toContain('    line_0["┄┄ line of interaction ┄┄"]:4\n    lane_1["<b>Frontstage · channel</b>"] bp_f_finds["—"] bp_f_calls["Phone"] bp_f_books["—"]\n    line_1["┄┄ line of visibility ┄┄"]:4\n');
        expect(text).toContain('bp_b_calls["Agent checks a spreadsheet"]');
        expect(text).toContain('    lane_3["<b>Owner team</b>"] bp_t_finds["—"] bp_t_calls["Call centre"] bp_t_books["—"]\n');
        // The theme's colours: no fill of the view's own.
        expect(text).not.toMatch(/fill:#/);
    });

    test('gives each backstage note its own box', async () => {
        const text = await mermaid('journey j { stage s { touchpoint t "T" { backstage "One" backstage "Two" } } }', 'blueprint');
        expect(text).toContain('    block:bp_b_t:1\n        columns 1\n        bp_n1_t["One"] bp_n2_t["Two"]\n    end\n');
    });

    test('breaks long labels into lines, so one long name does not make every column wide', async () => {
        const text = await mermaid('journey j { stage s { touchpoint t "Receives the confirmation e-mail at seven in the morning" } }', 'blueprint');
        expect(text).toContain('bp_c_t["<b>Receives the confirmation<br/>e#45;mail at seven in the<br/>morning</b>"]');
    });
});

describe('markdown document', () => {
    test('has the title, personas, KPIs and one mermaid block per view', async () => {
        const journey = await model(BOOKING);
        const document = markdownDocument(journey, renderAllViews(journey));
        expect(document).toMatch(/^# Booking\n/);
        expect(document).toContain('## Personas\n\n- **Alex**');
        expect(document).toContain('| Awareness | Impressions | 5,000 |');
        expect(document.match(/^```mermaid$/gm)).toHaveLength(VIEW_IDS.length);
    });
});

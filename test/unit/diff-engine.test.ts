/** The semantic diff engine: real parser and model builder, every kind of change. */
import { describe, expect, test } from 'vitest';
import { diffJourneys } from '../../language-server/src/diff/journey-diff.js';
import type { JourneyChange } from '../../language-server/src/diff/diff-types.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { parseJourney } from '../helpers.js';

const BASE = `
journey booking "Booking a home cleaning" {
  state current
  persona alex "Alex, working parent" { goal "A clean house" }
  channel search "Search engine" online
  channel phone "Phone" offline
  channel site "Website" online
  team sales "Call centre"
  team web "Web team"
  stage awareness "Awareness" {
    kpi impressions "Digital impressions" target 50000
    touchpoint finds "Finds us in search results" { channel search emotion 3 reach 10000 }
    touchpoint reads "Reads the reviews" { channel site emotion 4 }
  }
  stage consideration "Consideration" {
    touchpoint calls "Calls for a quote" {
      persona alex
      channel phone
      owner sales
      emotion 1
      expected 4
      pain "Call back only the next day"
      opportunity "Instant online quote"
      reach 2000
    }
    decision choose "Books or keeps looking?" {
      "books online" -> books
      "keeps looking" -> lost
    }
  }
  stage purchase "Purchase" {
    touchpoint books "Books online" { channel site emotion 4 reach 1200 moment of truth }
  }
  outcome lost "Lost to a competitor"
  action instant_quote "Instant online quote" { improves calls impact 5 effort 2 owner sales }
}`;

let counter = 0;
async function model(text: string): Promise<JourneyModel> {
    const document = await parseJourney(text, { uri: `file:///diff-engine-${counter++}.journey` });
    expect(document.parseResult.parserErrors).toEqual([]);
    return buildJourneyModel(document)!;
}

/** The changes between BASE and BASE edited by `edit`, without source ranges. */
async function changesAfter(edit: (text: string) => string): Promise<JourneyChange[]> {
    const edited = edit(BASE);
    expect(edited).not.toBe(BASE);
    const diff = diffJourneys(await model(BASE), await model(edited));
    return diff.changes.map(withoutRange);
}

function withoutRange(change: JourneyChange): JourneyChange {
    const { range: _range, ...rest } = change as JourneyChange & { range?: unknown };
    return rest as JourneyChange;
}

describe('the semantic diff of two journeys', () => {
    test('identical maps give no changes, even when reformatted', async () => {
        const reformatted = BASE.replace(/\n\s+/g, '\n    ').replace('{ channel search emotion 3 reach 10000 }', '{\n channel search\n emotion 3\n reach 10000\n }');
        expect((await diffJourneys(await model(BASE), await model(reformatted))).changes).toEqual([]);
    });

    test.each([
        ['touchpoint', (t: string) => t.replace('  stage purchase', '  stage purchase_x {}\n  stage purchase'), 'stage', 'purchase_x'],
        ['touchpoint', (t: string) => t.replace('touchpoint books "Books online"', 'touchpoint pays "Pays"\n    touchpoint books "Books online"'), 'touchpoint', 'pays'],
        ['decision', (t: string) => t.replace('  stage purchase "Purchase" {', '  stage purchase "Purchase" {\n decision again "Again?" { -> books }'), 'decision', 'again'],
        ['outcome', (t: string) => t.replace('outcome lost', 'outcome waits "Waits"\n  outcome lost'), 'outcome', 'waits'],
        ['action', (t: string) => t.replace('  action instant_quote', '  action chat "Chat" { impact 2 }\n  action instant_quote'), 'action', 'chat'],
        ['persona', (t: string) => t.replace('  channel search', '  persona sam "Sam"\n  channel search'), 'persona', 'sam'],
        ['channel', (t: string) => t.replace('  channel search', '  channel sms "SMS" online\n  channel search'), 'channel', 'sms'],
        ['team', (t: string) => t.replace('  team web', '  team ops "Operations"\n  team web'), 'team', 'ops'],
        ['kpi', (t: string) => t.replace('target 50000', 'target 50000\n kpi clicks "Clicks"'), 'kpi', 'clicks'],
    ])('an added %s is reported with its id and label', async (_name, edit, kind, id) => {
        const changes = await changesAfter(edit);
        expect(changes.filter((c) => c.change === 'added')).toEqual([expect.objectContaining({ change: 'added', kind, id })]);
        expect(changes.filter((c) => c.change === 'moved')).toEqual([]);
    });

    test('a removed touchpoint is reported in its stage, and its flow goes with it', async () => {
        const changes = await changesAfter((t) => t.replace('touchpoint reads "Reads the reviews" { channel site emotion 4 }', ''));
        expect(changes).toEqual([{ change: 'removed', kind: 'touchpoint', id: 'reads', label: 'Reads the reviews', stage: 'awareness' }]);
    });

    test('a removed stage (with its KPIs and steps), outcome, action, channel and team are each reported', async () => {
        const changes = await changesAfter((t) =>
            t
                .replace('  outcome lost "Lost to a competitor"', '')
                .replace('"keeps looking" -> lost', '')
                .replace('  action instant_quote "Instant online quote" { improves calls impact 5 effort 2 owner sales }', '')
                .replace('team web "Web team"', '')
                .replace('channel search "Search engine" online', '')
                .replace(t.slice(t.indexOf('  stage awareness'), t.indexOf('  stage consideration')), ''),
        );
        const removed = changes.filter((c) => c.change === 'removed').map((c) => `${c.kind} ${'id' in c ? c.id : ''}`);
        expect(removed).toEqual(['channel search', 'team web', 'stage awareness', 'kpi impressions', 'touchpoint finds', 'touchpoint reads', 'outcome lost', 'action instant_quote']);
        expect(changes).toContainEqual({ change: 'flow-removed', kind: 'flow', edge: 'branch', from: 'choose', to: 'lost', label: 'keeps looking' });
    });

    test('a changed label is a relabelling, not a removal and an addition', async () => {
        const changes = await changesAfter((t) => t.replace('"Calls for a quote"', '"Phones for a quote"'));
        expect(changes).toEqual([{ change: 'relabelled', kind: 'touchpoint', id: 'calls', label: 'Phones for a quote', stage: 'consideration', before: 'Calls for a quote', after: 'Phones for a quote' }]);
    });

    test('emotion and expected changes say which way they went', async () => {
        const changes = await changesAfter((t) => t.replace('emotion 1\n      expected 4', 'emotion 4\n      expected 3'));
        expect(changes).toEqual([
            expect.objectContaining({ change: 'property', id: 'calls', property: 'emotion', before: 1, after: 4, direction: 'up' }),
            expect.objectContaining({ change: 'property', id: 'calls', property: 'expected', before: 4, after: 3, direction: 'down' }),
        ]);
    });

    test('a persona\'s own emotion score is a property of its own', async () => {
        const changes = await changesAfter((t) => t.replace('emotion 1\n', 'emotion 1\n emotion 2 for alex\n'));
        expect(changes).toEqual([expect.objectContaining({ change: 'property', property: 'emotion for alex', before: undefined, after: 2 })]);
    });

    test('reach, channel, owner, moment of truth, KPI target and action scores are compared', async () => {
        const changes = await changesAfter((t) =>
            t
                .replace('reach 2000', 'reach 2500')
                .replace('channel phone\n      owner sales', 'channel site\n      owner web')
                .replace(' moment of truth }', ' }')
                .replace('target 50000', 'target 60000 unit "views"')
                .replace('impact 5 effort 2', 'impact 4 effort 2'),
        );
        const summary = changes.map((c) => (c.change === 'property' ? `${c.id} ${c.property}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}` : c.change));
        expect(summary).toEqual([
            'impressions target: 50000 -> 60000',
            'impressions unit: undefined -> "views"',
            'calls channel: ["phone"] -> ["site"]',
            'calls owner: "sales" -> "web"',
            'calls reach: 2000 -> 2500',
            'books moment of truth: true -> false',
            'instant_quote impact: 5 -> 4',
        ]);
    });

    test('pains, gains and opportunities added or removed are listed one by one', async () => {
        const changes = await changesAfter((t) =>
            t.replace('pain "Call back only the next day"', 'pain "Waits on hold"\n gain "Friendly agent"\n pain "No price given"').replace('opportunity "Instant online quote"', ''),
        );
        expect(changes.map((c) => (c.change === 'item-added' || c.change === 'item-removed' ? `${c.change} ${c.list}: ${c.text}` : c.change))).toEqual([
            'item-removed pain: Call back only the next day',
            'item-added pain: Waits on hold',
            'item-added pain: No price given',
            'item-added gain: Friendly agent',
            'item-removed opportunity: Instant online quote',
        ]);
    });

    test('a persona\'s goals are compared item by item', async () => {
        const changes = await changesAfter((t) => t.replace('goal "A clean house"', 'goal "A clean house" need "Evening booking"'));
        expect(changes).toEqual([expect.objectContaining({ change: 'item-added', kind: 'persona', id: 'alex', list: 'need', text: 'Evening booking' })]);
    });

    test('a new id with identical content is a rename, and references follow it silently', async () => {
        const changes = await changesAfter((t) => t.replace('touchpoint calls', 'touchpoint phones').replace('improves calls', 'improves phones'));
        expect(changes).toEqual([{ change: 'renamed', kind: 'touchpoint', id: 'phones', previousId: 'calls', label: 'Calls for a quote', stage: 'consideration' }]);
    });

    test('renamed stages, teams and outcomes are recognised even when other elements point at them', async () => {
        const changes = await changesAfter((t) =>
            t.replace('stage consideration', 'stage thinking').replace(/owner sales/g, 'owner phone_team').replace('team sales', 'team phone_team').replace(/lost/g, 'gone'),
        );
        expect(changes.map((c) => (c.change === 'renamed' ? `${c.kind} ${c.previousId} -> ${c.id}` : c.change))).toEqual([
            'team sales -> phone_team',
            'stage consideration -> thinking',
            'outcome lost -> gone',
        ]);
    });

    test('a new id with different content is a removal and an addition', async () => {
        const changes = await changesAfter((t) => t.replace('touchpoint reads "Reads the reviews"', 'touchpoint compares "Compares prices"'));
        expect(changes.map((c) => c.change)).toEqual(['added', 'removed']);
    });

    test('a touchpoint moved to another stage is a move, not a removal', async () => {
        const changes = await changesAfter((t) => t.replace('    touchpoint reads "Reads the reviews" { channel site emotion 4 }\n', '').replace('stage consideration "Consideration" {', 'stage consideration "Consideration" {\n touchpoint reads "Reads the reviews" { channel site emotion 4 }'));
        expect(changes).toEqual([
            { change: 'moved', kind: 'touchpoint', id: 'reads', label: 'Reads the reviews', stage: 'consideration', from: { stage: 'awareness', index: 1 }, to: { stage: 'consideration', index: 0 } },
        ]);
    });

    test('an insertion does not move the steps after it; a real reordering moves only what moved', async () => {
        const inserted = await changesAfter((t) => t.replace('  stage awareness "Awareness" {\n', '  stage awareness "Awareness" {\n touchpoint ad "Sees an ad"\n'));
        expect(inserted.map((c) => c.change)).toEqual(['added']);
        const swapped = await changesAfter((t) =>
            t.replace('touchpoint finds "Finds us in search results" { channel search emotion 3 reach 10000 }\n    touchpoint reads "Reads the reviews" { channel site emotion 4 }', 'touchpoint reads "Reads the reviews" { channel site emotion 4 }\n touchpoint finds "Finds us in search results" { channel search emotion 3 reach 10000 }'),
        );
        expect(swapped.filter((c) => c.change === 'moved')).toHaveLength(1);
    });

    test('reordered stages are reported as moved stages', async () => {
        const changes = await changesAfter((t) => {
            const purchase = t.slice(t.indexOf('  stage purchase'), t.indexOf('  outcome lost'));
            return t.replace(purchase, '').replace('  stage awareness', `${purchase}  stage awareness`);
        });
        expect(changes.filter((c) => c.change === 'moved').map((c) => 'id' in c && c.id)).toEqual(['purchase']);
    });

    test('next links and decision branches added, removed or relabelled are flow changes', async () => {
        const changes = await changesAfter((t) =>
            t.replace('"books online" -> books', '"books on the site" -> books').replace('"keeps looking" -> lost', '"keeps looking" -> lost\n "calls back" -> calls').replace('emotion 1\n', 'emotion 1\n next choose\n'),
        );
        expect(changes).toEqual([
            { change: 'flow-added', kind: 'flow', edge: 'next', from: 'calls', to: 'choose' },
            { change: 'flow-relabelled', kind: 'flow', edge: 'branch', from: 'choose', to: 'books', label: 'books on the site', previousLabel: 'books online' },
            { change: 'flow-added', kind: 'flow', edge: 'branch', from: 'choose', to: 'calls', label: 'calls back' },
        ]);
    });

    test('the journey\'s own id, label and state are compared (as-is against to-be)', async () => {
        const changes = await changesAfter((t) => t.replace('journey booking "Booking a home cleaning"', 'journey booking_future "Booking, to be"').replace('state current', 'state future'));
        expect(changes).toEqual([
            { change: 'renamed', kind: 'journey', id: 'booking_future', label: 'Booking, to be', previousId: 'booking' },
            { change: 'relabelled', kind: 'journey', id: 'booking_future', label: 'Booking, to be', before: 'Booking a home cleaning', after: 'Booking, to be' },
            { change: 'property', kind: 'journey', id: 'booking_future', label: 'Booking, to be', property: 'state', before: 'current', after: 'future' },
        ]);
    });

    test('a map added or deleted lists the journey and every element', async () => {
        const whole = await model(BASE);
        const added = diffJourneys(undefined, whole).changes;
        expect(added[0]).toMatchObject({ change: 'added', kind: 'journey', id: 'booking' });
        expect(added.filter((c) => c.kind === 'touchpoint')).toHaveLength(4);
        expect(added.every((c) => c.change === 'added')).toBe(true);
        const deleted = diffJourneys(whole, undefined).changes;
        expect(deleted.every((c) => c.change === 'removed')).toBe(true);
        expect(deleted).toHaveLength(added.length);
    });
});

describe('an id renamed and its element edited in the same change', () => {
    test('is one element renamed and changed, not a removal and an addition', async () => {
        const before = await model('journey j { stage s "S" { touchpoint calls "Calls for a quote" { emotion 1 } touchpoint pays "Pays" { emotion 3 } } }');
        const after = await model('journey j { stage s "S" { touchpoint phone_quote "Calls for a quote" { emotion 3 pain "Waits" } touchpoint pays "Pays" { emotion 3 } } }');
        const changes = diffJourneys(before, after).changes.map(withoutRange);
        expect(changes.map((change) => change.change)).toEqual(['renamed', 'property', 'item-added']);
        expect(changes[0]).toMatchObject({ kind: 'touchpoint', id: 'phone_quote', previousId: 'calls' });
        expect(changes[1]).toMatchObject({ property: 'emotion', before: 1, after: 3 });
    });

    test('two elements left with the same label are not guessed: removal and addition', async () => {
        const before = await model('journey j { stage s "S" { touchpoint a "Same" { emotion 1 } touchpoint b "Same" { emotion 2 } } }');
        const after = await model('journey j { stage s "S" { touchpoint c "Same" { emotion 4 } touchpoint d "Same" { emotion 5 } } }');
        const kinds = diffJourneys(before, after).changes.map((change) => change.change);
        expect(kinds.filter((kind) => kind === 'renamed')).toEqual([]);
        expect(kinds.filter((kind) => kind === 'added')).toHaveLength(2);
    });
});

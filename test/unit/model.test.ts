import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { TouchpointModel } from '../../language-server/src/model/journey-model.js';
import { createTestServices, parseJourney } from '../helpers.js';

const BOOKING = `journey booking "Booking" {
  state future
  description "From search to review"
  persona alex "Alex" { goal "Clean house" need "Evening booking" frustration "No answer" }
  channel phone "Phone" offline
  team sales
  stage consideration "Consideration" {
    kpi calls_kpi "Calls" target 300 unit "calls/week"
    touchpoint calls "Calls for a quote" {
      persona alex
      channel phone
      owner sales
      emotion 1
      emotion 2 for alex
      expected 4
      pain "Slow"
      gain "Kind"
      opportunity "Online quote"
      reach 2000
      moment of truth
      backstage "Calendar check"
    }
    decision choose "Books?" {
      "yes" -> purchase
      "no" -> lost
    }
  }
  stage purchase { touchpoint books { reach 1200 } }
  outcome lost "Lost"
  action quote { improves calls impact 5 effort 2 owner sales }
}`;

describe('the resolved journey model', () => {
    test('is plain data that survives JSON', async () => {
        const model = buildJourneyModel(await parseJourney(BOOKING))!;
        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    });

    test('carries ids, labels (the id when none is written) and order', async () => {
        const model = buildJourneyModel(await parseJourney(BOOKING))!;
        expect(model).toMatchObject({ id: 'booking', label: 'Booking', hasLabel: true, state: 'future', description: 'From search to review' });
        expect(model.stages.map((s) => s.id)).toEqual(['consideration', 'purchase']);
        expect(model.stages[1]).toMatchObject({ id: 'purchase', label: 'purchase', hasLabel: false });
        expect(model.stages[0].steps.map((s) => `${s.kind}:${s.id}`)).toEqual(['touchpoint:calls', 'decision:choose']);
        expect(model.teams[0]).toMatchObject({ id: 'sales', label: 'sales', shared: false });
    });

    test('resolves every fact of a touchpoint', async () => {
        const model = buildJourneyModel(await parseJourney(BOOKING))!;
        const calls = model.stages[0].steps[0] as TouchpointModel;
        expect(calls).toMatchObject({
            stage: 'consideration',
            personas: ['alex'],
            channels: ['phone'],
            owner: 'sales',
            emotion: 1,
            expected: 4,
            pains: ['Slow'],
            gains: ['Kind'],
            opportunities: ['Online quote'],
            reach: 2000,
            momentOfTruth: true,
            backstage: ['Calendar check'],
            next: [],
        });
        expect(calls.emotions.map(({ score, persona }) => ({ score, persona }))).toEqual([{ score: 1, persona: undefined }, { score: 2, persona: 'alex' }]);
        expect(model.stages[0].kpis[0]).toMatchObject({ id: 'calls_kpi', target: 300, unit: 'calls/week' });
        expect(model.actions[0]).toMatchObject({ id: 'quote', improves: ['calls'], impact: 5, effort: 2, owner: 'sales' });
    });

    test('the flow follows document order, branches (a stage leads to its first step) and outcomes', async () => {
        const model = buildJourneyModel(await parseJourney(BOOKING))!;
        expect(model.flow).toEqual({
            start: 'calls',
            edges: [
                { from: 'calls', to: 'choose', kind: 'order' },
                { from: 'choose', to: 'books', kind: 'branch', label: 'yes' },
                { from: 'choose', to: 'lost', kind: 'branch', label: 'no' },
            ],
        });
    });

    test('explicit next links replace document order', async () => {
        const model = buildJourneyModel(await parseJourney('journey j { stage s { touchpoint a { next c } touchpoint b touchpoint c } }'))!;
        expect(model.flow.edges).toEqual([
            { from: 'a', to: 'c', kind: 'next' },
            { from: 'b', to: 'c', kind: 'order' },
        ]);
        expect((model.stages[0].steps[0] as TouchpointModel).next).toEqual(['c']);
    });

    test('source ranges point at the element (zero-based, as in LSP)', async () => {
        const model = buildJourneyModel(await parseJourney(BOOKING))!;
        const calls = model.stages[0].steps[0];
        expect(calls.range.start).toEqual({ line: 8, character: 4 });
        expect(calls.range.end.line).toBe(21);
        expect(calls.range.uri).toBeUndefined();
    });

    test('shared personas, channels and teams from other files are included and marked', async () => {
        const services = createTestServices();
        await parseJourney('persona sam "Sam"\nchannel app "App" online\nteam ops "Operations"', { services, uri: 'file:///w/people.journey' });
        const document = await parseJourney('journey j { stage s { touchpoint a { persona sam channel app owner ops } } }', { services, uri: 'file:///w/j.journey' });
        const model = buildJourneyModel(document)!;
        expect(model.personas).toEqual([expect.objectContaining({ id: 'sam', label: 'Sam', shared: true })]);
        expect(model.personas[0].range.uri).toBe('file:///w/people.journey');
        expect(model.channels[0]).toMatchObject({ id: 'app', mode: 'online', shared: true });
        expect(model.teams[0]).toMatchObject({ id: 'ops', shared: true });
    });

    test('unresolved references are left out, never dangling', async () => {
        const model = buildJourneyModel(await parseJourney('journey j { stage s { touchpoint a { persona ghost channel nowhere emotion 3 for ghost next void } } }'))!;
        const a = model.stages[0].steps[0] as TouchpointModel;
        expect(a.personas).toEqual([]);
        expect(a.channels).toEqual([]);
        expect(a.emotions).toEqual([]);
        expect(a.next).toEqual([]);
        expect(model.flow.edges).toEqual([]);
    });

    test('a file with only shared declarations has no journey model', async () => {
        expect(buildJourneyModel(await parseJourney('persona a "A"'))).toBeUndefined();
    });

    test('the first of a repeated single-valued fact is used', async () => {
        const model = buildJourneyModel(await parseJourney('journey j { state future state current stage s { touchpoint a { emotion 2 emotion 4 reach 5 reach 6 } } }'))!;
        expect(model.state).toBe('future');
        expect(model.stages[0].steps[0]).toMatchObject({ emotion: 2, reach: 5 });
    });
});

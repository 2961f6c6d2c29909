import { URI } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Decision, Touchpoint } from '../../language-server/src/generated/ast.js';
import { createTestServices, parseJourney } from '../helpers.js';

describe('linking and scoping', () => {
    test('next and branch targets resolve across the stages of a journey', async () => {
        const document = await parseJourney(`
journey j {
  stage one { touchpoint a { next b } decision d { "yes" -> later "no" -> gone } }
  stage two { touchpoint b }
  stage later { touchpoint c }
  outcome gone
}`);
        const [one, two, later] = document.parseResult.value.journeys[0].stages;
        const a = one.steps[0] as Touchpoint;
        const d = one.steps[1] as Decision;
        expect(a.next[0].ref).toBe(two.steps[0]);
        expect(d.branches[0].target.ref).toBe(later);
        expect(d.branches[1].target.ref?.$type).toBe('Outcome');
    });

    test('touchpoints of one journey are not visible from another file', async () => {
        const services = createTestServices();
        await parseJourney('journey other { stage s { touchpoint secret } }', { services, uri: 'file:///w/other.journey' });
        const document = await parseJourney('journey j { stage s { touchpoint a { next secret } } }', { services, uri: 'file:///w/j.journey' });
        const a = document.parseResult.value.journeys[0].stages[0].steps[0] as Touchpoint;
        expect(a.next[0].ref).toBeUndefined();
        expect(document.diagnostics?.some((d) => d.severity === 1 && String(d.message).includes('secret'))).toBe(true);
    });

    test('personas, channels and teams at the top of a file are shared with the whole workspace', async () => {
        const services = createTestServices();
        await parseJourney('persona alex "Alex"\nchannel phone "Phone" offline\nteam sales "Sales"', { services, uri: 'file:///w/people.journey' });
        const document = await parseJourney(
            'journey j { stage s { touchpoint a { persona alex channel phone owner sales emotion 2 for alex } } }',
            { services, uri: 'file:///w/map.journey' },
        );
        const a = document.parseResult.value.journeys[0].stages[0].steps[0] as Touchpoint;
        expect(a.personas[0].ref?.name).toBe('alex');
        expect(a.channels[0].ref?.name).toBe('phone');
        expect(a.owners[0].ref?.name).toBe('sales');
        expect(a.emotions[0].persona?.ref?.name).toBe('alex');
    });

    test('a persona declared inside a journey stays local to that journey', async () => {
        const services = createTestServices();
        await parseJourney('journey one { persona alex stage s { touchpoint a { persona alex } } }', { services, uri: 'file:///w/one.journey' });
        const document = await parseJourney('journey two { stage s { touchpoint a { persona alex } } }', { services, uri: 'file:///w/two.journey' });
        const a = document.parseResult.value.journeys[0].stages[0].steps[0] as Touchpoint;
        expect(a.personas[0].ref).toBeUndefined();
    });

    test('a journey-local persona takes precedence over a shared one with the same id', async () => {
        const services = createTestServices();
        await parseJourney('persona alex "Shared Alex"', { services, uri: 'file:///w/people.journey' });
        const document = await parseJourney('journey j { persona alex "Local Alex" stage s { touchpoint a { persona alex } } }', { services, uri: 'file:///w/j.journey' });
        const a = document.parseResult.value.journeys[0].stages[0].steps[0] as Touchpoint;
        expect(a.personas[0].ref?.label).toBe('Local Alex');
    });

    test('references are typed: a channel id does not resolve as a persona', async () => {
        const document = await parseJourney('journey j { channel web stage s { touchpoint a { persona web } } }');
        const a = document.parseResult.value.journeys[0].stages[0].steps[0] as Touchpoint;
        expect(a.personas[0].ref).toBeUndefined();
    });

    test('deleting a shared file relinks the maps that used it (no stale scope)', async () => {
        const services = createTestServices();
        await parseJourney('persona alex "Alex"', { services, uri: 'file:///w/people.journey' });
        const document = await parseJourney('journey j { stage s { touchpoint a { persona alex } } }', { services, uri: 'file:///w/map.journey' });
        const a = () => document.parseResult.value.journeys[0].stages[0].steps[0] as Touchpoint;
        expect(a().personas[0].ref?.name).toBe('alex');
        await services.shared.workspace.DocumentBuilder.update([], [URI.parse('file:///w/people.journey')]);
        expect(a().personas[0].ref).toBeUndefined();
    });

    test('a 3,000-step map links every next link', async () => {
        const steps = Array.from({ length: 3000 }, (_, i) => `touchpoint t${i} { next t${Math.min(i + 1, 2999)} }`).join('\n');
        const document = await parseJourney(`journey j { stage s { ${steps} } }`);
        const steps3000 = document.parseResult.value.journeys[0].stages[0].steps as Touchpoint[];
        expect(steps3000.every((step) => step.next[0].ref !== undefined)).toBe(true);
    });
});

/** Specification of the id rules: unique per kind in a journey, one namespace for the path, unique shared ids and journey ids in the workspace, one map per file. */
import { expectError, expectNoIssues, expectWarning } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { IssueCodes } from '../../language-server/src/language/journey-validator.js';
import { issuesOf, locate, validateJourney, validateWorkspace } from '../helpers.js';

const code = IssueCodes.DuplicateId;

describe('ids inside a journey', () => {
    test('two touchpoints with the same id are both reported, each naming the other line', async () => {
        const text = `journey j {
  stage s {
    touchpoint calls "Calls"
    touchpoint calls "Calls again"
  }
}`;
        const result = await validateJourney(text);
        expectError(result, "The id 'calls' is also used by the touchpoint on line 4. Rename one: next links and branches must know where to go.",
            { ...locate(text, 'calls', 1), code, data: { code, id: 'calls' } });
        expectError(result, "The id 'calls' is also used by the touchpoint on line 3. Rename one: next links and branches must know where to go.",
            { ...locate(text, 'calls', 2), code });
    });

    test('thousands of copies of one id get one short message each, naming five of the others', async () => {
        const text = `journey j {\n${'  persona p\n'.repeat(3000)}  stage s {\n    touchpoint t\n  }\n}`;
        const diagnostics = (await validateJourney(text)).diagnostics;
        const duplicates = diagnostics.filter((d) => d.code === code);
        // At most 500 diagnostics per file; the last one says how many more there are.
        expect(duplicates).toHaveLength(500);
        expect(diagnostics.at(-1)).toMatchObject({ code: 'too-many-problems' });
        expect(String(diagnostics.at(-1)!.message)).toMatch(/^[\d,]+ more problems in this file are not shown/);
        expect(duplicates[0].message).toBe("The id 'p' is also used by the persona on line 3, the persona on line 4, the persona on line 5, the persona on line 6, the persona on line 7 and 2994 more. Rename one: each persona needs its own id.");
        expect(Math.max(...duplicates.map((d) => String(d.message).length))).toBeLessThan(250);
    });

    test('stages, touchpoints, decisions and outcomes share one set of ids', async () => {
        const text = `journey j {
  stage lost {
    touchpoint a
    decision a { "x" -> lost "y" -> lost }
  }
  outcome lost
}`;
        const result = await validateJourney(text);
        expectError(result, "The id 'lost' is also used by the outcome on line 6. Rename one: next links and branches must know where to go.",
            { ...locate(text, 'lost', 1), code });
        expectError(result, "The id 'lost' is also used by the stage on line 2. Rename one: next links and branches must know where to go.",
            { ...locate(text, 'lost', 4), code });
        expectError(result, "The id 'a' is also used by the decision on line 4. Rename one: next links and branches must know where to go.",
            { offset: text.indexOf('touchpoint a') + 11, length: 1, code });
    });

    test('three of a kind name both others', async () => {
        const text = 'journey j {\n persona p\n persona p\n persona p\n stage s { touchpoint t { persona p } }\n}';
        const result = await validateJourney(text);
        expectError(result, "The id 'p' is also used by the persona on line 3 and the persona on line 4. Rename one: each persona needs its own id.",
            { offset: text.indexOf('persona p') + 8, length: 1, code });
    });

    test('different kinds may share an id: a persona, a channel and a team called "phone"', async () => {
        const result = await validateJourney(`journey j {
  persona phone
  channel phone
  team phone
  stage s { touchpoint phone { persona phone channel phone owner phone } }
}`);
        expectNoIssues(result);
    });

    test('the same id in two different journeys of two files is fine inside each journey', async () => {
        const results = await validateWorkspace({
            'a.journey': 'journey a { stage s { touchpoint calls } }',
            'b.journey': 'journey b { stage s { touchpoint calls } }',
        });
        expectNoIssues(results['a.journey']);
        expectNoIssues(results['b.journey']);
    });

    test('KPIs and actions have their own ids', async () => {
        const text = `journey j {
  stage s { kpi k touchpoint t }
  stage u { kpi k touchpoint v }
  action x { improves t }
  action x { improves v }
}`;
        const result = await validateJourney(text);
        expectError(result, "The id 'k' is also used by the KPI on line 3. Rename one: each KPI needs its own id.", { offset: text.indexOf('kpi k') + 4, length: 1, code });
        expectError(result, "The id 'x' is also used by the action on line 5. Rename one: each action needs its own id.", { ...locate(text, 'x', 1), code });
    });
});

describe('shared declarations across the workspace', () => {
    test('a shared persona declared in two files is an error in each, naming the other file', async () => {
        const people = 'persona alex "Alex"\nchannel web "Web" online';
        const more = '// more people\npersona alex "Alex again"';
        const results = await validateWorkspace({ 'people.journey': people, 'shared/more.journey': more });
        expectError(results['people.journey'],
            "Persona 'alex' is also declared in shared/more.journey (line 2). Shared personas, channels and teams need ids that are unique in the workspace: rename or remove one.",
            { ...locate(people, 'alex'), code, data: { code, id: 'alex' } });
        expectError(results['shared/more.journey'],
            "Persona 'alex' is also declared in ../people.journey (line 1). Shared personas, channels and teams need ids that are unique in the workspace: rename or remove one.",
            { ...locate(more, 'alex'), code });
    });

    test('a shared persona declared twice gets only the duplicate error on each copy, not "not used" on the copy maps do not link to', async () => {
        const results = await validateWorkspace({
            'a.journey': 'persona sam "Sam"',
            'b.journey': 'persona sam "Sam again"',
            'map.journey': 'journey m { stage s { touchpoint t { persona sam emotion 3 } } }',
        });
        expect(issuesOf(results['a.journey']).map((issue) => issue.split(':')[0])).toEqual(['duplicate-id']);
        expect(issuesOf(results['b.journey']).map((issue) => issue.split(':')[0])).toEqual(['duplicate-id']);
        expect(issuesOf(results['map.journey'])).toEqual([]);
    });

    test('two shared teams with the same id in one file name the other line', async () => {
        const text = 'team ops\nteam ops "Operations"';
        const result = await validateJourney(text);
        expectError(result, "Team 'ops' is also declared on line 2 of this file. Shared personas, channels and teams need ids that are unique in the workspace: rename or remove one.",
            { ...locate(text, 'ops', 1), code });
    });

    test('shared personas, channels and teams with different ids are fine', async () => {
        const results = await validateWorkspace({
            'people.journey': 'persona alex\nchannel web online\nteam ops',
            'map.journey': 'journey m { stage s { touchpoint t { persona alex channel web owner ops } } }',
        });
        expect(issuesOf(results['people.journey'])).toEqual([]);
        expect(issuesOf(results['map.journey'])).toEqual([]);
    });

    test('a journey-local persona that hides a shared one is a warning on the local one', async () => {
        const map = 'journey m {\n  persona alex "Local Alex"\n  stage s { touchpoint t { persona alex } }\n}';
        const results = await validateWorkspace({ 'people.journey': 'persona alex "Alex"', 'map.journey': map });
        expectWarning(results['map.journey'],
            "This persona hides the shared persona 'alex' declared in people.journey (line 1): in this journey, 'alex' now means this one. Rename it, or remove it to use the shared one.",
            { ...locate(map, 'alex', 1), code: IssueCodes.HidesShared, data: { code: IssueCodes.HidesShared, id: 'alex' } });
        // the shared persona is used by no map any more: only the local one is
        expect(issuesOf(results['people.journey'])).toEqual([
            "unused-persona: Shared persona 'alex' is not used by any map of the workspace yet. Add 'persona alex' to a touchpoint, or remove it.",
        ]);
    });

    test('a journey-local channel with its own id hides nothing', async () => {
        const results = await validateWorkspace({
            'people.journey': 'channel web "Web"',
            'map.journey': 'journey m { channel shop "Shop" stage s { touchpoint t { channel shop channel web } } }',
        });
        expectNoIssues(results['map.journey'], { code: IssueCodes.HidesShared });
        expect(issuesOf(results['map.journey'])).toEqual([]);
    });

    test('two journeys with the same id in two files are an error in each', async () => {
        const a = 'journey booking "A" { stage s { touchpoint t } }';
        const b = '\n\njourney booking "B" { stage s { touchpoint t } }';
        const results = await validateWorkspace({ 'a.journey': a, 'b.journey': b });
        expectError(results['a.journey'], "Another journey also has the id 'booking' (in b.journey (line 3)). Rename one: each map needs its own id.",
            { ...locate(a, 'booking'), code });
        expectError(results['b.journey'], "Another journey also has the id 'booking' (in a.journey (line 1)). Rename one: each map needs its own id.",
            { ...locate(b, 'booking'), code });
    });

    test('journeys with different ids across files are fine', async () => {
        const results = await validateWorkspace({
            'a.journey': 'journey booking { stage s { touchpoint t } }',
            'b.journey': 'journey renewal { stage s { touchpoint t } }',
        });
        expectNoIssues(results['a.journey']);
        expectNoIssues(results['b.journey']);
    });
});

describe('one map per file', () => {
    test('a second journey in a file is an error on its id', async () => {
        const text = 'journey a { stage s { touchpoint t } }\njourney b { stage s { touchpoint t } }';
        const result = await validateJourney(text);
        expectError(result, "One map per file: move journey 'b' to its own .journey file (this file already holds 'a').",
            { ...locate(text, 'b {'), length: 1, code: IssueCodes.MultipleJourneys });
        expect(result.diagnostics).toHaveLength(1);
    });

    test('one journey next to shared declarations is fine', async () => {
        const result = await validateJourney('persona alex\njourney a { stage s { touchpoint t { persona alex } } }');
        expectNoIssues(result);
    });
});

/** Specification of values: scores 1..5, reach as a whole number of customers, single-valued facts written once. */
import { expectError, expectNoIssues } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { IssueCodes } from '../../language-server/src/language/journey-validator.js';
import { issuesOf, locate, validateJourney } from '../helpers.js';

/** A journey around one touchpoint body. */
const touchpoint = (body: string) => `journey m {\n  persona alex\n  stage s {\n    touchpoint t {\n${body}\n    }\n  }\n}`;

describe('scores', () => {
    const range = IssueCodes.ScoreOutOfRange;

    test.each([
        ['emotion 7', 'Emotion 7 is outside 1..5 (1 = angry … 5 = delighted).', '7', 5],
        ['emotion 0', 'Emotion 0 is outside 1..5 (1 = angry … 5 = delighted).', '0', 1],
        ['emotion -2 for alex', 'Emotion -2 is outside 1..5 (1 = angry … 5 = delighted).', '-2', 1],
        ['expected 6', 'Expected score 6 is outside 1..5 (1 = angry … 5 = delighted).', '6', 5],
    ])('%s is an error on the number, with the clamped score for a quick fix', async (line, message, number, clamped) => {
        const text = touchpoint(`      persona alex\n      ${line}`);
        const result = await validateJourney(text);
        expectError(result, message, { ...locate(text, number), code: range, data: { code: range, value: clamped } });
        expect(result.diagnostics).toHaveLength(1);
    });

    test('a score that is not whole is an error, with the rounded score', async () => {
        const text = touchpoint('      emotion 3.6');
        const result = await validateJourney(text);
        expectError(result, 'Emotion 3.6 must be a whole number from 1 to 5 (1 = angry … 5 = delighted).',
            { ...locate(text, '3.6'), code: IssueCodes.ScoreNotWhole, data: { code: IssueCodes.ScoreNotWhole, value: 4 } });
    });

    test('impact and effort of an action are checked on the right number', async () => {
        const text = 'journey m { stage s { touchpoint t } action x { improves t impact 9 effort 0 } }';
        const result = await validateJourney(text);
        expectError(result, 'Impact 9 is outside 1..5 (1 = small … 5 = large).', { ...locate(text, '9'), code: range, data: { code: range, value: 5 } });
        expectError(result, 'Effort 0 is outside 1..5 (1 = easy … 5 = hard).', { ...locate(text, '0'), code: range, data: { code: range, value: 1 } });
    });

    test('every whole score from 1 to 5 is fine', async () => {
        const body = [1, 2, 3, 4, 5].map((score) => `touchpoint t${score} { emotion ${score} expected ${score} }`).join('\n');
        const result = await validateJourney(`journey m { stage s { ${body} } action x { improves t1 impact 1 effort 5 } }`);
        expectNoIssues(result);
    });
});

describe('reach', () => {
    test.each([
        ['-5', 0],
        ['2.5', 3],
    ])('reach %s is an error, with the nearest valid reach', async (value, fixed) => {
        const text = touchpoint(`      reach ${value}`);
        const result = await validateJourney(text);
        expectError(result, `Reach ${value} must be a whole number of customers, 0 or more.`,
            { ...locate(text, value), code: IssueCodes.InvalidReach, data: { code: IssueCodes.InvalidReach, value: fixed } });
    });

    test('reach 0 and large reaches are fine', async () => {
        const result = await validateJourney('journey m { stage s { touchpoint a { reach 1000000 } touchpoint b { reach 0 } } }');
        expectNoIssues(result);
    });
});

describe('facts written twice', () => {
    const code = IssueCodes.DuplicateFact;

    test.each([
        ['reach 10', 'reach 20', 'This touchpoint already has a reach (line 6); keep one.'],
        ['owner ops', 'owner ops', 'This touchpoint already has an owner (line 6); keep one.'],
        ['description "a"', 'description "b"', 'This touchpoint already has a description (line 6); keep one.'],
        ['emotion 2', 'emotion 3', 'This touchpoint already has an emotion (line 6); keep one.'],
        ['emotion 2 for alex', 'emotion 3 for alex', 'This touchpoint already has an emotion for alex (line 6); keep one.'],
        ['expected 2', 'expected 3', 'This touchpoint already has an expected score (line 6); keep one.'],
        ['moment of truth', 'moment of truth', 'This touchpoint is already marked as a moment of truth (line 6); keep one.'],
    ])('"%s" then "%s": an error on the whole second line', async (first, second, message) => {
        const text = `journey m {\n  persona alex\n  team ops\n  stage s {\n    touchpoint t {\n      ${first}\n      persona alex\n      ${second}\n    }\n  }\n}`;
        const result = await validateJourney(text);
        expectError(result, message, { range: { start: { line: 7, character: 6 }, end: { line: 7, character: 6 + second.length } }, code, data: { code, firstLine: 6 } });
        expect(result.diagnostics).toHaveLength(1);
    });

    test('an emotion overall and one per persona are different facts', async () => {
        const result = await validateJourney(touchpoint('      persona alex\n      emotion 2\n      emotion 4 for alex\n      expected 3\n      expected 5 for alex'));
        expectNoIssues(result);
    });

    test('a journey state written twice, even the same one', async () => {
        const text = 'journey m {\n  state current\n  state current\n  stage s { touchpoint t }\n}';
        const result = await validateJourney(text);
        expectError(result, 'This journey already has a state (line 2); keep one.', { ...locate(text, 'state current', 2), code });
    });

    test('an action with two impacts, efforts and owners', async () => {
        const text = 'journey m {\n team a\n stage s { touchpoint t }\n action x {\n  impact 2\n  effort 2\n  owner a\n  impact 3\n  effort 3\n  owner a\n }\n}';
        const result = await validateJourney(text);
        expect(issuesOf(result)).toEqual([
            'duplicate-fact: This action already has an impact (line 5); keep one.',
            'duplicate-fact: This action already has an effort (line 6); keep one.',
            'duplicate-fact: This action already has an owner (line 7); keep one.',
        ]);
        expectError(result, 'This action already has an impact (line 5); keep one.', { ...locate(text, 'impact 3'), code });
    });

    test('personas, channels and pains may be written many times', async () => {
        const result = await validateJourney('journey m { persona a persona b channel c channel d stage s { touchpoint t { persona a persona b channel c channel d pain "x" pain "y" gain "z" gain "w" opportunity "o" opportunity "p" backstage "q" backstage "r" } } }');
        expectNoIssues(result);
    });

    test('a persona and a stage with two descriptions', async () => {
        const text = 'persona p { description "a" description "b" }\njourney m { stage s { description "c" description "d" touchpoint t { persona p } } }';
        const result = await validateJourney(text);
        expectError(result, 'This persona already has a description (line 1); keep one.', { ...locate(text, 'description "b"'), code });
        expectError(result, 'This stage already has a description (line 2); keep one.', { ...locate(text, 'description "d"'), code });
    });
});

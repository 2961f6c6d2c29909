import { describe, expect, test } from 'vitest';
import type { Touchpoint } from '../../language-server/src/generated/ast.js';
import { parseJourney } from '../helpers.js';

/** Parses without caring about validation; returns the document. */
async function parse(text: string) {
    return parseJourney(text);
}

function syntaxErrors(document: Awaited<ReturnType<typeof parse>>) {
    return [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors];
}

describe('the .journey grammar', () => {
    test('parses every concept of the language sketch', async () => {
        const document = await parse(`
// A comment
/* a block
   comment */
journey booking "Booking a home cleaning" {
  state future
  description "From the first search to the review"
  persona alex "Alex, working parent" {
    goal "A clean house"
    need "Book from the phone"
    frustration "Nobody answers after 6 pm"
    description "Two kids, one job"
  }
  channel site "Website" online
  channel phone "Phone" offline
  team sales "Call centre"
  stage consideration "Consideration" {
    description "Comparing offers"
    kpi calls_kpi "Phone calls" target 2.5 unit "%"
    touchpoint calls "Calls for a quote" {
      description "The customer calls"
      persona alex
      channel phone
      owner sales
      emotion 1
      emotion 2 for alex
      expected 4
      expected 5 for alex
      pain "Call back only the next day"
      gain "Friendly voice"
      opportunity "Instant online quote"
      reach 2000
      moment of truth
      backstage "Dispatcher checks the calendar"
      next choose
    }
    decision choose "Books or keeps looking?" {
      "books online" -> purchase
      "keeps looking" -> lost
    }
  }
  stage purchase { touchpoint books }
  outcome lost "Lost to a competitor"
  action quote "Instant quote" {
    description "Price on the site"
    improves calls
    impact 5
    effort 2
    owner sales
  }
}`);
        expect(syntaxErrors(document)).toEqual([]);
        const journey = document.parseResult.value.journeys[0];
        expect(journey.name).toBe('booking');
        expect(journey.states).toEqual(['future']);
        const calls = journey.stages[0].steps[0] as Touchpoint;
        expect(calls.emotions.map((e) => [e.score, e.persona?.$refText])).toEqual([[1, undefined], [2, 'alex']]);
        expect(calls.momentsOfTruth).toHaveLength(1);
        expect(journey.stages[0].kpis[0]).toMatchObject({ name: 'calls_kpi', target: 2.5, unit: '%' });
        expect(journey.actions[0]).toMatchObject({ impacts: [5], efforts: [2] });
    });

    test('a library file holds only personas, channels and teams', async () => {
        const document = await parse(`
persona prescriber "Prescriber" { goal "Find a reliable supplier" }
channel email "E-mail" online
team sales "Sales"`);
        expect(syntaxErrors(document)).toEqual([]);
        const file = document.parseResult.value;
        expect([file.personas.length, file.channels.length, file.teams.length, file.journeys.length]).toEqual([1, 1, 1, 0]);
    });

    test('a stage or touchpoint at the top of a file is a syntax error with a position', async () => {
        const document = await parse('persona a\nstage s { }\n');
        const errors = syntaxErrors(document);
        expect(errors.length).toBeGreaterThan(0);
        expect(document.diagnostics?.[0].range.start.line).toBe(1);
    });

    test('labels keep every character and understand escapes', async () => {
        const document = await parse(String.raw`journey j "Say \"hi\": a, b; #1 (x) <y> \n next \u00e9 \u{1F600} \\ 中文 العربية" { }`);
        expect(syntaxErrors(document)).toEqual([]);
        expect(document.parseResult.value.journeys[0].label).toBe('Say "hi": a, b; #1 (x) <y> \n next é 😀 \\ 中文 العربية');
    });

    test("single-quoted labels are accepted", async () => {
        const document = await parse(`journey j 'It\\'s "quoted"' { }`);
        expect(syntaxErrors(document)).toEqual([]);
        expect(document.parseResult.value.journeys[0].label).toBe(`It's "quoted"`);
    });

    test('a string cannot run past the end of its line', async () => {
        const document = await parse('journey j "unterminated {\n  state current\n}\n');
        const errors = syntaxErrors(document);
        expect(errors.length).toBeGreaterThan(0);
        expect(document.diagnostics?.some((d) => d.range.start.line === 0)).toBe(true);
    });

    test('ids may contain inner hyphens, and value words may be ids', async () => {
        const document = await parse('journey home-cleaning { stage online { touchpoint target { next current } touchpoint current } }');
        expect(syntaxErrors(document)).toEqual([]);
        const stage = document.parseResult.value.journeys[0].stages[0];
        expect(document.parseResult.value.journeys[0].name).toBe('home-cleaning');
        expect(stage.name).toBe('online');
        expect((stage.steps[0] as Touchpoint).next[0].ref?.name).toBe('current');
    });

    test('a branch arrow right after an id is not part of the id', async () => {
        const document = await parse('journey j { stage s { touchpoint a decision d { "x"->a "y" ->b } touchpoint b } }');
        expect(syntaxErrors(document)).toEqual([]);
    });

    test('negative and decimal numbers parse, so the validator can explain them', async () => {
        const document = await parse('journey j { stage s { touchpoint a { emotion -1 reach 2.5 } } }');
        expect(syntaxErrors(document)).toEqual([]);
        const touchpoint = document.parseResult.value.journeys[0].stages[0].steps[0] as Touchpoint;
        expect(touchpoint.emotions[0].score).toBe(-1);
        expect(touchpoint.reaches).toEqual([2.5]);
    });

    test('CRLF line endings parse and keep positions', async () => {
        const document = await parse('journey j {\r\n  stage s {\r\n    touchpoint a {\r\n      bogus 3\r\n    }\r\n  }\r\n}\r\n');
        const errors = syntaxErrors(document);
        expect(errors.length).toBeGreaterThan(0);
        expect(document.diagnostics?.[0].range.start).toEqual({ line: 3, character: 6 });
    });
});

/** Specification of the shape of a map: stages, labels, empty and library files, line endings, any script, and large maps. */
import { expectNoIssues, expectWarning } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { IssueCodes } from '../../language-server/src/language/journey-validator.js';
import { issuesOf, locate, validateJourney, validateWorkspace } from '../helpers.js';

/** The complete example of the product sketch (docs/design language.md). */
const SKETCH = `// A working parent books a home cleaning from the phone.
journey booking "Booking a home cleaning" {
  state current
  description "From the first search to the review"

  persona alex "Alex, working parent" {
    goal "A clean house without taking a day off"
    need "Book from the phone in the evening"
    frustration "Nobody answers the phone after 6 pm"
  }

  channel search "Search engine" online
  channel site "Website" online
  channel phone "Phone" offline
  team sales "Call centre"

  stage awareness "Awareness" {
    kpi impressions "Digital impressions" target 50000
    touchpoint finds "Finds us in search results" {
      channel search
      emotion 3
      reach 10000
    }
  }

  stage consideration "Consideration" {
    kpi calls_kpi "Phone calls"
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
    touchpoint books "Books online" {
      channel site
      emotion 4
      reach 1200
      moment of truth
    }
  }

  outcome lost "Lost to a competitor"

  action instant_quote "Instant online quote" {
    improves calls
    impact 5
    effort 2
    owner sales
  }
}
`;

describe('a complete map', () => {
    test('the example of the product sketch validates without any issue', async () => {
        expectNoIssues(await validateJourney(SKETCH));
    });
});

describe('stages', () => {
    test('a journey without stages is a warning on its id: the map is being drafted, and renders empty', async () => {
        const text = 'journey booking "Booking" {\n  persona alex\n}';
        const result = await validateJourney(text);
        expectWarning(result, `Journey 'booking' has no stages yet, so the map is empty. Add one, e.g. stage awareness "Awareness" { touchpoint … }.`,
            { ...locate(text, 'booking'), code: IssueCodes.NoStages });
    });

    test('a stage without touchpoints is a warning on its id', async () => {
        const text = 'journey m {\n  stage a { touchpoint t }\n  stage later "Later" { kpi k }\n}';
        const result = await validateJourney(text);
        expectWarning(result, "Stage 'later' has no touchpoints yet. Add a touchpoint inside it, or remove the stage.",
            { ...locate(text, 'later'), code: IssueCodes.EmptyStage });
        expect(result.diagnostics).toHaveLength(1);
    });

    test('a stage with a touchpoint is fine', async () => {
        expectNoIssues(await validateJourney('journey m { stage a { touchpoint t } }'));
    });
});

describe('empty and library files', () => {
    test.each([
        ['an empty file', ''],
        ['a file of blank lines', '\n\n   \n'],
        ['a file with only comments', '// to do: map the renewal journey\n/* later */'],
    ])('%s gets no diagnostic: it is a map being started', async (_name, text) => {
        expectNoIssues(await validateJourney(text));
    });

    test('a library file of personas, channels and teams parses and, once used, validates cleanly', async () => {
        const people = 'persona alex "Alex" { goal "g" need "n" frustration "f" }\nchannel web "Web" online\nteam ops "Operations"';
        const results = await validateWorkspace({ 'people.journey': people, 'map.journey': 'journey m { stage s { touchpoint t { persona alex } } }' });
        expect(results['people.journey'].document.parseResult.parserErrors).toEqual([]);
        expectNoIssues(results['people.journey']);
    });

    test('a library file cannot hold a stage or a touchpoint outside a journey (the grammar says so)', async () => {
        const result = await validateJourney('persona alex\nstage s { touchpoint t }');
        expect(result.document.parseResult.parserErrors.length).toBeGreaterThan(0);
    });
});

describe('labels', () => {
    const code = IssueCodes.EmptyLabel;

    test.each([
        ['touchpoint', 'journey m { stage s { touchpoint calls "" } }', 'calls'],
        ['stage', 'journey m { stage s "" { touchpoint calls } }', 's'],
        ['journey', 'journey m "" { stage s { touchpoint calls } }', 'm'],
        ['persona', 'persona alex ""\njourney m { stage s { touchpoint calls { persona alex } } }', 'alex'],
        ['outcome', 'journey m { stage s { touchpoint calls { next o } } outcome o "" }', 'o'],
    ])('an empty label of a %s is a warning on the quotes', async (_kind, text, id) => {
        const result = await validateJourney(text);
        expectWarning(result, `This label is empty: write a label, or remove the quotes to show the id '${id}'.`,
            { ...locate(text, '""'), code, data: { code, id } });
        expect(result.diagnostics).toHaveLength(1);
    });

    test('an empty written fact is a warning on its quotes, naming the fact', async () => {
        const text = 'persona alex { goal "" }\njourney m {\n  stage s {\n    kpi k unit " "\n    touchpoint t { persona alex pain "" backstage "Ok" }\n  }\n}';
        const result = await validateJourney(text);
        const code = IssueCodes.EmptyFact;
        expectWarning(result, 'This goal is empty: write it, or remove the line.', { ...locate(text, '""', 1), code });
        expectWarning(result, 'This unit is only spaces: write it, or remove the line.', { ...locate(text, '" "'), code });
        expectWarning(result, 'This pain is empty: write it, or remove the line.', { ...locate(text, '""', 2), code });
        expect(result.diagnostics).toHaveLength(3);
    });

    test('a label of spaces only is a warning too', async () => {
        const text = 'journey m { stage s { touchpoint calls "   " } }';
        const result = await validateJourney(text);
        expectWarning(result, "This label is only spaces: write a label, or remove the quotes to show the id 'calls'.", { ...locate(text, '"   "'), code });
    });

    test('labels in any script, with emoji and escapes, validate cleanly', async () => {
        const result = await validateJourney(`journey voyage "Réserver un ménage 🧹" {
  persona amina "أمينة، أم عاملة"
  stage 认知 { }
  stage s "认知阶段" {
    touchpoint appelle "Appelle pour un devis ☎️ — « vite »" { persona amina emotion 2 pain "Pas de réponse après 18 h 😤" }
    decision d "¿Reserva o sigue buscando?" { "sí ✅" -> fin "لا" -> perdu }
    touchpoint fin "完了 \\u{1F389}"
  }
  outcome perdu "Perdu chez un concurrent"
}`);
        // '认知' is not an id (ids are ASCII letters, digits, _ and -): the syntax error is the only report, no 'undefined' stage
        expect(issuesOf(result).filter((line) => !/^(lexing|parsing)-error/.test(line))).toEqual([]);
        const clean = await validateJourney(`journey voyage "Réserver un ménage 🧹" {
  persona amina "أمينة، أم عاملة"
  stage s "认知阶段" {
    touchpoint appelle "Appelle pour un devis ☎️ — « vite »" { persona amina emotion 2 pain "Pas de réponse après 18 h 😤" }
    decision d "¿Reserva o sigue buscando?" { "sí ✅" -> fin "لا" -> perdu }
    touchpoint fin "完了 \\u{1F389}"
  }
  outcome perdu "Perdu chez un concurrent"
}`);
        expectNoIssues(clean);
    });

    test('a backslash that makes no escape is a warning on the escape, saying what the label reads as', async () => {
        const text = String.raw`journey m { stage s "Files in C:\\Shared\Maps" { touchpoint t "Code \u12, é \u00e9, \" \\ \u{1F389}" { pain "Line\nbreak" } } }`;
        const result = await validateJourney(text);
        const code = IssueCodes.UnknownEscape;
        expectWarning(result, String.raw`'\M' is not an escape, so the backslash is lost and this reads as 'M'. Write \\ for a backslash.`,
            { ...locate(text, String.raw`\M`), code });
        expectWarning(result, String.raw`'\u12' is not an escape (\u takes four hex digits, \u00e9, or braces, \u{1F600}), so the backslash is lost and this reads as 'u12'. Write \\ for a backslash.`,
            { ...locate(text, String.raw`\u12`), code });
        expect(result.diagnostics.map((d) => d.code)).toEqual([code, code]);
    });

    test('a diagnostic after non-Latin labels on the same line has the right column (UTF-16)', async () => {
        const text = 'journey m { stage s "認知 🧹" { touchpoint t "é" { emotion 9 } } }';
        const result = await validateJourney(text);
        expect(result.diagnostics).toHaveLength(1);
        expect(result.diagnostics[0].range).toEqual({ start: { line: 0, character: text.indexOf('9') }, end: { line: 0, character: text.indexOf('9') + 1 } });
    });
});

describe('line endings', () => {
    test('with CRLF line endings, ranges point at the same text', async () => {
        const lf = 'journey m {\n  stage s {\n    touchpoint a { emotion 7 }\n    touchpoint b { next a }\n  }\n}\n';
        const crlf = lf.replace(/\n/g, '\r\n');
        const result = await validateJourney(crlf);
        expect(issuesOf(result)).toEqual([
            "trapping-loop: Customers who reach 'a' can never leave: a → b → a. Add a next or a branch that leads out.",
            'score-out-of-range: Emotion 7 is outside 1..5 (1 = angry … 5 = delighted).',
        ]);
        expect(result.diagnostics.map((diagnostic) => diagnostic.range)).toEqual([
            { start: { line: 3, character: 24 }, end: { line: 3, character: 25 } },
            { start: { line: 2, character: 27 }, end: { line: 2, character: 28 } },
        ]);
        const text = result.document.textDocument;
        expect(result.diagnostics.map((diagnostic) => text.getText(diagnostic.range))).toEqual(['a', '7']);
    });

    test('a fact written twice spans its whole line, without the CR', async () => {
        const text = 'journey m {\r\n  stage s {\r\n    touchpoint a {\r\n      reach 10\r\n      reach 20\r\n    }\r\n  }\r\n}';
        const result = await validateJourney(text);
        expect(result.diagnostics.map((diagnostic) => result.document.textDocument.getText(diagnostic.range))).toEqual(['reach 20']);
    });
});

describe('large maps', () => {
    /** A map of `stages` × `perStage` touchpoints with every kind of fact, as text. */
    function generatedMap(stages: number, perStage: number): string {
        const lines = ['journey big "A generated map" {', '  state current', '  persona alex "Alex"', '  channel web "Web" online', '  team ops "Operations"'];
        let reach = stages * perStage;
        for (let s = 0; s < stages; s++) {
            lines.push(`  stage s${s} "Stage ${s}" {`, `    kpi k${s} "KPI ${s}" target 100 unit "%"`);
            for (let t = 0; t < perStage; t++) {
                const id = `t${s}_${t}`;
                lines.push(`    touchpoint ${id} "Touchpoint ${s}.${t} — libellé é" {`, '      persona alex', '      channel web', '      owner ops',
                    `      emotion ${1 + (t % 5)}`, `      expected ${1 + ((t + 2) % 5)}`, '      pain "Waits too long"', `      reach ${reach--}`, '    }');
            }
            lines.push(`    decision d${s} "Goes on?" { "yes" -> ${s + 1 < stages ? `s${s + 1}` : 'won'} "no" -> lost }`, '  }');
        }
        lines.push('  outcome lost "Lost"', '  outcome won "Won"', '  action a1 { improves t0_0 impact 4 effort 2 owner ops }', '}');
        return lines.join('\n');
    }

    test('a 5 MB map (26,000 touchpoints) validates without an issue', async () => {
        const text = generatedMap(40, 650);
        expect(text.length).toBeGreaterThan(5_000_000);
        const result = await validateJourney(text);
        expect(issuesOf(result)).toEqual([]);
    });
});

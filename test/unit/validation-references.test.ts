/** Specification of references: plain messages for ids that point to nothing, unused personas, scores for personas a touchpoint does not list. */
import { expectError, expectNoIssues, expectWarning } from 'langium/test';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { IssueCodes } from '../../language-server/src/language/journey-validator.js';
import { issuesOf, locate, validateJourney, validateWorkspace } from '../helpers.js';

const unresolved = IssueCodes.UnresolvedReference;

describe('references to nothing', () => {
    test('a persona id that exists nowhere names the personas that do exist and the closest one', async () => {
        const map = 'journey m {\n  persona sam\n  stage s { touchpoint t { persona alx persona sam } }\n}';
        const results = await validateWorkspace({ 'people.journey': 'persona alex', 'map.journey': map });
        expectError(results['map.journey'],
            "No persona 'alx' in this journey or the workspace's shared files. Personas: sam, alex. Did you mean 'alex'?",
            { ...locate(map, 'alx'), data: { code: unresolved, containerType: 'Touchpoint', property: 'personas', refText: 'alx' } });
    });

    test('with no persona at all, the message says to declare one', async () => {
        const text = 'journey m { stage s { touchpoint t { persona alex } } }';
        const result = await validateJourney(text);
        expectError(result, "No persona 'alex' in this journey or the workspace's shared files. There are none yet: declare one first.", locate(text, 'alex'));
    });

    test('a next link to nothing lists where it can lead, and stays on the id', async () => {
        const text = 'journey m {\n  stage s {\n    touchpoint a { next lots }\n    touchpoint b\n  }\n  outcome lost\n}';
        const result = await validateJourney(text);
        expectError(result, "No touchpoint, decision, stage or outcome 'lots' in this journey. Places it can lead to: s, a, b, lost. Did you mean 'lost'?",
            locate(text, 'lots'));
        // the hole in the path is reported once, without flow warnings piling up on top
        expect(issuesOf(result)).toHaveLength(1);
    });

    test('an action improving an unknown touchpoint, a channel and a team to nothing', async () => {
        const text = 'journey m {\n  channel web\n  team ops\n  stage s { touchpoint t { channel wbe owner sales } }\n  action x { improves tt }\n}';
        const result = await validateJourney(text);
        expectError(result, "No channel 'wbe' in this journey or the workspace's shared files. Channels: web. Did you mean 'web'?", locate(text, 'wbe'));
        expectError(result, "No team 'sales' in this journey or the workspace's shared files. Teams: ops.", locate(text, 'sales'));
        expectError(result, "No touchpoint 'tt' in this journey. Touchpoints: t. Did you mean 't'?", locate(text, 'tt'));
    });

    test('long lists are cut after twelve names', async () => {
        const personas = Array.from({ length: 15 }, (_, i) => `persona p${i}`).join('\n');
        const text = `${personas}\njourney m { stage s { touchpoint t { persona zzz } } }`;
        const result = await validateJourney(text);
        expectError(result, /^No persona 'zzz' .* Personas: p0, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11 and 3 more\.$/, locate(text, 'zzz'));
    });

    test('references to shared declarations of another file resolve without any issue', async () => {
        const results = await validateWorkspace({
            'people.journey': 'persona alex\nchannel web\nteam ops',
            'map.journey': 'journey m { stage s { touchpoint t { persona alex channel web owner ops emotion 3 for alex } } }',
        });
        expectNoIssues(results['map.journey']);
        expectNoIssues(results['people.journey']);
    });
});

describe('unused personas', () => {
    test('a journey-local persona used by no touchpoint is a warning, faded as unnecessary', async () => {
        const text = 'journey m {\n  persona alex\n  persona sam\n  stage s { touchpoint t { persona alex } }\n}';
        const result = await validateJourney(text);
        expectWarning(result, "Persona 'sam' is not used by any touchpoint of this journey. Add 'persona sam' to a touchpoint, or remove it.",
            { ...locate(text, 'sam'), code: IssueCodes.UnusedPersona, data: { code: IssueCodes.UnusedPersona, id: 'sam' } });
        expect(result.diagnostics[0].tags).toEqual([DiagnosticTag.Unnecessary]);
        expect(result.diagnostics).toHaveLength(1);
    });

    test('a persona used only through "emotion … for" counts as used', async () => {
        const result = await validateJourney('journey m { persona sam stage s { touchpoint t { emotion 2 for sam } } }');
        expectNoIssues(result);
    });

    test('a shared persona no map uses is a hint in its library file', async () => {
        const people = 'persona alex\npersona sam';
        const results = await validateWorkspace({
            'people.journey': people,
            'map.journey': 'journey m { stage s { touchpoint t { persona alex } } }',
        });
        expectNoIssues(results['people.journey'], { ...locate(people, 'alex') });
        const hint = results['people.journey'].diagnostics;
        expect(hint).toHaveLength(1);
        expect(hint[0]).toMatchObject({
            severity: DiagnosticSeverity.Hint,
            code: IssueCodes.UnusedPersona,
            message: "Shared persona 'sam' is not used by any map of the workspace yet. Add 'persona sam' to a touchpoint, or remove it.",
            range: { start: { line: 1, character: 8 }, end: { line: 1, character: 11 } },
            data: { code: IssueCodes.UnusedPersona, id: 'sam' },
        });
    });

    test('a shared persona used by one map of several is used', async () => {
        const results = await validateWorkspace({
            'people.journey': 'persona alex',
            'a.journey': 'journey a { stage s { touchpoint t } }',
            'b.journey': 'journey b { stage s { touchpoint t { expected 4 for alex } } }',
        });
        expect(issuesOf(results['people.journey'])).toEqual([]);
    });
});

describe('scores for a persona the touchpoint does not list', () => {
    test('an emotion for a persona missing from the touchpoint personas is a warning on that persona', async () => {
        const text = 'journey m {\n  persona alex\n  persona sam\n  stage s { touchpoint t { persona alex emotion 2 for sam } touchpoint u { persona sam } }\n}';
        const result = await validateJourney(text);
        expectWarning(result, "'sam' is not among this touchpoint's personas (alex). Add 'persona sam' to the touchpoint, or give this score to one of its personas.",
            { offset: text.indexOf('for sam') + 4, length: 3, code: IssueCodes.PersonaNotOnTouchpoint, data: { code: IssueCodes.PersonaNotOnTouchpoint, persona: 'sam' } });
    });

    test('the same holds for expected scores', async () => {
        const text = 'journey m { persona alex persona sam stage s { touchpoint t { persona alex persona alex expected 4 for sam } touchpoint u { persona sam } } }';
        const result = await validateJourney(text);
        expectWarning(result, /^'sam' is not among this touchpoint's personas \(alex, alex\)/, { offset: text.indexOf('for sam') + 4, length: 3 });
    });

    test('a score for a persona that does not exist gets only the linking error, not this warning too', async () => {
        const text = 'journey m { persona alex stage s { touchpoint t { persona alex emotion 2 for zoe } } }';
        const result = await validateJourney(text);
        const atZoe = result.diagnostics.filter((d) => d.range.start.character === text.indexOf('zoe'));
        expect(atZoe.map((d) => d.code ?? d.data?.code)).toEqual(['linking-error']);
    });

    test('a touchpoint that lists no persona, or lists that persona, takes scores for any persona', async () => {
        const result = await validateJourney('journey m { persona alex persona sam stage s { touchpoint t { emotion 2 for sam } touchpoint u { persona alex emotion 4 for alex } } }');
        expectNoIssues(result);
    });
});

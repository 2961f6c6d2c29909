/**
 * The facts the articles ask for: `tone` on a channel and a touchpoint, `data` on a
 * touchpoint, `actual` on a KPI and `lang` on a journey — through the model, validation,
 * hover, formatter and diff, with the real Langium services.
 */
import { describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { describeChange, namerOf } from '../../language-server/src/diff/diff-describe.js';
import { diffJourneys } from '../../language-server/src/diff/journey-diff.js';
import { formatDocumentText } from '../../language-server/src/editor/journey-formatter.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel, TouchpointModel } from '../../language-server/src/model/journey-model.js';
import { createTestServices, issuesOf, parseJourney, validateJourney } from '../helpers.js';

const map = `journey booking "Booking" {
  lang fr
  channel phone "Phone" offline tone "Warm and patient"
  team sales "Call centre"
  stage consideration "Consideration" {
    kpi calls_kpi "Phone calls" target 200 actual 150 unit "calls"
    touchpoint calls "Calls for a quote" {
      channel phone
      owner sales
      emotion 1
      tone "Apologise first, then give a price"
      data "Birthday"
      data "Preferred cleaner"
    }
  }
}
`;

async function modelOf(text: string): Promise<JourneyModel> {
    const document = await parseJourney(text);
    expect(document.parseResult.parserErrors.map((e) => e.message)).toEqual([]);
    return buildJourneyModel(document)!;
}

function touchpoint(model: JourneyModel, id: string): TouchpointModel {
    return model.stages.flatMap((s) => s.steps).find((s): s is TouchpointModel => s.id === id && s.kind === 'touchpoint')!;
}

describe('the model holds the new facts', () => {
    test('tone on a channel and a touchpoint, every data point in order, a KPI actual, the language', async () => {
        const model = await modelOf(map);
        expect(model.lang).toBe('fr');
        expect(model.channels[0]!.tone).toBe('Warm and patient');
        expect(model.stages[0]!.kpis[0]).toMatchObject({ target: 200, actual: 150, unit: 'calls' });
        const calls = touchpoint(model, 'calls');
        expect(calls.tone).toBe('Apologise first, then give a price');
        expect(calls.data).toEqual(['Birthday', 'Preferred cleaner']);
    });

    test('words that became keywords are still ids (a touchpoint called data, a persona called tone)', async () => {
        const model = await modelOf('journey j {\n  persona tone\n  stage lang {\n    touchpoint data {\n      persona tone\n      next actual\n    }\n    touchpoint actual\n  }\n}\n');
        expect(model.stages[0]!.id).toBe('lang');
        expect(touchpoint(model, 'data').personas).toEqual(['tone']);
        expect(touchpoint(model, 'data').next).toEqual(['actual']);
    });
});

describe('validation', () => {
    test('a second tone on a touchpoint and a second lang are errors; an empty tone or data point is a warning', async () => {
        const text = 'journey j {\n  lang fr\n  lang en\n  channel c "C" tone ""\n  stage s {\n    touchpoint t {\n      tone "Calm"\n      tone "Cheerful"\n      data " "\n    }\n  }\n}\n';
        const issues = issuesOf(await validateJourney(text));
        expect(issues).toContain('duplicate-fact: This journey already has a language (line 2); keep one.');
        expect(issues).toContain('duplicate-fact: This touchpoint already has a tone (line 7); keep one.');
        expect(issues).toContain('empty-fact: This tone is empty: write it, or remove the line.');
        expect(issues).toContain('empty-fact: This data point is only spaces: write it, or remove the line.');
    });

    test('a language the views do not speak is a warning on its code, naming the known ones', async () => {
        const text = 'journey j {\n  lang de\n  stage s {\n    touchpoint t\n  }\n}\n';
        const result = await validateJourney(text);
        const warning = result.diagnostics.find((d) => d.code === 'unknown-language')!;
        expect(warning.message).toBe("The views have no words in 'de': they use English. Known languages: en, fr. (Labels you write are never translated.)");
        expect(warning.severity).toBe(2);
        expect(warning.range).toEqual({ start: { line: 1, character: 7 }, end: { line: 1, character: 9 } });
        for (const known of ['fr', 'en', 'FR', 'fr-CA']) {
            expect(issuesOf(await validateJourney(text.replace('lang de', `lang ${known}`)))).toEqual([]);
        }
    });

    test('its quick fixes write a language the views speak, and the warning goes', async () => {
        const text = 'journey j {\n  lang de\n  stage s {\n    touchpoint t\n  }\n}\n';
        const services = createTestServices();
        const document = await parseJourney(text, { services });
        const diagnostics = (document.diagnostics ?? []).filter((d) => d.code === 'unknown-language');
        const actions = (await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostics[0]!.range, context: { diagnostics },
        })) as CodeAction[];
        expect(actions.map((action) => action.title)).toEqual(["Use 'en' (English)", "Use 'fr' (French)"]);
        const edit = actions[1]!.edit!.changes![document.uri.toString()]![0]!;
        const fixed = text.slice(0, document.textDocument.offsetAt(edit.range.start)) + edit.newText + text.slice(document.textDocument.offsetAt(edit.range.end));
        expect(fixed).toContain('  lang fr\n');
        expect(issuesOf(await validateJourney(fixed))).toEqual([]);
    });
});

describe('hover', () => {
    async function hoverAt(needle: string, shift = 1): Promise<string> {
        const services = createTestServices();
        const document = await parseJourney(map, { services });
        const hover = await services.Journey.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(map.indexOf(needle) + shift),
        });
        return (hover?.contents as { value?: string } | undefined)?.value ?? '';
    }

    test('a touchpoint shows its tone and data; a channel its tone; a KPI its actual against its target', async () => {
        const calls = await hoverAt('calls "Calls');
        expect(calls).toContain('**Tone:** Apologise first, then give a price');
        expect(calls).toContain('**Data:**\n- Birthday\n- Preferred cleaner');
        expect(await hoverAt('phone "Phone')).toContain('**Tone:** Warm and patient');
        expect(await hoverAt('calls_kpi')).toContain('target 200 calls, actual 150 calls (75% of target)');
    });

    test('the keywords tone, data, actual and lang explain themselves', async () => {
        expect(await hoverAt('tone "Apologise')).toContain('the voice and tone to use');
        expect(await hoverAt('data "Birthday')).toContain('personalise the experience');
        expect(await hoverAt('actual 150')).toContain('the measured value of the KPI');
        expect(await hoverAt('lang fr')).toContain('Labels you write are never translated');
        expect(await hoverAt('fr\n', 0)).toBe("**Language** `fr`: the views' own words are in French; labels are never translated.");
    });
});

describe('formatter: one fact per line', () => {
    test('tone and data each on their own line in a touchpoint; a channel tone and a KPI actual stay on their line', async () => {
        const services = createTestServices();
        const messy = 'journey j { lang   fr channel c "C"   online   tone  "Calm" stage s { kpi k "K" target 5   actual 4 unit "%" touchpoint t { tone "Warm" data "A" data "B" } } }';
        const document = await parseJourney(messy, { services });
        expect(await formatDocumentText(services.Journey.lsp.Formatter!, document)).toBe(
            'journey j {\n  lang fr\n  channel c "C" online tone "Calm"\n\n  stage s {\n    kpi k "K" target 5 actual 4 unit "%"\n    touchpoint t {\n      tone "Warm"\n      data "A"\n      data "B"\n    }\n  }\n}\n',
        );
    });
});

describe('diff: changes to the new facts are listed', () => {
    test('tone, data points, actual and lang changes, in words', async () => {
        const before = await modelOf(map);
        const after = await modelOf(map
            .replace('lang fr', 'lang en')
            .replace('tone "Warm and patient"', 'tone "Brisk"')
            .replace('actual 150', 'actual 180')
            .replace('tone "Apologise first, then give a price"', 'tone "Give a price first"')
            .replace('      data "Birthday"\n', '      data "Address"\n'));
        const diff = diffJourneys(before, after);
        const lines = diff.changes.map((change) => describeChange(change, namerOf(diff)));
        expect(lines).toEqual(expect.arrayContaining([
            'lang fr → en',
            'tone “Warm and patient” → “Brisk”',
            'actual 150 → 180 (up)',
            'tone “Apologise first, then give a price” → “Give a price first”',
            'new data point: “Address”',
            'data point removed: “Birthday”',
        ]));
        expect(lines).toHaveLength(6);
    });
});

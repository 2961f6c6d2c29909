/** Completion: what is offered at many cursor positions of a map. */
import { URI, type LangiumDocument } from 'langium';
import { expectCompletion } from 'langium/test';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { isInsideLabelOrComment, type JourneyCompletionProvider } from '../../language-server/src/editor/journey-completion.js';
import { generateMap, seededRandom } from '../support/generate-map.js';
import { createTestServices, parseJourney } from '../helpers.js';

const services = createTestServices();
const shared = 'persona buyer "Buyer in a hurry"\nchannel web "Website" online\nteam ops "Operations"\n';

beforeAll(async () => {
    await parseJourney(shared, { services, uri: 'file:///workspace/people.journey' });
});

let counter = 0;
/** The completion items at the `|` of `text`, in a map of the workspace that also holds the shared file. */
async function completeAt(text: string): Promise<CompletionItem[]> {
    const offset = text.indexOf('|');
    expect(offset, 'the text marks the cursor with |').toBeGreaterThanOrEqual(0);
    const source = text.slice(0, offset) + text.slice(offset + 1);
    const document: LangiumDocument = await parseJourney(source, { services, uri: `file:///workspace/map${counter++}.journey` });
    const result = await services.Journey.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset),
    });
    await services.shared.workspace.DocumentBuilder.update([], [URI.parse(document.uri.toString())]);
    return result?.items ?? [];
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label).sort();

function inTouchpoint(line: string): string {
    return `journey j "J" {\n  persona alex "Alex, parent"\n  channel phone "Phone" offline\n  stage s "Start" {\n    touchpoint calls "Calls us" {\n      ${line}\n    }\n    touchpoint books "Books"\n    decision d "Go?" { "yes" -> books }\n  }\n  outcome lost "Lost to a competitor"\n}\n`;
}

describe('keywords valid at the cursor only', () => {
    test('in an empty file: the top-level declarations', async () => {
        expect(labels(await completeAt('|'))).toEqual(['channel', 'journey', 'persona', 'team']);
    });

    test('inside a journey: its facts and elements, never a nested journey', async () => {
        const items = labels(await completeAt('journey j {\n  |\n}'));
        expect(items).toEqual(['action', 'channel', 'description', 'lang', 'outcome', 'persona', 'stage', 'state', 'team']);
    });

    test('`lang` is a snippet with the built-in languages, offered once; after it, the language codes', async () => {
        const items = await completeAt('journey j {\n  |\n}');
        expect(items.find((i) => i.label === 'lang')!.insertText).toBe('lang ${1|en,fr|}');
        expect(labels(await completeAt('journey j {\n  lang fr\n  |\n}'))).not.toContain('lang');
        expect(labels(await completeAt('journey j {\n  lang |\n}'))).toEqual(['en', 'fr']);
    });

    test('on a channel: `tone` after its mode; on a KPI: `actual` after its target', async () => {
        expect(labels(await completeAt('channel web "Web" online |'))).toContain('tone');
        const kpi = await completeAt('journey j {\n  stage s {\n    kpi k "K" target 5 |\n  }\n}');
        expect(kpi.find((i) => i.label === 'actual')!.insertText).toBe('actual ${1:100}');
    });

    test('after `state`: current or future', async () => {
        expect(labels(await completeAt('journey j {\n  state |\n}'))).toEqual(['current', 'future']);
    });

    test('inside a stage: kpi, touchpoint, decision, description', async () => {
        expect(labels(await completeAt('journey j {\n  stage s {\n    |\n  }\n}'))).toEqual(['decision', 'description', 'kpi', 'touchpoint']);
    });

    test('inside a persona: goal, need, frustration, description', async () => {
        expect(labels(await completeAt('persona p {\n  |\n}'))).toEqual(['description', 'frustration', 'goal', 'need']);
    });

    test('after a channel id: online or offline (words that may be ids are not offered as keywords elsewhere)', async () => {
        const items = labels(await completeAt('channel web "Web" |'));
        expect(items).toContain('online');
        expect(items).toContain('offline');
        expect(items).not.toContain('current');
    });

    test('inside a touchpoint: every property, as snippets where a value follows', async () => {
        const items = await completeAt(inTouchpoint('|'));
        expect(labels(items)).toEqual(['backstage', 'channel', 'data', 'description', 'emotion', 'expected', 'gain', 'moment', 'next', 'opportunity', 'owner', 'pain', 'persona', 'reach', 'tone']);
        expect(items.find((i) => i.label === 'tone')!.insertText).toBe('tone "$1"');
        expect(items.find((i) => i.label === 'data')!.insertText).toBe('data "$1"');
        expect(labels(await completeAt(inTouchpoint('tone "Calm"\n      |')))).not.toContain('tone');
        expect(labels(await completeAt(inTouchpoint('data "Birthday"\n      |')))).toContain('data');
        const emotion = items.find((i) => i.label === 'emotion')!;
        expect(emotion.insertText).toBe('emotion ${1|1,2,3,4,5|}');
        expect(emotion.insertTextFormat).toBe(2); // snippet
        expect(items.find((i) => i.label === 'pain')!.insertText).toBe('pain "$1"');
        expect(items.find((i) => i.label === 'moment')!.insertText).toBe('moment of truth');
    });

    test('facts written at most once are not offered again', async () => {
        const items = labels(await completeAt(inTouchpoint('owner ops\n      reach 10\n      moment of truth\n      |')));
        expect(items).not.toContain('owner');
        expect(items).not.toContain('reach');
        expect(items).not.toContain('moment');
        expect(items).toContain('emotion');
        expect(labels(await completeAt('journey j {\n  state current\n  |\n}'))).not.toContain('state');
    });

    test('keywords carry the documentation written in the grammar', async () => {
        const items = await completeAt('journey j {\n  stage s {\n    |\n  }\n}');
        const touchpoint = items.find((i) => i.label === 'touchpoint')!;
        expect(JSON.stringify(touchpoint.documentation)).toContain('an interaction between the customer and the company');
    });
});

describe('references, with their labels', () => {
    test('personas of this journey and of the workspace\'s shared files', async () => {
        const items = await completeAt(inTouchpoint('persona |'));
        expect(labels(items)).toEqual(['alex', 'buyer']);
        expect(items.find((i) => i.label === 'alex')!.detail).toBe('Alex, parent (persona)');
        expect(items.find((i) => i.label === 'buyer')!.labelDetails?.description).toBe('shared persona');
    });

    test('channels and teams', async () => {
        expect(labels(await completeAt(inTouchpoint('channel |')))).toEqual(['phone', 'web']);
        const owners = await completeAt(inTouchpoint('owner |'));
        expect(labels(owners)).toEqual(['ops']);
        expect(owners[0]!.detail).toBe('Operations (team)');
    });

    test('`next` offers touchpoints, decisions, stages and outcomes, but not the touchpoint itself', async () => {
        const items = await completeAt(inTouchpoint('next |'));
        expect(labels(items)).toEqual(['books', 'd', 'lost', 's']);
        expect(items.find((i) => i.label === 'lost')!.detail).toBe('Lost to a competitor (outcome)');
    });

    test('a decision branch offers the steps it can lead to', async () => {
        const text = 'journey j {\n  outcome out "Out"\n  stage s {\n    touchpoint a\n    decision d { "x" -> | }\n  }\n}';
        expect(labels(await completeAt(text))).toEqual(expect.arrayContaining(['a', 'out', 's']));
    });

    test('a decision branch does not offer the decision itself', async () => {
        const text = 'journey j {\n  outcome out "Out"\n  stage s {\n    touchpoint a\n    decision buy { "x" -> a\n "y" -> | }\n  }\n}';
        const offered = labels(await completeAt(text));
        expect(offered).toEqual(expect.arrayContaining(['a', 'out']));
        expect(offered).not.toContain('buy');
    });

    test('`persona` and `channel` do not offer what the touchpoint already lists, but the one under the cursor stays', async () => {
        expect(labels(await completeAt(inTouchpoint('persona alex\n      persona |')))).toEqual(['buyer']);
        expect(labels(await completeAt(inTouchpoint('channel phone\n      channel |')))).toEqual(['web']);
        expect(labels(await completeAt(inTouchpoint('persona alex|')))).toContain('alex');
    });

    test('a reference documents the element it names', async () => {
        const items = await completeAt(inTouchpoint('persona |'));
        expect(JSON.stringify(items.find((i) => i.label === 'alex')!.documentation)).toContain('**Persona** `alex`');
    });

    test('a journey\'s own persona hides the shared one with the same id: offered once, with the local label', async () => {
        const items = await completeAt(inTouchpoint('persona |').replace('persona alex "Alex, parent"', 'persona alex "Alex, parent"\n  persona buyer "Local buyer"'));
        expect(items.filter((i) => i.label === 'buyer').map((i) => i.detail)).toEqual(['Local buyer (persona)']);
    });

    test('no item is offered twice', async () => {
        for (const line of ['|', 'persona |', 'next |', 'channel |']) {
            const items = await completeAt(inTouchpoint(line));
            const keys = items.map((i) => `${i.label}|${i.kind}`);
            expect(new Set(keys).size).toBe(keys.length);
        }
    });
});

describe('scores', () => {
    test('emotion offers 1..5 with their meaning', async () => {
        const items = await completeAt(inTouchpoint('emotion |'));
        expect(items.map((i) => `${i.label} ${i.detail}`)).toEqual(['1 😡 angry', '2 😟 unhappy', '3 😐 neutral', '4 🙂 happy', '5 😄 delighted']);
    });

    test('expected offers the same scale', async () => {
        expect(labels(await completeAt(inTouchpoint('expected |')))).toEqual(['1', '2', '3', '4', '5']);
    });

    test('an action\'s impact offers 1..5 from very low to very high', async () => {
        const items = await completeAt('journey j {\n  action a {\n    impact |\n  }\n}');
        expect(items.map((i) => i.detail)).toEqual(['very low', 'low', 'medium', 'high', 'very high']);
    });
});

describe('never inside labels or comments', () => {
    test.each([
        ['in a label', inTouchpoint('pain "slow |answers"')],
        ['in an unfinished label', inTouchpoint('pain "slow |')],
        ['in a line comment', inTouchpoint('// next |')],
        ['in a block comment', 'journey j {\n  /* stage | */\n}'],
        ['in a single-quoted label', "persona p 'Al|ex'"],
    ])('%s', async (_name, text) => {
        expect(await completeAt(text)).toEqual([]);
    });

    test('the scanner knows where labels and comments end', () => {
        const text = 'a "b\\" c" d // e\nf /* g */ h';
        const inside = [...text].map((_c, i) => (isInsideLabelOrComment(text, i) ? '1' : '0')).join('');
        expect(inside).toBe('0001111110000111100011111100');
    });
});

describe('every cursor position of the examples', () => {
    const files = ['examples/home-cleaning.journey', 'examples/b2b/purchase-current.journey'];
    test.each(files)('%s: completion never fails, never repeats an item, and is silent in labels and comments', async (file) => {
        const { readFileSync } = await import('node:fs');
        const text = readFileSync(file, 'utf8');
        const fresh = createTestServices();
        const document = await parseJourney(text, { services: fresh, uri: `file:///sweep/${file.replace(/\//g, '_')}` });
        let offered = 0;
        for (let offset = 0; offset <= text.length; offset += 13) {
            const result = await fresh.Journey.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() },
                position: document.textDocument.positionAt(offset),
            });
            const items = result?.items ?? [];
            const keys = items.map((i) => `${i.label}|${i.kind}`);
            expect(new Set(keys).size, `duplicates at offset ${offset}`).toBe(keys.length);
            if (isInsideLabelOrComment(text, offset)) expect(items, `items inside a label or comment at offset ${offset}`).toEqual([]);
            offered += items.length;
        }
        expect(offered).toBeGreaterThan(0);
    });
});

describe('through langium/test expectCompletion', () => {
    test('in a decision, after a labelled branch arrow: the steps of the journey but the decision itself, in order of their ids', async () => {
        await expectCompletion(createTestServices().Journey)({
            text: 'journey j {\n  stage s {\n    touchpoint b "B"\n    touchpoint a "A"\n    decision d {\n      "x" -> a\n      "y" -> <|>\n    }\n  }\n}',
            index: 0,
            expectedItems: ['a', 'b', 's'],
        });
    });

    test('after `moment`: only `of`', async () => {
        await expectCompletion(createTestServices().Journey)({
            text: 'journey j {\n  stage s {\n    touchpoint t {\n      moment <|>\n    }\n  }\n}',
            index: 0,
            expectedItems: ['of'],
        });
    });
});

describe('on a big map, completion parses only the element at the cursor', () => {
    interface Both { offset: number; short: string; whole: string; longestShortParse: number }

    /** The items at each offset with the shortcut on (`minimumSkipped` 0) and off (Infinity), and the longest text parsed with it on. */
    async function bothWays(text: string, offsets: number[]): Promise<Both[]> {
        const document = await parseJourney(text, { services, uri: `file:///workspace/big${counter++}.journey` });
        const provider = services.Journey.lsp.CompletionProvider as JourneyCompletionProvider;
        const parser = services.Journey.parser.CompletionParser;
        const parse = parser.parse.bind(parser);
        let parsed: number[] = [];
        const spy = vi.spyOn(parser, 'parse').mockImplementation((input: string) => {
            parsed.push(input.length);
            return parse(input);
        });
        const at = async (offset: number, minimumSkipped: number) => {
            provider.minimumSkipped = minimumSkipped;
            parsed = [];
            const result = await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
            return JSON.stringify((result?.items ?? []).map((i) => [i.label, i.kind, i.detail, i.textEdit]));
        };
        const results: Both[] = [];
        try {
            for (const offset of offsets) {
                const short = await at(offset, 0);
                const longestShortParse = Math.max(0, ...parsed);
                results.push({ offset, short, whole: await at(offset, Number.POSITIVE_INFINITY), longestShortParse });
            }
        } finally {
            spy.mockRestore();
            provider.minimumSkipped = 2000;
            await services.shared.workspace.DocumentBuilder.update([], [URI.parse(document.uri.toString())]);
        }
        return results;
    }

    test('offers exactly what a parse of the whole text before the cursor offers, at every kind of position', async () => {
        const map = generateMap(40).text;
        const random = seededRandom(7);
        const offsets = Array.from({ length: 60 }, () => Math.floor(random() * map.length));
        // Line starts and ends in the last stages, where the most text is left out.
        const lines = map.split('\n');
        let position = 0;
        lines.forEach((line, index) => {
            if (index > lines.length * 0.7 && index % 3 === 0) offsets.push(position + line.length, position + line.search(/\S|$/));
            position += line.length + 1;
        });
        const results = await bothWays(map, offsets);
        for (const { offset, short, whole } of results) expect(short, `at offset ${offset}`).toBe(whole);
        expect(results.some(({ short }) => short.includes('"touchpoint"'))).toBe(true);
        // The shortcut did run: from the last stage on, every parse reads less than half the text before the cursor.
        const late = results.filter(({ offset }) => offset > map.lastIndexOf('  stage '));
        expect(late.length).toBeGreaterThan(3);
        for (const { offset, longestShortParse } of late) expect(longestShortParse, `at offset ${offset}`).toBeLessThan(offset / 2);
    });

    test('a syntax error before the cursor keeps the text after it: the same items again', async () => {
        const map = generateMap(40).text;
        const broken = map.replace('emotion', 'emotion {{ @');
        const end = broken.lastIndexOf('touchpoint');
        for (const { short, whole } of await bothWays(broken, [end, end - 40, broken.length - 2])) expect(short).toBe(whole);
    });
});

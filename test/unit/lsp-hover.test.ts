/** Hover: what people see when they point at an element, a reference or a keyword. */
import type { LangiumDocument } from 'langium';
import { expectHover } from 'langium/test';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestServices, parseJourney } from '../helpers.js';

const services = createTestServices();
const map = `journey booking "Booking" {
  state current
  persona alex "Alex, working parent" {
    goal "A clean house"
    need "Book from the phone"
    frustration "Nobody answers after 6 pm"
  }
  team sales "Call centre"
  stage consideration "Consideration" {
    kpi calls_kpi "Phone calls" target 200 unit "calls"
    touchpoint calls "Calls for a quote" {
      persona alex
      channel phone
      owner sales
      emotion 1
      expected 4
      pain "Call back only the next day"
      opportunity "Instant *online* quote"
      reach 2000
      moment of truth
    }
    touchpoint books "Books" {
      channel phone
      owner sales
      emotion 4 for alex
    }
  }
}
`;
let document: LangiumDocument;

beforeAll(async () => {
    await parseJourney('channel phone "Phone" offline\nchannel web "Website" online\n', { services, uri: 'file:///ws/channels.journey' });
    document = await parseJourney(map, { services, uri: 'file:///ws/booking.journey' });
});

async function hoverAt(needle: string, shift = 1): Promise<string> {
    const offset = map.indexOf(needle);
    expect(offset).toBeGreaterThanOrEqual(0);
    const hover = await services.Journey.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset + shift),
    });
    const contents = hover?.contents as { value?: string } | undefined;
    return contents?.value ?? '';
}

describe('hover on elements', () => {
    test('a persona (declaration or reference) shows its goals, needs and frustrations', async () => {
        for (const where of ['alex "Alex', 'alex\n      channel']) {
            const text = await hoverAt(where);
            expect(text).toContain('**Persona** `alex` — Alex, working parent');
            expect(text).toContain('**Goals:**\n- A clean house');
            expect(text).toContain('**Needs:**\n- Book from the phone');
            expect(text).toContain('**Frustrations:**\n- Nobody answers after 6 pm');
        }
    });

    test('a touchpoint shows its channel, owner, emotion, pains and opportunities', async () => {
        const text = await hoverAt('calls "Calls');
        expect(text).toContain('**Touchpoint** `calls` — Calls for a quote');
        expect(text).toContain('**Channel:** Phone (`phone`)');
        expect(text).toContain('**Owner:** Call centre (`sales`)');
        expect(text).toContain('**Emotion:** 1 😡 angry');
        expect(text).toContain('**Expected:** 4 🙂 happy');
        expect(text).toContain('**Pains:**\n- Call back only the next day');
        expect(text).toContain('**Opportunities:**\n- Instant \\*online\\* quote');
        expect(text).toContain('**Moment of truth**');
    });

    test('a channel shared by another file says how often it is used', async () => {
        const text = await hoverAt('phone\n      owner');
        expect(text).toContain('**Channel** `phone` — Phone');
        expect(text).toContain('offline');
        expect(text).toContain('Shared with every map of the workspace.');
        expect(text).toContain('Used 2 times: `booking › calls`, `booking › books`.');
    });

    test('a team says how often it is used', async () => {
        expect(await hoverAt('sales "Call')).toContain('Used 2 times: `calls`, `books`.');
    });

    test('a stage counts its touchpoints and lists its KPIs', async () => {
        const text = await hoverAt('consideration "');
        expect(text).toContain('2 touchpoints');
        expect(text).toContain('Phone calls (`calls_kpi`) → 200 calls');
    });
});

describe('hover on scores', () => {
    test('an emotion, an expected score and a per-persona emotion say what they mean on the 1..5 scale', async () => {
        expect(await hoverAt('emotion 1', 8)).toBe('**Emotion** 1 😡 angry (1 = angry … 5 = delighted)');
        expect(await hoverAt('expected 4', 9)).toBe('**Expected emotion** 4 🙂 happy: the score customers hope for (1 = angry … 5 = delighted)');
        expect(await hoverAt('emotion 4 for alex', 8)).toBe('**Emotion** 4 🙂 happy (1 = angry … 5 = delighted)');
    });

    test('an action\'s impact and effort say their level, even when both are the same number', async () => {
        const text = 'journey j {\n  stage s {\n    touchpoint t\n  }\n  action a {\n    impact 3\n    effort 3\n  }\n}\n';
        const fresh = createTestServices();
        const doc = await parseJourney(text, { services: fresh });
        const at = async (needle: string) => ((await fresh.Journey.lsp.HoverProvider!.getHoverContent(doc, {
            textDocument: { uri: doc.uri.toString() }, position: doc.textDocument.positionAt(text.indexOf(needle) + needle.length - 1),
        }))?.contents as { value?: string } | undefined)?.value;
        expect(await at('impact 3')).toBe('**Impact** 3: medium (1 = very low … 5 = very high)');
        expect(await at('effort 3')).toBe('**Effort** 3: medium (1 = very low … 5 = very high)');
    });

    test('other numbers (a reach, a KPI target) show nothing of their own', async () => {
        expect(await hoverAt('reach 2000', 7)).toBe('');
    });
});

describe('hover on keywords', () => {
    test('shows the documentation written above the rule in the grammar', async () => {
        expect(await hoverAt('touchpoint calls')).toContain('an interaction between the customer and the company');
        expect(await hoverAt('emotion 1')).toContain('1 angry, 2 unhappy, 3 neutral, 4 happy, 5 delighted');
        expect(await hoverAt('moment of')).toContain('moment of truth');
        expect(await hoverAt('current')).toContain('as-is');
    });

    test('through langium/test: expectHover on a persona keyword', async () => {
        await expectHover(services.Journey)({ text: 'pers<|>ona p "P"', index: 0, hover: /a fictional customer with goals, needs and frustrations/ });
    });

    test('nothing inside a label', async () => {
        expect(await hoverAt('Call back only', 3)).toBe('');
    });
});

/**
 * The canvas view, read from its Mermaid text: the stage header spans its steps in path
 * order, one lane per kind of fact the map holds (and none for a fact it does not), the
 * emotion scale per persona, the expected score only where it differs, branches with their
 * answers, long texts broken into lines and cells without losing a character, the portrait
 * switch at a narrow width, and highlights. (That Mermaid draws it readably is proven in a
 * real browser by test/browser/views-canvas.test.ts.)
 */
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { CHUNK_LINES, cellWidth, effectiveFontSize, MIN_READABLE_FONT, pictureWidth } from '../../language-server/src/views/canvas-view.js';
import { chunkLines, wrapText } from '../../language-server/src/views/canvas-wrap.js';
import { renderView, VIEW_IDS, type ViewOptions } from '../../language-server/src/views/index.js';
import { textWidth } from '../../language-server/src/views/text-width.js';
import { parseJourney } from '../helpers.js';

async function model(text: string): Promise<JourneyModel> {
    const document = await parseJourney(text);
    expect((document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => d.message)).toEqual([]);
    return buildJourneyModel(document)!;
}

async function canvas(text: string, options?: ViewOptions): Promise<string> {
    const result = renderView(await model(text), 'canvas', options);
    if (result.kind !== 'diagram') throw new Error(`canvas is empty: ${result.message}`);
    return result.mermaid;
}

/** The rows of the block diagram: each a list of cells `{ id, text, span }` (line breaks read as spaces; empty slots, `space` or an invisible `gap_…` cell, have no id). */
function rows(mermaid: string): Array<Array<{ id?: string; text: string; span: number }>> {
    return mermaid.split('\n')
        .filter((line) => /^ {2}(space|[a-z]+_\w+\[)/.test(line))
        .map((line) => [...line.matchAll(/(?:(\w+)\["([^"]*)"\]|space)(?::(\d+))?/g)].map((match) => ({ id: match[1]?.startsWith('gap_') ? undefined : match[1], text: match[1]?.startsWith('gap_') ? '' : (match[2] ?? '').replace(/<br\/>/g, ' '), span: Number(match[3] ?? 1) })));
}

/** The lane names down the first column (landscape). */
function laneNames(mermaid: string): string[] {
    return rows(mermaid).flatMap((row) => (row[0].id ? [row[0].text] : []));
}

const BOOKING = `
journey booking "Booking" {
  persona alex "Alex"
  persona sam "Sam"
  channel phone "Phone" offline
  channel site "Website" online
  team sales "Call centre"
  stage awareness "Awareness" {
    kpi k "Impressions" target 5000 unit "views"
    touchpoint finds "Finds us" { channel site emotion 3 reach 1000 }
  }
  stage consideration "Consideration" {
    touchpoint calls "Calls for a quote" {
      persona alex persona sam channel phone owner sales
      emotion 2 emotion 1 for alex expected 4 expected 2 for sam
      pain "Call back next day" reach 400 moment of truth
      backstage "Agent checks a spreadsheet"
    }
    decision choose "Books?" { "yes" -> books  "no" -> lost }
  }
  stage purchase "Purchase" { touchpoint books "Books online" { emotion 4 expected 4 reach 300 gain "Pays by card" } }
  outcome lost "Lost to a competitor"
}`;

describe('canvas view', () => {
    test('is the first view: the preview opens on it and Markdown shows it first', () => {
        expect(VIEW_IDS[0]).toBe('canvas');
    });

    test('stage cells span their steps, with the KPIs (target and unit) under them; outcomes come last', async () => {
        const text = await canvas(BOOKING);
        expect(text).toMatch(/^---\nconfig:\n(  \w+: .*\n)*  block:\n/);
        expect(text).toMatch(/\nblock-beta\n {2}columns 6\n/);
        const [stages, kpis, steps] = rows(text);
        expect(stages.map((cell) => [cell.text, cell.span])).toEqual([['Stage', 1], ['Awareness', 1], ['Consideration', 2], ['Purchase', 1], ['Outcomes', 1]]);
        expect(kpis[1].text).toBe('Impressions · target 5#44;000 views');
        expect(steps.map((cell) => cell.text)).toEqual(['Steps', 'Finds us', 'Calls for a quote', '◆ Books?', 'Books online', '■ Lost to a competitor']);
    });

    test('has one lane per kind of fact the map holds, in order, and none for the others', async () => {
        expect(laneNames(await canvas(BOOKING))).toEqual([
            'Stage', 'KPIs', 'Steps', 'Personas', 'Channel', 'Owner team', 'Emotion', 'Emotion · Alex', 'Expected',
            'Pains', 'Gains', 'Moments of truth', 'Backstage', 'Reach', 'Leads to',
        ]);
        expect(laneNames(await canvas('journey j { stage s { touchpoint a "A" } }'))).toEqual(['Stage', 'Steps']);
    });

    test('emotion: face, word and score, coloured on the scale; channels say online or offline', async () => {
        const text = await canvas(BOOKING);
        const cells = rows(text).flat().map((cell) => cell.text);
        expect(cells).toContain('😟 unhappy · 2');
        expect(cells).toContain('😠 angry · 1');
        expect(text).toMatch(/classDef emotion1 fill:#\w+/);
        expect(text).toMatch(/class (\w+,)*c_\d+(,\w+)* emotion1/);
        expect(cells).toContain('Phone · offline');
        expect(cells).toContain('Website · online');
    });

    test('the expected score is shown only where it differs from the felt one (per persona too)', async () => {
        const text = await canvas(BOOKING);
        expect(rows(text).flat().map((cell) => cell.text)).toContain('hoped 🙂 happy · 4');
        // Sam hoped for 2 and feels the overall 2: no cell. Books online: 4 hoped, 4 felt: no cell.
        expect(text).not.toContain('Sam#58; hoped');
        expect(text.match(/hoped/g)).toHaveLength(1);
    });

    test('a decision shows its branches with their answers, leading to steps and outcomes', async () => {
        const cells = rows(await canvas(BOOKING)).flat().map((cell) => cell.text);
        expect(cells).toContain('“yes” → Books online');
        expect(cells).toContain('“no” → Lost to a competitor');
    });

    test('steps are in path order: a `next` link puts its target before a step the path reaches later', async () => {
        const text = await canvas(`journey j {
  stage s {
    touchpoint a "A" { next c }
    touchpoint b "B"
    touchpoint c "C" { next b }
  }
}`);
        expect(rows(text)[1].map((cell) => cell.text)).toEqual(['Steps', 'A', 'C', 'B']);
    });

    test('long texts break into lines and cells of at most three lines; no character is lost', async () => {
        const long = 'Calls the call centre to ask whether the cleaner can come on Saturday morning instead of Monday and what it costs, twice';
        const text = await canvas(`journey j { stage s { touchpoint a "A" { pain ${JSON.stringify(long)} } touchpoint b "B" } }`);
        const grid = rows(text);
        const start = grid.findIndex((row) => row[0].text === 'Pains');
        const end = grid.findIndex((row, i) => i > start && row[0].id !== undefined);
        const pains = grid.slice(start, end < 0 ? undefined : end);
        const cells = pains.map((row) => row[1].text);
        expect(cells.length).toBeGreaterThan(1);
        for (const cell of cells) expect(cell.split('<br/>').length).toBeLessThanOrEqual(CHUNK_LINES);
        expect(cells.join(' ').replace(/<br\/>/g, ' ').replace(/#44;/g, ',')).toBe(`⚠ ${long}`);
        // The other column of the pain rows is empty, so the lane stays aligned.
        expect(pains.every((row) => row.length === 3 && row[2].id === undefined)).toBe(true);
    });

    test('line breaking: between words, a word longer than a line between characters (never inside an emoji), text kept', () => {
        expect(wrapText('Finds us in search results', 160, 16)).toEqual(['Finds us in', 'search results']);
        const word = '👩‍👩‍👧'.repeat(12);
        const lines = wrapText(word, 100, 16);
        expect(lines.length).toBeGreaterThan(1);
        expect(lines.join('')).toBe(word);
        for (const line of lines) expect(line.length % '👩‍👩‍👧'.length).toBe(0);
        for (const line of wrapText('a '.repeat(200), 100, 16)) expect(textWidth(line, 16)).toBeLessThanOrEqual(100);
        expect(chunkLines(['1', '2', '3', '4'], 3)).toEqual([['1', '2', '3'], ['4']]);
    });

    test('every column has the same width: as narrow as the texts allow, within 160..240 pixels of text', () => {
        expect(cellWidth(['A', 'B'])).toBe(160);
        expect(cellWidth(['x'.repeat(3000)])).toBe(240);
        const width = cellWidth(['Receives the confirmation e-mail from the planning tool']);
        expect(wrapText('Receives the confirmation e-mail from the planning tool', width, 16).length).toBeLessThanOrEqual(CHUNK_LINES);
        expect(wrapText('Receives the confirmation e-mail from the planning tool', width - 8, 16).length).toBeGreaterThan(CHUNK_LINES);
    });

    test('turns portrait when the landscape grid would be shown under 11 px at the available width, and not before', async () => {
        const wide = await canvas(BOOKING);
        // Six columns of 160 + 32 pixels: about 1,200 pixels wide, so 16 px labels stay at 11 px or more from 840 pixels on.
        expect(effectiveFontSize(pictureWidth(6, 160), 840)).toBeGreaterThanOrEqual(MIN_READABLE_FONT);
        expect(effectiveFontSize(pictureWidth(6, 160), 820)).toBeLessThan(MIN_READABLE_FONT);
        expect(await canvas(BOOKING, { availableWidth: 820 })).not.toBe(wide);
        expect(await canvas(BOOKING, { availableWidth: 3000 })).toBe(wide);
        expect(await canvas(BOOKING, { availableWidth: 900 })).toBe(wide);
        const portrait = await canvas(BOOKING, { availableWidth: 400 });
        expect(portrait).not.toBe(wide);
        // Portrait: stages stacked (a header across the whole width), each step followed by its facts, named by lane (short facts share a cell).
        const grid = rows(portrait);
        const across = Number(/columns (\d+)/.exec(portrait)![1]);
        expect(grid[0]).toEqual([{ id: 'st_awareness', text: 'Awareness', span: across }]);
        const calls = grid.findIndex((row) => row[0].id === 'tp_calls');
        expect(across).toBe(2);
        expect([...grid[calls], ...grid[calls + 1]].map((cell) => cell.text)).toEqual(['Calls for a quote', 'Personas#58; Alex Sam Channel#58; Phone · offline', 'Owner team#58; Call centre', 'Emotion#58; 😟 unhappy · 2']);
        expect(pictureWidth(across, 160)).toBeLessThanOrEqual((400 * 16) / MIN_READABLE_FONT);
        // Without a width it is always landscape.
        expect(await canvas(BOOKING, {})).toBe(wide);
    });

    test('highlighted elements get a thick border; their source map entries point at their cells', async () => {
        const journey = await model(BOOKING);
        const result = renderView(journey, 'canvas', { highlight: new Set(['calls', 'phone', 'awareness']) });
        if (result.kind !== 'diagram') throw new Error('empty');
        expect(result.mermaid).toMatch(/classDef highlight stroke:#d97706/);
        const highlighted = /class (\S+) highlight/.exec(result.mermaid)![1].split(',');
        expect(highlighted).toContain('tp_calls');
        expect(highlighted).toContain('st_awareness');
        const phone = result.sourceMap.find((entry) => entry.elementId === 'phone')!;
        expect(highlighted).toContain(phone.diagramId);
        expect(result.sourceMap.find((entry) => entry.elementId === 'k')).toMatchObject({ kind: 'kpi', diagramId: 'kpi_k' });
    });

    test('any available width gives a canvas that keeps every step, an empty stage and the outcomes', async () => {
        const text = 'journey j { stage empty "Nothing here" { } stage s "S" { touchpoint a "A" { pain "P" } decision d "D?" { "y" -> a "n" -> out } } outcome out "Gone" }';
        for (const availableWidth of [1, 120, 700, 100_000, Number.NaN, Number.POSITIVE_INFINITY]) {
            const cells = rows(await canvas(text, { availableWidth })).flat().map((cell) => cell.text.replace(/#\d+;/g, ' '));
            for (const label of ['Nothing here', 'A', '◆ D?', '■ Gone', 'Outcomes']) expect(cells.some((cell) => cell.replace(/\s+/g, '') === label.replace(/\s+/g, '')), `${label} at ${availableWidth}`).toBe(true);
            expect(cells.some((cell) => cell.includes('P')), `the pain at ${availableWidth}`).toBe(true);
        }
    });

    test('facts added to the language later are lanes too: tone (the touchpoint\'s, else its channel\'s), data, and a KPI\'s measured value', async () => {
        const text = await canvas(`journey j {
  channel phone "Phone" offline tone "Warm"
  stage s "S" {
    kpi bookings "Bookings" target 1500 actual 1200 unit "per month"
    touchpoint a "A" { channel phone data "Birthday" data "Past visits" }
    touchpoint b "B" { tone "Apologise first" }
  }
}`);
        expect(laneNames(text)).toEqual(['Stage', 'KPIs', 'Steps', 'Channel', 'Tone', 'Data']);
        const cells = rows(text).flat().map((cell) => cell.text);
        expect(cells).toContain('Phone#58; Warm');
        expect(cells).toContain('Apologise first');
        expect(cells).toContain('Birthday Past visits');
        expect(cells.find((cell) => cell.startsWith('Bookings'))!.replace(/#44;/g, ',').replace(/#37;/g, '%').replace(/\s+/g, ' ')).toBe('Bookings · 1,200 / target 1,500 per month (80%)');
    });

    test('a map without stages says what to add', async () => {
        expect(renderView(await model('journey j "Empty" { }'), 'canvas')).toMatchObject({ kind: 'empty', message: expect.stringMatching(/^Nothing to show yet: .*`stage`/) });
    });
});

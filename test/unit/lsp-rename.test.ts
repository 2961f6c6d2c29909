/** Rename: ids change everywhere they are used, across files; labels never change; bad names are refused. */
import type { LangiumDocument } from 'langium';
import { beforeEach, describe, expect, test } from 'vitest';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { createTestServices, parseJourney } from '../helpers.js';

const people = 'persona alex "Alex"\nchannel phone "Phone" offline\nteam sales "Sales"\n';
const booking = `journey booking "Booking" {
  channel site "Website" online
  stage start "Start" {
    touchpoint calls "Calls for a quote" {
      persona alex
      channel phone
      owner sales
      emotion 2 for alex
      next books
    }
    decision choose "Books?" {
      "yes" -> books
      "no" -> lost
    }
    touchpoint books "Books alex's slot"
  }
  outcome lost "Lost"
  action quote "Quote" {
    improves calls
    owner sales
  }
}
`;
const other = 'journey other {\n  stage s {\n    touchpoint t {\n      persona alex\n    }\n  }\n}\n';

let services: ReturnType<typeof createTestServices>;
let documents: Record<string, LangiumDocument>;

beforeEach(async () => {
    services = createTestServices();
    documents = {
        people: await parseJourney(people, { services, uri: 'file:///ws/people.journey' }),
        booking: await parseJourney(booking, { services, uri: 'file:///ws/booking.journey' }),
        other: await parseJourney(other, { services, uri: 'file:///ws/other.journey' }),
    };
});

async function rename(file: keyof typeof documents, needle: string, newName: string): Promise<WorkspaceEdit | undefined> {
    const document = documents[file]!;
    const offset = document.textDocument.getText().indexOf(needle);
    expect(offset).toBeGreaterThanOrEqual(0);
    return services.Journey.lsp.RenameProvider!.rename(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset + 1),
        newName,
    });
}

function apply(text: string, edits: TextEdit[] = [], document: LangiumDocument): string {
    const sorted = [...edits].sort((a, b) => document.textDocument.offsetAt(b.range.start) - document.textDocument.offsetAt(a.range.start));
    let result = text;
    for (const edit of sorted) {
        result = result.slice(0, document.textDocument.offsetAt(edit.range.start)) + edit.newText + result.slice(document.textDocument.offsetAt(edit.range.end));
    }
    return result;
}

function result(edit: WorkspaceEdit | undefined, file: keyof typeof documents): string {
    const document = documents[file]!;
    return apply(document.textDocument.getText(), edit?.changes?.[document.uri.toString()], document);
}

describe('rename across files', () => {
    test('a shared persona, from a reference: its declaration and every use in every map change', async () => {
        const edit = await rename('booking', 'alex\n', 'sam');
        expect(result(edit, 'people')).toBe(people.replace('persona alex', 'persona sam'));
        expect(result(edit, 'booking')).toBe(booking.replace('persona alex', 'persona sam').replace('for alex', 'for sam'));
        expect(result(edit, 'other')).toBe(other.replace('alex', 'sam'));
    });

    test('labels are untouched, even when they contain the old id', async () => {
        const edit = await rename('people', 'alex', 'sam');
        expect(result(edit, 'booking')).toContain('"Books alex\'s slot"');
        expect(result(edit, 'people')).toContain('"Alex"');
    });

    test('a touchpoint: next, decision branches and actions follow', async () => {
        const edit = await rename('booking', 'books "', 'purchases');
        const text = result(edit, 'booking');
        expect(text).toContain('next purchases');
        expect(text).toContain('"yes" -> purchases');
        expect(text).toContain('touchpoint purchases "Books alex\'s slot"');
        const edit2 = await rename('booking', 'calls "', 'phones');
        expect(result(edit2, 'booking')).toContain('improves phones');
    });

    test('a team, a channel, an outcome and a stage', async () => {
        expect(result(await rename('people', 'sales', 'support'), 'booking').match(/owner support/g)).toHaveLength(2);
        expect(result(await rename('booking', 'phone\n', 'call'), 'people')).toContain('channel call "Phone"');
        expect(result(await rename('booking', 'lost "Lost', 'gone'), 'booking')).toContain('"no" -> gone');
        expect(result(await rename('booking', 'start "', 'begin'), 'booking')).toContain('stage begin "Start"');
    });

    test('the result is a valid workspace: references still resolve', async () => {
        const edit = await rename('booking', 'alex\n', 'sam');
        const fresh = createTestServices();
        await parseJourney(result(edit, 'people'), { services: fresh, uri: 'file:///ws/people.journey' });
        const renamed = await parseJourney(result(edit, 'booking'), { services: fresh, uri: 'file:///ws/booking.journey' });
        const linking = (renamed.diagnostics ?? []).filter((d) => (d.data as { code?: string } | undefined)?.code === 'linking-error');
        expect(linking).toEqual([]);
    });
});

describe('refused names, with a clear message', () => {
    test.each([
        ['not an id', 'Calls for a quote', /cannot be an id.*calls_for_a_quote.*edit the label/],
        ['ends with -', 'calls-', /cannot be an id/],
        ['a keyword', 'stage', /is a keyword of the \.journey language/],
        ['a touchpoint of the same journey', 'books', /touchpoint of this journey is already called "books"/],
        ['an outcome of the same journey', 'lost', /outcome of this journey is already called "lost"/],
    ])('%s', async (_case, newName, message) => {
        await expect(rename('booking', 'calls "', newName)).rejects.toThrow(message);
    });

    test('a shared persona cannot take the name of another shared persona', async () => {
        await parseJourney('persona kim "Kim"\n', { services, uri: 'file:///ws/more.journey' });
        await expect(rename('people', 'alex', 'kim')).rejects.toThrow(/persona shared by more\.journey is already called "kim"/);
    });

    test('two journeys cannot share an id, and the message names the other map\'s file', async () => {
        await expect(rename('booking', 'booking "', 'other')).rejects.toThrow('Cannot rename to "other": the journey of other.journey is already called "other". Choose another id.');
    });

    test('ids of other kinds do not clash, as the validator counts them: a journey, a touchpoint or an action may share an id with a persona', async () => {
        expect(result(await rename('booking', 'booking "', 'alex'), 'booking')).toContain('journey alex "Booking"');
        expect(result(await rename('booking', 'calls "', 'site'), 'booking')).toContain('touchpoint site "Calls for a quote"');
        expect(result(await rename('booking', 'quote "', 'books'), 'booking')).toContain('action books "Quote"');
    });

    test('words that are also values (current, online…) are valid ids', async () => {
        const edit = await rename('booking', 'calls "', 'online');
        expect(result(edit, 'booking')).toContain('touchpoint online "Calls for a quote"');
    });
});

describe('prepare rename', () => {
    test('offers the id under the cursor, not keywords or labels', async () => {
        const document = documents.booking!;
        const at = (needle: string, shift = 1) => services.Journey.lsp.RenameProvider!.prepareRename(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(document.textDocument.getText().indexOf(needle) + shift),
        });
        expect(await at('calls "')).toMatchObject({ start: { line: 3, character: 15 }, end: { line: 3, character: 20 } });
        expect(await at('touchpoint calls')).toBeUndefined();
        expect(await at('"Calls for', 3)).toBeUndefined();
    });
});

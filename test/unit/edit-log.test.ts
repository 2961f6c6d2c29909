import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { EditLog, KEPT_VERSIONS, positionAfter, positionBefore, type LogChange, type LogPosition } from '../../extension/src/preview/edit-log.js';

/** The last version recorded in the tests of reach: 100 more versions than the log keeps. */
const LAST = KEPT_VERSIONS + 100;

const at = (line: number, character: number): LogPosition => ({ line, character });
const change = (start: LogPosition, end: LogPosition, text: string): LogChange => ({ range: { start, end }, text });

/** `original` after each event of `edits` (versions 2, 3…, each event's changes in sequence), and the log of them. */
function edited(original: string, edits: LogChange[][]): { text: string; log: EditLog } {
    const log = new EditLog();
    let document = TextDocument.create('file:///x.journey', 'journey', 1, original);
    for (const changes of edits) {
        document = TextDocument.update(document, changes, document.version + 1);
        log.record(document.version, changes);
    }
    return { text: document.getText(), log };
}

/** Where `word` (the first one found) starts in `text`. */
function whereIs(text: string, word: string): LogPosition {
    const document = TextDocument.create('file:///x.journey', 'journey', 0, text);
    const offset = text.indexOf(word);
    expect(offset).toBeGreaterThanOrEqual(0);
    return document.positionAt(offset);
}

describe('a range of an older version, carried to the text of now', () => {
    test('each position lands on the same text after insertions, deletions and replacements, checked on a real text', () => {
        const original = 'journey j "J"\n  stage a "A"\n    touchpoint calls "Calls"\n      emotion 2\n';
        const { text, log } = edited(original, [
            [change(at(0, 0), at(0, 0), '// one line above\n// and another\n')],
            [change(at(3, 2), at(3, 7), 'phase')],
            [change(at(0, 0), at(1, 0), '')],
            [change(at(2, 4), at(2, 4), 'X\nY '), change(at(0, 3), at(0, 3), ' well')],
        ]);
        for (const word of ['touchpoint calls', 'emotion 2', '"Calls"']) {
            const from = whereIs(original, word);
            const to = whereIs(text, word);
            expect(log.carry({ start: from, end: from }, 1)).toEqual({ start: to, end: to });
        }
        // From a version in between, too.
        expect(log.carry({ start: at(4, 4), end: at(4, 20) }, 3)?.start).toEqual(whereIs(text, 'touchpoint calls'));
    });

    test('text typed just before a position pushes it; a replacement that starts there leaves it; one around it takes it to its start', () => {
        expect(positionAfter(at(2, 4), change(at(2, 4), at(2, 4), 'ab'))).toEqual(at(2, 6));
        expect(positionAfter(at(2, 4), change(at(2, 4), at(2, 9), 'ab'))).toEqual(at(2, 4));
        expect(positionAfter(at(2, 6), change(at(2, 4), at(3, 1), 'ab'))).toEqual(at(2, 4));
        expect(positionAfter(at(1, 9), change(at(2, 0), at(5, 0), ''))).toEqual(at(1, 9));
        expect(positionAfter(at(7, 3), change(at(2, 0), at(5, 0), ''))).toEqual(at(4, 3));
        expect(positionAfter(at(5, 3), change(at(2, 1), at(5, 1), 'a\r\nbc'))).toEqual(at(3, 4));
    });

    test('text typed right after a range stays out of it; right before it, it moves the whole range', () => {
        const log = new EditLog();
        log.record(2, [change(at(3, 9), at(3, 9), ' more')]);
        log.record(3, [change(at(3, 2), at(3, 2), '>>')]);
        expect(log.carry({ start: at(3, 2), end: at(3, 9) }, 1)).toEqual({ start: at(3, 4), end: at(3, 11) });
        expect(log.carry({ start: at(3, 2), end: at(3, 2) }, 2)).toEqual({ start: at(3, 4), end: at(3, 4) });
        expect(positionAfter(at(3, 9), change(at(3, 9), at(3, 9), 'x'), 'stays')).toEqual(at(3, 9));
    });

    test('a version the log no longer reaches gives nothing; the version of now gives the range as it is', () => {
        const log = new EditLog();
        for (let version = 2; version <= LAST; version++) log.record(version, [change(at(0, 0), at(0, 0), '\n')]);
        const range = { start: at(3, 0), end: at(3, 5), uri: 'file:///x.journey' };
        expect(log.carry(range, 5)).toBeUndefined();
        expect(log.carry(range, LAST)).toBe(range);
        expect(log.carry(range, LAST - 2)).toEqual({ start: at(5, 0), end: at(5, 5), uri: 'file:///x.journey' });
        log.clear();
        expect(log.carry(range, 5)).toBe(range);
    });

    test('a document opened again (its versions from 1 again) starts a new log', () => {
        const log = new EditLog();
        for (let version = 2; version <= 9; version++) log.record(version, [change(at(0, 0), at(0, 0), '\n')]);
        log.record(2, [change(at(0, 0), at(0, 0), '// a\n')]);
        const range = { start: at(3, 0), end: at(3, 4) };
        // Only the new numbering's edit is replayed from version 1, none of the old ones.
        expect(log.carry(range, 1)).toEqual({ start: at(4, 0), end: at(4, 4) });
        expect(log.carry(range, 0)).toBeUndefined();
    });
});

describe('the cursor of now, carried back to the text a picture was drawn from', () => {
    test('each line lands on the same text in the older version, checked on a real text', () => {
        const original = 'journey j "J"\n  stage a "A"\n    touchpoint calls "Calls"\n      emotion 2\n    touchpoint books "Books"\n';
        const { text, log } = edited(original, [
            [change(at(0, 0), at(0, 0), '// one line above\n// and another\n')],
            [change(at(5, 6), at(5, 13), 'mood')],
            [change(at(0, 0), at(1, 0), '')],
            [change(at(2, 4), at(2, 4), 'X\nY '), change(at(0, 3), at(0, 3), ' well')],
        ]);
        for (const word of ['touchpoint calls', '"Calls"', ' 2\n', 'touchpoint books']) {
            expect(log.carryBack(whereIs(text, word), 1)).toEqual(whereIs(original, word));
        }
        // The line of a comment typed since: where it was typed (the top of the map).
        expect(log.carryBack(at(0, 0), 1)).toEqual(at(0, 0));
        // To a version in between, and to the version of now.
        expect(log.carryBack(whereIs(text, 'touchpoint books'), 4)).toEqual(at(5, 4));
        expect(log.carryBack(at(3, 1), 5)).toEqual(at(3, 1));
    });

    test('changes of one event are undone last first (each is read in the text the one before made)', () => {
        const original = 'a\nb\nc\nd\n';
        const changes = [change(at(0, 0), at(0, 0), 'new\nlines\n'), change(at(4, 0), at(4, 0), 'X')];
        const after = TextDocument.update(TextDocument.create('file:///x.journey', 'journey', 1, original), changes, 2).getText();
        expect(after).toBe('new\nlines\na\nb\nXc\nd\n');
        const log = new EditLog();
        log.record(2, changes);
        expect(log.carryBack(whereIs(after, 'd'), 1)).toEqual(whereIs(original, 'd'));
        expect(log.carryBack(whereIs(after, 'c'), 1)).toEqual(whereIs(original, 'c'));
        expect(log.carry({ start: whereIs(original, 'd'), end: whereIs(original, 'd') }, 1)?.start).toEqual(whereIs(after, 'd'));
    });

    test('a line deleted leaves the cursor on the line that followed it; a document opened again forgets the old edits', () => {
        const log = new EditLog();
        log.record(2, [change(at(4, 0), at(5, 0), '')]);
        expect(log.carryBack(at(4, 0), 1)).toEqual(at(5, 0));
        expect(log.carryBack(at(3, 7), 1)).toEqual(at(3, 7));
        log.seen(2);
        expect(log.carryBack(at(4, 0), 1)).toEqual(at(5, 0));
        // Versions from 1 again: the old numbering's edits would carry the cursor five lines off.
        log.seen(1);
        expect(log.carryBack(at(4, 0), 1)).toEqual(at(4, 0));
    });

    test('text typed since goes to where it was typed; a log that does not reach back gives nothing', () => {
        expect(positionBefore(at(3, 2), change(at(2, 4), at(2, 4), 'a\nbcd'))).toEqual(at(2, 4));
        expect(positionBefore(at(3, 3), change(at(2, 4), at(2, 9), 'a\nbcd'))).toEqual(at(2, 9));
        expect(positionBefore(at(6, 1), change(at(2, 4), at(2, 9), 'a\nbcd'))).toEqual(at(5, 1));
        expect(positionBefore(at(2, 4), change(at(2, 4), at(2, 4), 'x'))).toEqual(at(2, 4));
        const log = new EditLog();
        for (let version = 2; version <= LAST; version++) log.record(version, [change(at(0, 0), at(0, 0), '\n')]);
        expect(log.carryBack(at(9, 0), 5)).toBeUndefined();
        expect(log.carryBack(at(9, 0), LAST - 3)).toEqual(at(6, 0));
    });

    test('for any text and edits, a position outside the edited text goes forward and back to itself (fast-check)', () => {
        const text = fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\r\n', 'é'), { maxLength: 40 }).map((parts) => parts.join(''));
        fc.assert(fc.property(text, fc.array(fc.tuple(fc.nat(), fc.nat(), text), { minLength: 1, maxLength: 4 }), fc.nat(), (original, edits, pick) => {
            let document = TextDocument.create('file:///x.journey', 'journey', 1, original);
            const log = new EditLog();
            // Editors never put a position between the two characters of a CRLF line break.
            const insideCrlf = (text: string, offset: number) => text[offset - 1] === '\r' && text[offset] === '\n';
            const trackedOffset = pick % (original.length + 1);
            if (insideCrlf(original, trackedOffset)) return;
            let tracked: LogPosition | undefined = document.positionAt(trackedOffset);
            const start = tracked;
            for (const [a, b, inserted] of edits) {
                const length = document.getText().length;
                const [from, to] = [a % (length + 1), b % (length + 1)].sort((x, y) => x - y);
                if (insideCrlf(document.getText(), from) || insideCrlf(document.getText(), to)) continue;
                const edit = change(document.positionAt(from), document.positionAt(to), inserted);
                // A position inside the replaced text has no place of its own after the edit; nor has the start of
                // deleted text, which meets its end (that end is where the way back goes: the text there now).
                const offset = tracked ? document.offsetAt(tracked) : -1;
                if ((offset > from && offset < to) || (offset === from && from < to && inserted === '')) tracked = undefined;
                if (tracked) tracked = positionAfter(tracked, edit);
                document = TextDocument.update(document, [edit], document.version + 1);
                log.record(document.version, [edit]);
            }
            if (tracked) expect(log.carryBack(tracked, 1)).toEqual(start);
        }), { numRuns: 500 });
    });
});

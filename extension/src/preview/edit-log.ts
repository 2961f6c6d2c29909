/**
 * The edits made to a document since a version, to carry a range of that version to the text of
 * now, and a position of now back to that version. A picture in the preview stands for the version
 * it was drawn from; while the next version is on its way (the update delay, the server's answer,
 * a map with errors), a click on it must still select the element's line in the text as it is
 * now, and the editor's cursor must outline the element written where the cursor is now.
 */

export interface LogPosition { line: number; character: number }
export interface LogRange { start: LogPosition; end: LogPosition }

/** One change of a document, as VS Code reports it (`TextDocumentContentChangeEvent`). */
export interface LogChange { range: LogRange; text: string }

/**
 * How many versions back the log reaches. The picture stays at the last version without errors
 * while the map has some, which can be many keystrokes; each version holds only its changes.
 */
export const KEPT_VERSIONS = 2000;

export class EditLog {
    /** The changes that made each version from the one before, oldest first. */
    private readonly versions: { version: number; changes: readonly LogChange[] }[] = [];

    /** Notes the changes that made `version` (in the order VS Code applied them). */
    record(version: number, changes: readonly LogChange[]): void {
        // A version not above the last one: the document was closed and opened again (numbered from 1 again).
        const last = this.versions[this.versions.length - 1];
        if (last && version <= last.version) this.clear();
        this.versions.push({ version, changes });
        if (this.versions.length > KEPT_VERSIONS) this.versions.splice(0, this.versions.length - KEPT_VERSIONS);
    }

    /** Forgets every change (another document, or a document read again from disk). */
    clear(): void {
        this.versions.length = 0;
    }

    /**
     * Notes the document's version of now: one below the last recorded means the document was
     * closed and opened again (numbered from 1 again), and the changes recorded belong to the old
     * numbering, which is forgotten.
     */
    seen(version: number): void {
        const last = this.versions[this.versions.length - 1];
        if (last && version < last.version) this.clear();
    }

    /**
     * `range`, read in version `from`, in the text of the last recorded version. A range inside text
     * an edit replaced shrinks to where that text was. Undefined when the log does not reach back
     * to `from` (the caller then has nothing better than the range as it is).
     */
    carry<R extends LogRange>(range: R, from: number): R | undefined {
        const first = this.versions[0];
        if (first === undefined || from >= this.versions[this.versions.length - 1]!.version) return range;
        if (from < first.version - 1) return undefined;
        let start = range.start;
        let end = range.end;
        for (const { version, changes } of this.versions) {
            if (version <= from) continue;
            for (const change of changes) {
                // Text typed right after the range is not part of it (an empty range moves whole).
                const empty = equal(start, end);
                start = positionAfter(start, change);
                end = empty ? start : positionAfter(end, change, 'stays');
            }
        }
        return { ...range, start, end };
    }

    /**
     * `position`, read in the text of the last recorded version, in the text of version `to` (the
     * version a picture was drawn from: the editor's cursor is then read where that picture's
     * elements are written). A position in text typed since goes to where that text was typed.
     * Undefined when the log does not reach back to `to`.
     */
    carryBack(position: LogPosition, to: number): LogPosition | undefined {
        const first = this.versions[0];
        if (first === undefined || to >= this.versions[this.versions.length - 1]!.version) return position;
        if (to < first.version - 1) return undefined;
        let at = position;
        for (let i = this.versions.length - 1; i >= 0 && this.versions[i]!.version > to; i--) {
            const changes = this.versions[i]!.changes;
            for (let j = changes.length - 1; j >= 0; j--) at = positionBefore(at, changes[j]!);
        }
        return at;
    }
}

/**
 * Where `position`, read in the text after `change`, was before it: moved back by the text the
 * change added or removed before it; in the text the change put there, at the change's start
 * (that text did not exist before). Right where text was deleted, after it (the text there now
 * is what followed the deleted text: a line deleted leaves the cursor on the next one).
 */
export function positionBefore(position: LogPosition, change: LogChange): LogPosition {
    const { start, end } = change.range;
    if (before(position, start)) return position;
    const changeEnd = endOf(change);
    if (before(position, changeEnd)) return start;
    if (position.line === changeEnd.line) return { line: end.line, character: end.character + position.character - changeEnd.character };
    return { line: position.line - changeEnd.line + end.line, character: position.character };
}

/** Where the text a change put in ends, in the text after it. */
function endOf(change: LogChange): LogPosition {
    const { start } = change.range;
    const lines = change.text.split(/\r\n|\r|\n/);
    const last = lines[lines.length - 1]!.length;
    return lines.length === 1 ? { line: start.line, character: start.character + last } : { line: start.line + lines.length - 1, character: last };
}

/**
 * Where `position` is after `change`: moved by the text added or removed before it, or at the
 * change's start when the change replaced the text around it. Text inserted right at the
 * position goes before it (`moves`, a range's start) or after it (`stays`, a range's end).
 */
export function positionAfter(position: LogPosition, change: LogChange, atInsertion: 'moves' | 'stays' = 'moves'): LogPosition {
    const { start, end } = change.range;
    // A replacement starting at the position leaves it.
    if (before(position, start) || (equal(position, start) && (!equal(start, end) || atInsertion === 'stays'))) return position;
    const changeEnd = endOf(change);
    if (before(position, end)) return start;
    if (position.line === end.line) return { line: changeEnd.line, character: changeEnd.character + position.character - end.character };
    return { line: position.line + changeEnd.line - end.line, character: position.character };
}

function before(a: LogPosition, b: LogPosition): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function equal(a: LogPosition, b: LogPosition): boolean {
    return a.line === b.line && a.character === b.character;
}

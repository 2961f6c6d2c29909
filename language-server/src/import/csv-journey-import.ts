/**
 * Reads a journey from a table (CSV as spreadsheets write it): one row per touchpoint, with the
 * columns of `model/csv-columns.ts`. Headers match without regard to case; the separator is the
 * comma, semicolon or tab the header line uses; a byte-order mark is dropped; quoted cells may
 * hold line breaks; a cell of several pains (personas, channels, gains…) has one per line.
 *
 * Rows build the map in order: a stage is created by the first row that names it (an empty
 * stage cell continues the stage of the row above, as under merged cells); a row that names a
 * stage and no touchpoint declares a stage without touchpoints. Personas, channels and teams
 * are declared once, from their labels (or the `… id` columns when present). Any cell that
 * cannot be read is a problem with its row and column: nothing is imported then.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { columnOfHeader, MULTI_VALUE_COLUMNS, type CsvColumn } from '../model/csv-columns.js';
import { emptyTouchpoint, type ImportedElement, type ImportedJourney, type ImportedStage } from './imported-journey.js';
import { IdAllocator, isValidId } from './import-ids.js';
import type { ImportProblem, ImportResult } from './import-problem.js';

/** The three separators spreadsheets write. */
const SEPARATORS = [',', ';', '\t'] as const;

/** One data row: its cells by column, and where it is. */
interface Row {
    cells: Map<CsvColumn, string>;
    /** The spreadsheet's row number (the header is row 1). */
    number: number;
    /** The 1-based line of the file where the row starts. */
    line: number;
}

/** Reads a CSV text into a journey named `name` (its label; the id is derived from it). */
export function importCsvJourney(text: string, name: { id?: string; label?: string }): ImportResult<ImportedJourney> {
    // One kind of line break (spreadsheets write CRLF, and some a mix): lines are then counted as editors count them.
    const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const separator = separatorOf(body);
    let records: Array<{ record: string[]; info: { lines: number; empty_lines: number } }>;
    try {
        records = parse(body, { delimiter: separator, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
    } catch (error) {
        if (error instanceof CsvError) {
            const open = error.code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuote(body, separator) : undefined;
            if (open) return { ok: false, problems: [{ ...open, message: 'this quote opens a cell that is never closed: close it with a quote (a quote inside a cell is written twice: ""), or remove it.' }] };
            const line = Number((error as unknown as { lines?: number }).lines) || 1;
            return { ok: false, problems: [{ line, column: 1, message: `this is not a CSV file a spreadsheet would write: ${error.message.replace(/^[^:]*: /, '')}.` }] };
        }
        throw error;
    }
    if (records.length === 0) return { ok: false, problems: [{ line: 1, column: 1, message: 'the file is empty: the first row names the columns (stage, touchpoint, emotion…), each row after it is a touchpoint.' }] };

    const problems: ImportProblem[] = [];
    const header = records[0].record;
    const columns: Array<CsvColumn | undefined> = [];
    header.forEach((title, index) => {
        const column = columnOfHeader(title);
        if (title.trim() === '') {
            columns.push(undefined);
        } else if (!column) {
            problems.push({ line: 1, column: index + 1, message: `column ${letter(index)} is named '${title.trim()}', which the import does not read. Rename it to one of stage, touchpoint, channel, owner, persona, emotion, expected, pain, gain, opportunity, reach, description, moment of truth, backstage (or their … id), or remove it.` });
            columns.push(undefined);
        } else if (columns.includes(column)) {
            problems.push({ line: 1, column: index + 1, message: `column ${letter(index)} ('${title.trim()}') is the ${column} column a second time (column ${letter(columns.indexOf(column))} already is). Keep one.` });
            columns.push(undefined);
        } else {
            columns.push(column);
        }
    });
    const has = (column: CsvColumn) => columns.includes(column);
    if (!has('touchpoint') && !has('touchpoint id')) problems.push({ line: 1, column: 1, message: 'no touchpoint column: the first row names the columns, and one of them must be touchpoint.' });
    if (!has('stage') && !has('stage id')) problems.push({ line: 1, column: 1, message: 'no stage column: the first row names the columns, and one of them must be stage.' });
    if (problems.length > 0) return { ok: false, problems };

    const rows: Row[] = [];
    let previousEnd = records[0].info.lines;
    let previousEmpty = records[0].info.empty_lines;
    records.slice(1).forEach(({ record, info }, index) => {
        const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
        previousEnd = info.lines;
        previousEmpty = info.empty_lines;
        const cells = new Map<CsvColumn, string>();
        record.forEach((cell, column) => {
            const name = columns[column];
            if (name) cells.set(name, cell);
            else if (cell.trim() !== '') problems.push({ line, column: 1, message: `row ${index + 2}, column ${letter(column)}: this cell has no column name in the first row, so the import cannot tell what it is ('${cell.trim()}'). Name the column or empty the cell.` });
        });
        if ([...cells.values()].every((cell) => cell.trim() === '')) return;
        rows.push({ cells, number: index + 2, line });
    });
    if (problems.length > 0) return { ok: false, problems };
    if (rows.length === 0) {
        return { ok: false, problems: [{ line: 2, column: 1, message: 'the table has no rows under its header: each row after the first is a touchpoint (or a stage of its own).' }] };
    }
    return new JourneyTable(columns, name).read(rows);
}

/** Turns the rows into a journey, collecting a problem for every cell that cannot be read. */
class JourneyTable {
    private readonly problems: ImportProblem[] = [];
    private readonly flowIds = new IdAllocator();
    private readonly stages: ImportedStage[] = [];
    private readonly people = new ElementScope('persona');
    private readonly channels = new ElementScope('channel');
    private readonly teams = new ElementScope('team');

    constructor(private readonly columns: Array<CsvColumn | undefined>, private readonly name: { id?: string; label?: string }) {}

    read(rows: Row[]): ImportResult<ImportedJourney> {
        this.claimExplicitIds(rows);
        let current: ImportedStage | undefined;
        for (const row of rows) {
            current = this.stageOf(row, current);
            if (!current) continue;
            this.readTouchpoint(row, current);
        }
        if (this.problems.length > 0) return { ok: false, problems: this.problems.sort((a, b) => a.line - b.line || a.column - b.column) };
        const label = this.name.label?.trim() || undefined;
        const id = this.name.id ?? new IdAllocator().allocate(label ?? 'journey', 'journey');
        return {
            ok: true,
            value: { id, label, personas: this.people.elements(), channels: this.channels.elements(), teams: this.teams.elements(), stages: this.stages },
        };
    }

    /** Explicit stage and touchpoint ids are taken first, so an id derived from a label never takes one of them. */
    private claimExplicitIds(rows: Row[]): void {
        const stageIds = new Map<string, number>();
        const touchpointIds = new Map<string, number>();
        for (const row of rows) {
            const stage = this.single(row, 'stage id');
            const touchpoint = this.single(row, 'touchpoint id');
            if (stage !== undefined && this.validId(row, 'stage id', stage) && !stageIds.has(stage)) {
                if (touchpointIds.has(stage)) this.problem(row, 'stage id', `'${stage}' is already the id of a touchpoint (row ${touchpointIds.get(stage)}): stages and touchpoints need different ids.`);
                stageIds.set(stage, row.number);
                this.flowIds.claim(stage);
            }
            if (touchpoint !== undefined && this.validId(row, 'touchpoint id', touchpoint)) {
                const other = touchpointIds.get(touchpoint) ?? stageIds.get(touchpoint);
                if (other !== undefined) this.problem(row, 'touchpoint id', `'${touchpoint}' is already the id of the ${touchpointIds.has(touchpoint) ? 'touchpoint' : 'stage'} of row ${other}: each touchpoint needs its own id.`);
                touchpointIds.set(touchpoint, row.number);
                this.flowIds.claim(touchpoint);
            }
        }
    }

    /** The stage a row belongs to (created when it first appears), or undefined with a problem. */
    private stageOf(row: Row, current: ImportedStage | undefined): ImportedStage | undefined {
        const id = this.single(row, 'stage id');
        const label = this.single(row, 'stage');
        if (id === undefined && label === undefined) {
            if (!current) this.problem(row, 'stage', 'this row has no stage, and there is no row above it to take the stage from. Write the stage\'s name.');
            return current;
        }
        const found = id !== undefined ? this.stages.find((stage) => stage.id === id) : this.stages.find((stage) => stage.label === label || (stage.label === undefined && stage.id === label));
        if (found) {
            if (id !== undefined && label !== undefined && found.label !== label) {
                this.problem(row, 'stage', `the stage '${id}' is named '${found.label ?? id}' on an earlier row but '${label}' here. Use one name, or another stage id.`);
            }
            return found;
        }
        if (id !== undefined && !isValidId(id)) return undefined;
        const stage: ImportedStage = { id: id ?? this.flowIds.allocate(label!, 'stage'), label, touchpoints: [] };
        this.stages.push(stage);
        return stage;
    }

    private readTouchpoint(row: Row, stage: ImportedStage): void {
        const id = this.single(row, 'touchpoint id');
        const label = this.single(row, 'touchpoint');
        if (id === undefined && label === undefined) {
            const other = [...row.cells.entries()].find(([column, cell]) => !['stage', 'stage id'].includes(column) && cell.trim() !== '');
            if (other) this.problem(row, 'touchpoint', `this row has a ${other[0]} but no touchpoint. Write the touchpoint's name (a row with only a stage declares a stage without touchpoints).`);
            return;
        }
        if (id !== undefined && !isValidId(id)) return;
        const touchpoint = emptyTouchpoint(id ?? this.flowIds.allocate(label!, 'touchpoint'), label);
        touchpoint.description = this.single(row, 'description');
        touchpoint.personas = this.references(row, 'persona', 'persona id', this.people);
        touchpoint.channels = this.references(row, 'channel', 'channel id', this.channels);
        touchpoint.owner = this.references(row, 'owner', 'owner id', this.teams)[0];
        touchpoint.emotion = this.score(row, 'emotion');
        touchpoint.expected = this.score(row, 'expected');
        touchpoint.pains = this.values(row, 'pain');
        touchpoint.gains = this.values(row, 'gain');
        touchpoint.opportunities = this.values(row, 'opportunity');
        touchpoint.backstage = this.values(row, 'backstage');
        touchpoint.reach = this.reach(row);
        touchpoint.momentOfTruth = this.flag(row, 'moment of truth');
        stage.touchpoints.push(touchpoint);
    }

    /** The ids of the personas, channels or teams a row names (by label, by id, or both side by side). */
    private references(row: Row, labelColumn: CsvColumn, idColumn: CsvColumn, scope: ElementScope): string[] {
        if (!MULTI_VALUE_COLUMNS.has(labelColumn)) {
            // One value (the owner): the whole cell is its label, line breaks included.
            const id = this.single(row, idColumn);
            const label = this.single(row, labelColumn);
            if (id === undefined && label === undefined) return [];
            if (id !== undefined && !this.validId(row, idColumn, id)) return [];
            const element = scope.resolve(id, label);
            if (typeof element === 'string') this.problem(row, labelColumn, element);
            return typeof element === 'string' ? [] : [element.id];
        }
        const ids = this.values(row, idColumn);
        // Beside ids, a label cell has one line per id (an empty line: that element has no label).
        const cell = row.cells.get(labelColumn) ?? '';
        const labels = ids.length > 0 && cell.trim() !== '' ? cell.split(/\r\n|\r|\n/).map((line) => line.trim() || undefined) : this.values(row, labelColumn);
        if (labels.length > 0 && ids.length > 0 && labels.length !== ids.length) {
            this.problem(row, idColumn, `${ids.length} ${idColumn}s for ${labels.length} ${labelColumn}s in the ${labelColumn} column: write one id per line for each, in the same order.`);
            return [];
        }
        const result: string[] = [];
        for (let index = 0; index < Math.max(labels.length, ids.length); index++) {
            const id = ids[index];
            if (id !== undefined && !this.validId(row, idColumn, id)) continue;
            const element = scope.resolve(id, labels[index]);
            if (typeof element === 'string') this.problem(row, labelColumn, element);
            else if (!result.includes(element.id)) result.push(element.id);
        }
        return result;
    }

    private score(row: Row, column: 'emotion' | 'expected'): number | undefined {
        const text = this.single(row, column);
        if (text === undefined) return undefined;
        if (/^[1-5](?:[.,]0+)?$/.test(text)) return Number(text[0]);
        this.problem(row, column, `'${text}' is not a score: write a whole number from 1 (angry) to 5 (delighted), or leave the cell empty.`);
        return undefined;
    }

    private reach(row: Row): number | undefined {
        const text = this.single(row, 'reach');
        if (text === undefined) return undefined;
        const digits = text.replace(/[\s\u00a0\u202f]/g, '');
        if (/^\d+$/.test(digits)) return Number(digits);
        this.problem(row, 'reach', `'${text}' is not a number of customers: write a whole number such as 1200, or leave the cell empty.`);
        return undefined;
    }

    private flag(row: Row, column: CsvColumn): boolean {
        const text = this.single(row, column)?.toLowerCase();
        if (text === undefined || ['no', 'n', 'false', '0', 'non'].includes(text)) return false;
        if (['yes', 'y', 'true', '1', 'x', '✓', '✔', 'oui'].includes(text)) return true;
        this.problem(row, column, `'${text}' is neither yes nor no: write yes (or x) for a moment of truth, or leave the cell empty.`);
        return false;
    }

    /** A one-value cell, trimmed; undefined when empty. */
    private single(row: Row, column: CsvColumn): string | undefined {
        const text = row.cells.get(column)?.trim();
        return text ? text : undefined;
    }

    /** A cell's values: one per line for a several-value column, else the whole cell; empty lines dropped. */
    private values(row: Row, column: CsvColumn): string[] {
        const cell = row.cells.get(column) ?? '';
        const parts = MULTI_VALUE_COLUMNS.has(column) ? cell.split(/\r\n|\r|\n/) : [cell];
        return parts.map((part) => part.trim()).filter((part) => part !== '');
    }

    private validId(row: Row, column: CsvColumn, id: string): boolean {
        if (isValidId(id)) return true;
        this.problem(row, column, `'${id}' cannot be an id: ids are letters, digits, _ and inner -, start with a letter or _, and are not a keyword of the language. Fix it, or empty the cell to derive the id from the name.`);
        return false;
    }

    private problem(row: Row, column: CsvColumn, message: string): void {
        const index = this.columns.indexOf(column);
        this.problems.push({ line: row.line, column: 1, message: `row ${row.number}, column ${index >= 0 ? letter(index) : '?'} (${column}): ${message}` });
    }
}

/** The personas (channels, teams) the rows name, each declared once, by id or by label. */
class ElementScope {
    private readonly ids = new IdAllocator();
    private readonly byId = new Map<string, ImportedElement>();

    constructor(private readonly kind: string) {}

    /** The element for an id and/or a label, declared when first named; a string says why not. */
    resolve(id: string | undefined, label: string | undefined): ImportedElement | string {
        if (id !== undefined) {
            const known = this.byId.get(id);
            if (known) {
                if (label !== undefined && known.label !== undefined && known.label !== label) {
                    return `the ${this.kind} '${id}' is named '${known.label}' on an earlier row but '${label}' here. Use one name, or another id.`;
                }
                if (label !== undefined) known.label = label;
                return known;
            }
            return this.declare({ id, label });
        }
        const same = [...this.byId.values()].find((element) => element.label === label || (element.label === undefined && element.id === label));
        return same ?? this.declare({ id: this.ids.allocate(label!, this.kind), label });
    }

    elements(): ImportedElement[] {
        return [...this.byId.values()];
    }

    private declare(element: ImportedElement): ImportedElement {
        this.ids.claim(element.id);
        this.byId.set(element.id, element);
        return element;
    }
}

/** The separator the header line uses most: comma, semicolon or tab (outside quotes). */
function separatorOf(text: string): string {
    const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]));
    let quoted = false;
    for (const character of text) {
        if (character === '"') quoted = !quoted;
        else if (!quoted && (character === '\n' || character === '\r')) break;
        else if (!quoted && counts.has(character)) counts.set(character, counts.get(character)! + 1);
    }
    return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** The spreadsheet letter of a 0-based column index (A, B, …, Z, AA…). */
function letter(index: number): string {
    let result = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) result = String.fromCharCode(65 + ((n - 1) % 26)) + result;
    return result;
}

/** Where the quote that opens a cell never closed stands (1-based line and column), if one does. */
function unclosedQuote(body: string, separator: string): { line: number; column: number } | undefined {
    let open: number | undefined;
    let cellStart = true;
    for (let i = 0; i < body.length; i++) {
        const character = body[i];
        if (open !== undefined) {
            if (character !== '"') continue;
            if (body[i + 1] === '"') i++;
            else {
                open = undefined;
                cellStart = false;
            }
        } else if (character === '"' && cellStart) {
            open = i;
        } else {
            cellStart = character === separator || character === '\n';
        }
    }
    if (open === undefined) return undefined;
    const before = body.slice(0, open).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
}

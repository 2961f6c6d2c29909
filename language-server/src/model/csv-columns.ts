/**
 * The columns of a journey as a table (one row per touchpoint), shared by `journey export
 * --format csv` and `journey import`: the headers the export writes, in its order, and the
 * other names the import accepts for them (matched without regard to case, spaces, `_` or `-`).
 */

/** What a column holds. */
export type CsvColumn =
    | 'stage' | 'touchpoint' | 'channel' | 'owner' | 'persona' | 'emotion' | 'expected'
    | 'pain' | 'gain' | 'opportunity' | 'reach' | 'description' | 'moment of truth' | 'backstage'
    | 'stage id' | 'touchpoint id' | 'channel id' | 'owner id' | 'persona id';

/** The columns in the order the export writes them: what people read first, the ids last. */
export const CSV_COLUMNS: readonly CsvColumn[] = [
    'stage', 'touchpoint', 'channel', 'owner', 'persona', 'emotion', 'expected',
    'pain', 'gain', 'opportunity', 'reach', 'description', 'moment of truth', 'backstage',
    'stage id', 'touchpoint id', 'channel id', 'owner id', 'persona id',
];

/** Columns whose cell may hold several values, one per line. */
export const MULTI_VALUE_COLUMNS: ReadonlySet<CsvColumn> = new Set(['channel', 'persona', 'pain', 'gain', 'opportunity', 'backstage', 'channel id', 'persona id']);

/** Other header names the import understands (after normalising: lower case, single spaces). */
const ALIASES: Record<string, CsvColumn> = {
    stages: 'stage', phase: 'stage', step: 'touchpoint', touchpoints: 'touchpoint', 'touch point': 'touchpoint',
    channels: 'channel', team: 'owner', 'owner team': 'owner', personas: 'persona', actor: 'persona', actors: 'persona',
    score: 'emotion', emotions: 'emotion', 'expected score': 'expected', pains: 'pain', 'pain point': 'pain', 'pain points': 'pain',
    gains: 'gain', opportunities: 'opportunity', 'moments of truth': 'moment of truth', 'backstage notes': 'backstage',
    'team id': 'owner id', 'stage ids': 'stage id',
};

/** The column a header names, or undefined when the import does not know it. */
export function columnOfHeader(header: string): CsvColumn | undefined {
    const name = header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_-]+/g, ' ');
    if ((CSV_COLUMNS as readonly string[]).includes(name)) return name as CsvColumn;
    return ALIASES[name];
}

/** What an importer reports about input it cannot read: where (1-based line and column of the input file) and why. */

/** One problem of the input, at a position of the input file. */
export interface ImportProblem {
    /** 1-based line of the input file. */
    line: number;
    /** 1-based column (in characters) of that line. */
    column: number;
    message: string;
}

/** What an importer gives: the journeys it read, or the problems that stop it (then nothing is written). */
export type ImportResult<T> = { ok: true; value: T } | { ok: false; problems: ImportProblem[] };

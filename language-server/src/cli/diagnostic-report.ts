/** The diagnostics `journey check` reports, as every output format (text, GitHub, SARIF) reads them. */

/** Severity names, as printed (LSP severities 1..4). */
export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

/** One diagnostic of one file, with 1-based positions (columns count UTF-16 code units, as in LSP and VS Code). */
export interface FileDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: SeverityName;
    /** The rule's code (e.g. `parsing-error`, `linking-error`), or null. */
    code: string | null;
    message: string;
    source: string;
}

/** Everything a formatter may need: the diagnostics (sorted by file then position) and the files checked. */
export interface DiagnosticReport {
    diagnostics: FileDiagnostic[];
    /** Display paths of every file checked, in order. */
    files: string[];
    /** Whether ANSI colours may be used (stdout is a terminal and NO_COLOR is not set). */
    color: boolean;
}

/** Turns a report into the text written to stdout (empty string for nothing). */
export type DiagnosticFormatter = (report: DiagnosticReport) => string;

/**
 * How `journey check` prints diagnostics: a table of formatters keyed by format name.
 * To add a format (e.g. `github`, `sarif`), add one entry to `diagnosticFormats`; the
 * `--format` option lists the keys of this table.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { RequestedFile } from './workspace.js';
import { diagnosticsOf } from './workspace.js';
import { formatGithub } from './format-github.js';
import { formatSarif } from './format-sarif.js';
import { paint, type Style } from './terminal.js';
import type { DiagnosticFormatter, DiagnosticReport, FileDiagnostic, SeverityName } from './diagnostic-report.js';

export type { DiagnosticFormatter, DiagnosticReport, FileDiagnostic, SeverityName } from './diagnostic-report.js';

/** The output formats of `journey check --format <name>`. */
export const diagnosticFormats: Record<string, DiagnosticFormatter> = {
    text: formatText,
    json: (report) => JSON.stringify(report.diagnostics, undefined, 2) + '\n',
    github: formatGithub,
    sarif: formatSarif,
};

const SEVERITIES: SeverityName[] = ['error', 'warning', 'info', 'hint'];
const SEVERITY_STYLE: Record<SeverityName, Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'dim' };

/** `file:line:col severity message [code]`, one line per diagnostic. */
function formatText(report: DiagnosticReport): string {
    return report.diagnostics
        .map((d) => {
            const where = paint(report.color, 'bold', `${d.file}:${d.line}:${d.column}`);
            const code = d.code ? ' ' + paint(report.color, 'dim', `[${d.code}]`) : '';
            return `${where} ${paint(report.color, SEVERITY_STYLE[d.severity], d.severity)} ${oneLine(d.message)}${code}\n`;
        })
        .join('');
}

/** The diagnostics of the requested files, flattened and sorted by file then position. */
export function collectDiagnostics(files: RequestedFile[]): FileDiagnostic[] {
    return files
        .flatMap((file) => diagnosticsOf(file).map((diagnostic) => toFileDiagnostic(file.displayPath, diagnostic)))
        .sort(compareDiagnostics);
}

/** A language-server diagnostic as the CLI prints it. */
export function toFileDiagnostic(file: string, diagnostic: Diagnostic): FileDiagnostic {
    const { start, end } = diagnostic.range;
    const code = diagnostic.code ?? (diagnostic.data as { code?: unknown } | undefined)?.code;
    return {
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity: SEVERITIES[(diagnostic.severity ?? 1) - 1] ?? 'error',
        code: code === undefined || code === null ? null : String(code),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
        source: diagnostic.source ?? 'journey',
    };
}

function compareDiagnostics(a: FileDiagnostic, b: FileDiagnostic): number {
    return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column
        || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity);
}

/** The closing summary: "2 errors, 1 warning in 1 of 3 files" or "3 files checked, no problems". */
export function summaryLine(diagnostics: FileDiagnostic[], fileCount: number): string {
    const files = plural(fileCount, 'file');
    if (diagnostics.length === 0) {
        return `${files} checked, no problems`;
    }
    const counts = SEVERITIES.map((severity) => [severity, diagnostics.filter((d) => d.severity === severity).length] as const)
        .filter(([, count]) => count > 0)
        .map(([severity, count]) => plural(count, severity));
    const withProblems = new Set(diagnostics.map((d) => d.file)).size;
    return `${counts.join(', ')} in ${withProblems === fileCount ? files : `${withProblems} of ${files}`}`;
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Keeps a message on one line and makes control characters visible (a lexer error may quote a NUL or an escape). */
export function oneLine(message: string): string {
    return message
        .replace(/\r\n|\r|\n/g, ' ')
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

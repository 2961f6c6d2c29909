/**
 * `journey check --format github`: GitHub Actions workflow commands, which GitHub shows as
 * annotations on the lines of the pull request (`::error file=…,line=…,col=…::message`).
 */
import type { DiagnosticReport, FileDiagnostic, SeverityName } from './diagnostic-report.js';

/** GitHub's annotation levels for our severities. */
const LEVELS: Record<SeverityName, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** One workflow command per diagnostic. */
export function formatGithub(report: DiagnosticReport): string {
    return report.diagnostics.map((diagnostic) => githubAnnotation(diagnostic) + '\n').join('');
}

/** `::error file=maps/a.journey,line=3,endLine=3,col=5,endColumn=9,title=journey [code]::message`. */
export function githubAnnotation(d: FileDiagnostic): string {
    const properties = [
        `file=${escapeProperty(d.file.split('\\').join('/'))}`,
        `line=${d.line}`,
        `endLine=${d.endLine}`,
        `col=${d.column}`,
        ...(d.endLine === d.line ? [`endColumn=${d.endColumn}`] : []),
        `title=${escapeProperty(d.code ? `journey [${d.code}]` : 'journey')}`,
    ];
    return `::${LEVELS[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`;
}

/** The escaping GitHub's runner applies to a command's message. */
function escapeData(text: string): string {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The escaping GitHub's runner applies to a command's properties. */
function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

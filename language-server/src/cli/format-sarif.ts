/**
 * `journey check --format sarif`: a SARIF 2.1.0 log, the format GitHub code scanning (and
 * other tools) read: one run of the `journey` tool, one result per diagnostic.
 */
import packageJson from '../../../package.json' with { type: 'json' };
import type { DiagnosticReport, FileDiagnostic, SeverityName } from './diagnostic-report.js';

/** SARIF levels for our severities. */
const LEVELS: Record<SeverityName, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** The rule id of a diagnostic without a code. */
const GENERIC_RULE = 'journey';

/** The SARIF log as JSON text. */
export function formatSarif(report: DiagnosticReport): string {
    const ruleIds = [...new Set(report.diagnostics.map(ruleOf))].sort();
    const log = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'journey',
                        version: packageJson.version,
                        rules: ruleIds.map((id) => ({ id, shortDescription: { text: id === GENERIC_RULE ? 'Problem in a journey map' : `journey ${id}` } })),
                    },
                },
                columnKind: 'utf16CodeUnits',
                originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder journey check ran in' } } },
                artifacts: report.files.map((file) => ({ location: artifactLocation(file) })),
                results: report.diagnostics.map((d) => ({
                    ruleId: ruleOf(d),
                    ruleIndex: ruleIds.indexOf(ruleOf(d)),
                    level: LEVELS[d.severity],
                    message: { text: d.message },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { ...artifactLocation(d.file), ...(report.files.includes(d.file) ? { index: report.files.indexOf(d.file) } : {}) },
                                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                            },
                        },
                    ],
                })),
            },
        ],
    };
    return JSON.stringify(log, undefined, 2) + '\n';
}

function ruleOf(d: FileDiagnostic): string {
    return d.code ?? GENERIC_RULE;
}

/** A relative path as a SARIF artifact location: a URI reference (segments percent-encoded) under %SRCROOT%. */
function artifactLocation(file: string): { uri: string; uriBaseId: string } {
    return { uri: file.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

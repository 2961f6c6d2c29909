/** The JSON report of a diff (`--format json`): the change list per file and journey, without the models. */
import { summarizeDiff } from './diff-summary.js';
import type { FileDiff, JourneySummary } from './diff-types.js';
import type { JourneyModel } from '../model/journey-model.js';

/** The report as a JSON text (with a final newline). */
export function diffToJson(files: FileDiff[]): string {
    const report = {
        changed: files.some((file) => file.status !== 'unchanged' || file.journeys.some((diff) => diff.changes.length > 0)),
        files: files.map((file) => ({
            path: file.path,
            ...(file.previousPath === undefined ? {} : { previousPath: file.previousPath }),
            status: file.status,
            ...(file.syntaxErrors ? { syntaxErrors: file.syntaxErrors, compared: false } : {}),
            journeys: file.journeys.map((diff) => ({
                before: summaryOf(diff.before),
                after: summaryOf(diff.after),
                summary: summarizeDiff(diff),
                changes: diff.changes,
            })),
        })),
    };
    return JSON.stringify(report, undefined, 2) + '\n';
}

function summaryOf(model: JourneyModel | undefined): JourneySummary | null {
    return model ? { id: model.id, label: model.label, state: model.state } : null;
}

/**
 * The plain-text report of a diff, for a terminal: per map its file, its summary, then one
 * line per change, marked `+` added, `-` removed, `~` changed.
 */
import { describeChange, elementText, namerOf } from './diff-describe.js';
import { summarizeDiff, unparsedSentence } from './diff-summary.js';
import type { FileDiff, JourneyChange } from './diff-types.js';
import { withVisibleControls } from '../views/visible-text.js';

/** The whole report; an empty string when nothing changed. */
export function diffToText(files: FileDiff[]): string {
    const lines: string[] = [];
    for (const file of files) {
        if (file.syntaxErrors) {
            lines.push(`${file.path} (${file.status}): ${unparsedSentence(file)}`, '');
            continue;
        }
        if (file.journeys.length === 0 && file.status !== 'unchanged') {
            lines.push(`${file.path} (${file.status}): shared personas, channels and teams; their changes show in the maps that use them`, '');
        }
        for (const diff of file.journeys) {
            if (file.status === 'unchanged' && diff.changes.length === 0) continue;
            const name = namerOf(diff);
            const where = file.previousPath !== undefined && file.previousPath !== file.path ? `${file.previousPath} → ${file.path}` : file.path;
            const journey = diff.after ?? diff.before!;
            lines.push(`${where} (${file.status}): ${journey.label} [${journey.id}]`, `  ${summarizeDiff(diff)}`);
            if (diff.before && diff.after) {
                for (const change of diff.changes) lines.push(`  ${mark(change)} ${elementText(change, name)}: ${describeChange(change, name)}`);
            }
            lines.push('');
        }
    }
    // Labels and file names may hold line breaks or terminal escapes: every line shows them as pictures.
    return lines.map(withVisibleControls).join('\n');
}

function mark(change: JourneyChange): string {
    if (change.change === 'added' || change.change === 'flow-added' || change.change === 'item-added') return '+';
    if (change.change === 'removed' || change.change === 'flow-removed' || change.change === 'item-removed') return '-';
    return '~';
}

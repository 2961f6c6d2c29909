/**
 * The plain-text report of a diff, for a terminal: per map its file, its summary, then one
 * line per change, marked `+` added, `-` removed, `~` changed.
 */
import { describeChange, elementText, namerOf } from './diff-describe.js';
import { andList, sharedUseSentence, summarizeDiff, summarizeShared, unparsedSentence } from './diff-summary.js';
import { journeyShown } from './diff-files.js';
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
        const where = file.previousPath !== undefined && file.previousPath !== file.path ? `${file.previousPath} → ${file.path}` : file.path;
        // A shared element's changes are listed once, here, not in every map that uses it.
        const shared = file.sharedChanges ?? [];
        if ((file.journeys.length === 0 && file.status !== 'unchanged') || shared.length > 0) {
            lines.push(`${where} (${file.status}): shared personas, channels and teams${shared.length > 0 ? `: ${summarizeShared(shared)}` : ''}`);
            const name = (id: string) => id;
            for (const change of shared) lines.push(`  ${mark(change)} ${elementText(change, name)}: ${describeChange(change, name)}`);
            if (file.usedBy?.length) lines.push(`  used by ${andList(file.usedBy)}`);
            lines.push('');
        }
        for (const diff of file.journeys) {
            if (!journeyShown(file, diff)) continue;
            const name = namerOf(diff);
            const journey = diff.after ?? diff.before!;
            lines.push(`${where} (${file.status}): ${journey.label} [${journey.id}]`, `  ${summarizeDiff(diff)}`);
            if (diff.usesShared?.length) lines.push(`  ${sharedUseSentence(diff.usesShared, { label: (label) => `“${label}”`, id: (id) => `(${id})`, file: (path) => path })}`);
            if (diff.before && diff.after) {
                for (const change of diff.changes) lines.push(`  ${mark(change)} ${elementText(change, name)}: ${describeChange(change, name, diff)}`);
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

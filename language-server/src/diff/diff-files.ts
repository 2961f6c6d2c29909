/**
 * Compares sets of files: each pair of old and new file (either may be missing: a file
 * added or deleted) gives a file status and the diffs of the journeys it holds, matched by id.
 */
import type { JourneyModel } from '../model/journey-model.js';
import { diffJourneys } from './journey-diff.js';
import type { FileDiff, JourneyDiff } from './diff-types.js';

/** One side of a compared file: its path, its text and the journeys it holds. */
export interface FileSide {
    path: string;
    text: string;
    models: JourneyModel[];
    /** How many syntax errors the file has: a file that does not parse is not compared (its journeys would look removed). */
    syntaxErrors?: number;
}

/** An old and a new file to compare; `renamed` when git saw the old one renamed to the new one. */
export interface FilePair {
    before?: FileSide;
    after?: FileSide;
    renamed?: boolean;
}

/** The diff of each pair of files, in the order given. */
export function diffFiles(pairs: FilePair[]): FileDiff[] {
    return pairs.filter((pair) => pair.before || pair.after).map(diffFile);
}

/** The diff of one pair of files. */
export function diffFile({ before, after, renamed }: FilePair): FileDiff {
    const unparsed = [before, after].some((side) => (side?.syntaxErrors ?? 0) > 0);
    if (unparsed) {
        const path = (after ?? before)!.path;
        const syntaxErrors = { ...(before?.syntaxErrors ? { before: before.syntaxErrors } : {}), ...(after?.syntaxErrors ? { after: after.syntaxErrors } : {}) };
        return { path, ...(before && after && before.path !== after.path ? { previousPath: before.path } : {}), status: !before ? 'added' : !after ? 'deleted' : before.text === after.text && before.path === after.path ? 'unchanged' : 'modified', journeys: [], syntaxErrors };
    }
    const journeys = pairJourneys(before?.models ?? [], after?.models ?? []).map(([old, current]) => diffJourneys(old, current));
    const status = !before ? 'added' : !after ? 'deleted' : renamed ? 'renamed' : isModified(before, after, journeys) ? 'modified' : 'unchanged';
    const path = (after ?? before)!.path;
    return { path, ...(before && after && before.path !== after.path ? { previousPath: before.path } : {}), status, journeys };
}

/** A map is modified when its journeys changed (not its layout or comments); a file of shared declarations when its text did. */
function isModified(before: FileSide, after: FileSide, journeys: JourneyDiff[]): boolean {
    if (before.models.length === 0 && after.models.length === 0) return before.text !== after.text;
    return journeys.some((diff) => diff.changes.length > 0);
}

/**
 * Journeys of the two sides matched by id; when exactly one journey is left on each side
 * (an as-is map compared with its to-be version, say), those two are compared.
 */
export function pairJourneys(before: JourneyModel[], after: JourneyModel[]): Array<[JourneyModel | undefined, JourneyModel | undefined]> {
    const pairs: Array<[JourneyModel | undefined, JourneyModel | undefined]> = [];
    const unmatchedOld = before.filter((old) => !after.some((current) => current.id === old.id));
    const unmatchedNew = after.filter((current) => !before.some((old) => old.id === current.id));
    const lonePair = unmatchedOld.length === 1 && unmatchedNew.length === 1;
    for (const current of after) {
        const old = before.find((candidate) => candidate.id === current.id) ?? (lonePair && current === unmatchedNew[0] ? unmatchedOld[0] : undefined);
        pairs.push([old, current]);
    }
    for (const old of unmatchedOld) {
        if (!lonePair) pairs.push([old, undefined]);
    }
    return pairs;
}

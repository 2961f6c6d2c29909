/**
 * Compares sets of files: each pair of old and new file (either may be missing: a file
 * added or deleted) gives a file status and the diffs of the journeys it holds, matched by id.
 */
import type { SharedDeclarations } from '../model/build-model.js';
import type { JourneyModel } from '../model/journey-model.js';
import { diffJourneys } from './journey-diff.js';
import type { FileDiff, JourneyChange, JourneyDiff, SharedUse } from './diff-types.js';

/** One side of a compared file: its path, its text and the journeys it holds. */
export interface FileSide {
    path: string;
    text: string;
    models: JourneyModel[];
    /** For a file of shared declarations only: what it declares, in a form that ignores layout and comments. */
    declarations?: string;
    /** The personas, channels and teams declared at the top of the file (outside any journey): compared once, for every map that uses them. */
    shared?: SharedDeclarations;
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
    return reportSharedOnce(pairs.filter((pair) => pair.before || pair.after).map(diffFile));
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
    const sharedChanges = before?.shared && after?.shared ? diffJourneys(declarationsModel(before.shared), declarationsModel(after.shared)).changes : [];
    const status = !before ? 'added' : !after ? 'deleted' : renamed ? 'renamed' : isModified(before, after, journeys, sharedChanges) ? 'modified' : 'unchanged';
    const path = (after ?? before)!.path;
    return { path, ...(before && after && before.path !== after.path ? { previousPath: before.path } : {}), status, journeys, ...(sharedChanges.length > 0 ? { sharedChanges } : {}) };
}

/** A map is modified when its journeys or its shared declarations changed (not its layout or comments); a file of shared declarations when what it declares did. */
function isModified(before: FileSide, after: FileSide, journeys: JourneyDiff[], sharedChanges: JourneyChange[]): boolean {
    if (sharedChanges.length > 0) return true;
    if (before.models.length === 0 && after.models.length === 0) return (before.declarations ?? before.text) !== (after.declarations ?? after.text);
    return journeys.some((diff) => diff.changes.length > 0);
}

/** Shared declarations seen as a journey that holds only them, so that they are compared as a journey's personas, channels and teams are. */
function declarationsModel(shared: SharedDeclarations): JourneyModel {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { id: '', label: '', hasLabel: false, range, uri: '', state: 'current', ...shared, stages: [], outcomes: [], actions: [], flow: { edges: [] } };
}

/** The changes of an element itself (not of a map's use of it): those listed once with the file that declares a shared element. */
const OWN_CHANGES = new Set<JourneyChange['change']>(['renamed', 'relabelled', 'property', 'item-added', 'item-removed']);

/** What a change says, whatever map it was seen in (its range and stage left out). */
function changeKey(change: JourneyChange): string {
    const { range: _range, stage: _stage, ...rest } = change as JourneyChange & { range?: unknown; stage?: unknown };
    return JSON.stringify(rest, Object.keys(rest).sort());
}

/**
 * One edit of a shared persona, channel or team shows in every map that uses it: its changes
 * are listed once, with the file of the comparison that declares it (`sharedChanges`); each
 * map drops the identical changes and names the element in `usesShared` instead. A map left
 * with no change of its own is unchanged (the declaring file lists it in `usedBy`).
 */
function reportSharedOnce(files: FileDiff[]): FileDiff[] {
    const declared = new Map<string, { file: FileDiff; changes: Set<string> }>();
    for (const file of files) {
        for (const change of file.sharedChanges ?? []) {
            if (change.kind === 'flow' || !OWN_CHANGES.has(change.change)) continue;
            const key = `${change.kind}:${change.id}`;
            const entry = declared.get(key) ?? { file, changes: new Set<string>() };
            declared.set(key, entry);
            entry.changes.add(changeKey(change));
        }
    }
    if (declared.size === 0) return files;
    for (const file of files) {
        let dropped = false;
        for (const diff of file.journeys) {
            const uses = new Map<string, SharedUse>();
            diff.changes = diff.changes.filter((change) => {
                if (change.kind !== 'persona' && change.kind !== 'channel' && change.kind !== 'team') return true;
                const entry = declared.get(`${change.kind}:${change.id}`);
                if (!entry || !entry.changes.has(changeKey(change)) || !isShared(diff, change.kind, change.id)) return true;
                uses.set(`${change.kind}:${change.id}`, { kind: change.kind, id: change.id, label: change.label, path: entry.file.path });
                if (!(entry.file.usedBy ?? []).includes(file.path)) entry.file.usedBy = [...(entry.file.usedBy ?? []), file.path];
                return false;
            });
            if (uses.size > 0) {
                diff.usesShared = [...uses.values()];
                dropped = true;
            }
        }
        const ownChanges = file.journeys.some((diff) => diff.changes.length > 0) || (file.sharedChanges?.length ?? 0) > 0;
        if (dropped && file.status === 'modified' && !ownChanges) file.status = 'unchanged';
    }
    return files;
}

/** Whether the reports show a journey of a file: not when nothing changed, nor when it changed only through shared elements listed with their file. */
export function journeyShown(file: FileDiff, diff: JourneyDiff): boolean {
    if (diff.changes.length > 0) return true;
    if (file.status === 'unchanged') return false;
    return !(diff.usesShared?.length && file.status === 'modified');
}

/** Whether a journey's persona, channel or team is declared outside it on both sides (shared), not inside it. */
function isShared(diff: JourneyDiff, kind: SharedUse['kind'], id: string): boolean {
    const list = { persona: 'personas', channel: 'channels', team: 'teams' } as const;
    const find = (model: JourneyModel | undefined) => model?.[list[kind]].find((element) => element.id === id);
    const [before, after] = [find(diff.before), find(diff.after)];
    return (before === undefined || before.shared) && (after === undefined || after.shared);
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

/**
 * The changes of a journey grouped as reviewers read them: map-wide elements first, then
 * one section per stage in map order, one row per element with its changes in words.
 * Shared by the Markdown report and the editor's compare view.
 */
import { describeChange, namerOf } from './diff-describe.js';
import type { JourneyChange, JourneyDiff } from './diff-types.js';

/** One element and what happened to it. */
export interface ChangeRow {
    kind: Exclude<JourneyChange['kind'], 'flow'> | 'flow';
    id: string;
    label: string;
    /** Plain-language descriptions, one per change. */
    changes: string[];
}

/** A group of rows: the whole map (`stage` undefined) or one stage. */
export interface ChangeSection {
    title: string;
    stage?: string;
    rows: ChangeRow[];
}

/** The changes of a diff of two maps, grouped by stage, one row per element. */
export function changeSections(diff: JourneyDiff): ChangeSection[] {
    const name = namerOf(diff);
    const nodes = nodeLookup(diff);
    const order = ['', ...(diff.after?.stages ?? []).map((stage) => stage.id), ...(diff.before?.stages ?? []).map((stage) => stage.id)];
    const bySection = new Map<string, Map<string, ChangeRow>>();
    for (const change of diff.changes) {
        const section = sectionOf(change, (id) => nodes.get(id)?.stage);
        const rows = bySection.get(section) ?? new Map<string, ChangeRow>();
        bySection.set(section, rows);
        const [kind, id, label]: [ChangeRow['kind'], string, string] =
            change.kind === 'flow' ? [nodes.get(change.from)?.kind ?? 'flow', change.from, name(change.from)] : [change.kind, change.id, change.label];
        const key = `${kind}:${id}`;
        const row = rows.get(key) ?? { kind, id, label, changes: [] };
        rows.set(key, row);
        row.changes.push(describeChange(change, name, diff));
    }
    return [...bySection]
        .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
        .map(([section, rows]) => ({ title: section === '' ? 'Whole map' : `Stage ${name(section)}`, ...(section === '' ? {} : { stage: section }), rows: [...rows.values()] }));
}

/** The stage a change belongs to ('' for map-wide elements); a flow link belongs to the stage of the step it leaves. */
function sectionOf(change: JourneyChange, stageOf: (id: string) => string | undefined): string {
    if (change.kind === 'flow') return stageOf(change.from) ?? '';
    if (change.kind === 'stage') return change.id;
    return change.stage ?? '';
}

/** The stage and kind of every step of both maps (the new map wins). */
function nodeLookup(diff: JourneyDiff): Map<string, { stage: string; kind: 'touchpoint' | 'decision' }> {
    const nodes = new Map<string, { stage: string; kind: 'touchpoint' | 'decision' }>();
    for (const model of [diff.before, diff.after]) {
        for (const stage of model?.stages ?? []) for (const step of stage.steps) nodes.set(step.id, { stage: stage.id, kind: step.kind });
    }
    return nodes;
}

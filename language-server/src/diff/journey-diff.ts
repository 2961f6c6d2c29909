/**
 * The semantic diff: two journey models in, the list of changes between them out. Pure.
 *
 * Elements are matched by kind and id. An element whose id changed but whose content
 * (everything but its id and source range) stayed the same is a rename, not a removal and
 * an addition; references to it are then seen through the new id, so a rename does not
 * also show up as a change of every `next` or `owner` that points at it. Positions are
 * compared with a longest common subsequence, so an insertion does not "move" the rest.
 */
import type { JourneyModel } from '../model/journey-model.js';
import { contentOf, entriesOf, entryKey, itemsOf, propertiesOf, sameIds, type Entry, type IdMap } from './diff-elements.js';
import { reorderedIds } from './diff-order.js';
import type { ElementKind, ElementRef, FlowChange, ItemList, JourneyChange, JourneyDiff, PropertyValue } from './diff-types.js';

const FLOW_NODE_KINDS: ElementKind[] = ['touchpoint', 'decision', 'outcome'];

/** Compares two journeys (either may be missing: a map added or deleted) and lists what changed. */
export function diffJourneys(before: JourneyModel | undefined, after: JourneyModel | undefined): JourneyDiff {
    if (!before && !after) return { changes: [] };
    if (!before) return { after, changes: wholeMap(after!, 'added') };
    if (!after) return { before, changes: wholeMap(before, 'removed') };
    const oldEntries = entriesOf(before);
    const newEntries = entriesOf(after);
    const renames = findRenames(oldEntries, newEntries);
    const ids = idMapOf(renames);
    const oldByNewKey = new Map(oldEntries.map((entry) => [entryKey(entry.kind, ids(entry.kind, entry.element.id)), entry]));
    const newKeys = new Set(newEntries.map((entry) => entryKey(entry.kind, entry.element.id)));
    const moves = findMoves(before, after, ids);
    const changes: JourneyChange[] = journeyChanges(before, after);
    for (const entry of newEntries) {
        const old = oldByNewKey.get(entryKey(entry.kind, entry.element.id));
        if (!old) {
            changes.push({ change: 'added', ...refOf(entry) });
        } else {
            changes.push(...elementChanges(old, entry, ids));
            const move = moves.has(entryKey(entry.kind, entry.element.id));
            if (move) changes.push({ change: 'moved', ...refOf(entry), from: { stage: old.stage && ids('stage', old.stage), index: old.index }, to: { stage: entry.stage, index: entry.index } });
        }
    }
    for (const [key, old] of oldByNewKey) {
        if (!newKeys.has(key)) changes.push({ change: 'removed', ...refOf(old, ids) });
    }
    changes.push(...flowChanges(before, after, ids, new Set(oldByNewKey.keys()), newKeys));
    return { before, after, changes };
}

/** A map added or deleted: the journey and each of its elements. */
function wholeMap(model: JourneyModel, change: 'added' | 'removed'): JourneyChange[] {
    const journey: ElementRef = { kind: 'journey', id: model.id, label: model.label, range: model.range };
    return [{ change, ...journey }, ...entriesOf(model).map((entry): JourneyChange => ({ change, ...refOf(entry) }))];
}

/** What a change says about its element; an old element's stage is seen through the new ids. */
function refOf(entry: Entry, ids: IdMap = sameIds): ElementRef {
    const ref: ElementRef = { kind: entry.kind, id: entry.element.id, label: entry.element.label, range: entry.element.range };
    if (entry.stage !== undefined) ref.stage = ids('stage', entry.stage);
    return ref;
}

/**
 * Pairs elements that only exist in the old map with elements that only exist in the new
 * one when their content is identical. Repeated until nothing new pairs up, because one
 * rename (of a stage, say) can make other contents identical. Returns old key → new id.
 */
function findRenames(oldEntries: Entry[], newEntries: Entry[]): Map<string, string> {
    const renames = new Map<string, string>();
    const oldKeys = new Set(oldEntries.map((entry) => entryKey(entry.kind, entry.element.id)));
    const newKeys = new Set(newEntries.map((entry) => entryKey(entry.kind, entry.element.id)));
    for (let found = true; found; ) {
        found = false;
        const ids = idMapOf(renames);
        const taken = new Set([...renames].map(([key, id]) => entryKey(key.slice(0, key.indexOf(':')) as ElementKind, id)));
        const candidates = new Map<string, Entry[]>();
        for (const entry of newEntries) {
            const key = entryKey(entry.kind, entry.element.id);
            if (oldKeys.has(key) || taken.has(key)) continue;
            const content = entry.kind + contentOf(entry, sameIds);
            candidates.set(content, [...(candidates.get(content) ?? []), entry]);
        }
        for (const entry of oldEntries) {
            const key = entryKey(entry.kind, entry.element.id);
            if (newKeys.has(key) || renames.has(key)) continue;
            const match = candidates.get(entry.kind + contentOf(entry, ids))?.shift();
            if (match) {
                renames.set(key, match.element.id);
                found = true;
            }
        }
    }
    return renames;
}

/** Sees old ids through the renames found. */
function idMapOf(renames: Map<string, string>): IdMap {
    return (kind, id) => {
        const kinds = kind === 'node' ? FLOW_NODE_KINDS : [kind];
        for (const candidate of kinds) {
            const renamed = renames.get(entryKey(candidate, id));
            if (renamed !== undefined) return renamed;
        }
        return id;
    };
}

/** The journey's own changes: its id (as-is vs to-be maps differ), label, state, language and description. */
function journeyChanges(before: JourneyModel, after: JourneyModel): JourneyChange[] {
    const ref: ElementRef = { kind: 'journey', id: after.id, label: after.label, range: after.range };
    const changes: JourneyChange[] = [];
    if (before.id !== after.id) changes.push({ change: 'renamed', ...ref, previousId: before.id });
    if (before.label !== after.label && (before.hasLabel || after.hasLabel)) changes.push({ change: 'relabelled', ...ref, before: before.label, after: after.label });
    changes.push(...propertyChanges(ref, { state: before.state, lang: before.lang, description: before.description }, { state: after.state, lang: after.lang, description: after.description }));
    return changes;
}

/** The changes of one element present in both maps: id, label, properties and lists. */
function elementChanges(old: Entry, entry: Entry, ids: IdMap): JourneyChange[] {
    const ref = refOf(entry);
    const changes: JourneyChange[] = [];
    if (old.element.id !== entry.element.id) changes.push({ change: 'renamed', ...ref, previousId: old.element.id });
    if (old.element.label !== entry.element.label && (old.element.hasLabel || entry.element.hasLabel)) {
        changes.push({ change: 'relabelled', ...ref, before: old.element.label, after: entry.element.label });
    }
    changes.push(...propertyChanges(ref, propertiesOf(old, ids), propertiesOf(entry, sameIds)));
    const oldItems = itemsOf(old);
    const newItems = itemsOf(entry);
    for (const list of Object.keys({ ...oldItems, ...newItems }) as ItemList[]) {
        const { added, removed } = listDifference(oldItems[list] ?? [], newItems[list] ?? []);
        changes.push(...removed.map((text): JourneyChange => ({ change: 'item-removed', ...ref, list, text })));
        changes.push(...added.map((text): JourneyChange => ({ change: 'item-added', ...ref, list, text })));
    }
    return changes;
}

/** One change per property whose value differs; numbers say which way they went. */
function propertyChanges(ref: ElementRef, before: Record<string, PropertyValue>, after: Record<string, PropertyValue>): JourneyChange[] {
    const changes: JourneyChange[] = [];
    for (const property of Object.keys({ ...before, ...after })) {
        const [old, current] = [before[property], after[property]];
        if (sameValue(old, current)) continue;
        const direction = typeof old === 'number' && typeof current === 'number' ? (current > old ? 'up' : 'down') : undefined;
        changes.push({ change: 'property', ...ref, property, before: old, after: current, ...(direction ? { direction } : {}) });
    }
    return changes;
}

/** Lists of ids compare as sets; an empty list is the same as no value. */
function sameValue(a: PropertyValue, b: PropertyValue): boolean {
    if (Array.isArray(a) || Array.isArray(b)) {
        const [x, y] = [Array.isArray(a) ? [...a].sort() : [], Array.isArray(b) ? [...b].sort() : []];
        return x.length === y.length && x.every((item, i) => item === y[i]);
    }
    return a === b;
}

/** The texts only in `after` and only in `before`, counting repeats. */
function listDifference(before: string[], after: string[]): { added: string[]; removed: string[] } {
    const remaining = [...before];
    const added: string[] = [];
    for (const text of after) {
        const at = remaining.indexOf(text);
        if (at >= 0) remaining.splice(at, 1);
        else added.push(text);
    }
    return { added, removed: remaining };
}

/** Keys (in the new map) of the stages, steps and KPIs that moved to another stage or were really reordered. */
function findMoves(before: JourneyModel, after: JourneyModel, ids: IdMap): Set<string> {
    const moved = new Set<string>();
    const stageKeys = (model: JourneyModel, map: IdMap) => model.stages.map((stage) => entryKey('stage', map('stage', stage.id)));
    for (const key of reorderedIds(stageKeys(before, ids), stageKeys(after, sameIds))) moved.add(key);
    const oldStages = new Map(before.stages.map((stage) => [ids('stage', stage.id), stage]));
    const oldPlace = new Map<string, string>();
    for (const stage of before.stages) {
        for (const item of [...stage.kpis.map((kpi) => entryKey('kpi', ids('kpi', kpi.id))), ...stage.steps.map((step) => entryKey(step.kind, ids(step.kind, step.id)))]) {
            oldPlace.set(item, ids('stage', stage.id));
        }
    }
    for (const stage of after.stages) {
        const newKpis = stage.kpis.map((kpi) => entryKey('kpi', kpi.id));
        const newSteps = stage.steps.map((step) => entryKey(step.kind, step.id));
        for (const key of [...newKpis, ...newSteps]) {
            const from = oldPlace.get(key);
            if (from !== undefined && from !== stage.id) moved.add(key);
        }
        const old = oldStages.get(stage.id);
        if (!old) continue;
        const oldKpis = old.kpis.map((kpi) => entryKey('kpi', ids('kpi', kpi.id)));
        const oldSteps = old.steps.map((step) => entryKey(step.kind, ids(step.kind, step.id)));
        for (const key of [...reorderedIds(oldKpis, newKpis), ...reorderedIds(oldSteps, newSteps)]) moved.add(key);
    }
    return moved;
}

/** `next` links and decision branches added, removed or relabelled, between elements present in both maps. */
function flowChanges(before: JourneyModel, after: JourneyModel, ids: IdMap, oldKeys: Set<string>, newKeys: Set<string>): FlowChange[] {
    const kept = (from: string) => FLOW_NODE_KINDS.some((kind) => oldKeys.has(entryKey(kind, from)) && newKeys.has(entryKey(kind, from)));
    const linksOf = (model: JourneyModel, map: IdMap) => {
        const links = new Map<string, Array<string | undefined>>();
        for (const edge of model.flow.edges) {
            if (edge.kind === 'order') continue;
            const from = map('node', edge.from);
            if (!kept(from)) continue;
            const key = JSON.stringify([edge.kind, from, map('node', edge.to)]);
            links.set(key, [...(links.get(key) ?? []), edge.label]);
        }
        return links;
    };
    const oldLinks = linksOf(before, ids);
    const newLinks = linksOf(after, sameIds);
    const changes: FlowChange[] = [];
    const describe = (key: string) => {
        const [edge, from, to] = JSON.parse(key) as ['next' | 'branch', string, string];
        return { kind: 'flow' as const, edge, from, to };
    };
    for (const [key, labels] of newLinks) {
        const oldLabels = oldLinks.get(key);
        if (!oldLabels) {
            labels.forEach((label) => changes.push({ change: 'flow-added', ...describe(key), ...(label === undefined ? {} : { label }) }));
        } else if (!sameValue(oldLabels.map(String), labels.map(String))) {
            changes.push({ change: 'flow-relabelled', ...describe(key), label: labels.join(', '), previousLabel: oldLabels.join(', ') });
        }
    }
    for (const [key, labels] of oldLinks) {
        if (newLinks.has(key)) continue;
        labels.forEach((label) => changes.push({ change: 'flow-removed', ...describe(key), ...(label === undefined ? {} : { label }) }));
    }
    return changes;
}

/**
 * Plain-language phrases for changes, shared by the text and Markdown reports: "emotion
 * 1 → 4 (better)", "moved from Awareness to Consideration", "new pain: …".
 */
import type { JourneyModel } from '../model/journey-model.js';
import type { ItemList, JourneyChange, JourneyDiff, PropertyValue } from './diff-types.js';

/** Finds the label of an id in the new map, else in the old one, else shows the id. */
export type Namer = (id: string) => string;

/** A namer over both sides of a diff (the new side wins). */
export function namerOf(diff: Pick<JourneyDiff, 'before' | 'after'>): Namer {
    const labels = new Map<string, string>();
    for (const model of [diff.before, diff.after]) {
        if (!model) continue;
        for (const element of elementsOf(model)) labels.set(element.id, element.label);
    }
    return (id) => labels.get(id) ?? id;
}

function elementsOf(model: JourneyModel) {
    return [
        ...model.personas, ...model.channels, ...model.teams, ...model.outcomes, ...model.actions,
        ...model.stages.flatMap((stage) => [stage, ...stage.kpis, ...stage.steps]),
    ];
}

/** The words for a kind of element in a sentence. */
export function kindWord(kind: JourneyChange['kind']): string {
    return kind === 'kpi' ? 'KPI' : kind === 'flow' ? 'flow link' : kind;
}

/** What happened to the element, in a few words (the element itself is named elsewhere). */
export function describeChange(change: JourneyChange, name: Namer): string {
    switch (change.change) {
        case 'added':
            return 'added';
        case 'removed':
            return 'removed';
        case 'renamed':
            return `id ${change.previousId} → ${change.id}`;
        case 'relabelled':
            return `label “${change.before}” → “${change.after}”`;
        case 'moved':
            return change.from.stage !== change.to.stage
                ? `moved from ${change.from.stage === undefined ? '—' : name(change.from.stage)} to ${change.to.stage === undefined ? '—' : name(change.to.stage)}`
                : `moved from position ${change.from.index + 1} to ${change.to.index + 1}`;
        case 'property':
            if (Array.isArray(change.before) && Array.isArray(change.after) && change.before.length > 0 && change.after.length > 0) return listChangeText(change.property, change.before, change.after, name);
            return `${change.property} ${valueText(change.before, name, change.property)} → ${valueText(change.after, name, change.property)}${directionText(change)}`;
        case 'item-added':
            return `new ${listWord(change.list)}: “${change.text}”`;
        case 'item-removed':
            return `${listWord(change.list)} removed: “${change.text}”`;
        case 'flow-added':
            return `${linkText(change.edge, change.label)} now leads to ${name(change.to)}`;
        case 'flow-removed':
            return `${linkText(change.edge, change.label)} no longer leads to ${name(change.to)}`;
        case 'flow-relabelled':
            return `branch to ${name(change.to)}: “${change.previousLabel}” → “${change.label}”`;
    }
}

/** The words for an item of a list: "pain", "backstage note"… */
export function listWord(list: ItemList): string {
    return list === 'backstage' ? 'backstage note' : list === 'data' ? 'data point' : list;
}

function linkText(edge: 'next' | 'branch', label: string | undefined): string {
    return edge === 'next' ? 'next' : label === undefined ? 'a branch' : `branch “${label}”`;
}

/** A list of ids that changed: "improves + Simulates savings, − Answers the RFP". */
function listChangeText(property: string, before: string[], after: string[], name: Namer): string {
    const added = after.filter((id) => !before.includes(id)).map((id) => `+ ${name(id)}`);
    const removed = before.filter((id) => !after.includes(id)).map((id) => `− ${name(id)}`);
    return `${property} ${[...added, ...removed].join(', ')}`;
}

/** Emotion going up is better; expected, reach, impact… just go up or down. */
function directionText(change: Extract<JourneyChange, { change: 'property' }>): string {
    if (!change.direction) return '';
    if (change.property === 'emotion' || change.property.startsWith('emotion for ')) return change.direction === 'up' ? ' (better)' : ' (worse)';
    return change.direction === 'up' ? ' (up)' : ' (down)';
}

/** Properties whose values are ids of other elements. */
const REFERENCES = new Set(['persona', 'channel', 'owner', 'improves']);

/** Properties whose values are keywords of the language. */
const KEYWORDS = new Set(['state', 'mode', 'lang']);

/** A property value as people read it: labels for ids, yes/no for flags, quotes for texts, — for nothing. */
export function valueText(value: PropertyValue, name: Namer, property: string): string {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return '—';
    if (Array.isArray(value)) return value.map(name).join(', ');
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    if (typeof value === 'number') return String(value);
    if (REFERENCES.has(property)) return name(value);
    return KEYWORDS.has(property) ? value : `“${value}”`;
}

/** The element a change concerns, as "touchpoint “Calls for a quote” (calls)". */
export function elementText(change: JourneyChange, name: Namer): string {
    if (change.kind === 'flow') return `${name(change.from)} (${change.from})`;
    return `${kindWord(change.kind)} “${change.label}” (${change.id})`;
}

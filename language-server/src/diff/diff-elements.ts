/**
 * What the diff compares about each element: the model flattened into entries (kind, id,
 * stage, position), each entry's properties as written in the language, its lists of
 * texts, and its "content" — everything but its id and source range — used to recognise
 * an element whose id changed.
 */
import type {
    ActionModel, ChannelModel, DecisionModel, JourneyModel, KpiModel, ModelElement, PersonaModel, ScoreModel, StageModel, TouchpointModel,
} from '../model/journey-model.js';
import type { ElementKind, ItemList, PropertyValue } from './diff-types.js';

/** One element of a map, located. */
export interface Entry {
    kind: ElementKind;
    element: ModelElement;
    /** The stage holding the element (touchpoints, decisions, KPIs). */
    stage?: string;
    /** The position of the element in its list (its stage's steps, its stage's KPIs, the journey's stages…). */
    index: number;
}

/** Maps an id of the old map to the id the same element has in the new map; `node` is any flow node (touchpoint, decision, outcome). */
export type IdMap = (kind: ElementKind | 'node', id: string) => string;

/** Leaves ids as they are. */
export const sameIds: IdMap = (_kind, id) => id;

/** The key under which an element is matched: kind and id. */
export function entryKey(kind: ElementKind, id: string): string {
    return `${kind}:${id}`;
}

/** Every element of a map but the journey itself, in document order. */
export function entriesOf(model: JourneyModel): Entry[] {
    const entries: Entry[] = [];
    model.personas.forEach((element, index) => entries.push({ kind: 'persona', element, index }));
    model.channels.forEach((element, index) => entries.push({ kind: 'channel', element, index }));
    model.teams.forEach((element, index) => entries.push({ kind: 'team', element, index }));
    model.stages.forEach((stage, index) => {
        entries.push({ kind: 'stage', element: stage, index });
        stage.kpis.forEach((element, position) => entries.push({ kind: 'kpi', element, stage: stage.id, index: position }));
        stage.steps.forEach((element, position) => entries.push({ kind: element.kind, element, stage: stage.id, index: position }));
    });
    model.outcomes.forEach((element, index) => entries.push({ kind: 'outcome', element, index }));
    model.actions.forEach((element, index) => entries.push({ kind: 'action', element, index }));
    return entries;
}

/** The properties of an element as written in the language (`emotion`, `channel`, `owner`, `target`…), with ids seen through `ids`. */
export function propertiesOf(entry: Entry, ids: IdMap): Record<string, PropertyValue> {
    switch (entry.kind) {
        case 'persona':
            return { description: (entry.element as PersonaModel).description };
        case 'channel':
            return { mode: (entry.element as ChannelModel).mode, tone: (entry.element as ChannelModel).tone };
        case 'stage':
            return { description: (entry.element as StageModel).description };
        case 'kpi': {
            const kpi = entry.element as KpiModel;
            return { target: kpi.target, actual: kpi.actual, unit: kpi.unit };
        }
        case 'touchpoint':
            return touchpointProperties(entry.element as TouchpointModel, ids);
        case 'action': {
            const action = entry.element as ActionModel;
            return {
                description: action.description,
                improves: action.improves.map((id) => ids('touchpoint', id)),
                impact: action.impact,
                effort: action.effort,
                owner: action.owner === undefined ? undefined : ids('team', action.owner),
            };
        }
        default:
            return {};
    }
}

function touchpointProperties(touchpoint: TouchpointModel, ids: IdMap): Record<string, PropertyValue> {
    const properties: Record<string, PropertyValue> = {
        description: touchpoint.description,
        persona: touchpoint.personas.map((id) => ids('persona', id)),
        channel: touchpoint.channels.map((id) => ids('channel', id)),
        owner: touchpoint.owner === undefined ? undefined : ids('team', touchpoint.owner),
    };
    addScores(properties, 'emotion', touchpoint.emotions, ids);
    addScores(properties, 'expected', touchpoint.expectations, ids);
    properties.reach = touchpoint.reach;
    properties['moment of truth'] = touchpoint.momentOfTruth;
    properties.tone = touchpoint.tone;
    return properties;
}

/** `emotion` for the overall score, `emotion for alex` for a persona's. */
function addScores(properties: Record<string, PropertyValue>, keyword: string, scores: ScoreModel[], ids: IdMap): void {
    properties[keyword] = scores.find((score) => score.persona === undefined)?.score;
    for (const score of scores) {
        if (score.persona !== undefined) properties[`${keyword} for ${ids('persona', score.persona)}`] = score.score;
    }
}

/** The lists of texts of an element, compared item by item. */
export function itemsOf(entry: Entry): Partial<Record<ItemList, string[]>> {
    if (entry.kind === 'touchpoint') {
        const touchpoint = entry.element as TouchpointModel;
        return { pain: touchpoint.pains, gain: touchpoint.gains, opportunity: touchpoint.opportunities, backstage: touchpoint.backstage, data: touchpoint.data };
    }
    if (entry.kind === 'persona') {
        const persona = entry.element as PersonaModel;
        return { goal: persona.goals, need: persona.needs, frustration: persona.frustrations };
    }
    return {};
}

/** Where an element leads or what it holds, by id: a touchpoint's `next`, a decision's branches, a stage's KPIs and steps. */
function linksOf(entry: Entry, ids: IdMap): unknown {
    switch (entry.kind) {
        case 'touchpoint':
            return (entry.element as TouchpointModel).next.map((id) => ids('node', id));
        case 'decision':
            return (entry.element as DecisionModel).branches.map((branch) => [branch.label ?? null, ids('node', branch.target)]);
        case 'stage': {
            const stage = entry.element as StageModel;
            return [stage.kpis.map((kpi) => ids('kpi', kpi.id)), stage.steps.map((step) => ids(step.kind, step.id))];
        }
        default:
            return null;
    }
}

/**
 * Everything about an element except its id and source range, as one comparable string.
 * A label that was not written (and so shows the id) does not count.
 */
export function contentOf(entry: Entry, ids: IdMap): string {
    return JSON.stringify([
        entry.element.hasLabel ? entry.element.label : null,
        entry.stage === undefined ? null : ids('stage', entry.stage),
        propertiesOf(entry, ids),
        itemsOf(entry),
        linksOf(entry, ids),
        entry.kind === 'persona' || entry.kind === 'channel' || entry.kind === 'team' ? (entry.element as PersonaModel).shared : null,
    ]);
}

/**
 * The lanes of the canvas: one entry per kind of fact a map can hold, top to bottom. Each
 * entry says what its lane shows in each column (a touchpoint, a decision or an outcome):
 * a list of items, each a plain text (the canvas wraps and escapes it) with the style of
 * its cell and, when it stands for an element of the model, that element (for the source
 * map and the highlight). A lane that shows nothing in the whole map is left out, so a
 * new kind of fact is one more entry here. Stage-wide facts (the stage's name and KPIs)
 * are the `STAGE_LANES`: their items span the stage's columns.
 */
import type { DecisionModel, JourneyModel, KpiModel, ModelElement, OutcomeModel, ScoreModel, StageModel, TouchpointModel } from '../model/journey-model.js';
import type { SourceMapEntry } from './view-types.js';

/** What a column of the canvas stands for. */
export type CanvasStep = TouchpointModel | DecisionModel | OutcomeModel;

/** The style of a cell: a Mermaid class defined by the canvas. */
export type CellStyle = 'lane' | 'stage' | 'kpi' | 'step' | 'decision' | 'outcome' | 'pain' | 'gain' | 'opportunity' | 'moment' | 'backstage' | `emotion${1 | 2 | 3 | 4 | 5}`;

/** One thing a lane shows in a column. */
export interface CanvasItem {
    text: string;
    style?: CellStyle;
    /** The model element the item stands for (found by the source map, highlighted with it). */
    element?: { element: ModelElement; kind: SourceMapEntry['kind'] };
}

/** A row of facts of one kind across the canvas. */
export interface CanvasLane {
    id: string;
    name: string;
    /** What a portrait cell writes before each item to name the lane (default: the name and a colon; '' when the item's mark says it). */
    prefix?: string;
    items(step: CanvasStep): CanvasItem[];
}

/** A row of stage-wide facts: each stage's items span its columns. */
export interface StageLane {
    id: string;
    name: string;
    items(stage: StageModel): CanvasItem[];
}

/** What the lanes look up in the map: labels of personas, channels, teams and of the steps a path leads to. */
export interface LaneContext {
    model: JourneyModel;
    persona(id: string): ModelElement | undefined;
    channel(id: string): (ModelElement & { mode?: 'online' | 'offline' }) | undefined;
    team(id: string): ModelElement | undefined;
    /** The label of a flow node (touchpoint, decision or outcome). */
    flowLabel(id: string): string;
}

/** The words of the emotion scale, 1 to 5, with their faces. */
export const EMOTION_SCALE = [
    { face: '😠', word: 'angry' },
    { face: '😟', word: 'unhappy' },
    { face: '😐', word: 'neutral' },
    { face: '🙂', word: 'happy' },
    { face: '😄', word: 'delighted' },
] as const;

/** "😠 angry · 1": the face, the word and the score as written. */
export function emotionText(score: number): string {
    const { face, word } = EMOTION_SCALE[scaleIndex(score)];
    return `${face} ${word} · ${formatNumber(score)}`;
}

/** The cell style of a score: its place on the colour scale. */
export function emotionStyle(score: number): CellStyle {
    return `emotion${(scaleIndex(score) + 1) as 1 | 2 | 3 | 4 | 5}`;
}

function scaleIndex(score: number): number {
    return Math.min(4, Math.max(0, Math.round(score) - 1));
}

/** A number as people read it: 12,000 and 3.5. */
export function formatNumber(value: number): string {
    return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** The KPI as one line: name, target and unit. */
export function kpiText(kpi: KpiModel): string {
    const target = kpi.target === undefined ? '' : ` · target ${formatNumber(kpi.target)}${kpi.unit ? ` ${kpi.unit}` : ''}`;
    return `${kpi.label}${target}${kpi.target === undefined && kpi.unit ? ` (${kpi.unit})` : ''}`;
}

/** The stage-wide lanes, above the others. */
export const STAGE_LANES: readonly StageLane[] = [
    { id: 'stage', name: 'Stage', items: (stage) => [{ text: stage.label, style: 'stage', element: { element: stage, kind: 'stage' } }] },
    { id: 'kpis', name: 'KPIs', items: (stage) => stage.kpis.map((kpi) => ({ text: kpiText(kpi), style: 'kpi', element: { element: kpi, kind: 'kpi' } })) },
];

/** Items of a touchpoint only (decisions and outcomes have none of these facts). */
function ofTouchpoint(items: (touchpoint: TouchpointModel) => CanvasItem[]): (step: CanvasStep) => CanvasItem[] {
    return (step) => (step.kind === 'touchpoint' ? items(step) : []);
}

/** Texts as items of one style. */
function texts(list: readonly string[], style?: CellStyle, mark = ''): CanvasItem[] {
    return list.map((text) => ({ text: `${mark}${text}`, style }));
}

/** The score of one persona (or the overall one) in a list of scores. */
function scoreOf(scores: readonly ScoreModel[], persona: string | undefined): number | undefined {
    return scores.find((score) => score.persona === persona)?.score;
}

/** The personas that have an emotion score of their own somewhere in the map, in the order they first appear. */
function personasWithScores(model: JourneyModel): string[] {
    const ids = model.stages.flatMap((stage) => stage.steps.flatMap((step) => (step.kind === 'touchpoint' ? step.emotions.flatMap((score) => (score.persona ? [score.persona] : [])) : [])));
    return [...new Set(ids)];
}

/**
 * The lanes of the canvas, top to bottom, one entry per kind of fact; an entry gives the
 * lanes it draws for a map (the emotion per persona gives one lane per persona).
 */
export const LANE_TABLE: ReadonlyArray<(context: LaneContext) => CanvasLane[]> = [
    () => [{ id: 'steps', prefix: '', name: 'Steps', items: (step) => [stepItem(step)] }],
    () => [{ id: 'about', name: 'About', items: ofTouchpoint((tp) => texts(tp.description ? [tp.description] : [])) }],
    (context) => [{
        id: 'personas', name: 'Personas',
        items: ofTouchpoint((tp) => tp.personas.map((id) => elementItem(context.persona(id), id, 'persona'))),
    }],
    (context) => [{
        id: 'channel', name: 'Channel',
        items: ofTouchpoint((tp) => tp.channels.map((id) => {
            const channel = context.channel(id);
            const item = elementItem(channel, id, 'channel');
            return channel?.mode ? { ...item, text: `${item.text} · ${channel.mode}` } : item;
        })),
    }],
    (context) => [{ id: 'owner', name: 'Owner team', items: ofTouchpoint((tp) => (tp.owner ? [elementItem(context.team(tp.owner), tp.owner, 'team')] : [])) }],
    () => [{
        id: 'emotion', name: 'Emotion',
        items: ofTouchpoint((tp) => (tp.emotion === undefined ? [] : [{ text: emotionText(tp.emotion), style: emotionStyle(tp.emotion) }])),
    }],
    (context) => personasWithScores(context.model).map((persona) => ({
        id: `emotion_${persona}`,
        name: `Emotion · ${context.persona(persona)?.label ?? persona}`,
        prefix: `${context.persona(persona)?.label ?? persona}: `,
        items: ofTouchpoint((tp) => {
            const score = scoreOf(tp.emotions, persona);
            return score === undefined ? [] : [{ text: emotionText(score), style: emotionStyle(score) }];
        }),
    })),
    (context) => [{
        id: 'expected', name: 'Expected',
        // Only where the hoped-for score differs from the felt one (a persona without a score of its own feels the overall one).
        items: ofTouchpoint((tp) => tp.expectations.flatMap((expected) => {
            const felt = scoreOf(tp.emotions, expected.persona) ?? tp.emotion;
            if (felt === expected.score) return [];
            const who = expected.persona ? `${context.persona(expected.persona)?.label ?? expected.persona}: ` : '';
            return [{ text: `${who}hoped ${emotionText(expected.score)}`, style: emotionStyle(expected.score) }];
        })),
    }],
    () => [{ id: 'pains', prefix: '', name: 'Pains', items: ofTouchpoint((tp) => texts(tp.pains, 'pain', '⚠ ')) }],
    () => [{ id: 'gains', prefix: '', name: 'Gains', items: ofTouchpoint((tp) => texts(tp.gains, 'gain', '✓ ')) }],
    () => [{ id: 'opportunities', prefix: '', name: 'Opportunities', items: ofTouchpoint((tp) => texts(tp.opportunities, 'opportunity', '💡 ')) }],
    () => [{ id: 'moments', prefix: '', name: 'Moments of truth', items: ofTouchpoint((tp) => (tp.momentOfTruth ? [{ text: '★ moment of truth', style: 'moment' }] : [])) }],
    () => [{ id: 'backstage', name: 'Backstage', items: ofTouchpoint((tp) => texts(tp.backstage, 'backstage')) }],
    () => [{ id: 'reach', name: 'Reach', items: ofTouchpoint((tp) => (tp.reach === undefined ? [] : [{ text: formatNumber(tp.reach) }])) }],
    (context) => [{ id: 'paths', name: 'Leads to', items: (step) => pathItems(step, context) }],
];

/** The step itself: a touchpoint, a decision (◆) or an outcome (■). */
function stepItem(step: CanvasStep): CanvasItem {
    if (step.kind === 'decision') return { text: `◆ ${step.label}`, style: 'decision', element: { element: step, kind: 'decision' } };
    if (step.kind === 'outcome') return { text: `■ ${step.label}`, style: 'outcome', element: { element: step, kind: 'outcome' } };
    return { text: step.label, style: 'step', element: { element: step, kind: 'touchpoint' } };
}

/** An item for a persona, channel or team: its label (its id when it is not declared). */
function elementItem(element: ModelElement | undefined, id: string, kind: SourceMapEntry['kind']): CanvasItem {
    return element ? { text: element.label, element: { element, kind } } : { text: id };
}

/** Where a step leads: a decision's branches with their answers, a touchpoint's `next` links. */
function pathItems(step: CanvasStep, context: LaneContext): CanvasItem[] {
    if (step.kind === 'decision') {
        return step.branches.map((branch) => ({ text: `${branch.label ? `“${branch.label}” ` : ''}→ ${context.flowLabel(branch.target)}` }));
    }
    if (step.kind === 'touchpoint') return step.next.map((target) => ({ text: `→ ${context.flowLabel(target)}` }));
    return [];
}

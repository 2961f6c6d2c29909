/**
 * The lanes of the canvas: one entry per kind of fact a map can hold, top to bottom. Each
 * entry says what its lane shows in each column (a touchpoint, a decision or an outcome):
 * a list of items, each a plain text (the canvas wraps and escapes it) with the style of
 * its cell and, when it stands for an element of the model, that element (for the source
 * map and the highlight). A lane that shows nothing in the whole map is left out, so a
 * new kind of fact is one more entry here. Stage-wide facts (the stage's name and KPIs)
 * are the `stageLanes`: their items span the stage's columns. Lane names and the words of
 * the cells are the map's language's (`view-words.ts`); labels are never translated.
 */
import type { DecisionModel, JourneyModel, KpiModel, ModelElement, OutcomeModel, ScoreModel, StageModel, TouchpointModel } from '../model/journey-model.js';
import { percentOfTarget } from './kpi-text.js';
import type { SourceMapEntry } from './view-types.js';
import { formatNumber as formatIn, type ViewWords } from './view-words.js';

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
    channel(id: string): (ModelElement & { mode?: 'online' | 'offline'; tone?: string }) | undefined;
    team(id: string): ModelElement | undefined;
    /** The label of a flow node (touchpoint, decision or outcome). */
    flowLabel(id: string): string;
    /** The words the canvas adds, in the map's language. */
    words: ViewWords;
}

/** The faces of the emotion scale, 1 to 5 (the words are the map's language's). */
export const EMOTION_FACES = ['😠', '😟', '😐', '🙂', '😄'] as const;

/** "😠 angry · 1": the face, the word and the score as written. */
export function emotionText(score: number, words: ViewWords): string {
    const index = scaleIndex(score);
    return `${EMOTION_FACES[index]} ${words.emotions[index]} · ${formatIn(score, words)}`;
}

/** The cell style of a score: its place on the colour scale. */
export function emotionStyle(score: number): CellStyle {
    return `emotion${(scaleIndex(score) + 1) as 1 | 2 | 3 | 4 | 5}`;
}

function scaleIndex(score: number): number {
    return Math.min(4, Math.max(0, Math.round(score) - 1));
}

/** The KPI as one line: name, measured value, target and unit (`Bookings · 1,200 / target 1,500 bookings/month (80%)`). */
export function kpiText(kpi: KpiModel, words: ViewWords): string {
    const unit = kpi.unit ? ` ${kpi.unit}` : '';
    const actual = kpi.actual === undefined ? '' : ` · ${formatIn(kpi.actual, words)}`;
    if (kpi.target === undefined) return `${kpi.label}${actual}${unit ? (actual ? unit : ` (${kpi.unit})`) : ''}`;
    const share = kpi.actual !== undefined && kpi.target !== 0 ? ` (${percentOfTarget(kpi.actual, kpi.target, words)})` : '';
    return `${kpi.label}${actual}${actual ? ' /' : ' ·'} ${words.canvas.target} ${formatIn(kpi.target, words)}${unit}${share}`;
}

/** The stage-wide lanes, above the others, named in the map's language. */
export function stageLanes(words: ViewWords): StageLane[] {
    return [
        { id: 'stage', name: words.canvas.lanes.stage, items: (stage) => [{ text: stage.label, style: 'stage', element: { element: stage, kind: 'stage' } }] },
        { id: 'kpis', name: words.canvas.lanes.kpis, items: (stage) => stage.kpis.map((kpi) => ({ text: kpiText(kpi, words), style: 'kpi', element: { element: kpi, kind: 'kpi' } })) },
    ];
}

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
    (context) => [{ id: 'steps', prefix: '', name: context.words.canvas.lanes.steps, items: (step) => [stepItem(step)] }],
    (context) => [{ id: 'about', name: context.words.canvas.lanes.about, items: ofTouchpoint((tp) => texts(tp.description ? [tp.description] : [])) }],
    (context) => [{
        id: 'personas', name: context.words.canvas.lanes.personas,
        items: ofTouchpoint((tp) => tp.personas.map((id) => elementItem(context.persona(id), id, 'persona'))),
    }],
    (context) => [{
        id: 'channel', name: context.words.canvas.lanes.channel,
        items: ofTouchpoint((tp) => tp.channels.map((id) => {
            const channel = context.channel(id);
            const item = elementItem(channel, id, 'channel');
            return channel?.mode ? { ...item, text: `${item.text} · ${context.words.canvas[channel.mode]}` } : item;
        })),
    }],
    (context) => [{ id: 'owner', name: context.words.canvas.lanes.owner, items: ofTouchpoint((tp) => (tp.owner ? [elementItem(context.team(tp.owner), tp.owner, 'team')] : [])) }],
    (context) => [{
        id: 'emotion', name: context.words.canvas.lanes.emotion,
        items: ofTouchpoint((tp) => (tp.emotion === undefined ? [] : [{ text: emotionText(tp.emotion, context.words), style: emotionStyle(tp.emotion) }])),
    }],
    (context) => personasWithScores(context.model).map((persona) => ({
        id: `emotion_${persona}`,
        name: `${context.words.canvas.lanes.emotion} · ${context.persona(persona)?.label ?? persona}`,
        prefix: `${context.persona(persona)?.label ?? persona}${context.words.colon} `,
        items: ofTouchpoint((tp) => {
            const score = scoreOf(tp.emotions, persona);
            return score === undefined ? [] : [{ text: emotionText(score, context.words), style: emotionStyle(score) }];
        }),
    })),
    (context) => [{
        id: 'expected', name: context.words.canvas.lanes.expected,
        // Only where the hoped-for score differs from the felt one (a persona without a score of its own feels the overall one).
        items: ofTouchpoint((tp) => tp.expectations.flatMap((expected) => {
            const felt = scoreOf(tp.emotions, expected.persona) ?? tp.emotion;
            if (felt === expected.score) return [];
            const who = expected.persona ? `${context.persona(expected.persona)?.label ?? expected.persona}${context.words.colon} ` : '';
            return [{ text: `${who}${context.words.canvas.hoped} ${emotionText(expected.score, context.words)}`, style: emotionStyle(expected.score) }];
        })),
    }],
    (context) => [{
        id: 'tone', name: context.words.canvas.lanes.tone,
        // The touchpoint's own tone, else the tone of its channels (named).
        items: ofTouchpoint((tp) => (tp.tone ? [{ text: tp.tone }] : tp.channels.flatMap((id) => {
            const channel = context.channel(id);
            return channel?.tone ? [{ text: `${channel.label}${context.words.colon} ${channel.tone}` }] : [];
        }))),
    }],
    (context) => [{ id: 'data', name: context.words.canvas.lanes.data, items: ofTouchpoint((tp) => texts(tp.data ?? [])) }],
    (context) => [{ id: 'pains', prefix: '', name: context.words.canvas.lanes.pains, items: ofTouchpoint((tp) => texts(tp.pains, 'pain', '⚠ ')) }],
    (context) => [{ id: 'gains', prefix: '', name: context.words.canvas.lanes.gains, items: ofTouchpoint((tp) => texts(tp.gains, 'gain', '✓ ')) }],
    (context) => [{ id: 'opportunities', prefix: '', name: context.words.canvas.lanes.opportunities, items: ofTouchpoint((tp) => texts(tp.opportunities, 'opportunity', '💡 ')) }],
    (context) => [{ id: 'moments', prefix: '', name: context.words.canvas.lanes.moments, items: ofTouchpoint((tp) => (tp.momentOfTruth ? [{ text: `★ ${context.words.momentOfTruth}`, style: 'moment' }] : [])) }],
    (context) => [{ id: 'backstage', name: context.words.canvas.lanes.backstage, items: ofTouchpoint((tp) => texts(tp.backstage, 'backstage')) }],
    (context) => [{ id: 'reach', name: context.words.canvas.lanes.reach, items: ofTouchpoint((tp) => (tp.reach === undefined ? [] : [{ text: formatIn(tp.reach, context.words) }])) }],
    (context) => [{ id: 'paths', name: context.words.canvas.lanes.paths, items: (step) => pathItems(step, context) }],
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

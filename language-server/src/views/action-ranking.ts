/**
 * Actions ranked by impact, effort and closeness to the sale, as the acquisition matrix of
 * the articles asks. Pure arithmetic over the model, kept apart from the drawing.
 *
 * - Closeness to the sale is how late in the journey the touchpoints an action improves
 *   are: its latest improved touchpoint, on a 1..5 scale from the journey's first
 *   touchpoint (1) to its last (5), spread evenly in document order (one decimal). An
 *   action that improves no touchpoint has no closeness (it counts 0).
 * - Score = impact + (6 − effort) + closeness: three 1..5 scales, each counted once, so a
 *   quick win late in the journey scores highest (up to 15).
 * - Ties go to the higher impact, then the lower effort, then document order.
 * - Actions without both an impact and an effort are not ranked (listed apart).
 */
import type { ActionModel, JourneyModel, StageModel, TouchpointModel } from '../model/journey-model.js';
import { touchpointsOf } from './model-queries.js';

/** One ranked action. */
export interface RankedAction {
    rank: number;
    action: ActionModel & { impact: number; effort: number };
    /** 1..5, or undefined when the action improves no touchpoint of the journey. */
    closeness?: number;
    /** The latest touchpoint the action improves, and its stage. */
    latest?: { touchpoint: TouchpointModel; stage?: StageModel };
    score: number;
}

/** The ranking of a journey's actions, best first, and the actions it cannot rank. */
export function rankActions(model: JourneyModel): { ranked: RankedAction[]; unranked: ActionModel[] } {
    const touchpoints = touchpointsOf(model);
    const position = new Map(touchpoints.map((touchpoint, index) => [touchpoint.id, index]));
    const scored = model.actions.filter((action): action is ActionModel & { impact: number; effort: number } => action.impact !== undefined && action.effort !== undefined);
    const entries = scored.map((action, order) => {
        const indexes = action.improves.flatMap((id) => (position.has(id) ? [position.get(id)!] : []));
        const last = indexes.length > 0 ? Math.max(...indexes) : undefined;
        const closeness = last === undefined ? undefined : round1(touchpoints.length <= 1 ? 5 : 1 + (4 * last) / (touchpoints.length - 1));
        const touchpoint = last === undefined ? undefined : touchpoints[last];
        const latest = touchpoint && { touchpoint, stage: model.stages.find((stage) => stage.id === touchpoint.stage) };
        const score = round1(clamp(action.impact) + (6 - clamp(action.effort)) + (closeness ?? 0));
        return { action, closeness, latest, score, order };
    });
    entries.sort((a, b) => b.score - a.score || b.action.impact - a.action.impact || a.action.effort - b.action.effort || a.order - b.order);
    return {
        ranked: entries.map(({ order: _order, ...entry }, index) => ({ rank: index + 1, ...entry })),
        unranked: model.actions.filter((action) => action.impact === undefined || action.effort === undefined),
    };
}

/** Scores outside 1..5 count as the nearest end of the scale. */
function clamp(score: number): number {
    return Math.min(5, Math.max(1, score));
}

function round1(value: number): number {
    return Math.round(value * 10) / 10;
}

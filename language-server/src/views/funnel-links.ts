/**
 * The numbers of the funnel view: how many customers go from one touchpoint with a
 * `reach` to the next ones, and how many are lost on the way. Pure arithmetic over the
 * model's flow, kept apart from the drawing.
 *
 * Rules: links follow the flow (through decisions and touchpoints without a reach) to the
 * next touchpoints with a reach, or to outcomes. Only forward links (later in the
 * document) count, so loops back (`next` to an earlier step) never make a cycle. A
 * touchpoint reached from several places shares its reach among them in proportion to
 * their reaches. When fewer customers go on than arrived, the difference is lost: it
 * flows to the outcome the path leads to when there is exactly one, else to "lost".
 * The last touchpoints of a path lose no one (their customers finished the journey).
 */
import type { JourneyModel, ModelElement, OutcomeModel, TouchpointModel } from '../model/journey-model.js';
import { touchpointsOf } from './model-queries.js';

/** A node of the funnel: a touchpoint with a reach, or an outcome. */
export type FunnelNode = TouchpointModel | OutcomeModel;

/** One flow of customers: from a touchpoint to a touchpoint, an outcome or `lost` (to undefined). */
export interface FunnelLink {
    from: TouchpointModel;
    to: FunnelNode | undefined;
    kind: 'onward' | 'lost';
    value: number;
}

/** The customer flows of a journey; empty when fewer than two touchpoints on a path have a reach. */
export function funnelLinks(model: JourneyModel): FunnelLink[] {
    const order = new Map<string, number>();
    model.stages.flatMap((stage) => stage.steps).forEach((step, index) => order.set(step.id, index));
    model.outcomes.forEach((outcome) => order.set(outcome.id, Number.MAX_SAFE_INTEGER));
    const withReach = new Map(touchpointsOf(model).filter((tp) => tp.reach !== undefined && tp.reach > 0).map((tp) => [tp.id, tp]));
    const outcomes = new Map(model.outcomes.map((outcome) => [outcome.id, outcome]));
    const successors = new Map<string, string[]>();
    for (const edge of model.flow.edges) successors.set(edge.from, [...(successors.get(edge.from) ?? []), edge.to]);

    /** The next touchpoints with a reach and the outcomes reachable from `start` without passing another reach. */
    const ahead = (start: TouchpointModel): { reached: TouchpointModel[]; ends: OutcomeModel[] } => {
        const reached = new Set<TouchpointModel>();
        const ends = new Set<OutcomeModel>();
        const seen = new Set<string>([start.id]);
        const stack = [...(successors.get(start.id) ?? [])];
        while (stack.length > 0) {
            const id = stack.pop()!;
            if (seen.has(id) || (order.get(id) ?? -1) <= (order.get(start.id) ?? 0)) continue;
            seen.add(id);
            const touchpoint = withReach.get(id);
            const outcome = outcomes.get(id);
            if (touchpoint) reached.add(touchpoint);
            else if (outcome) ends.add(outcome);
            else stack.push(...(successors.get(id) ?? []));
        }
        const byOrder = (a: ModelElement, b: ModelElement): number => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0);
        return { reached: [...reached].sort(byOrder), ends: [...ends].sort(byOrder) };
    };

    const next = new Map([...withReach.values()].map((tp) => [tp, ahead(tp)]));
    const incoming = new Map<TouchpointModel, number>();
    for (const [from, { reached }] of next) for (const to of reached) incoming.set(to, (incoming.get(to) ?? 0) + from.reach!);
    const links: FunnelLink[] = [];
    for (const [from, { reached, ends }] of next) {
        let onward = 0;
        for (const to of reached) {
            const value = round((to.reach! * from.reach!) / incoming.get(to)!);
            onward += value;
            if (value > 0) links.push({ from, to, kind: 'onward', value });
        }
        const lost = round(from.reach! - onward);
        if (reached.length > 0 && lost > 0) links.push({ from, to: ends.length === 1 ? ends[0] : undefined, kind: 'lost', value: lost });
    }
    return links.some((link) => link.kind === 'onward') ? links : [];
}

/** Customers are counted whole. */
function round(value: number): number {
    return Math.round(value);
}

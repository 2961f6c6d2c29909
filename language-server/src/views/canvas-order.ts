/**
 * The order of the steps in the canvas: the customers' path. Starting where the journey
 * starts, the flow is walked depth first (links in the order they were written), and each
 * step gets the rank of its first visit; steps the path never reaches come after, in
 * document order. Loops back never move a step already placed.
 */
import type { JourneyModel } from '../model/journey-model.js';

/** The rank of every step (touchpoint, decision) and outcome id along the path. */
export function pathOrder(model: JourneyModel): Map<string, number> {
    const successors = new Map<string, string[]>();
    for (const edge of model.flow.edges) successors.set(edge.from, [...(successors.get(edge.from) ?? []), edge.to]);
    const rank = new Map<string, number>();
    const stack = model.flow.start ? [model.flow.start] : [];
    while (stack.length > 0) {
        const id = stack.pop()!;
        if (rank.has(id)) continue;
        rank.set(id, rank.size);
        // Pushed in reverse, so the first link written is walked first.
        for (const next of [...(successors.get(id) ?? [])].reverse()) if (!rank.has(next)) stack.push(next);
    }
    for (const step of model.stages.flatMap((stage) => stage.steps)) if (!rank.has(step.id)) rank.set(step.id, rank.size);
    return rank;
}

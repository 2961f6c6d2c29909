/**
 * The rules on the path customers take, over the flow graph of `journey-flow.ts`: loops that
 * trap customers, and reach larger than what can flow in from the touchpoints before.
 */
import type { ValidationAcceptor } from 'langium';
import { isTouchpoint, type Journey, type Touchpoint } from '../generated/ast.js';
import { IssueCodes, issue, joinSome } from './journey-diagnostics.js';
import { journeySteps, type FlowEdge, type FlowGraph, type FlowNode } from './journey-flow.js';

/** True when a reach is a whole number of customers, 0 or more. */
export function validReach(value: number): boolean {
    return Number.isInteger(value) && value >= 0;
}

/** True when a `next` link or a branch of the journey points to nothing. */
export function hasBrokenLinks(journey: Journey): boolean {
    return journeySteps(journey).some((step) => isTouchpoint(step)
        ? step.next.some((link) => !link.ref)
        : step.branches.some((branch) => !branch.target?.ref));
}

/** Warns on the link that closes a loop customers can never leave, listing the loop. */
export function reportTrap(trap: FlowNode[], graph: FlowGraph, accept: ValidationAcceptor): void {
    const first = trap[0];
    const inTrap = new Set(trap);
    const cameFrom = new Map<FlowNode, FlowEdge>();
    const queue: FlowNode[] = [first];
    let closing: FlowEdge | undefined;
    for (let head = 0; head < queue.length && !closing; head++) {
        for (const edge of graph.successors.get(queue[head]) ?? []) {
            if (edge.to === first) {
                closing = edge;
                break;
            }
            if (inTrap.has(edge.to) && !cameFrom.has(edge.to)) {
                cameFrom.set(edge.to, edge);
                queue.push(edge.to);
            }
        }
    }
    if (!closing) return;
    const path: FlowNode[] = [];
    for (let node = closing.from; node !== first; node = cameFrom.get(node)!.from) path.unshift(node);
    const loop = [first, ...path, first].map((node) => node.name);
    const message = `Customers who reach '${first.name}' can never leave: ${loop.join(' → ')}. Add a next or a branch that leads out.`;
    const data = issue(IssueCodes.TrappingLoop, { loop });
    const source = closing.source;
    if (source && 'index' in source) {
        accept('warning', message, { node: source.node, property: 'next', index: source.index, ...data });
    } else if (source) {
        accept('warning', message, { node: source.node, property: 'target', ...data });
    } else {
        accept('warning', message, { node: first, property: 'name', ...data });
    }
}

/** Warns where a touchpoint's reach exceeds the sum of the reaches of the touchpoints before it (looking through decisions). */
export function reportReachAboveInflow(graph: FlowGraph, accept: ValidationAcceptor): void {
    const predecessors = new Map<FlowNode, FlowNode[]>();
    for (const edge of graph.edges) {
        const list = predecessors.get(edge.to);
        if (list) list.push(edge.from);
        else predecessors.set(edge.to, [edge.from]);
    }
    const throughDecision = new Map<FlowNode, Set<Touchpoint>>();
    const touchpointsBefore = (node: FlowNode): Set<Touchpoint> => {
        const found = new Set<Touchpoint>();
        const seen = new Set<FlowNode>([node]);
        const stack = [...(predecessors.get(node) ?? [])];
        while (stack.length > 0) {
            const before = stack.pop()!;
            if (seen.has(before)) continue;
            seen.add(before);
            if (isTouchpoint(before)) {
                found.add(before);
            } else {
                const known = throughDecision.get(before);
                if (known) known.forEach((touchpoint) => found.add(touchpoint));
                else stack.push(...(predecessors.get(before) ?? []));
            }
        }
        return found;
    };
    for (const node of graph.nodes) {
        if (node.$type === 'Decision') throughDecision.set(node, touchpointsBefore(node));
    }
    const position = new Map<FlowNode, number>(graph.nodes.map((node, index) => [node, index]));
    for (const node of graph.nodes) {
        if (!isTouchpoint(node) || node.reaches.length === 0 || !validReach(node.reaches[0])) continue;
        const sources = [...touchpointsBefore(node)].sort((a, b) => position.get(a)! - position.get(b)!);
        if (sources.length === 0 || sources.some((source) => source.reaches.length === 0 || !validReach(source.reaches[0]))) continue;
        const max = sources.reduce((sum, source) => sum + source.reaches[0], 0);
        const reach = node.reaches[0];
        if (reach <= max) continue;
        const names = joinSome(sources, (source) => `'${source.name}' (${source.reaches[0]})`);
        const before = sources.length === 1 ? `the touchpoint before it, ${names}, brings` : `the touchpoints before it, ${names}, bring`;
        accept('warning', `Reach ${reach} is more than can arrive here: ${before} at most ${max} customers. Lower this reach, or raise theirs.`,
            { node, property: 'reaches', index: 0, ...issue(IssueCodes.ReachExceedsInflow, { max }) });
    }
}

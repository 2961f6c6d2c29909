/**
 * The path customers take through a journey, computed once from the AST and shared by
 * the validator (reachability, traps, reach) and the model builder.
 *
 * Rules: a touchpoint with `next` links goes where they lead; one without goes to the
 * following step in document order. A decision goes where its branches lead. An outcome
 * ends the path. A link to a stage leads to the first step of that stage.
 */
import type { AstNode } from 'langium';
import { isStage, type Branch, type Decision, type FlowTarget, type Journey, type Outcome, type Step, type Touchpoint } from '../generated/ast.js';

/** A node of the path: a step (touchpoint or decision) or an outcome. */
export type FlowNode = Step | Outcome;

/** One link of the path. `source` and `index` locate the text that created it (none for document order). */
export interface FlowEdge {
    from: FlowNode;
    to: FlowNode;
    kind: 'order' | 'next' | 'branch';
    label?: string;
    source?: { node: Touchpoint; index: number } | { node: Branch };
}

/** The resolved path of one journey. */
export interface FlowGraph {
    start: FlowNode | undefined;
    nodes: FlowNode[];
    edges: FlowEdge[];
    successors: Map<FlowNode, FlowEdge[]>;
}

/** The steps of a journey in document order, stage by stage. */
export function journeySteps(journey: Journey): Step[] {
    return journey.stages.flatMap((stage) => stage.steps);
}

/** Where a link to `target` really leads: the target itself, or the first step of a stage. */
export function resolveFlowTarget(target: FlowTarget | undefined): FlowNode | undefined {
    if (isStage(target)) {
        return target.steps[0];
    }
    return target;
}

/** Computes the path of a journey from its `next` links, decision branches and document order. */
export function computeFlow(journey: Journey): FlowGraph {
    const steps = journeySteps(journey);
    const nodes: FlowNode[] = [...steps, ...journey.outcomes];
    const edges: FlowEdge[] = [];
    steps.forEach((step, position) => {
        if (step.$type === 'Decision') {
            edges.push(...branchEdges(step));
        } else if (step.next.length > 0) {
            step.next.forEach((link, index) => {
                const to = resolveFlowTarget(link?.ref);
                if (to) edges.push({ from: step, to, kind: 'next', source: { node: step, index } });
            });
        } else if (position + 1 < steps.length) {
            edges.push({ from: step, to: steps[position + 1], kind: 'order' });
        }
    });
    const successors = new Map<FlowNode, FlowEdge[]>(nodes.map((node) => [node, []]));
    for (const edge of edges) {
        successors.get(edge.from)?.push(edge);
    }
    return { start: steps[0], nodes, edges, successors };
}

function branchEdges(decision: Decision): FlowEdge[] {
    const edges: FlowEdge[] = [];
    for (const branch of decision.branches) {
        const to = resolveFlowTarget(branch.target?.ref);
        if (to) edges.push({ from: decision, to, kind: 'branch', label: branch.label, source: { node: branch } });
    }
    return edges;
}

/** The nodes customers can reach from the start of the journey. */
export function reachableNodes(graph: FlowGraph): Set<FlowNode> {
    const seen = new Set<FlowNode>();
    const stack = graph.start ? [graph.start] : [];
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (seen.has(node)) continue;
        seen.add(node);
        for (const edge of graph.successors.get(node) ?? []) stack.push(edge.to);
    }
    return seen;
}

/**
 * Loops that trap customers: groups of nodes that lead to each other, from which no end of
 * the journey (an outcome or a step with nowhere to go) can be reached, and that lead nowhere
 * else (a loop that leads on into another trap is not reported: the other trap is).
 * Each trap is returned as its nodes in document order.
 */
export function trappingLoops(graph: FlowGraph): FlowNode[][] {
    const predecessors = new Map<FlowNode, FlowNode[]>(graph.nodes.map((node) => [node, []]));
    for (const edge of graph.edges) predecessors.get(edge.to)?.push(edge.from);
    const canLeave = new Set<FlowNode>();
    const stack = graph.nodes.filter((node) => (graph.successors.get(node) ?? []).length === 0);
    while (stack.length > 0) {
        const node = stack.pop()!;
        if (canLeave.has(node)) continue;
        canLeave.add(node);
        stack.push(...(predecessors.get(node) ?? []));
    }
    const trapped = graph.nodes.filter((node) => !canLeave.has(node));
    // Only the loops with no way out at all: a loop that leads on into another trap is not where customers get stuck.
    return stronglyConnected(trapped, graph)
        .filter((group) => group.length > 1 || selfLoop(group[0], graph))
        .filter((group) => {
            const members = new Set(group);
            return group.every((node) => (graph.successors.get(node) ?? []).every((edge) => members.has(edge.to)));
        });
}

function selfLoop(node: FlowNode, graph: FlowGraph): boolean {
    return (graph.successors.get(node) ?? []).some((edge) => edge.to === node);
}

/** Tarjan's algorithm restricted to `subset`, iterative so long paths cannot exhaust the stack; groups keep document order. */
function stronglyConnected(subset: FlowNode[], graph: FlowGraph): FlowNode[][] {
    const order = new Map<FlowNode, number>(subset.map((node, i) => [node, i]));
    const index = new Map<FlowNode, number>();
    const low = new Map<FlowNode, number>();
    const onStack = new Set<FlowNode>();
    const stack: FlowNode[] = [];
    const groups: FlowNode[][] = [];
    const targetsOf = (node: FlowNode) => (graph.successors.get(node) ?? []).map((edge) => edge.to).filter((to) => order.has(to));
    let counter = 0;
    for (const root of subset) {
        if (index.has(root)) continue;
        const work: Array<{ node: FlowNode; targets: FlowNode[]; next: number }> = [];
        const enter = (node: FlowNode) => {
            index.set(node, counter);
            low.set(node, counter++);
            stack.push(node);
            onStack.add(node);
            work.push({ node, targets: targetsOf(node), next: 0 });
        };
        enter(root);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            if (frame.next < frame.targets.length) {
                const to = frame.targets[frame.next++];
                if (!index.has(to)) {
                    enter(to);
                } else if (onStack.has(to)) {
                    low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
                }
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
            if (low.get(frame.node) === index.get(frame.node)) {
                const group: FlowNode[] = [];
                let member: FlowNode;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    group.push(member);
                } while (member !== frame.node);
                groups.push(group.sort((a, b) => order.get(a)! - order.get(b)!));
            }
        }
    }
    return groups;
}

/** True when `node` is one of the flow nodes (touchpoint, decision, outcome). */
export function isFlowNode(node: AstNode): node is FlowNode {
    return node.$type === 'Touchpoint' || node.$type === 'Decision' || node.$type === 'Outcome';
}

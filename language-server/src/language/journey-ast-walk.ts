/**
 * Fast walks over a parsed map, for the phases that visit every node after each edit
 * (local scopes, linking, validation). Langium's `streamAst` and `streamReferences` build a
 * generic lazy stream per node; on a map of 1,000 touchpoints that iteration cost more than
 * the work done on the nodes. These visit the same nodes in the same order (depth first,
 * each node before its children, properties in the order the parser wrote them).
 */
import { interruptAndCheck, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';
import type { CancellationToken } from 'vscode-jsonrpc';

/** How many nodes are handled between two checks for cancellation (and chances for other requests to run). */
const NODES_BETWEEN_CHECKS = 256;

/** True for an AST node (not a reference, not a value). */
export function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
}

/** The nodes of each parsed tree (a tree does not change once parsed: an edit parses a new one). */
const nodesOfTree = new WeakMap<AstNode, readonly AstNode[]>();

/** Every node of the tree under `root`, `root` first, in `streamAst` order; computed once per tree. */
export function treeNodes(root: AstNode): readonly AstNode[] {
    let nodes = nodesOfTree.get(root);
    if (!nodes) {
        nodes = allNodes(root);
        nodesOfTree.set(root, nodes);
    }
    return nodes;
}

/** Every node of the tree under `root` (`root` included unless `withRoot` is false), in `streamAst` order. */
export function allNodes(root: AstNode, withRoot = true): AstNode[] {
    const nodes: AstNode[] = [];
    const visit = (node: AstNode) => {
        nodes.push(node);
        for (const key in node) {
            if (key.charCodeAt(0) === 36 /* $ */) continue;
            const value = (node as unknown as Record<string, unknown>)[key];
            if (Array.isArray(value)) {
                for (const item of value) if (isNode(item)) visit(item);
            } else if (isNode(value)) {
                visit(value);
            }
        }
    };
    visit(root);
    return withRoot ? nodes : nodes.slice(1);
}

/** Calls `accept` for every cross-reference the node holds, in `streamReferences` order. */
export function forEachReference(node: AstNode, accept: (info: ReferenceInfo) => void): void {
    for (const key in node) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (isReference(value) || isMultiReference(value)) {
            accept({ reference: value, container: node, property: key });
        } else if (Array.isArray(value)) {
            value.forEach((item, index) => {
                if (isReference(item) || isMultiReference(item)) accept({ reference: item, container: node, property: key, index });
            });
        }
    }
}

/** Runs `action` on each node, checking for cancellation (and letting other work run) every few hundred nodes. */
export async function forEachNode(nodes: readonly AstNode[], cancelToken: CancellationToken | undefined, action: (node: AstNode) => void | Promise<void>, from = 0): Promise<void> {
    for (let i = from; i < nodes.length; i++) {
        if (cancelToken && i % NODES_BETWEEN_CHECKS === 0) await interruptAndCheck(cancelToken);
        const result = action(nodes[i]);
        if (result) await result;
    }
}

/**
 * Keeps the node list of a tree changed in place right: `old` (and its subtree) was replaced by
 * `replacement` (an element parsed again, see journey-incremental-parse.ts).
 */
export function replaceInTree(root: AstNode, old: AstNode, replacement: AstNode): void {
    const nodes = nodesOfTree.get(root);
    if (!nodes) return;
    const at = nodes.indexOf(old);
    if (at < 0) {
        nodesOfTree.delete(root);
        return;
    }
    const removed = allNodes(old).length;
    nodesOfTree.set(root, [...nodes.slice(0, at), ...allNodes(replacement), ...nodes.slice(at + removed)]);
}

/** The nodes directly held by `node`, in `streamContents` order. */
export function childrenOf(node: AstNode): AstNode[] {
    const children: AstNode[] = [];
    for (const key in node) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const item of value) if (isNode(item)) children.push(item);
        } else if (isNode(value)) {
            children.push(value);
        }
    }
    return children;
}

/**
 * Linking of the .journey language: Langium's linker, with plain-language messages for
 * references that point to nothing ("No persona 'alx' … Personas: alex, sam.").
 */
import { DefaultLinker, type AstNodeDescription, type LangiumDocument, type LinkingError, type ReferenceInfo, type Scope } from 'langium';
import type { CancellationToken } from 'vscode-jsonrpc';
import { forEachNode, forEachReference, treeNodes } from './journey-ast-walk.js';

/** How the message names each kind of reference target, and where it looked. */
const TARGETS: Record<string, { one: string; many: string; where: string }> = {
    Persona: { one: 'persona', many: 'Personas', where: "in this journey or the workspace's shared files" },
    Channel: { one: 'channel', many: 'Channels', where: "in this journey or the workspace's shared files" },
    Team: { one: 'team', many: 'Teams', where: "in this journey or the workspace's shared files" },
    Touchpoint: { one: 'touchpoint', many: 'Touchpoints', where: 'in this journey' },
    FlowTarget: { one: 'touchpoint, decision, stage or outcome', many: 'Places it can lead to', where: 'in this journey' },
};

/** How many existing names a message lists before it says "and N more". */
const LISTED = 12;

export class JourneyLinker extends DefaultLinker {
    /** Langium's linking of every reference, with a faster walk over the tree (journey-ast-walk.ts). */
    override async link(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        await forEachNode(treeNodes(document.parseResult.value), cancelToken, (node) => forEachReference(node, (info) => this.doLink(info, document)));
    }

    /** A linking error whose message names what exists and the closest match. */
    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        if (targetDescription) {
            return error;
        }
        const type = this.reflection.getReferenceType(refInfo);
        const message = unresolvedMessage(type, refInfo.reference.$refText, this.scopeProvider.getScope(refInfo));
        return { ...error, message };
    }
}

/** The message for a reference `refText` to a `type` that the scope does not hold. */
export function unresolvedMessage(type: string, refText: string, scope: Scope): string {
    const target = TARGETS[type] ?? { one: type.toLowerCase(), many: `${type}s`, where: 'here' };
    const names = [...new Set(scope.getAllElements().map((description) => description.name))];
    const head = `No ${target.one} '${refText}' ${target.where}.`;
    if (names.length === 0) {
        return `${head} There are none yet: declare one first.`;
    }
    const shown = names.slice(0, LISTED).join(', ');
    const more = names.length > LISTED ? ` and ${names.length - LISTED} more` : '';
    const closest = closestName(refText, names);
    const hint = closest ? ` Did you mean '${closest}'?` : '';
    return `${head} ${target.many}: ${shown}${more}.${hint}`;
}

/** The name closest to `text` (at most 2 edits, or differing only in case), if any. */
export function closestName(text: string, names: string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = 3;
    for (const name of names) {
        const distance = name.toLowerCase() === text.toLowerCase() ? 0 : editDistance(text, name, bestDistance);
        if (distance < bestDistance) {
            best = name;
            bestDistance = distance;
        }
    }
    return best;
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit (`stgae` is one edit from
 * `stage`, two from `state`): the optimal string alignment distance, giving up (returning
 * `limit`) once it cannot be below `limit`.
 */
function editDistance(a: string, b: string, limit: number): number {
    if (Math.abs(a.length - b.length) >= limit) return limit;
    let beforePrevious: number[] = [];
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
            rowMin = Math.min(rowMin, current[j]);
        }
        // A row can be undercut by the next one only through a swap, which costs one more than the row before it.
        if (rowMin >= limit) return limit;
        beforePrevious = previous;
        previous = current;
    }
    return Math.min(previous[b.length], limit);
}

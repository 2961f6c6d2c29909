/** Which elements of the new map a diff touched: what the "after" pictures highlight. */
import type { JourneyDiff } from './diff-types.js';

/** The ids (in the new map) of every element added or changed, and both ends of every changed flow link. */
export function changedIds(diff: JourneyDiff): Set<string> {
    const ids = new Set<string>();
    for (const change of diff.changes) {
        if (change.kind === 'flow') {
            ids.add(change.from);
            if (change.change !== 'flow-removed') ids.add(change.to);
        } else if (change.change !== 'removed' && change.kind !== 'journey') {
            ids.add(change.id);
        }
    }
    return ids;
}

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { reorderedIds } from '../../language-server/src/diff/diff-order.js';

/** Length of a longest common subsequence by the textbook table: the reference the fast version must match. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = 0;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
            diagonal = above;
        }
    }
    return row[b.length];
}

const ids = fc.uniqueArray(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), { maxLength: 26 });

describe('reordered elements of a list', () => {
    test('an insertion or a removal moves nothing', () => {
        expect(reorderedIds(['a', 'b', 'c'], ['x', 'a', 'b', 'c'])).toEqual(new Set());
        expect(reorderedIds(['a', 'b', 'c'], ['a', 'c'])).toEqual(new Set());
    });

    test('one element taken elsewhere is the only one that moved', () => {
        expect(reorderedIds(['a', 'b', 'c', 'd', 'e'], ['a', 'c', 'd', 'e', 'b'])).toEqual(new Set(['b']));
        expect(reorderedIds(['a', 'b', 'c', 'd', 'e'], ['e', 'a', 'b', 'c', 'd'])).toEqual(new Set(['e']));
    });

    test('as few elements moved as a longest common subsequence allows, and the others keep their order', () => {
        fc.assert(fc.property(ids, ids, (before, after) => {
            const moved = reorderedIds(before, after);
            const common = after.filter((id) => before.includes(id));
            expect(moved.size).toBe(common.length - lcsLength(before, after));
            const kept = common.filter((id) => !moved.has(id));
            expect(before.filter((id) => kept.includes(id))).toEqual(kept);
        }), { numRuns: 500 });
    });

    test('ten thousand shuffled ids are compared without a quadratic table', () => {
        const before = Array.from({ length: 10_000 }, (_, i) => `tp_${i}`);
        const after = [...before].reverse();
        // A reversed list keeps one element in place: everything else moved.
        expect(reorderedIds(before, after).size).toBe(9_999);
    });
});

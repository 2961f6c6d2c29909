/**
 * Which elements really changed position in a list. An insertion or a removal shifts every
 * later element, but none of them moved: only the elements outside a longest common
 * subsequence of the two orders were reordered.
 *
 * Ids are unique in a list, so the common subsequence of the two orders is a longest
 * increasing subsequence of the old positions read in the new order: O(n log n) time and
 * linear memory (a table of lengths would be quadratic: 8,000 reordered touchpoints took 810 MB).
 */

/** The ids present in both lists whose relative order changed (those outside a longest common subsequence). */
export function reorderedIds(before: readonly string[], after: readonly string[]): Set<string> {
    const oldPosition = new Map<string, number>();
    before.forEach((id, index) => {
        if (!oldPosition.has(id)) oldPosition.set(id, index);
    });
    const seen = new Set<string>();
    const common: string[] = [];
    for (const id of after) {
        if (oldPosition.has(id) && !seen.has(id)) {
            seen.add(id);
            common.push(id);
        }
    }
    const kept = longestIncreasingRun(common.map((id) => oldPosition.get(id)!));
    return new Set(common.filter((_, index) => !kept.has(index)));
}

/** The indexes (into `values`) of one longest strictly increasing subsequence, by patience sorting. */
function longestIncreasingRun(values: readonly number[]): Set<number> {
    /** tails[k]: index of the smallest last value of an increasing run of length k + 1. */
    const tails: number[] = [];
    const previous = new Int32Array(values.length).fill(-1);
    values.forEach((value, index) => {
        let low = 0;
        let high = tails.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (values[tails[middle]] < value) low = middle + 1;
            else high = middle;
        }
        if (low > 0) previous[index] = tails[low - 1];
        tails[low] = index;
    });
    const kept = new Set<number>();
    for (let index = tails.length ? tails[tails.length - 1] : -1; index >= 0; index = previous[index]) kept.add(index);
    return kept;
}

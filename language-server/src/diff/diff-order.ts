/**
 * Which elements really changed position in a list. An insertion or a removal shifts every
 * later element, but none of them moved: only the elements outside a longest common
 * subsequence of the two orders were reordered.
 */

/** The ids present in both lists whose relative order changed (those outside a longest common subsequence). */
export function reorderedIds(before: readonly string[], after: readonly string[]): Set<string> {
    const inAfter = new Set(after);
    const inBefore = new Set(before);
    const a = before.filter((id) => inAfter.has(id));
    const b = after.filter((id) => inBefore.has(id));
    const kept = longestCommonSubsequence(a, b);
    return new Set(b.filter((id) => !kept.has(id)));
}

/** The items of one longest common subsequence of `a` and `b` (classic dynamic programming). */
function longestCommonSubsequence(a: readonly string[], b: readonly string[]): Set<string> {
    const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
        for (let j = b.length - 1; j >= 0; j--) {
            lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
        }
    }
    const common = new Set<string>();
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        if (a[i] === b[j]) {
            common.add(a[i]);
            i++;
            j++;
        } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
            i++;
        } else {
            j++;
        }
    }
    return common;
}

/**
 * How wide a text is drawn, estimated without a browser, so that a view can size its
 * diagram from its content (the views are pure functions: they never measure).
 *
 * The estimate is meant to be generous: it takes each character at about the width the
 * widest of Mermaid's fonts gives it ("trebuchet ms", verdana, arial, then the machine's
 * sans-serif, often DejaVu Sans, as wide as Verdana), so a diagram sized from it holds
 * the text in any of them. Characters of East Asian scripts take a full em, emoji a bit
 * more, combining marks and joiners nothing.
 *
 * `mermaidMeasuredText` gives the text Mermaid measures for an entity-coded label: before
 * any diagram is parsed Mermaid turns each `#60;` into the placeholder `ﬂ°°60¶ß` and only
 * swaps it back in the finished SVG, so a diagram that measures its text (xychart axes and
 * legend) measures the placeholders, much wider than the characters they stand for.
 */

/** Widths in em of the characters of a class, largest first where they overlap. */
const WIDE_LATIN = /[mwMW@%]/;
const NARROW = /[iljtfrI!.,:;'|()[\]{}`]/;
const UPPER = /[A-Z]/;
const ZERO_WIDTH = /[\p{M}\u200B-\u200F\u2060\uFE00-\uFE0F]/u;
const EMOJI = /\p{Extended_Pictographic}/u;
/** CJK, kana, Hangul, full-width forms: one em each. */
const FULL_WIDTH = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
/** General punctuation, arrows, symbols, dingbats (—, …, ★, ☕): up to an em. */
const SYMBOL = /[\u2000-\u2BFF]/;

/** The estimated width of one character, in em. */
function characterWidth(character: string): number {
    if (character === ' ') return 0.35;
    if (ZERO_WIDTH.test(character)) return 0;
    if (EMOJI.test(character) && character.codePointAt(0)! > 0xff) return 1.25;
    if (FULL_WIDTH.test(character)) return 1;
    if (SYMBOL.test(character)) return 1;
    if (WIDE_LATIN.test(character)) return 1;
    if (NARROW.test(character)) return 0.45;
    if (UPPER.test(character)) return 0.75;
    if (character.charCodeAt(0) < 128) return 0.64;
    return 0.75;
}

/** The estimated width in pixels of `text` drawn on one line at `fontSize` pixels (generous; see above). */
export function textWidth(text: string, fontSize: number): number {
    let em = 0;
    for (const character of text) em += characterWidth(character);
    return Math.ceil(em * fontSize);
}

/** The width of the longest word of `text` (words are what a browser never breaks). */
export function longestWordWidth(text: string, fontSize: number): number {
    return Math.max(0, ...text.split(/\s+/).map((word) => textWidth(word, fontSize)));
}

/** The text Mermaid measures for Mermaid text with entity codes: each `#…;` as its placeholder. */
export function mermaidMeasuredText(mermaidText: string): string {
    return mermaidText.replace(/#(\w+);/g, (_code, inner: string) => (/^\+?\d+$/.test(inner) ? `ﬂ°°${inner}¶ß` : `ﬂ°${inner}¶ß`));
}

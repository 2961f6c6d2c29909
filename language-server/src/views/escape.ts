/**
 * Escaping shared by every view. Mermaid has no single quoting rule: `:` ends a journey
 * task, `,` separates sankey columns and journey actors, `;` ends a flowchart statement,
 * `%%` starts a comment, `#…;` is an entity code, `$$` starts KaTeX, `*` `_` and a leading
 * `-` turn edge labels into Markdown, `<…>` is HTML. But before any diagram is parsed,
 * Mermaid turns every `#<decimal>;` into a placeholder that no parser reads as syntax and
 * that becomes the character again in the SVG (as an entity, so never as markup).
 *
 * So labels keep letters, digits, spaces and a few inert punctuation marks as they are
 * (the Mermaid text stays readable), and every other ASCII character, and every
 * control or line-break character, is written as `#<code>;`. Each view adds its own
 * rules on top (see the comment at the top of each view file). Every decision here is
 * proven in a real browser by `test/browser/views-hostile.test.ts`.
 */

/** ASCII characters that are inert in every diagram type (checked in the browser). */
const INERT_ASCII = /[A-Za-z0-9 .!?'/()]/;

/** Unicode characters written as entities too: controls, line separators and the BOM (they break lines or hide text). */
const BREAKING = /[\p{Cc}\u2028\u2029\uFEFF]/u;

/**
 * Mermaid's own entity placeholders are `ﬂ°°`, `ﬂ°` and `¶ß`; it turns them into `&#`, `&`
 * and `;` in the finished SVG, and HTML labels (flowcharts) are decoded once more, so a
 * label holding them would change (`ﬂ°°60¶ß` would show `<`). An invisible word joiner
 * (U+2060) between the two characters keeps them apart: the label reads the same.
 */
const PLACEHOLDER_PAIRS = /ﬂ(?=°)|¶(?=ß)/g;

/** The invisible character that keeps Mermaid's placeholder pairs apart. */
export const WORD_JOINER = '\u2060';

/** The entity code Mermaid decodes back to `character` in the rendered SVG. */
export function entity(character: string): string {
    return `#${character.codePointAt(0)};`;
}

/**
 * A label as Mermaid text that renders exactly as written, for any diagram type.
 * Leading and trailing spaces are written as entities, so parsers that trim keep them.
 */
export function mermaidText(label: string): string {
    let result = '';
    for (const character of label.replace(PLACEHOLDER_PAIRS, (c) => c + WORD_JOINER)) {
        const ascii = character.length === 1 && character.charCodeAt(0) < 128;
        result += (ascii && !INERT_ASCII.test(character)) || BREAKING.test(character) ? entity(character) : character;
    }
    return protectEdgeSpaces(result);
}

/** Writes leading and trailing spaces as entities (parsers trim them). */
function protectEdgeSpaces(text: string): string {
    const leading = /^ +/.exec(text)?.[0].length ?? 0;
    if (leading === text.length) return entity(' ').repeat(text.length);
    const trailing = / +$/.exec(text)?.[0].length ?? 0;
    return entity(' ').repeat(leading) + text.slice(leading, text.length - trailing) + entity(' ').repeat(trailing);
}

/** `mermaidText`, also escaping a first word that a line-based parser would read as a keyword. */
export function lineText(label: string, keywords: readonly string[]): string {
    const text = mermaidText(label);
    const first = /^[A-Za-z0-9-]+/.exec(text)?.[0] ?? '';
    const isKeyword = keywords.some((keyword) => first.toLowerCase() === keyword.toLowerCase());
    return isKeyword ? entity(text[0]) + text.slice(1) : text;
}

/** A Mermaid-safe identifier derived from a model id: `prefix_id` (`-` becomes `_`), made unique within `taken` by a `_2`, `_3`… suffix. */
export function safeId(prefix: string, id: string, taken: Set<string>): string {
    const base = `${prefix}_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
    taken.add(candidate);
    return candidate;
}

/** A label for a count: "1 pain", "2 pains". */
export function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

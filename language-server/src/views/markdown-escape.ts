/**
 * The two ways text from a map (labels, descriptions, file names) is written into Markdown
 * (GitHub flavour): as text (`markdownText`) and as a code span (`markdownCode`). Every
 * Markdown writer (`journey render --format markdown`, the diff report of pull requests)
 * goes through them, so no label or file name can become markup: no heading, table cell,
 * HTML (comments, `<details>`, images), link, image, mention (`@name`) or reference
 * (`#12`, `owner/repo#12`, `GH-12`), and no control character reaches the page.
 * What they do is listed in docs/reviewing.md ("Security of the report").
 */
import { WORD_JOINER } from './escape.js';
import { CONTROLS, controlPicture, withVisibleControls } from './visible-text.js';

/** Line breaks of any kind (they would start a new Markdown block). */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Breaks what GitHub would turn into a mention or a reference with an invisible word joiner (U+2060); the text reads the same. */
function withoutMentions(text: string): string {
    return text
        .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${WORD_JOINER}`)
        .replace(/#(?=\p{N})/gu, `#${WORD_JOINER}`)
        .replace(/\b(GH)-(?=\p{N})/giu, `$1${WORD_JOINER}-`);
}

/**
 * Markdown text that shows `text` literally, on one line, wherever it is placed (a heading,
 * a paragraph, a table cell): line breaks become spaces, control characters their visible
 * pictures; markup characters (`\` `` ` `` `*` `_` `[` `]` `|` `~` `$` `#`) are
 * backslash-escaped, `<`, `>` and `&` become entities (no HTML, no entity of the user's);
 * a line-starting block marker (`-`, `+`, `1.`) is escaped;
 * `:name:` emoji codes are broken; mentions and references get an invisible word joiner.
 */
export function markdownText(text: string): string {
    return markdownInline(text)
        .replace(/^(\s*)([+-]|\d+[.)])/, (_, space: string, marker: string) => `${space}${marker.replace(/[+.)-]/, (c) => `\\${c}`)}`);
}

/**
 * A caption line in italics showing `text` literally (a picture's stages, above its block):
 * HTML `<em>`, so that spaces or marks at either end of a label cannot undo the emphasis.
 */
export function markdownCaption(text: string): string {
    return `<em>${markdownText(text)}</em>`;
}

/** `markdownText` for text inside a line (a table cell), where a number at its start is no list marker: it stays as written. */
export function markdownInline(text: string): string {
    return withoutMentions(text.replace(LINE_BREAKS, ' ').replace(CONTROLS, controlPicture))
        .replace(/[\\`*_[\]|~$#<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`))
        .replace(/:(?=\w+:)/g, '\\:');
}

/**
 * A Markdown code span showing `text` literally (a file name, an id): its fence is one
 * backtick longer than any run of backticks inside, padded with a space when the text starts
 * or ends with a backtick or a space, and line breaks and control characters are shown as
 * their pictures (␊ for a line feed), so the span never ends early or spills onto a new line.
 * In a table cell, a `|` must still be written `\|` (see `markdownTableCode`).
 */
export function markdownCode(text: string): string {
    const visible = withVisibleControls(text);
    const longest = Math.max(0, ...(visible.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = /^[` ]|[` ]$/.test(visible) && visible.trim() !== '' ? ' ' : '';
    return `${fence}${pad}${visible}${pad}${fence}`;
}

/** `markdownCode` for a GitHub table cell, where a `|` ends the cell even inside a code span unless written `\|`. */
export function markdownTableCode(text: string): string {
    return markdownCode(text).replace(/\|/g, '\\|');
}

/**
 * The ```journey fences of a Markdown document, found by markdown-it (the parser VS Code's
 * Markdown preview uses, so both agree on what is a fence), with the way back from a position
 * in a fence's content to the same character of the document, and a splice that replaces
 * fences while keeping every other byte of the document.
 */
import MarkdownIt from 'markdown-it';
import { parseInfo } from './fence-info.js';

/** The word that opens a journey fence's info string (```journey or ```journey flow). */
export const JOURNEY_FENCE_LANGUAGE = 'journey';

/** One ```journey fence of a Markdown document. */
export interface JourneyFence {
    /** 0-based, in document order among the journey fences. */
    index: number;
    /** The info string after the language word (e.g. `flow`), trimmed; '' for none. */
    argument: string;
    /** The map's text, as markdown-it reads it (indentation of the fence removed). */
    content: string;
    /** Document line (0-based) of the opening fence. */
    startLine: number;
    /** Document line (0-based) after the block: the closing fence's line + 1, or the line count when it is never closed (the copy gets a closing fence). */
    endLine: number;
    /** The fence's marker (``` or ~~~~…). */
    marker: string;
    /** What stands before the marker on the opening line (indentation, `> ` of a quote). */
    prefix: string;
}

/** A zero-based position, in UTF-16 code units as LSP counts them. */
export interface LinePosition {
    line: number;
    character: number;
}

/** A line of a document with the line ending that follows it ('' for the last line without one). */
export interface DocumentLine {
    text: string;
    eol: string;
}

const parser = new MarkdownIt('commonmark');

/** The lines of a text with their own endings (CRLF, LF or CR), as markdown-it counts lines. */
export function splitLines(text: string): DocumentLine[] {
    const lines: DocumentLine[] = [];
    const pattern = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        lines.push({ text: text.slice(start, match.index), eol: match[0] });
        start = match.index + match[0].length;
    }
    if (start < text.length || lines.length === 0) lines.push({ text: text.slice(start), eol: '' });
    return lines;
}

/** The ```journey (and ~~~journey) fences of a Markdown text, in document order. */
export function findJourneyFences(markdown: string): JourneyFence[] {
    const lines = splitLines(markdown);
    const fences: JourneyFence[] = [];
    for (const token of parser.parse(markdown, {})) {
        if (token.type !== 'fence' || !token.map) continue;
        const { language, argument } = parseInfo(token.info);
        if (language !== JOURNEY_FENCE_LANGUAGE) continue;
        const [startLine, endLine] = token.map;
        const opening = lines[startLine]?.text ?? '';
        const markerAt = opening.indexOf(token.markup);
        fences.push({
            index: fences.length,
            argument,
            content: token.content,
            startLine,
            endLine,
            marker: token.markup,
            prefix: markerAt > 0 ? opening.slice(0, markerAt) : '',
        });
    }
    return fences;
}

/**
 * The document position of a position in a fence's content: its line is the fence's line + 1
 * + the content line, its column is shifted by what markdown-it removed from that line
 * (indentation, a quote's `> `).
 */
export function documentPosition(markdown: string | DocumentLine[], fence: JourneyFence, position: LinePosition): LinePosition {
    const lines = typeof markdown === 'string' ? splitLines(markdown) : markdown;
    const contentLines = fence.content.split('\n');
    const line = fence.startLine + 1 + position.line;
    const documentText = lines[line]?.text ?? '';
    const contentText = contentLines[position.line] ?? '';
    const shift = documentText.endsWith(contentText) ? documentText.length - contentText.length : 0;
    return { line, character: position.character + Math.max(0, shift) };
}

/**
 * The document with each fence's lines replaced by `replacement(fence)` (lines without their
 * endings); every other byte stays as it was. Replaced lines end as the fence's opening line
 * did, and the block's last line keeps the ending of the fence's last line.
 */
export function replaceFences(markdown: string, fences: readonly JourneyFence[], replacement: (fence: JourneyFence) => string[]): string {
    const lines = splitLines(markdown);
    const parts: string[] = [];
    let next = 0;
    for (const fence of [...fences].sort((a, b) => a.startLine - b.startLine)) {
        for (; next < fence.startLine; next++) parts.push(lines[next].text + lines[next].eol);
        const eol = lines[fence.startLine].eol || lineEnding(lines);
        const lastEol = lines[fence.endLine - 1]?.eol ?? '';
        const replaced = replacement(fence);
        replaced.forEach((text, i) => parts.push(text + (i === replaced.length - 1 ? lastEol : eol)));
        next = fence.endLine;
    }
    for (; next < lines.length; next++) parts.push(lines[next].text + lines[next].eol);
    return parts.join('');
}

/** The prefix to repeat on every line of a block that replaces a fence: a quote's `>` stays, list markers become spaces. */
export function continuationPrefix(prefix: string): string {
    return prefix.replace(/[^\s>]/g, ' ');
}

/** The document's first line ending, or LF when it has none. */
function lineEnding(lines: DocumentLine[]): string {
    return lines.find((line) => line.eol !== '')?.eol ?? '\n';
}

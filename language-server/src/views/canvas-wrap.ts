/**
 * Line breaking for the canvas: Mermaid's block diagram never wraps a label by itself, and
 * it makes every column as wide as the widest cell and every row as tall as the tallest,
 * so the canvas breaks each text into lines of a chosen width (from the text-width
 * estimate) and cuts long texts into chunks of a few lines, each drawn in its own cell.
 *
 * Breaks go between words; a word wider than a line is cut between two characters as a
 * reader sees them (grapheme clusters: an emoji family or an accented letter is never cut).
 * Only spaces change: the text of the lines, joined, is the text given.
 */
import { textWidth } from './text-width.js';

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Widths of words already measured at 1 px (the estimate is linear in the font size); cleared when it grows large. */
const measured = new Map<string, number>();
const SPACE = textWidth(' ', 100) / 100;

/** The estimated width of a word at 1 px, remembered. */
function unitWidth(word: string): number {
    let width = measured.get(word);
    if (width === undefined) {
        if (measured.size > 20_000) measured.clear();
        width = textWidth(word, 100) / 100;
        measured.set(word, width);
    }
    return width;
}

/** Lines already broken, by width, font size and text (maps are drawn again and again as they are edited); cleared when it grows large. */
const wrapped = new Map<string, readonly string[]>();

/** The lines of `text` at most `width` pixels wide at `fontSize` (by the estimate), broken between words where possible. */
export function wrapText(text: string, width: number, fontSize: number): readonly string[] {
    const key = `${width}:${fontSize}:${text}`;
    let lines = wrapped.get(key);
    if (lines === undefined) {
        if (wrapped.size > 20_000) wrapped.clear();
        lines = breakLines(text, width / fontSize, fontSize);
        wrapped.set(key, lines);
    }
    return lines;
}

/** Greedy line breaking at `limit` (a width at 1 px). */
function breakLines(text: string, limit: number, fontSize: number): string[] {
    const words = text.split(' ');
    if (words.length === 1 && unitWidth(text) <= limit) return [text];
    const lines: string[] = [];
    let line: string[] = [];
    let lineWidth = 0;
    for (const word of words) {
        const wordWidth = unitWidth(word);
        const candidateWidth = line.length === 0 ? wordWidth : lineWidth + SPACE + wordWidth;
        if (candidateWidth <= limit || (line.length === 0 && word === '')) {
            line.push(word);
            lineWidth = candidateWidth;
            continue;
        }
        if (line.length > 0) lines.push(line.join(' '));
        const pieces = cutWord(word, limit * fontSize, fontSize);
        lines.push(...pieces.slice(0, -1));
        line = [pieces[pieces.length - 1]];
        lineWidth = unitWidth(line[0]);
    }
    lines.push(line.join(' '));
    return lines;
}

/** A word cut into pieces at most `width` wide (one piece when it fits). */
function cutWord(word: string, width: number, fontSize: number): string[] {
    if (unitWidth(word) * fontSize <= width) return [word];
    const pieces: string[] = [];
    let piece = '';
    for (const { segment } of GRAPHEMES.segment(word)) {
        if (piece !== '' && textWidth(piece + segment, fontSize) > width) {
            pieces.push(piece);
            piece = '';
        }
        piece += segment;
    }
    pieces.push(piece);
    return pieces;
}

/** Lines grouped into chunks of at most `size` lines. */
export function chunkLines(lines: readonly string[], size: number): string[][] {
    const chunks: string[][] = [];
    for (let i = 0; i < lines.length; i += size) chunks.push(lines.slice(i, i + size));
    return chunks.length > 0 ? chunks : [['']];
}

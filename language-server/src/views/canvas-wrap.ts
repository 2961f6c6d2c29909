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

/** The lines of `text` at most `width` pixels wide at `fontSize` (by the estimate), broken between words where possible. */
export function wrapText(text: string, width: number, fontSize: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
        const candidate = line === '' ? word : `${line} ${word}`;
        if (textWidth(candidate, fontSize) <= width || (line === '' && word === '')) {
            line = candidate;
            continue;
        }
        if (line !== '') lines.push(line);
        line = '';
        for (const piece of cutWord(word, width, fontSize)) {
            if (line !== '') lines.push(line);
            line = piece;
        }
    }
    lines.push(line);
    return lines;
}

/** A word cut into pieces at most `width` wide (one piece when it fits). */
function cutWord(word: string, width: number, fontSize: number): string[] {
    if (textWidth(word, fontSize) <= width) return [word];
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

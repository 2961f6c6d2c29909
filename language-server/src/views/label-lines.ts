/**
 * Breaks a label into lines for diagrams that do not wrap text themselves (Mermaid's block
 * diagrams size each cell to its longest line, and every column to the widest cell). Lines
 * break between words; a word longer than a line is cut. Each line is then escaped with
 * `mermaidText` and the lines joined with `<br/>` (HTML labels): only spaces at the breaks
 * are lost, as when Mermaid wraps a label itself.
 */
import { mermaidText } from './escape.js';

/** The words of `label` in lines of at most `width` characters (code points). */
export function labelLines(label: string, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of label.split(/ +/)) {
        let rest = Array.from(word);
        while (rest.length > width) {
            if (line) lines.push(line);
            lines.push(rest.slice(0, width).join(''));
            rest = rest.slice(width);
            line = '';
        }
        const piece = rest.join('');
        if (line && Array.from(line).length + 1 + rest.length > width) {
            lines.push(line);
            line = piece;
        } else {
            line = line ? `${line} ${piece}` : piece;
        }
    }
    if (line || lines.length === 0) lines.push(line);
    return lines;
}

/**
 * A label as Mermaid text in lines of at most `width` characters, joined with `<br/>`. A very
 * long label gets longer lines (about three times as many characters per line as it has lines),
 * so that it does not make its row hundreds of lines tall.
 */
export function wrappedText(label: string, width: number): string {
    const wide = Math.max(width, Math.ceil(Math.sqrt(Array.from(label).length * 3)));
    return labelLines(label, wide).map(mermaidText).join('<br/>');
}

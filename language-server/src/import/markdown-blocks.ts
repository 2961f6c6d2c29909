/** Finds the fenced code blocks of a Markdown text as CommonMark reads them (markdown-it), with the line each starts on. */
import MarkdownIt from 'markdown-it';

/** A fenced block: its info string's first word (`mermaid`, `journey`…), the whole info string, its text and its first content line (1-based). */
export interface FencedBlock {
    language: string;
    info: string;
    text: string;
    firstLine: number;
}

const markdownParser = new MarkdownIt();

/** Every fenced code block of `markdown`, in order, in lists and quotes too. An unclosed fence runs to the end of the text, as CommonMark says. */
export function fencedBlocks(markdown: string): FencedBlock[] {
    return markdownParser.parse(markdown, {})
        .filter((token) => token.type === 'fence' && token.map)
        .map((token) => {
            const info = token.info.trim();
            // map[0] is the 0-based line of the opening fence: the content starts on the next line.
            return { language: info.split(/\s+/)[0] ?? '', info, text: token.content.replace(/\n$/, ''), firstLine: token.map![0] + 2 };
        });
}

/** Finds the fenced code blocks of a Markdown text (``` or ~~~, CommonMark's rules for fences), with the line each starts on. */

/** A fenced block: its info string's first word (`mermaid`, `journey`…), the whole info string, its text and its first content line (1-based). */
export interface FencedBlock {
    language: string;
    info: string;
    text: string;
    firstLine: number;
}

/** Every fenced code block of `markdown`, in order. An unclosed fence runs to the end of the text, as CommonMark says. */
export function fencedBlocks(markdown: string): FencedBlock[] {
    const lines = markdown.split(/\r?\n/);
    const blocks: FencedBlock[] = [];
    for (let index = 0; index < lines.length; index++) {
        const open = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(lines[index]);
        if (!open || (open[2][0] === '`' && open[3].includes('`'))) continue;
        const [, indent, fence, infoText] = open;
        const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
        const content: string[] = [];
        let end = index + 1;
        for (; end < lines.length && !close.test(lines[end]); end++) {
            // Content lines lose as much of their indentation as the fence had.
            content.push(lines[end].replace(new RegExp(`^ {0,${indent.length}}`), ''));
        }
        const info = infoText.trim();
        blocks.push({ language: info.split(/\s+/)[0] ?? '', info, text: content.join('\n'), firstLine: index + 2 });
        index = end;
    }
    return blocks;
}

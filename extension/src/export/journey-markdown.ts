/** Turns the views of a journey into a Markdown document with one ```mermaid block per view. */
import { markdownText } from '../../../language-server/src/views/markdown-document.js';
import type { ViewResult } from '../../../language-server/src/views/view-types.js';

/** The Markdown text of a journey's views: a title (shown as written, never as markup), then each view as a heading and a Mermaid block (or what to add). */
export function journeyMarkdown(title: string, views: readonly ViewResult[]): string {
    const parts = [`# ${markdownText(title)}`, ''];
    for (const view of views) {
        parts.push(`## ${view.title}`, '');
        if (view.kind === 'diagram') {
            parts.push('```mermaid', view.mermaid.trimEnd(), '```', '');
        } else {
            parts.push(`_${view.message}_`, '');
        }
    }
    return parts.join('\n');
}

/** The before/after pictures of the Markdown report, drawn by the views (canvas, journey and flow) for GitHub's page width. */
import { renderView } from '../views/index.js';
import { MARKDOWN_PAGE_WIDTH } from '../views/markdown-document.js';
import type { PictureRenderer } from './diff-markdown.js';

/** Draws a view with the views' own highlight; nothing when the view has nothing to draw. */
export const viewPicture: PictureRenderer = (model, view, highlight) => {
    const result = renderView(model, view, { highlight, availableWidth: MARKDOWN_PAGE_WIDTH });
    return result.kind === 'diagram' ? result.mermaid : undefined;
};

/** The before/after pictures of the Markdown report, drawn by the views (journey and flow). */
import { renderView } from '../views/index.js';
import type { PictureRenderer } from './diff-markdown.js';

/** Draws a view with the views' own highlight; nothing when the view has nothing to draw. */
export const viewPicture: PictureRenderer = (model, view, highlight) => {
    const result = renderView(model, view, { highlight });
    return result.kind === 'diagram' ? result.mermaid : undefined;
};

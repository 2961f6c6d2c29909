/** The before/after pictures of the Markdown report, drawn by the views (canvas, journey and flow) for GitHub's page width. */
import type { JourneyModel } from '../model/journey-model.js';
import { renderView } from '../views/index.js';
import { MARKDOWN_PAGE_WIDTH } from '../views/markdown-document.js';
import type { PictureRenderer } from './diff-markdown.js';

/** Pictures already drawn, per model (a report drawn again while it is shortened asks for the same ones). */
const drawn = new WeakMap<JourneyModel, Map<string, string | undefined>>();

/** Draws a view with the views' own highlight; nothing when the view has nothing to draw. */
export const viewPicture: PictureRenderer = (model, view, highlight) => {
    const key = `${view}\u0000${[...highlight].sort().join('\u0000')}`;
    let pictures = drawn.get(model);
    if (!pictures) drawn.set(model, (pictures = new Map()));
    if (!pictures.has(key)) {
        const result = renderView(model, view, { highlight, availableWidth: MARKDOWN_PAGE_WIDTH });
        pictures.set(key, result.kind === 'diagram' ? result.mermaid : undefined);
    }
    return pictures.get(key);
};

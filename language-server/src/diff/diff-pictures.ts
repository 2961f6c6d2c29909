/**
 * The before/after pictures of the Markdown report, drawn by the views (canvas, journey and flow)
 * for GitHub's page width: the canvas turns portrait and the flow runs top to bottom where they
 * would not read across it, and a journey view too wide comes in pieces (view-pieces.ts).
 */
import type { JourneyModel } from '../model/journey-model.js';
import { pageView } from '../views/markdown-document.js';
import type { DiagramPiece } from '../views/view-types.js';
import type { PictureRenderer } from './diff-markdown.js';

/** Pictures already drawn, per model (a report drawn again while it is shortened asks for the same ones). */
const drawn = new WeakMap<JourneyModel, Map<string, string | DiagramPiece[] | undefined>>();

/** Draws a view with the views' own highlight; nothing when the view has nothing to draw. */
export const viewPicture: PictureRenderer = (model, view, highlight) => {
    const key = `${view}\u0000${[...highlight].sort().join('\u0000')}`;
    let pictures = drawn.get(model);
    if (!pictures) drawn.set(model, (pictures = new Map()));
    if (!pictures.has(key)) {
        const result = pageView(model, view, { highlight });
        pictures.set(key, result.kind === 'diagram' ? (result.pieces ?? result.mermaid) : undefined);
    }
    return pictures.get(key);
};

/**
 * The custom request between the language server and the Markdown preview: plain types and the
 * method name only, so the extension can import them without bundling any server code.
 */
import type { ViewResult } from '../views/view-types.js';
import type { JourneyPreviewDiagnostic } from './journey-preview-protocol.js';

/** `journey/markdownViews`: the view of a map written in a Markdown document's ```journey fence. */
export const JOURNEY_MARKDOWN_VIEWS_METHOD = 'journey/markdownViews';

/** Parameters of `journey/markdownViews`. */
export interface JourneyMarkdownViewsParams {
    /** The fence's content: the text of a map. */
    text: string;
    /** The Markdown document's URI (messages name it; the workspace's shared files resolve). */
    baseUri: string;
    /** What follows `journey` in the fence's info string: the view's id, or '' for the default view. */
    view: string;
}

/** The answer of `journey/markdownViews`. */
export interface JourneyMarkdownViewsResult {
    /** The id of the view drawn (or that would be drawn). */
    view: string;
    /** The journey's label, when the fence holds a journey. */
    title?: string;
    /** The drawn view (one), or none when the map has errors or the info string names no known view. */
    views: ViewResult[];
    /** Diagnostics in positions of the fence's content (line 0 is the line after the opening fence). */
    diagnostics: JourneyPreviewDiagnostic[];
    /** A problem outside the map's text: an unknown view, a fence without a journey. */
    problem?: string;
}

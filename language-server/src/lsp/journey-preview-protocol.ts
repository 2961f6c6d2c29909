/**
 * The custom requests between the language server and the preview: plain types and method
 * names only, so the extension can import them without bundling any server code.
 */
import type { DiagramLimits, ViewResult } from '../views/view-types.js';

/** `journey/views`: the views of a document the server has already built. */
export const JOURNEY_VIEWS_METHOD = 'journey/views';

/** Parameters of `journey/views`. */
export interface JourneyViewsParams {
    uri: string;
    /** The editor's version of the document; the server answers once it has built this version (or a newer one). */
    version?: number;
    /** The width, in CSS pixels, of the pane the pictures are shown in; views may lay themselves out for it. */
    availableWidth?: number;
    /** The largest diagram the preview draws whole; a view over them is drawn for one stage (see `stage`, `line`). */
    limits?: DiagramLimits;
    /** The stage to draw of a view too large to draw whole (a stage picker's choice). */
    stage?: string;
    /** The editor's cursor line: without `stage`, the stage written there is drawn of a view too large. */
    line?: number;
}

/** A diagnostic as the preview shows it: zero-based positions, severity 1 = error … 4 = hint. */
export interface JourneyPreviewDiagnostic {
    message: string;
    severity: number;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** The answer of `journey/views`. */
export interface JourneyViewsResult {
    uri: string;
    /** The version of the document the views were computed from. */
    version: number;
    /** The `availableWidth` the views were laid out for. */
    availableWidth?: number;
    /** True when the server knows no such document. */
    missing?: boolean;
    /** The journey's id, or undefined when the file holds no journey. */
    journeyId?: string;
    /** The journey's label (its id when it has none). */
    title?: string;
    views: ViewResult[];
    diagnostics: JourneyPreviewDiagnostic[];
}

/** `journey/markdownDocument`: the Markdown document of a journey, as `journey render --format markdown` writes it. */
export const JOURNEY_MARKDOWN_DOCUMENT_METHOD = 'journey/markdownDocument';

/** Parameters of `journey/markdownDocument`. */
export interface JourneyMarkdownDocumentParams {
    uri: string;
    /** The editor's version of the document; the server answers once it has built this version (or a newer one). */
    version?: number;
}

/** The answer of `journey/markdownDocument`: the document, or why there is none (the file holds no journey, has errors, is unknown). */
export interface JourneyMarkdownDocumentResult {
    markdown?: string;
    problem?: string;
}

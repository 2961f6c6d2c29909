/**
 * Serves `journey/views`: the views of a document, computed from the document the server
 * has already parsed, linked and validated (the extension never parses `.journey` text);
 * and `journey/markdownDocument`, its Markdown document (Save as Markdown).
 */
import { DocumentState, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { buildJourneyModel } from '../model/build-model.js';
import { renderAllViews, renderView } from '../views/index.js';
import { fitViewToLimits } from '../views/view-split.js';
import { markdownDocument, markdownViews } from '../views/markdown-document.js';
import {
    JOURNEY_MARKDOWN_DOCUMENT_METHOD, JOURNEY_VIEWS_METHOD, type JourneyMarkdownDocumentParams, type JourneyMarkdownDocumentResult, type JourneyPreviewDiagnostic, type JourneyViewsParams,
    type JourneyViewsResult,
} from './journey-preview-protocol.js';

/** Registers the preview's custom requests on the connection. */
export function registerJourneyPreviewRequests(connection: Connection, shared: LangiumSharedCoreServices): void {
    connection.onRequest(JOURNEY_VIEWS_METHOD, (params: JourneyViewsParams, token: CancellationToken) => computeJourneyViews(shared, params, token));
    connection.onRequest(JOURNEY_MARKDOWN_DOCUMENT_METHOD, (params: JourneyMarkdownDocumentParams, token: CancellationToken) => computeMarkdownDocument(shared, params, token));
}

/** Waits until the document is validated and returns its Markdown document, or why there is none. */
export async function computeMarkdownDocument(shared: LangiumSharedCoreServices, params: JourneyMarkdownDocumentParams, token?: CancellationToken): Promise<JourneyMarkdownDocumentResult> {
    const uri = URI.parse(params.uri);
    const documents = shared.workspace.LangiumDocuments;
    if (!documents.hasDocument(uri)) return { problem: 'The language server does not know this file.' };
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
    const document = documents.getDocument(uri);
    if (!document) return { problem: 'The language server does not know this file.' };
    return markdownOfDocument(document);
}

/** The Markdown document of a validated document (`journey render --format markdown`'s), or why there is none. */
export function markdownOfDocument(document: LangiumDocument): JourneyMarkdownDocumentResult {
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1).length;
    if (errors > 0) return { problem: `The map has ${errors === 1 ? 'an error' : `${errors} errors`}: fix ${errors === 1 ? 'it' : 'them'} first (see the Problems panel).` };
    const model = buildJourneyModel(document);
    if (!model) return { problem: 'This file holds no journey (only shared personas, channels or teams): nothing to write.' };
    return { markdown: markdownDocument(model, markdownViews(model).views) };
}

/** Waits until the document is validated (at the requested version or later) and returns its views and diagnostics. */
export async function computeJourneyViews(shared: LangiumSharedCoreServices, params: JourneyViewsParams, token?: CancellationToken): Promise<JourneyViewsResult> {
    const uri = URI.parse(params.uri);
    const documents = shared.workspace.LangiumDocuments;
    if (!documents.hasDocument(uri)) {
        return { uri: params.uri, version: params.version ?? 0, missing: true, views: [], diagnostics: [] };
    }
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
    const document = documents.getDocument(uri);
    if (!document) {
        return { uri: params.uri, version: params.version ?? 0, missing: true, views: [], diagnostics: [] };
    }
    return viewsOfDocument(document, params);
}

/**
 * The views and diagnostics of a validated document, laid out for `availableWidth`; with `limits`,
 * a view too large is drawn for one stage (`stage`, or the one at `line`).
 */
export function viewsOfDocument(document: LangiumDocument, request: Omit<JourneyViewsParams, 'uri' | 'version'> = {}): JourneyViewsResult {
    const diagnostics: JourneyPreviewDiagnostic[] = (document.diagnostics ?? []).map((d) => ({
        message: typeof d.message === 'string' ? d.message : d.message.value,
        severity: d.severity ?? 1,
        range: d.range,
    }));
    const model = buildJourneyModel(document);
    const options = { availableWidth: request.availableWidth };
    const whole = model ? renderAllViews(model, options) : [];
    const limits = request.limits;
    const focus = { stage: request.stage, line: request.line };
    const views = model && limits ? whole.map((view) => fitViewToLimits(model, view, (m, o) => renderView(m, view.view, o), limits, focus, options)) : whole;
    return {
        uri: document.uri.toString(),
        version: document.textDocument.version,
        availableWidth: request.availableWidth,
        journeyId: model?.id,
        title: model?.label,
        views,
        diagnostics,
    };
}

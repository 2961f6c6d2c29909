/**
 * Serves `journey/views`: the views of a document, computed from the document the server
 * has already parsed, linked and validated (the extension never parses `.journey` text).
 */
import { DocumentState, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { buildJourneyModel } from '../model/build-model.js';
import { renderAllViews, renderView } from '../views/index.js';
import { fitViewToLimits, splitOversizedViews } from '../views/view-split.js';
import { markdownDocument } from '../views/markdown-document.js';
import { JOURNEY_VIEWS_METHOD, type JourneyPreviewDiagnostic, type JourneyViewsParams, type JourneyViewsResult } from './journey-preview-protocol.js';

/** Registers the preview's custom requests on the connection. */
export function registerJourneyPreviewRequests(connection: Connection, shared: LangiumSharedCoreServices): void {
    connection.onRequest(JOURNEY_VIEWS_METHOD, (params: JourneyViewsParams, token: CancellationToken) => computeJourneyViews(shared, params, token));
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
 * a view too large is drawn for one stage (`stage`, or the one at `line`). The Markdown document
 * is the one `journey render --format markdown` writes.
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
        // As `journey render --format markdown` writes it: a view too large for GitHub is one picture per stage.
        markdown: model ? markdownDocument(model, splitOversizedViews(model, whole).views) : undefined,
        diagnostics,
    };
}

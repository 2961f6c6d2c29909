/**
 * Serves `journey/views`: the views of a document, computed from the document the server
 * has already parsed, linked and validated (the extension never parses `.journey` text).
 */
import { DocumentState, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { buildJourneyModel } from '../model/build-model.js';
import { renderAllViews } from '../views/index.js';
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
    return viewsOfDocument(document);
}

/** The views and diagnostics of a validated document. */
export function viewsOfDocument(document: LangiumDocument): JourneyViewsResult {
    const diagnostics: JourneyPreviewDiagnostic[] = (document.diagnostics ?? []).map((d) => ({
        message: typeof d.message === 'string' ? d.message : d.message.value,
        severity: d.severity ?? 1,
        range: d.range,
    }));
    const model = buildJourneyModel(document);
    const views = model ? renderAllViews(model) : [];
    return {
        uri: document.uri.toString(),
        version: document.textDocument.version,
        journeyId: model?.id,
        title: model?.label,
        views,
        markdown: model ? markdownDocument(model, views) : undefined,
        diagnostics,
    };
}

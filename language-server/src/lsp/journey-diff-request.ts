/**
 * Serves `journey/diff`: compares a document the server has built with an older text of it
 * (the extension reads it from git) or with another document of the workspace (as-is
 * against to-be), and returns the change list and the before/after views, highlighted.
 */
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { JourneyFile } from '../generated/ast.js';
import { createJourneyServices } from '../journey-module.js';
import { changedIds } from '../diff/diff-highlight.js';
import { diffTitle } from '../diff/diff-markdown.js';
import { changeSections } from '../diff/diff-sections.js';
import { summarizeDiff } from '../diff/diff-summary.js';
import { pairJourneys } from '../diff/diff-files.js';
import { diffJourneys } from '../diff/journey-diff.js';
import { buildModelOfJourney } from '../model/build-model.js';
import type { JourneyModel } from '../model/journey-model.js';
import { renderView } from '../views/index.js';
import { JOURNEY_DIFF_METHOD, type JourneyDiffParams, type JourneyDiffResult, type JourneyDiffSide } from './journey-diff-protocol.js';

/** The views drawn on each side. */
const DIFF_VIEWS = ['canvas', 'journey', 'flow'] as const;

/** Registers `journey/diff` on the connection. */
export function registerJourneyDiffRequest(connection: Connection, shared: LangiumSharedCoreServices): void {
    connection.onRequest(JOURNEY_DIFF_METHOD, (params: JourneyDiffParams, token: CancellationToken) => computeJourneyDiff(shared, params, token));
}

/** Compares the document at `params.uri` with its base (a text or another document). */
export async function computeJourneyDiff(shared: LangiumSharedCoreServices, params: JourneyDiffParams, token?: CancellationToken): Promise<JourneyDiffResult> {
    const document = await validatedDocument(shared, params.uri, token);
    const base = params.baseUri !== undefined ? await validatedDocument(shared, params.baseUri, token) : await documentOfText(shared, params.uri, params.baseText ?? '');
    if (!document || !base) return emptyResult(params);
    const [before, after] = pairJourneys(modelsOf(base), modelsOf(document))[0] ?? [undefined, undefined];
    const diff = diffJourneys(before, after);
    const highlight = changedIds(diff);
    const baseLabel = params.baseLabel ?? (params.baseUri ? fileName(params.baseUri) : 'before');
    return {
        uri: params.uri,
        version: document.textDocument.version,
        title: before || after ? diffTitle(diff) : 'No journey in these files',
        summary: summarizeDiff(diff),
        before: side(baseLabel, before, new Set()),
        after: side(params.baseUri ? fileName(params.uri) : 'now', after, highlight),
        sections: before && after ? changeSections(diff) : [],
        changes: diff.changes,
        highlight: [...highlight],
    };
}

function side(label: string, model: JourneyModel | undefined, highlight: ReadonlySet<string>): JourneyDiffSide {
    if (!model) return { label, views: [] };
    return { label, journeyId: model.id, title: model.label, state: model.state, views: DIFF_VIEWS.map((view) => renderView(model, view, { highlight })) };
}

/** The document once it is validated at its newest text (an edit just sent may not be built yet). */
async function validatedDocument(shared: LangiumSharedCoreServices, uri: string, token?: CancellationToken): Promise<LangiumDocument | undefined> {
    const parsed = URI.parse(uri);
    for (let attempt = 0; attempt < 250; attempt++) {
        if (!shared.workspace.LangiumDocuments.hasDocument(parsed)) return undefined;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, parsed, token);
        const document = shared.workspace.LangiumDocuments.getDocument(parsed);
        if (!document || builtText(document) === document.textDocument.getText()) return document;
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return shared.workspace.LangiumDocuments.getDocument(parsed);
}

/** The text the document's last build parsed. */
function builtText(document: LangiumDocument): string {
    return (document.parseResult.value.$cstNode as { root?: { fullText?: string } } | undefined)?.root?.fullText ?? '';
}

/**
 * Builds an older text of a document in a scratch workspace holding the other documents of
 * the workspace as they are now, so its shared personas, channels and teams resolve.
 */
async function documentOfText(shared: LangiumSharedCoreServices, uri: string, text: string): Promise<LangiumDocument> {
    const scratch = createJourneyServices(EmptyFileSystem);
    const factory = scratch.shared.workspace.LangiumDocumentFactory;
    const documents: LangiumDocument[] = [];
    for (const other of shared.workspace.LangiumDocuments.all) {
        if (other.uri.toString() === uri || !other.uri.path.endsWith('.journey')) continue;
        documents.push(factory.fromString(other.textDocument.getText(), other.uri));
    }
    const base = factory.fromString<JourneyFile>(text, URI.parse(uri));
    documents.push(base);
    for (const document of documents) scratch.shared.workspace.LangiumDocuments.addDocument(document);
    await scratch.shared.workspace.DocumentBuilder.build(documents, { validation: false });
    return base;
}

function modelsOf(document: LangiumDocument): JourneyModel[] {
    return (document.parseResult.value as JourneyFile).journeys.map(buildModelOfJourney);
}

function fileName(uri: string): string {
    return URI.parse(uri).path.split('/').pop() ?? uri;
}

function emptyResult(params: JourneyDiffParams): JourneyDiffResult {
    const empty: JourneyDiffSide = { label: '', views: [] };
    return { uri: params.uri, version: params.version ?? 0, missing: true, title: '', summary: '', before: empty, after: empty, sections: [], changes: [], highlight: [] };
}

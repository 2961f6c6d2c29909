/**
 * Serves `journey/markdownViews`: a map written in a Markdown document is built in a fence
 * workspace of its own that holds the shared files the server already knows (the editor's
 * workspace and its diagnostics never see the fence).
 */
import type { LangiumSharedCoreServices } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { FenceWorkspace } from '../markdown/markdown-fence-views.js';
import { JOURNEY_MARKDOWN_VIEWS_METHOD, type JourneyMarkdownViewsParams, type JourneyMarkdownViewsResult } from './journey-markdown-protocol.js';

/** Registers the Markdown preview's request on the connection. */
export function registerJourneyMarkdownRequest(connection: Connection, shared: LangiumSharedCoreServices): void {
    const fences = new FenceWorkspace();
    connection.onRequest(JOURNEY_MARKDOWN_VIEWS_METHOD, (params: JourneyMarkdownViewsParams) => computeMarkdownViews(shared, fences, params));
}

/** The view of a fence's map, with the workspace's shared personas, channels and teams resolved. */
export async function computeMarkdownViews(shared: LangiumSharedCoreServices, fences: FenceWorkspace, params: JourneyMarkdownViewsParams): Promise<JourneyMarkdownViewsResult> {
    await shared.workspace.WorkspaceManager.ready;
    const texts = new Map<string, string>();
    for (const document of shared.workspace.LangiumDocuments.all) texts.set(document.uri.toString(), document.textDocument.getText());
    await fences.setWorkspaceFiles(texts);
    const result = await fences.viewsOf(params.text, params.baseUri, params.view);
    return {
        view: result.view,
        title: result.title,
        views: result.result ? [result.result] : [],
        diagnostics: result.diagnostics.map(({ message, severity, range }) => ({ message, severity, range })),
        problem: result.problem,
    };
}

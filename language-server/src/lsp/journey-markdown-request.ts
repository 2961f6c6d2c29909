/**
 * Serves `journey/markdownViews`: a map written in a Markdown document is built in a fence
 * workspace of its own that holds the shared declarations of the files the server already
 * knows (the editor's workspace and its diagnostics never see the fence), then drawn by the
 * preview's request code.
 */
import type { LangiumSharedCoreServices } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { FenceWorkspace, fenceView, NO_JOURNEY } from '../markdown/markdown-fence-views.js';
import { JOURNEY_MARKDOWN_VIEWS_METHOD, type JourneyMarkdownViewsParams, type JourneyMarkdownViewsResult } from './journey-markdown-protocol.js';
import { viewsOfDocument } from './journey-preview-request.js';

/** How long a fence waits for the workspace's pending updates before it reads the files as they are (ms). */
const UPDATES_WAIT = 1500;

/** Registers the Markdown preview's request on the connection. */
export function registerJourneyMarkdownRequest(connection: Connection, shared: LangiumSharedCoreServices): void {
    const fences = new FenceWorkspace();
    connection.onRequest(JOURNEY_MARKDOWN_VIEWS_METHOD, (params: JourneyMarkdownViewsParams) => computeMarkdownViews(shared, fences, params));
}

/**
 * The view of a fence's map, with the workspace's shared personas, channels and teams resolved;
 * the fence's document goes through the preview's own `viewsOfDocument`, so a fence shows what
 * the preview of a .journey file with the same text would.
 */
export async function computeMarkdownViews(shared: LangiumSharedCoreServices, fences: FenceWorkspace, params: JourneyMarkdownViewsParams): Promise<JourneyMarkdownViewsResult> {
    await shared.workspace.WorkspaceManager.ready;
    // Read once the updates already asked for are done (a .journey file created or changed just
    // before, a shared file saved and then the preview refreshed, is then among the files), but
    // wait at most a moment: while the editor keeps the server busy, reads queue behind writes.
    const collect = () => {
        const found = new Map<string, string>();
        for (const document of shared.workspace.LangiumDocuments.all) found.set(document.uri.toString(), document.textDocument.getText());
        return found;
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const texts = await Promise.race([
        shared.workspace.WorkspaceLock.read(collect),
        new Promise<Map<string, string>>((resolve) => {
            timer = setTimeout(() => resolve(collect()), UPDATES_WAIT);
        }),
    ]).finally(() => clearTimeout(timer));
    await fences.setWorkspaceFiles(texts);
    const result = await fences.withFence(params.text, params.baseUri, (document) => viewsOfDocument(document));
    const { view, problem } = fenceView(params.view);
    const hasErrors = result.diagnostics.some((d) => d.severity === 1);
    const why = problem ?? (!hasErrors && result.journeyId === undefined ? NO_JOURNEY : undefined);
    return {
        view,
        title: result.title,
        views: why || hasErrors ? [] : result.views.filter((drawn) => drawn.view === view),
        diagnostics: result.diagnostics,
        problem: why,
    };
}

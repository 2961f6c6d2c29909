/**
 * Serves `journey/markdownViews`: a map written in a Markdown document is built in a fence
 * workspace of its own that holds the shared declarations of the files the server already
 * knows (the editor's workspace and its diagnostics never see the fence), then drawn as
 * `journey render` draws the fences of a Markdown document.
 */
import type { LangiumSharedCoreServices } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { FenceWorkspace } from '../markdown/markdown-fence-views.js';
import { JOURNEY_MARKDOWN_VIEWS_METHOD, type JourneyMarkdownViewsParams, type JourneyMarkdownViewsResult } from './journey-markdown-protocol.js';

/** How long a fence waits for the workspace's pending updates before it reads the files as they are (ms). */
const UPDATES_WAIT = 1500;

/** Registers the Markdown preview's request on the connection. */
export function registerJourneyMarkdownRequest(connection: Connection, shared: LangiumSharedCoreServices): void {
    const fences = new FenceWorkspace();
    connection.onRequest(JOURNEY_MARKDOWN_VIEWS_METHOD, (params: JourneyMarkdownViewsParams) => computeMarkdownViews(shared, fences, params));
}

/**
 * The view of a fence's map, with the workspace's shared personas, channels and teams resolved,
 * laid out for GitHub's column as `journey render` lays out the fences of a Markdown document
 * (`fenceViews`): the flow top to bottom, the canvas portrait, a wide view in pieces when it
 * would not read whole there. VS Code's Markdown preview then shows what GitHub will.
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
    const fence = await fences.viewsOf(params.text, params.baseUri, params.view);
    return {
        view: fence.view,
        title: fence.title,
        views: fence.result ? [fence.result] : [],
        diagnostics: fence.diagnostics.map(({ message, severity, range }) => ({ message, severity, range })),
        problem: fence.problem,
    };
}

/**
 * What the desktop and the web extension share: the preview, the commands and the language
 * client, started by the platform's own `startClient` (a Node process on the desktop, a web
 * worker in vscode.dev and github.dev).
 */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { JOURNEY_VIEWS_METHOD, type JourneyViewsParams, type JourneyViewsResult } from '../../language-server/src/lsp/journey-preview-protocol.js';
import { registerJourneyCommands } from './journey-commands.js';
import { registerNewMapCommand } from './journey-new-map.js';
import { registerJourneyMarkdownPreview } from './markdown/journey-markdown-preview.js';
import type { JourneyMarkdownStats } from './markdown/journey-markdown-it.js';
import { JourneyPreviewManager } from './preview/journey-preview-manager.js';

/** What the extension returns from `activate` (used by its tests and by other extensions). */
export interface JourneyExtensionApi {
    client: BaseLanguageClient;
    previews: JourneyPreviewManager;
    /** Called by VS Code's Markdown preview (`markdown.markdownItPlugins`): draws ```journey fences. */
    extendMarkdownIt(md: MarkdownIt): MarkdownIt;
    /** What the ```journey fences' plugin has done so far (requests, answers, refreshes). */
    markdownStats(): JourneyMarkdownStats;
}

/** The running client, for the platform entry's `deactivate`. */
let client: BaseLanguageClient | undefined;

/** Registers the preview and the commands, then starts the language client with `startClient`. */
export async function activateJourney(
    context: vscode.ExtensionContext,
    startClient: (context: vscode.ExtensionContext) => Promise<BaseLanguageClient>,
): Promise<JourneyExtensionApi> {
    // The serializer must be registered before any await, so previews restored on reload find it.
    const previews = new JourneyPreviewManager(context.extensionUri, async (uri, version, request) => {
        if (!client) throw new Error('the language server is not started');
        const params: JourneyViewsParams = { uri: client.code2ProtocolConverter.asUri(uri), version, ...request };
        return client.sendRequest<JourneyViewsResult>(JOURNEY_VIEWS_METHOD, params);
    });
    context.subscriptions.push(previews, ...registerJourneyCommands(previews, () => client), registerNewMapCommand(previews));
    const markdown = registerJourneyMarkdownPreview(() => client);
    context.subscriptions.push(...markdown.disposables);
    client = await startClient(context);
    context.subscriptions.push(client);
    return { client, previews, extendMarkdownIt: (md) => markdown.fences.extend(md), markdownStats: () => markdown.fences.stats() };
}

/** The client started by `activateJourney`, if any. */
export function journeyClient(): BaseLanguageClient | undefined {
    return client;
}

/** Stops the language server. */
export async function deactivateJourney(): Promise<void> {
    await client?.stop();
    client = undefined;
}

/** Activation of the Journey extension: starts the language client and the preview, registers the commands. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { JOURNEY_VIEWS_METHOD, type JourneyViewsParams, type JourneyViewsResult } from '../../language-server/src/lsp/journey-preview-protocol.js';
import { registerJourneyCommands } from './journey-commands.js';
import { registerJourneyDiffCommands } from './diff/journey-diff-commands.js';
import { startJourneyClient } from './journey-client.js';
import { JourneyPreviewManager } from './preview/journey-preview-manager.js';

/** What the extension returns from `activate` (used by its tests and by other extensions). */
export interface JourneyExtensionApi {
    client: LanguageClient;
    previews: JourneyPreviewManager;
}

let client: LanguageClient | undefined;

/** Starts the language server and registers the preview and the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<JourneyExtensionApi> {
    // The serializer must be registered before any await, so previews restored on reload find it.
    const previews = new JourneyPreviewManager(context.extensionUri, async (uri, version, request) => {
        if (!client) throw new Error('the language server is not started');
        const params: JourneyViewsParams = { uri: client.code2ProtocolConverter.asUri(uri), version, ...request };
        return client.sendRequest<JourneyViewsResult>(JOURNEY_VIEWS_METHOD, params);
    });
    context.subscriptions.push(previews, ...registerJourneyCommands(previews, () => client));
    context.subscriptions.push(...registerJourneyDiffCommands(context.extensionUri, () => client));
    client = await startJourneyClient(context);
    context.subscriptions.push(client);
    return { client, previews };
}

/** Stops the language server. */
export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

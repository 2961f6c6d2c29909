/** Activation of the Journey extension on the desktop: the language server runs as a Node process; Compare reads git. */
import * as vscode from 'vscode';
import { registerJourneyDiffCommands } from './diff/journey-diff-commands.js';
import { activateJourney, deactivateJourney, journeyClient, type JourneyExtensionApi } from './journey-activation.js';
import { startJourneyClient } from './journey-client.js';

export type { JourneyExtensionApi } from './journey-activation.js';

/** Starts the language server and registers the preview and the commands. */
export async function activate(context: vscode.ExtensionContext): Promise<JourneyExtensionApi> {
    context.subscriptions.push(...registerJourneyDiffCommands(context.extensionUri, journeyClient));
    // Compare reads git in a local checkout: its menus show only where this entry runs (not in a web worker, not in a virtual workspace).
    void vscode.commands.executeCommand('setContext', 'journey.canCompare', vscode.workspace.workspaceFolders?.every((folder) => folder.uri.scheme === 'file') ?? true);
    return activateJourney(context, startJourneyClient);
}

/** Stops the language server. */
export function deactivate(): Promise<void> {
    return deactivateJourney();
}

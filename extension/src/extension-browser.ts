/**
 * Activation of the Journey extension in a browser (vscode.dev, github.dev): the language
 * server runs in a web worker and reads the workspace through `vscode.workspace.fs`.
 * Compare with HEAD needs git, which only the desktop has: its commands are hidden here.
 */
import type * as vscode from 'vscode';
import { activateJourney, deactivateJourney, type JourneyExtensionApi } from './journey-activation.js';
import { startJourneyWorkerClient } from './web/journey-worker-client.js';

export type { JourneyExtensionApi } from './journey-activation.js';

/** Starts the language server in a web worker and registers the preview and the commands. */
export function activate(context: vscode.ExtensionContext): Promise<JourneyExtensionApi> {
    return activateJourney(context, startJourneyWorkerClient);
}

/** Stops the language server. */
export function deactivate(): Promise<void> {
    return deactivateJourney();
}

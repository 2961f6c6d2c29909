/** The compare view: one webview panel per comparison, showing before and after side by side and the change list. */
import * as vscode from 'vscode';
import { createNonce } from '../preview/journey-preview-html.js';
import { diffPageHtml } from './journey-diff-html.js';
import type { DiffWebviewToHostMessage, HostToDiffWebviewMessage, JourneyDiffResult } from './journey-diff-messages.js';

/** The webview type of the compare view. */
export const DIFF_VIEW_TYPE = 'journey.diff';

/** Opens a compare view beside the editor for a comparison the server computed. */
export function showJourneyDiff(extensionUri: vscode.Uri, title: string, result: JourneyDiffResult): vscode.WebviewPanel {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(DIFF_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        enableScripts: true,
        localResourceRoots: [media],
    });
    const webview = panel.webview;
    webview.html = diffPageHtml(
        {
            cspSource: webview.cspSource,
            mermaidScript: webview.asWebviewUri(vscode.Uri.joinPath(media, 'mermaid.min.js')).toString(),
            diffScript: webview.asWebviewUri(vscode.Uri.joinPath(media, 'diff-webview.js')).toString(),
        },
        createNonce(),
    );
    // The page asks when it is ready (again after being hidden and shown): answer with the comparison.
    const subscription = webview.onDidReceiveMessage((message: DiffWebviewToHostMessage) => {
        if (message.type === 'ready') void webview.postMessage({ type: 'diff', result } satisfies HostToDiffWebviewMessage);
    });
    panel.onDidDispose(() => subscription.dispose());
    return panel;
}

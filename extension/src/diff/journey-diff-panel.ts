/** The compare view: one webview panel per comparison, showing each view after and before, full width with zoom, and the change list. */
import * as vscode from 'vscode';
import { createNonce } from '../preview/journey-preview-html.js';
import { diffPageHtml } from './journey-diff-html.js';
import type { DiffWebviewToHostMessage, HostToDiffWebviewMessage, JourneyDiffResult } from './journey-diff-messages.js';
import type { ViewId } from '../../../language-server/src/views/view-types.js';

/** The webview type of the compare view. */
export const DIFF_VIEW_TYPE = 'journey.diff';

/** An open compare view; `rendered` settles when the page has drawn the comparison (with the pictures that failed, if any). */
export interface JourneyDiffView {
    panel: vscode.WebviewPanel;
    result: JourneyDiffResult;
    rendered: Promise<{ errors: string[] }>;
}

/** Opens a compare view beside the editor for a comparison the server computed. */
export function showJourneyDiff(extensionUri: vscode.Uri, title: string, result: JourneyDiffResult): JourneyDiffView {
    const media = vscode.Uri.joinPath(extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel(DIFF_VIEW_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [media],
    });
    const webview = panel.webview;
    webview.html = diffPageHtml(
        {
            cspSource: webview.cspSource,
            mermaidScript: webview.asWebviewUri(vscode.Uri.joinPath(media, 'mermaid.min.js')).toString(),
            diffScript: webview.asWebviewUri(vscode.Uri.joinPath(media, 'diff-webview.js')).toString(),
            previewStyle: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
        },
        createNonce(),
    );
    let settle: (value: { errors: string[] }) => void = () => undefined;
    const rendered = new Promise<{ errors: string[] }>((resolve) => (settle = resolve));
    // The page asks when it is ready (again after being hidden and shown): answer with the comparison.
    const subscription = webview.onDidReceiveMessage((message: DiffWebviewToHostMessage) => {
        if (message.type === 'ready') {
            // The preview's default view: the canvas unless the user chose another.
            const view = vscode.workspace.getConfiguration('journey.preview').get<ViewId>('defaultView');
            void webview.postMessage({ type: 'diff', result, view } satisfies HostToDiffWebviewMessage);
        }
        else if (message.type === 'rendered') settle({ errors: message.errors });
    });
    panel.onDidDispose(() => {
        subscription.dispose();
        settle({ errors: ['the compare view was closed before it finished drawing'] });
    });
    return { panel, result, rendered };
}

/** Registers the commands of the extension: previews, lock, show source, exports, server restart. */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { JOURNEY_MARKDOWN_DOCUMENT_METHOD, type JourneyMarkdownDocumentParams, type JourneyMarkdownDocumentResult } from '../../language-server/src/lsp/journey-preview-protocol.js';
import { copyMermaid, exportPng, exportSvg, saveMarkdown, type ExportArguments, type FetchMarkdown } from './export/journey-export.js';
import type { JourneyPreview } from './preview/journey-preview.js';
import type { JourneyPreviewManager } from './preview/journey-preview-manager.js';

/** Registers every command; returns their disposables. */
export function registerJourneyCommands(previews: JourneyPreviewManager, client: () => LanguageClient | undefined): vscode.Disposable[] {
    const withPreview = <T>(action: (preview: JourneyPreview, args?: ExportArguments) => Promise<T>) => async (args?: ExportArguments) => {
        const preview = previews.activePreview() ?? openForActiveEditor(previews, true);
        if (!preview) {
            void vscode.window.showInformationMessage('Open a .journey file first, then its preview.');
            return undefined;
        }
        if (!preview.lastRender) await new Promise<void>((resolve) => { const d = preview.onDidRender(() => { d.dispose(); resolve(); }); });
        return action(preview, args);
    };
    const fetchMarkdown: FetchMarkdown = async (uri) => {
        const current = client();
        if (!current) throw new Error('the language server is not started');
        const params: JourneyMarkdownDocumentParams = { uri: current.code2ProtocolConverter.asUri(uri) };
        return current.sendRequest<JourneyMarkdownDocumentResult>(JOURNEY_MARKDOWN_DOCUMENT_METHOD, params);
    };
    return [
        vscode.commands.registerCommand('journey.preview.showToSide', (uri?: vscode.Uri) => openPreview(previews, uri, true)),
        vscode.commands.registerCommand('journey.preview.show', (uri?: vscode.Uri) => openPreview(previews, uri, false)),
        vscode.commands.registerCommand('journey.preview.showSource', async () => {
            const preview = previews.activePreview();
            if (preview) await vscode.window.showTextDocument(preview.resource, { viewColumn: vscode.ViewColumn.One });
        }),
        vscode.commands.registerCommand('journey.preview.toggleLock', () => previews.activePreview()?.toggleLock()),
        vscode.commands.registerCommand('journey.export.svg', withPreview(exportSvg)),
        vscode.commands.registerCommand('journey.export.png', withPreview(exportPng)),
        vscode.commands.registerCommand('journey.export.copyMermaid', withPreview((p) => copyMermaid(p))),
        vscode.commands.registerCommand('journey.export.markdown', withPreview((preview, args) => saveMarkdown(preview, fetchMarkdown, args))),
        vscode.commands.registerCommand('journey.server.restart', () => restartServer(client())),
    ];
}

function openPreview(previews: JourneyPreviewManager, uri: vscode.Uri | undefined, toSide: boolean): JourneyPreview | undefined {
    if (uri instanceof vscode.Uri) return previews.show(uri, { toSide });
    const preview = openForActiveEditor(previews, toSide);
    if (!preview) void vscode.window.showInformationMessage('Open a .journey file to preview it.');
    return preview;
}

function openForActiveEditor(previews: JourneyPreviewManager, toSide: boolean): JourneyPreview | undefined {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'journey') return undefined;
    return previews.show(document.uri, { toSide });
}

/** Restarts the server process (desktop); a web worker's server restarts with the window. */
async function restartServer(client: LanguageClient | undefined): Promise<void> {
    if (client && 'restart' in client && typeof client.restart === 'function') {
        await (client.restart as () => Promise<void>).call(client);
    } else if (client) {
        void vscode.window.showInformationMessage('In the browser, the Journey language server runs in a web worker: reload the window to restart it.');
    }
}

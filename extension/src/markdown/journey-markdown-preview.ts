/**
 * Wires ```journey fences into VS Code's built-in Markdown preview: the markdown-it plugin asks the
 * language server for each fence's view (the extension host never parses a map), and the previews
 * are redrawn when answers arrive or when a .journey file (a shared persona, channel or team) changes.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { JOURNEY_MARKDOWN_VIEWS_METHOD, type JourneyMarkdownViewsParams, type JourneyMarkdownViewsResult } from '../../../language-server/src/lsp/journey-markdown-protocol.js';
import { createJourneyMarkdownFences, type JourneyMarkdownFences } from './journey-markdown-it.js';

/** The plugin for `extendMarkdownIt`, and what to dispose with the extension. */
export function registerJourneyMarkdownPreview(client: () => LanguageClient | undefined): { fences: JourneyMarkdownFences; disposables: vscode.Disposable[] } {
    const fences = createJourneyMarkdownFences({
        fetch: async (text, baseUri, view) => {
            const current = client();
            if (!current) throw new Error('the Journey language server is not started');
            const params: JourneyMarkdownViewsParams = { text, baseUri, view };
            return current.sendRequest<JourneyMarkdownViewsResult>(JOURNEY_MARKDOWN_VIEWS_METHOD, params);
        },
        refresh: () => void vscode.commands.executeCommand('markdown.preview.refresh'),
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const invalidateSoon = () => {
        clearTimeout(timer);
        timer = setTimeout(() => fences.invalidate(), 500);
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.journey');
    const disposables = [
        watcher,
        watcher.onDidChange(invalidateSoon),
        watcher.onDidCreate(invalidateSoon),
        watcher.onDidDelete(invalidateSoon),
        vscode.workspace.onDidChangeTextDocument((event) => {
            if (event.document.languageId === 'journey' && event.contentChanges.length > 0) invalidateSoon();
        }),
        { dispose: () => clearTimeout(timer) },
    ];
    return { fences, disposables };
}

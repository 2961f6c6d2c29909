/**
 * All Journey previews: one per document, a non-locked one follows the active `.journey`
 * editor (as Markdown's preview does), live updates, editor ↔ picture sync, and the
 * serializer that restores previews after a window reload.
 */
import * as vscode from 'vscode';
import type { PreviewState, ViewId } from './journey-preview-messages.js';
import { JourneyPreview, PREVIEW_VIEW_TYPE, previewWebviewOptions, type FetchViews, type RenderReport } from './journey-preview.js';

/** Opens, tracks and restores the previews. */
export class JourneyPreviewManager implements vscode.Disposable, vscode.WebviewPanelSerializer<PreviewState> {
    private readonly previews = new Set<JourneyPreview>();
    private readonly disposables: vscode.Disposable[] = [];
    private readonly renderEmitter = new vscode.EventEmitter<RenderReport>();
    private active: JourneyPreview | undefined;
    /** Fires after any preview rendered. */
    readonly onDidRender = this.renderEmitter.event;

    constructor(private readonly extensionUri: vscode.Uri, private readonly fetchViews: FetchViews) {
        this.disposables.push(
            vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
            vscode.workspace.onDidChangeTextDocument((e) => {
                this.forDocument(e.document.uri, (p) => {
                    if (e.contentChanges.length > 0) p.documentEdited(e.document.version, e.contentChanges);
                    void p.refresh();
                });
                if (e.document.languageId !== 'journey' || e.contentChanges.length === 0) return;
                // Another map may hold the shared personas, channels or teams this preview shows.
                for (const p of this.previews) if (!p.isPreviewOf(e.document.uri)) p.otherDocumentChanged();
            }),
            vscode.window.onDidChangeActiveTextEditor((editor) => this.followEditor(editor)),
            vscode.languages.onDidChangeDiagnostics((e) => {
                for (const uri of e.uris) this.forDocument(uri, (p) => p.diagnosticsChanged());
            }),
            vscode.window.onDidChangeTextEditorSelection((e) => this.forDocument(e.textEditor.document.uri, (p) => p.highlightLine(e.selections[0].active.line, e.selections[0].active.character))),
            // Scroll sync, one way as in Markdown's preview: the picture follows the editor, never the reverse, so there is no loop.
            vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
                const first = e.visibleRanges[0];
                if (!first) return;
                this.forDocument(e.textEditor.document.uri, (p) => p.scrollToLine(first.start.line, e.visibleRanges[e.visibleRanges.length - 1].end.line));
            }),
            vscode.workspace.onDidChangeConfiguration((e) => {
                if (e.affectsConfiguration('journey.preview')) for (const p of this.previews) p.forceRefresh();
            }),
            vscode.workspace.onDidRenameFiles((e) => {
                for (const { oldUri, newUri } of e.files) this.forDocument(oldUri, (p) => p.renamed(newUri));
            }),
            vscode.workspace.onDidDeleteFiles((e) => {
                for (const uri of e.files) this.forDocument(uri, (p) => p.markDeleted());
            }),
            this.renderEmitter,
        );
    }

    /** Opens (or reveals) the preview of `uri`: beside the editor when `toSide`. */
    show(uri: vscode.Uri, options: { toSide: boolean; locked?: boolean }): JourneyPreview {
        const column = options.toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
        const existing = [...this.previews].find((p) => p.isPreviewOf(uri) && (options.locked === undefined || p.isLocked === options.locked))
            ?? (options.locked ? undefined : [...this.previews].find((p) => !p.isLocked));
        if (existing) {
            existing.switchTo(uri);
            existing.panel.reveal(existing.panel.viewColumn ?? column, options.toSide);
            return existing;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: options.toSide }, previewWebviewOptions(this.extensionUri));
        return this.track(new JourneyPreview(panel, uri, options.locked ?? false, this.extensionUri, this.fetchViews, defaultView()));
    }

    /** Restores a preview after a window reload. */
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
        if (!state?.uri) {
            panel.webview.html = '<!DOCTYPE html><html><body><p>This preview has no document any more. Close it and open a new one with "Journey: Open Preview to the Side".</p></body></html>';
            return;
        }
        this.track(new JourneyPreview(panel, vscode.Uri.parse(state.uri), state.locked ?? false, this.extensionUri, this.fetchViews, state.view ?? defaultView(), state));
    }

    /** The preview the user last focused, or the one of the active editor's document. */
    activePreview(): JourneyPreview | undefined {
        const editorUri = vscode.window.activeTextEditor?.document.uri;
        if (this.active && this.active.panel.active) return this.active;
        const visible = [...this.previews].filter((p) => p.panel.visible);
        return (editorUri && [...this.previews].find((p) => p.isPreviewOf(editorUri))) || this.active || visible.at(-1) || [...this.previews].at(-1);
    }

    /** Every open preview. */
    all(): readonly JourneyPreview[] {
        return [...this.previews];
    }

    /** The last render report of the preview of `uri`. */
    lastRender(uri: vscode.Uri): RenderReport | undefined {
        return [...this.previews].find((p) => p.isPreviewOf(uri))?.lastRender;
    }

    /** Closes every preview. */
    dispose(): void {
        for (const p of [...this.previews]) p.dispose();
        for (const d of this.disposables) d.dispose();
    }

    private track(preview: JourneyPreview): JourneyPreview {
        this.previews.add(preview);
        this.active = preview;
        preview.onDidRender((report) => this.renderEmitter.fire(report));
        preview.panel.onDidChangeViewState(({ webviewPanel }) => {
            if (webviewPanel.active) this.active = preview;
            void vscode.commands.executeCommand('setContext', 'journeyPreviewFocus', webviewPanel.active);
        });
        preview.onDidDispose(() => {
            this.previews.delete(preview);
            if (this.active === preview) this.active = undefined;
        });
        return preview;
    }

    private followEditor(editor: vscode.TextEditor | undefined): void {
        if (!editor || editor.document.languageId !== 'journey') return;
        const uri = editor.document.uri;
        if ([...this.previews].some((p) => p.isPreviewOf(uri))) return;
        const follower = [...this.previews].find((p) => !p.isLocked);
        follower?.switchTo(uri);
    }

    private forDocument(uri: vscode.Uri, action: (preview: JourneyPreview) => void): void {
        for (const p of this.previews) if (p.isPreviewOf(uri)) action(p);
    }
}

function defaultView(): ViewId {
    return vscode.workspace.getConfiguration('journey.preview').get<ViewId>('defaultView', 'canvas');
}

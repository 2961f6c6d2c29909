/** One preview panel: shows the views of one `.journey` document and keeps them live. */
import * as vscode from 'vscode';
import type { JourneyViewsResult } from '../../../language-server/src/lsp/journey-preview-protocol.js';
import { previewPageHtml } from './journey-preview-html.js';
import type {
    DocumentMessage, ExportedMessage, HighlightMessage, HostToWebviewMessage, PreviewLimits, PreviewRange, PreviewState, RenderedMessage, UpdateMessage, ViewId, ViewResult, WebviewToHostMessage,
} from './journey-preview-messages.js';
import { EditLog } from './edit-log.js';
import { viewsForUpdate } from './journey-preview-views.js';
import { UpdateScheduler } from './journey-update-scheduler.js';

/** The webview panel type; also the serializer's key (`onWebviewPanel:journey.preview`). */
export const PREVIEW_VIEW_TYPE = 'journey.preview';

/** What the preview asks the views for, besides the document: the pane's width, the size limits, the stage of a view too large. */
export interface ViewsRequest {
    availableWidth?: number;
    limits: PreviewLimits;
    stage?: string;
    line?: number;
}

/** Asks the language server for the views of a document at a version. */
export type FetchViews = (uri: vscode.Uri, version: number, request: ViewsRequest) => Promise<JourneyViewsResult>;

/** An update as the host keeps it: every view whole (the webview gets the one on screen whole, `viewsForUpdate`). */
type HostUpdate = Omit<UpdateMessage, 'views'> & { views?: ViewResult[] };

/** What a preview reports after each render (also read by the extension's tests). */
export interface RenderReport extends RenderedMessage {
    uri: string;
}

/** The options of a webview panel of the preview: scripts on, resources only from the extension's media folder. */
export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
        enableScripts: true,
        enableFindWidget: true,
        retainContextWhenHidden: false,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')],
    };
}

/** A live preview of one document in a webview panel. */
export class JourneyPreview implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    private readonly scheduler: UpdateScheduler;
    private readonly renderEmitter = new vscode.EventEmitter<RenderReport>();
    private readonly disposeEmitter = new vscode.EventEmitter<void>();
    private readonly exports = new Map<number, (message: ExportedMessage) => void>();
    private nextExportId = 1;
    private ready = false;
    private disposed = false;
    private deleted = false;
    private views: ViewResult[] = [];
    private title: string | undefined;
    private view: ViewId | undefined;
    private lastUpdate: HostUpdate | undefined;
    /** The last update with views (the last good picture): a reloaded webview gets it back before the errors. */
    private lastGoodUpdate: HostUpdate | undefined;
    /** The views of `lastGoodUpdate` the webview has whole (the one on screen when it was sent, then those it asked for). */
    private readonly sentWhole = new Set<ViewId>();
    /** The document's edits, to carry a click on a picture of an older version to the text of now, and the cursor back to that picture. */
    private readonly edits = new EditLog();
    /** The scheduler's epoch of the last update shown (see `UpdateScheduler.request`). */
    private shownEpoch = 0;
    private readonly waiting: HostToWebviewMessage[] = [];
    private shownErrors = 0;
    private othersChanged = false;
    /** The width of the webview's pictures (CSS px), as it last reported it. */
    private availableWidth: number | undefined;
    /** The stage drawn of views too large to draw whole (picked, or the one at the cursor). */
    private stage: string | undefined;
    /** The editor's cursor line in this document, when known. */
    private cursorLine: number | undefined;
    private cursorCharacter = 0;
    /** The picture version the last highlight's line was read in (undefined: the text of now). */
    private highlightVersion: number | undefined;
    private laidOutWidth: number | undefined;
    /** The last render the webview reported. */
    lastRender: RenderReport | undefined;
    /** Fires after every render of the webview. */
    readonly onDidRender = this.renderEmitter.event;
    /** Fires when the panel is closed. */
    readonly onDidDispose = this.disposeEmitter.event;

    constructor(
        readonly panel: vscode.WebviewPanel,
        private uri: vscode.Uri,
        private locked: boolean,
        private readonly extensionUri: vscode.Uri,
        private readonly fetchViews: FetchViews,
        initialView: ViewId | undefined,
        /** The state the webview saved, when the serializer restores the panel (its zoom and pan come back too). */
        private readonly restoredState?: PreviewState,
    ) {
        this.view = initialView;
        this.scheduler = new UpdateScheduler((version) => this.update(version), () => settings().get<number>('updateDelay', 300));
        panel.webview.options = previewWebviewOptions(extensionUri);
        panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'journey-file.svg');
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            // A hidden webview is unloaded; when shown again it reloads and says `ready`.
            panel.onDidChangeViewState(({ webviewPanel }) => {
                if (!webviewPanel.visible) this.ready = false;
            }),
            panel.webview.onDidReceiveMessage((message: WebviewToHostMessage) => this.onMessage(message)),
        );
        this.updateTitle();
        panel.webview.html = this.html();
    }

    /** The document this preview shows. */
    get resource(): vscode.Uri {
        return this.uri;
    }

    /** True when the preview stays on its document instead of following the active editor. */
    get isLocked(): boolean {
        return this.locked;
    }

    /** The views last received from the language server. */
    get currentViews(): readonly ViewResult[] {
        return this.views;
    }

    /** The view the user is looking at. */
    get currentView(): ViewId | undefined {
        return this.view ?? this.views[0]?.view;
    }

    /** The journey's title, when known. */
    get journeyTitle(): string | undefined {
        return this.title;
    }

    /** True when this preview is for `uri`. */
    isPreviewOf(uri: vscode.Uri): boolean {
        return this.uri.toString() === uri.toString();
    }

    /** Shows another document (a preview that follows the active editor). */
    switchTo(uri: vscode.Uri): void {
        if (this.isPreviewOf(uri)) return;
        this.uri = uri;
        this.edits.clear();
        this.deleted = false;
        this.stage = undefined;
        this.cursorLine = undefined;
        this.highlightVersion = undefined;
        this.views = [];
        this.lastRender = undefined;
        this.lastUpdate = undefined;
        this.lastGoodUpdate = undefined;
        this.scheduler.reset();
        this.updateTitle();
        this.post(this.documentMessage());
        void this.refresh(true);
    }

    /** Locks or unlocks the preview to its document. */
    toggleLock(): void {
        this.locked = !this.locked;
        this.updateTitle();
        this.post(this.documentMessage());
    }

    /** Notes an edit of the document (before the views of its new version are asked for). */
    documentEdited(version: number, changes: readonly vscode.TextDocumentContentChangeEvent[]): void {
        this.edits.record(version, changes.map((c) => ({ range: c.range, text: c.text })));
    }

    /** Asks for the views of the document's current version (throttled unless `immediate`). */
    async refresh(immediate = false): Promise<void> {
        try {
            const document = await vscode.workspace.openTextDocument(this.uri);
            // A document opened again starts its versions from 1: the edits logged before are of the old numbering.
            this.edits.seen(document.version);
            this.scheduler.request(document.version, immediate);
        } catch {
            this.deleted = true;
            this.post(this.updateMessage(0, undefined, 'The file ' + fileName(this.uri) + ' no longer exists. The preview shows its last picture.'));
        }
    }

    /** Forgets versions and redraws at once (after a settings change). */
    forceRefresh(): void {
        this.scheduler.reset();
        void this.refresh(true);
    }

    /** Notes that another .journey document changed: once the server has validated this one again, its views may differ. */
    otherDocumentChanged(): void {
        this.othersChanged = true;
    }

    /**
     * Redraws when the server published the document's diagnostics again without an edit of it: after
     * another file changed (a shared persona's label, say), was renamed or deleted, the same version
     * can have other views. The webview draws a view again only when its Mermaid text changed.
     */
    diagnosticsChanged(): void {
        const errors = vscode.languages.getDiagnostics(this.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
        if (errors !== this.shownErrors || this.othersChanged) {
            this.othersChanged = false;
            this.forceRefresh();
        }
    }

    /** Follows a rename of the document. */
    renamed(to: vscode.Uri): void {
        const from = this.uri;
        this.uri = to;
        this.lastRender = undefined;
        this.deleted = false;
        // The pictures kept for a reloaded webview are of this document, under its new name.
        const renamedUpdate = (update: HostUpdate | undefined) => update && { ...update, uri: to.toString(), fileName: fileName(to) };
        this.lastUpdate = renamedUpdate(this.lastUpdate);
        this.lastGoodUpdate = renamedUpdate(this.lastGoodUpdate);
        this.updateTitle();
        this.post({ ...this.documentMessage(), renamedFrom: from.toString() });
        this.forceRefresh();
    }

    /** Keeps the last picture after the document was deleted and says so. */
    markDeleted(): void {
        this.deleted = true;
        this.post(this.updateMessage(0, undefined, 'The file ' + fileName(this.uri) + ' was deleted. The preview shows its last picture.'));
    }

    /**
     * Highlights, in the picture, the element written at this line (the picture scrolls to it). When the
     * view on screen is one stage of a map too large to draw whole, a cursor in another stage draws that stage.
     */
    highlightLine(line: number, character = 0): void {
        this.cursorLine = line;
        this.cursorCharacter = character;
        this.post(this.highlightMessage(line, character, true));
        this.followCursorStage();
    }

    /**
     * The cursor's line as the picture on screen reads it: a picture drawn from an older version
     * (the next one is on its way) has its elements where they were written then, so the line is
     * carried back through the edits made since.
     */
    private highlightMessage(line: number, character: number, reveal: boolean): HighlightMessage {
        const { pictureVersion, line: read } = this.inPicture(line, character);
        this.highlightVersion = pictureVersion;
        return { type: 'highlight', line: read, version: pictureVersion, reveal };
    }

    /** A position of the text of now, in the text of the version the picture on screen was drawn from (when the edit log reaches it). */
    private inPicture(line: number, character = 0): { pictureVersion?: number; line: number } {
        const shown = this.lastRender?.shows === 'diagram' ? this.lastRender.version : undefined;
        const back = shown === undefined ? undefined : this.edits.carryBack({ line, character }, shown);
        return back ? { pictureVersion: shown, line: back.line } : { line };
    }

    /** When the view on screen is one stage of a view too large and the cursor is in another stage, draws that one. */
    private followCursorStage(): void {
        const line = this.cursorLine;
        const shown = this.views.find((v) => v.view === this.currentView);
        const part = shown?.kind === 'diagram' ? shown.part : undefined;
        if (line === undefined || !part) return;
        const stage = part.stages.find((s) => !s.range.uri && s.range.start.line <= line && line <= s.range.end.line);
        if (stage && stage.id !== part.stage) {
            this.stage = stage.id;
            this.forceRefresh();
        }
    }

    /** Keeps the picture on the stage at the top of the editor (`line` and `lastLine`: its first and last visible lines). */
    scrollToLine(line: number, lastLine: number): void {
        this.post({ type: 'scroll', line: this.inPicture(line).line, lastLine: this.inPicture(lastLine).line });
    }

    /** The width (CSS px) of the webview's pictures, as it last reported it. */
    get paneWidth(): number | undefined {
        return this.availableWidth;
    }

    /** The width (CSS px) the views on screen were laid out for (the server's answer). */
    get viewsWidth(): number | undefined {
        return this.laidOutWidth;
    }

    /** Shows a view of the journey. */
    selectView(view: ViewId): void {
        this.view = view;
        this.post({ type: 'selectView', view });
    }

    /** Asks the webview for the picture on screen: SVG text, or PNG bytes as base64. */
    exportPicture(format: 'svg' | 'png'): Promise<ExportedMessage> {
        const requestId = this.nextExportId++;
        return new Promise((resolve) => {
            const timer = setTimeout(() => {
                this.exports.delete(requestId);
                resolve({ type: 'exported', requestId, error: 'The preview did not answer. Is it visible?' });
            }, 20_000);
            this.exports.set(requestId, (message) => {
                clearTimeout(timer);
                resolve(message);
            });
            if (!this.panel.visible) this.panel.reveal(undefined, true);
            this.post({ type: 'export', requestId, format });
        });
    }

    /** Closes the panel. */
    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        this.scheduler.dispose();
        this.disposeEmitter.fire();
        this.panel.dispose();
        for (const d of this.disposables) d.dispose();
        this.renderEmitter.dispose();
        this.disposeEmitter.dispose();
    }

    private async update(version: number): Promise<void> {
        let result: JourneyViewsResult;
        const uri = this.uri;
        const epoch = this.scheduler.epoch;
        try {
            result = await this.fetchViews(uri, version, { availableWidth: this.availableWidth, limits: limits(), stage: this.stage, line: this.cursorLine ?? this.editorCursor()?.line });
        } catch (error) {
            this.post(this.updateMessage(version, undefined, 'The Journey language server is not answering (' + String(error) + '). The preview updates again when it is back.'));
            return;
        }
        // An answer asked for before the document was opened again is of its old numbering: dropped.
        if (this.disposed || uri !== this.uri || epoch !== this.scheduler.epoch || !this.scheduler.accept(result.version)) return;
        if (result.missing) {
            setTimeout(() => { this.scheduler.reset(); void this.refresh(); }, 500);
            return;
        }
        const errors = result.diagnostics.filter((d) => d.severity === 1);
        this.shownErrors = errors.length;
        this.title = result.title;
        this.updateTitle();
        let notice: string | undefined;
        if (!result.journeyId && errors.length === 0) {
            notice = fileName(this.uri) + ' holds no journey (only shared personas, channels or teams). Add `journey <id> "<label>" { … }` to see a map.';
        }
        if (errors.length === 0) {
            this.laidOutWidth = result.availableWidth;
            this.views = result.views;
        }
        // The first update of a new epoch tells the page to take it although its version is lower.
        const restart = epoch !== this.shownEpoch || undefined;
        this.shownEpoch = epoch;
        this.post({ ...this.updateMessage(result.version, errors.length === 0 ? result.views : undefined, notice), errors, title: result.title, restart });
    }

    /** The cursor line of an editor showing the document, if one is visible. */
    /** The cursor of an editor showing this document, if one is visible. */
    private editorCursor(): vscode.Position | undefined {
        return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString())?.selection.active;
    }

    private updateMessage(version: number, views: ViewResult[] | undefined, notice: string | undefined): HostUpdate {
        return {
            type: 'update',
            uri: this.uri.toString(),
            fileName: fileName(this.uri),
            version,
            title: this.title,
            views,
            errors: [],
            notice: notice ?? (this.deleted ? 'The file ' + fileName(this.uri) + ' was deleted.' : undefined),
            limits: limits(),
        };
    }

    private onMessage(message: WebviewToHostMessage): void {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                // A reloaded page has no outline: the next picture it reports gets the cursor's line again.
                this.highlightVersion = undefined;
                if (message.width) this.availableWidth = message.width;
                // A reloaded webview learns its document and lock first, then gets its picture back:
                // the last good one, then the current errors over it.
                void this.panel.webview.postMessage(this.documentMessage());
                this.sentWhole.clear();
                for (const update of this.replay()) void this.panel.webview.postMessage(this.wire(update));
                for (const message of this.waiting.splice(0)) void this.panel.webview.postMessage(message);
                this.scheduler.reset();
                void this.refresh(true);
                break;
            case 'size':
                // Views may lay themselves out for the width (a portrait layout in a narrow pane): ask again.
                // The webview draws a view again only when its Mermaid text changed.
                if (message.width !== this.availableWidth) {
                    this.availableWidth = message.width;
                    this.forceRefresh();
                }
                break;
            case 'selectStage':
                this.stage = message.stage;
                this.forceRefresh();
                break;
            case 'rendered':
                this.lastRender = { ...message, uri: this.uri.toString() };
                // A picture of another version than the cursor's line was last read in: the line as it reads.
                if (message.shows === 'diagram' && this.cursorLine !== undefined && message.version !== this.highlightVersion) {
                    // Where the cursor is now (an edit may have moved it before its selection event came).
                    const cursor = this.editorCursor();
                    this.post(this.highlightMessage(cursor?.line ?? this.cursorLine, cursor?.character ?? this.cursorCharacter, false));
                }
                this.renderEmitter.fire(this.lastRender);
                break;
            case 'reveal':
                void this.reveal(message.range, message.version);
                break;
            case 'viewChanged':
                this.view = message.view;
                this.followCursorStage();
                break;
            case 'needView':
                this.view = message.view;
                this.sendView(message.view, message.version);
                break;
            case 'exported':
                this.exports.get(message.requestId)?.(message);
                this.exports.delete(message.requestId);
                break;
        }
    }

    /**
     * Shows and selects a source range in an editor (beside the preview when none shows the file). A
     * range of this document read in an older `version` (a click before the picture of the last edit
     * came) is carried through the edits made since.
     */
    private async reveal(range: PreviewRange, version: number): Promise<void> {
        const uri = range.uri ? vscode.Uri.parse(range.uri) : this.uri;
        const now = range.uri ? range : (this.edits.carry(range, version) ?? range);
        const selection = new vscode.Range(now.start.line, now.start.character, now.end.line, now.end.character);
        const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
        const column = visible?.viewColumn ?? (this.panel.viewColumn && this.panel.viewColumn > 1 ? this.panel.viewColumn - 1 : vscode.ViewColumn.Beside);
        const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preserveFocus: false, selection });
        editor.selection = new vscode.Selection(selection.start, selection.end);
        editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    /** The updates that bring a reloaded webview back to what it showed: the last good picture, then the last update. */
    private replay(): HostUpdate[] {
        if (!this.lastUpdate) return [];
        if (this.lastUpdate.views || !this.lastGoodUpdate) return [this.lastUpdate];
        return [this.lastGoodUpdate, this.lastUpdate];
    }

    private documentMessage(): DocumentMessage {
        return { type: 'document', uri: this.uri.toString(), locked: this.locked };
    }

    /**
     * Sends one view of the last good update whole, when the webview asked for it (it shows that
     * view, and its update of `version` named it only by its tab) and does not have it yet.
     */
    private sendView(view: ViewId, version: number): void {
        const good = this.lastGoodUpdate;
        const whole = good?.views?.find((v) => v.view === view);
        // An older version: the newer update on its way (or already there) is answered when the webview asks for it.
        if (!good || !whole || good.version !== version || this.sentWhole.has(view) || this.disposed || !this.ready) return;
        this.sentWhole.add(view);
        void this.panel.webview.postMessage({ type: 'view', uri: good.uri, version: good.version, view: whole });
    }

    /** An update as the webview gets it: the view on screen whole, the others as tabs. */
    private wire(update: HostUpdate): UpdateMessage {
        if (!update.views) return update as UpdateMessage;
        const views = viewsForUpdate(update.views, this.view);
        if (update === this.lastGoodUpdate) for (const view of views) if (view.kind !== 'tab') this.sentWhole.add(view.view);
        return { ...update, views };
    }

    private post(message: HostToWebviewMessage | HostUpdate): void {
        if (message.type === 'update') {
            this.lastUpdate = message as HostUpdate;
            if (message.views) {
                this.lastGoodUpdate = message as HostUpdate;
                this.sentWhole.clear();
            }
        }
        if (this.disposed) return;
        if (!this.ready) {
            if (message.type === 'export') this.waiting.push(message);
            return;
        }
        void this.panel.webview.postMessage(message.type === 'update' ? this.wire(message as HostUpdate) : message);
    }

    private updateTitle(): void {
        const name = fileName(this.uri);
        this.panel.title = this.locked ? `[Preview] ${name}` : `Preview ${name}`;
    }

    private html(): string {
        const webview = this.panel.webview;
        const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', file)).toString();
        const state: PreviewState = { ...this.restoredState, uri: this.uri.toString(), view: this.view, locked: this.locked };
        return previewPageHtml({
            cspSource: webview.cspSource,
            mermaidScript: media('mermaid.min.js'),
            previewScript: media('webview.js'),
            previewStyle: media('preview.css'),
            initialState: state,
        });
    }
}

function settings(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration('journey.preview');
}

function limits(): PreviewLimits {
    return { maxTextSize: settings().get<number>('maxTextSize', 50000), maxEdges: settings().get<number>('maxEdges', 500) };
}

function fileName(uri: vscode.Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

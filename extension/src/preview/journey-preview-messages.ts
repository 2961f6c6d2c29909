/**
 * The messages between the preview panel (extension host) and its webview. Plain types only:
 * both sides import this file, and the webview never learns anything about journeys beyond them.
 */
import type { JourneyPreviewDiagnostic } from '../../../language-server/src/lsp/journey-preview-protocol.js';
import type { ViewId, ViewResult } from '../../../language-server/src/views/view-types.js';

export type { JourneyPreviewDiagnostic, ViewId, ViewResult };

/** A source range as the webview reports it back (zero-based, as in LSP). */
export interface PreviewRange {
    start: { line: number; character: number };
    end: { line: number; character: number };
    uri?: string;
}

/** Limits above which a diagram is not drawn. */
export interface PreviewLimits {
    maxTextSize: number;
    maxEdges: number;
}

/**
 * A view the update names only for its tab (id and title): its picture (Mermaid text, source map)
 * stays with the host until the page shows it (`needView` → `view`).
 */
export interface ViewTab {
    view: ViewId;
    title: string;
    kind: 'tab';
}

/** A view as an update carries it: whole, or only its tab. */
export type PreviewView = ViewResult | ViewTab;

/** Host → webview: new content. `views` is absent while the text has errors (the last good picture stays). */
export interface UpdateMessage {
    type: 'update';
    uri: string;
    fileName: string;
    version: number;
    title?: string;
    /**
     * Every view, in the picker's order. The host sends the view on screen whole and the other
     * diagrams as tabs (`viewsForUpdate`), so an update's size follows the picture shown, not all
     * seven; an empty view is always whole (it is only its message).
     */
    views?: PreviewView[];
    errors: JourneyPreviewDiagnostic[];
    /** A notice about the document itself (deleted, no journey in the file…). */
    notice?: string;
    limits: PreviewLimits;
    /**
     * The document was closed and opened again, and VS Code numbers its versions from 1 again:
     * this update is newer than the ones before it, whatever its version.
     */
    restart?: boolean;
}

/**
 * Host → webview: highlight the element whose source holds this line (the editor's cursor).
 * `version`: the document version whose text the line is read in, the one the picture on screen
 * was drawn from (the host carries the cursor back through the edits made since); a picture of
 * another version waits for the host's line for it. `reveal: false`: outline without scrolling
 * (the same cursor on a new picture).
 */
export interface HighlightMessage { type: 'highlight'; line: number; version?: number; reveal?: boolean }

/**
 * Host → webview: the editor scrolled; `line` is its first visible line and `lastLine` its last
 * (zero-based), read in the text of the picture on screen (as for `HighlightMessage`). The picture
 * scrolls to the stage written there, keeping the cursor's node on screen.
 */
export interface ScrollMessage { type: 'scroll'; line: number; lastLine: number }

/** Host → webview: show this view. */
export interface SelectViewMessage { type: 'selectView'; view: ViewId }

/** Host → webview: send the picture of the current view. */
export interface ExportRequestMessage { type: 'export'; requestId: number; format: 'svg' | 'png' }

/**
 * Host → webview: the document the preview shows now and whether it is locked to it. Sent when the
 * webview is ready and whenever either changes (following the editor, a rename, the lock), so the
 * state the webview saves, which restores the preview after a reload, names them.
 */
export interface DocumentMessage {
    type: 'document';
    uri: string;
    locked: boolean;
    /** Set when the document was renamed from this URI: the same map, so zoom and picture stay. */
    renamedFrom?: string;
}

/** Host → webview: one view of the update of `version` whole (the answer to `needView`). */
export interface ViewMessage {
    type: 'view';
    uri: string;
    version: number;
    view: ViewResult;
}

/** Everything the host sends. */
export type HostToWebviewMessage = UpdateMessage | HighlightMessage | ScrollMessage | SelectViewMessage | ExportRequestMessage | DocumentMessage | ViewMessage;

/** Webview → host: the webview is loaded and waits for content; `width` is the width its pictures have (CSS px). */
export interface ReadyMessage { type: 'ready'; width?: number }

/** Webview → host: the pane was resized; `width` is the width the pictures have now (CSS px). */
export interface SizeMessage { type: 'size'; width: number }

/** Webview → host: the user picked a stage to draw of a view too large to draw whole. */
export interface SelectStageMessage { type: 'selectStage'; stage: string }

/** Webview → host: what the webview shows now (after every render). */
export interface RenderedMessage {
    type: 'rendered';
    version: number;
    view: ViewId | undefined;
    /** The stage drawn when the view is too large to draw whole (one stage of it is shown). */
    stage?: string;
    /** `diagram` when an SVG is on screen, otherwise what is shown instead. */
    shows: 'diagram' | 'empty' | 'too-large' | 'render-error' | 'nothing';
    svgLength: number;
    /** True when the error banner is shown over the last good picture. */
    errorBanner: boolean;
    message?: string;
    /**
     * True when this render drew the picture (one `mermaid.render`); false when the picture on
     * screen was kept because nothing it shows changed (the same Mermaid text, view, theme and
     * table: only its source map is linked again), or when no picture is shown.
     */
    drawn: boolean;
    /** `mermaid.render` calls of this page since it loaded. */
    draws: number;
    /** Renders of this page that kept the picture on screen instead of drawing it again. */
    skips: number;
    /** How long this render took in the page. */
    timing: RenderTiming;
}

/** The time one render took in the page, in ms (`performance.now`). */
export interface RenderTiming {
    /** From the start of the render to its report. */
    total: number;
    /** In `mermaid.render` (0 when the picture was not drawn again). */
    mermaid: number;
    /** Each step of the page around Mermaid's (`insert`, `size`, `link`, `label`, `fit`…). */
    phases: Record<string, number>;
}

/**
 * Webview → host: the user clicked an element of the picture or an error of the banner; `range` is
 * read in the document's `version` the picture or banner stands for.
 */
export interface RevealMessage { type: 'reveal'; range: PreviewRange; version: number }

/** Webview → host: the user switched views. */
export interface ViewChangedMessage { type: 'viewChanged'; view: ViewId }

/**
 * Webview → host: the page is to show `view`, which its last update of `version` named only by its
 * tab: send it whole (a `view` message). The host also takes it as the view on screen.
 */
export interface NeedViewMessage { type: 'needView'; view: ViewId; version: number }

/** Webview → host: the answer to an export request (SVG text or PNG as base64). */
export interface ExportedMessage { type: 'exported'; requestId: number; data?: string; error?: string }

/** Everything the webview sends. */
export type WebviewToHostMessage = ReadyMessage | SizeMessage | SelectStageMessage | RenderedMessage | RevealMessage | ViewChangedMessage | NeedViewMessage | ExportedMessage;

/** What the webview keeps across reloads (`getState`/`setState`), and the serializer restores from. */
export interface PreviewState {
    uri?: string;
    view?: ViewId;
    locked?: boolean;
    /** True (or absent) while the picture fits the window; false once the user zoomed or panned. */
    fit?: boolean;
    zoom?: number;
    panX?: number;
    panY?: number;
}

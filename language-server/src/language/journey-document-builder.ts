/**
 * The order in which a change is built, so that other files keep answering while a big map is
 * checked. Langium builds every changed document phase by phase, all of them together: a
 * completion in a small map waited until a 3 MB map open beside it was parsed and linked.
 * Here the small documents of a build are built first, to the end, then the big ones; small
 * maps that could not link a name are linked again once the big ones are indexed (a big file
 * may declare what they use).
 * A request about a document the editor has just opened, before the workspace holds it, waits
 * for it instead of failing with "no document" (clients such as Neovim 0.7 do not ask again).
 * When a big document leaves the workspace (an untitled map closed), or an update rebuilt
 * hundreds of maps (a shared file edited), `releaseMemory` is called once the workspace is
 * quiet: the Node server then collects its garbage.
 */
import {
    DefaultDocumentBuilder, DocumentState, OperationCancelled, UriUtils, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type URI,
} from 'langium';
import type { CancellationToken } from 'vscode-jsonrpc';
import type { JourneyWorkspaceManager } from './journey-workspace.js';
import type { JourneyFile } from '../generated/ast.js';
import { checksDependOn, declaredIds } from './journey-revalidation.js';

/** A document longer than this (characters) is built after the others of the same change. */
export const BIG_DOCUMENT = 200_000;
/** An update that rebuilds this many documents or more is followed by a release of memory. */
const MANY_DOCUMENTS = 200;

/** The open documents of the editor, when there is one (the CLI has none). */
interface OpenDocuments {
    get(uri: string): { getText(): string } | undefined;
}

export class JourneyDocumentBuilder extends DefaultDocumentBuilder {
    protected readonly openDocuments: () => OpenDocuments | undefined;
    protected readonly workspace: () => Partial<JourneyWorkspaceManager>;
    /** Called after an update that removed a big document (the Node server collects its garbage then). */
    releaseMemory: (() => void) | undefined;

    constructor(services: LangiumSharedCoreServices & { workspace: { TextDocuments?: OpenDocuments } }) {
        super(services);
        this.openDocuments = () => services.workspace.TextDocuments;
        this.workspace = () => services.workspace.WorkspaceManager as Partial<JourneyWorkspaceManager>;
    }

    /** A document open in the editor that the workspace will hold, but does not yet, is waited for. */
    protected override awaitDocumentState(state: DocumentState, uri: URI, cancelToken: CancellationToken): Promise<URI> {
        const opened = !this.langiumDocuments.hasDocument(uri) && this.openDocuments()?.get(uri.toString()) !== undefined && this.workspace().counts?.(uri);
        if (!opened) return super.awaitDocumentState(state, uri, cancelToken);
        return new Promise((resolve, reject) => {
            const built = this.onDocumentPhase(state, (document) => {
                if (!UriUtils.equals(document.uri, uri)) return;
                built.dispose();
                cancelled.dispose();
                resolve(uri);
            });
            const cancelled = cancelToken.onCancellationRequested(() => {
                built.dispose();
                cancelled.dispose();
                reject(OperationCancelled);
            });
        });
    }

    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        const bigDeleted = deleted.some((uri) => {
            const document = this.langiumDocuments.getDocument(uri);
            return document !== undefined && this.lengthOf(document) > BIG_DOCUMENT;
        });
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            if (bigDeleted || this.bigBuilt || this.rebuilt >= MANY_DOCUMENTS) this.scheduleRelease();
            this.rebuilt = 0;
            this.bigBuilt = false;
        }
    }

    /** Documents rebuilt since the last update began (a shared file's edit rebuilds every map that uses it). */
    protected rebuilt = 0;
    /** Whether the update built a big document (its parse leaves much garbage behind). */
    protected bigBuilt = false;
    private releaseTimer: ReturnType<typeof setTimeout> | undefined;

    /** Releases memory once the workspace has been quiet for a moment (not between keystrokes). */
    protected scheduleRelease(): void {
        if (!this.releaseMemory) return;
        clearTimeout(this.releaseTimer);
        this.releaseTimer = setTimeout(() => this.releaseMemory?.(), 1500);
        this.releaseTimer.unref?.();
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        this.rebuilt += documents.length;
        const big = documents.filter((document) => document.state < DocumentState.Validated && this.lengthOf(document) > BIG_DOCUMENT);
        if (big.length > 0) this.bigBuilt = true;
        if (big.length === 0 || big.length === documents.length) return super.buildDocuments(documents, options, cancelToken);
        const small = documents.filter((document) => !big.includes(document));
        await super.buildDocuments(small, options, cancelToken);
        // The workspace is not built yet: requests about the big documents wait for them (instead of failing).
        this.currentState = Math.min(...big.map((document) => document.state));
        await super.buildDocuments(big, options, cancelToken);
        // Checked again too: small maps whose workspace-wide checks (duplicate ids, shared declarations) depend on the big ones.
        const bigIds = new Set(big.flatMap((document) => [...declaredIds(document.parseResult.value as JourneyFile)]));
        const unlinked = small.filter((document) => document.references.some((reference) => reference.error !== undefined) || checksDependOn(document, bigIds));
        if (unlinked.length === 0) return;
        unlinked.forEach((document) => this.resetToState(document, DocumentState.ComputedScopes));
        await super.buildDocuments(unlinked, options, cancelToken);
    }

    /** The length of the document's newest text, as far as it is known without reading a file. */
    protected lengthOf(document: LangiumDocument): number {
        const open = this.openDocuments()?.get(document.uri.toString());
        if (open) return open.getText().length;
        return document.parseResult?.value?.$cstNode?.root.fullText.length ?? 0;
    }
}

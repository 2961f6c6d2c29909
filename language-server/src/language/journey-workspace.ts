/**
 * Which documents make up the workspace, decided by the server itself (not only by the
 * editor's document selector), and what happens to files it cannot read:
 * - `file:` documents count, and documents of the workspace folders' own scheme (a web editor's
 *   virtual file system); `untitled:` documents count while the editor has them open.
 *   Anything else (`git:`, `fugitive://`, a diff view's copy) is never added: a request about
 *   one is answered from a lone copy of its open text, or from nothing;
 * - a file that cannot be read (no permission, a folder named `x.journey`) is skipped with a
 *   warning in the log, and every other file is served;
 * - a file opened in an editor without a workspace folder brings the `.journey` files beside
 *   it, as the CLI loads them, so shared personas, channels and teams resolve.
 */
import {
    DefaultLangiumDocuments, DefaultWorkspaceManager, URI, UriUtils, type FileSystemProvider, type LangiumDocument,
    type LangiumDocumentFactory, type LangiumDocuments, type LangiumSharedCoreServices, type Stream,
} from 'langium';
import type { CancellationToken } from 'vscode-jsonrpc';
import type { WorkspaceFolder } from 'vscode-languageserver-types';

/** The open documents of the editor, when there is one (the CLI has none). */
interface OpenDocuments {
    get(uri: string): { getText(): string } | undefined;
}

/** The services this file needs; `TextDocuments` exists only in the language server. */
type WorkspaceServices = LangiumSharedCoreServices & { workspace: { TextDocuments?: OpenDocuments } };

/** The workspace's documents: documents that do not count, or cannot be read, are answered from a lone copy that is never added. */
export class JourneyLangiumDocuments extends DefaultLangiumDocuments {
    protected readonly openDocuments: () => OpenDocuments | undefined;
    protected readonly factory: LangiumDocumentFactory;
    protected readonly workspace: () => JourneyWorkspaceManager;

    constructor(services: WorkspaceServices) {
        super(services);
        this.openDocuments = () => services.workspace.TextDocuments;
        this.factory = services.workspace.LangiumDocumentFactory;
        this.workspace = () => services.workspace.WorkspaceManager as JourneyWorkspaceManager;
    }

    /** The document of the workspace at `uri`, read and added if needed; throws when it cannot be read. */
    async loadDocument(uri: URI, cancellationToken?: CancellationToken): Promise<LangiumDocument> {
        return super.getOrCreateDocument(uri, cancellationToken);
    }

    override async getOrCreateDocument(uri: URI, cancellationToken?: CancellationToken): Promise<LangiumDocument> {
        const existing = this.getDocument(uri);
        if (existing) return existing;
        if (!this.workspace().counts(uri)) return this.loneDocument(uri);
        try {
            return await this.loadDocument(uri, cancellationToken);
        } catch (error) {
            if (!isReadError(error)) throw error;
            return this.loneDocument(uri);
        }
    }

    /** A parsed copy of the document's open text (or of nothing), not added to the workspace. */
    protected loneDocument(uri: URI): LangiumDocument {
        return this.factory.fromString(this.openDocuments()?.get(uri.toString())?.getText() ?? '', uri);
    }
}

/** Loads the workspace's files, skipping (with a warning) those it cannot read. */
export class JourneyWorkspaceManager extends DefaultWorkspaceManager {
    protected readonly openDocuments: () => OpenDocuments | undefined;
    protected readonly fileSystem: FileSystemProvider;
    /** Folders whose `.journey` files were loaded because a file in them opened outside every workspace folder. */
    protected readonly siblingFolders = new Set<string>();

    constructor(services: WorkspaceServices) {
        super(services);
        this.openDocuments = () => services.workspace.TextDocuments;
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    /** True when a document of this URI belongs in the workspace (see the file's comment). */
    counts(uri: URI): boolean {
        if (uri.scheme === 'file') return true;
        if (uri.scheme === 'untitled') return this.openDocuments()?.get(uri.toString()) !== undefined;
        return (this.workspaceFolders ?? []).some((folder: WorkspaceFolder) => URI.parse(folder.uri).scheme === uri.scheme);
    }

    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.toArray().map(async (uri) => {
            try {
                const documents = this.langiumDocuments as Partial<JourneyLangiumDocuments> & LangiumDocuments;
                collector(await (documents.loadDocument ? documents.loadDocument(uri) : documents.getOrCreateDocument(uri)));
            } catch (error) {
                if (!isReadError(error)) throw error;
                warnUnreadable(uri, error);
            }
        }));
    }

    /**
     * The `.journey` files beside `uri` that the workspace does not hold yet, when `uri` is a
     * file outside every workspace folder (each folder once).
     */
    async siblingsToLoad(uri: URI): Promise<URI[]> {
        if (uri.scheme !== 'file') return [];
        const folders = (this.workspaceFolders ?? []).map((folder) => URI.parse(folder.uri));
        if (folders.some((folder) => UriUtils.contains(folder, uri))) return [];
        const folder = UriUtils.dirname(uri);
        if (this.siblingFolders.has(folder.toString())) return [];
        this.siblingFolders.add(folder.toString());
        try {
            const entries = await this.fileSystem.readDirectory(folder);
            return entries
                .filter((entry) => entry.isFile && this.shouldIncludeEntry(entry) && !this.langiumDocuments.hasDocument(entry.uri))
                .map((entry) => entry.uri);
        } catch {
            return [];
        }
    }
}

/** True for an error of reading a file: missing, not permitted, a folder, not a file… */
export function isReadError(error: unknown): error is NodeJS.ErrnoException {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** Writes the warning for a file that cannot be read to the log (the client's output channel). */
export function warnUnreadable(uri: URI, error: NodeJS.ErrnoException): void {
    const reason = error.code === 'EACCES' || error.code === 'EPERM' ? 'permission denied'
        : error.code === 'EISDIR' ? 'it is a folder' : error.code === 'ENOENT' ? 'it does not exist' : error.code;
    console.warn(`${uri.scheme === 'file' ? uri.fsPath : uri.toString()} cannot be read (${reason}): the file is skipped, and the other maps are checked without it.`);
}

/**
 * Keeps the workspace in step with the editor and the disk, and never lets an update end the
 * server (Langium's handler leaves a failed update as an unhandled rejection, which stops Node):
 * - a file reported as created or changed that is gone by the time it is read (a file created
 *   and removed at once, the old name of a renamed file) counts as deleted;
 * - a document that lives only in the editor (an untitled map, a file of another name shown as
 *   a map) leaves the workspace when it closes;
 * - a file closed without saving is read again from disk, so the workspace holds what it says;
 * - a file that cannot be read any more (permissions changed, replaced by a folder) leaves the
 *   workspace with a warning in the log;
 * - a document that does not count for the workspace (`git:`, `fugitive://`…, see
 *   `journey-workspace.ts`) is not built; a file opened outside every workspace folder brings
 *   the `.journey` files beside it;
 * - an update that fails anyway is written to the log, and the server goes on.
 */
import { URI, type FileSystemProvider } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isReadError, warnUnreadable, type JourneyWorkspaceManager } from './journey-workspace.js';

export class JourneyDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    protected readonly fileSystem: FileSystemProvider;
    protected readonly textDocuments: LangiumSharedServices['workspace']['TextDocuments'];
    protected readonly langiumDocuments: LangiumSharedServices['workspace']['LangiumDocuments'];

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.textDocuments = services.workspace.TextDocuments;
        this.langiumDocuments = services.workspace.LangiumDocuments;
    }

    /** Documents that do not count for the workspace are not built; a file outside every workspace folder brings its siblings. */
    override didChangeContent(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const workspace = this.workspaceManager as JourneyWorkspaceManager;
        if (!workspace.counts(uri)) return;
        workspace.ready
            .then(() => workspace.siblingsToLoad(uri))
            .then((siblings) => this.fireDocumentUpdate([uri, ...siblings], []), () => this.fireDocumentUpdate([uri], []));
    }

    /**
     * A closed document is read again from disk when it is a map file the workspace reads
     * (`.journey`); anything else (an untitled map, a file of another name shown as a map)
     * existed only in the editor and leaves the workspace.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (this.isWorkspaceFile(uri) && this.serviceRegistry.hasServices(uri)) this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }

    /** True for a file the workspace reads from its storage: `file:` on the desktop, the workspace folders' own scheme in vscode.dev and github.dev. */
    protected isWorkspaceFile(uri: URI): boolean {
        return uri.scheme === 'file' || (this.workspaceManager.workspaceFolders ?? []).some((folder) => URI.parse(folder.uri).scheme === uri.scheme);
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(async (token) => {
                // Looked at inside the lock, just before the build reads the files: a file that is
                // gone counts as deleted, and so does one that can no longer be read (with a warning).
                // Files open in the editor are read from the editor, not from the disk.
                const gone = await Promise.all(changed.map(async (uri) => {
                    if (!this.isWorkspaceFile(uri) || this.textDocuments.get(uri.toString())) return false;
                    try {
                        await this.fileSystem.readFile(uri);
                        return false;
                    } catch (error) {
                        if (!isReadError(error)) throw error;
                        // A folder reported as changed is Langium's to look into, unless a map had its name.
                        if (error.code === 'EISDIR' && !this.langiumDocuments.hasDocument(uri)) return false;
                        if (error.code !== 'ENOENT') warnUnreadable(uri, error);
                        return true;
                    }
                }));
                await this.documentBuilder.update(changed.filter((_, i) => !gone[i]), [...deleted, ...changed.filter((_, i) => gone[i])], token);
            }))
            .catch((error: unknown) => {
                console.error('The workspace could not be updated; the server goes on with the files it had.', error);
            });
    }
}

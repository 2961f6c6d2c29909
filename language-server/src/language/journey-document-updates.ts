/**
 * Keeps the workspace in step with the editor and the disk, and never lets an update end the
 * server (Langium's handler leaves a failed update as an unhandled rejection, which stops Node):
 * - a file reported as created or changed that is gone by the time it is read (a file created
 *   and removed at once, the old name of a renamed file) counts as deleted;
 * - a document that lives only in the editor (an untitled map, a file of another name shown as
 *   a map) leaves the workspace when it closes;
 * - a file closed without saving is read again from disk, so the workspace holds what it says;
 * - an update that fails anyway is written to the log, and the server goes on.
 */
import { URI, type FileSystemProvider } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

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
                // Looked at inside the lock, just before the build reads the files. Only files the
                // workspace holds need it: Langium itself skips new files that do not exist.
                const gone = await Promise.all(changed.map(async (uri) => this.langiumDocuments.hasDocument(uri)
                    && !this.textDocuments.get(uri.toString()) && this.isWorkspaceFile(uri) && !(await this.fileSystem.exists(uri))));
                await this.documentBuilder.update(changed.filter((_, i) => !gone[i]), [...deleted, ...changed.filter((_, i) => gone[i])], token);
            }))
            .catch((error: unknown) => {
                console.error('The workspace could not be updated; the server goes on with the files it had.', error);
            });
    }
}

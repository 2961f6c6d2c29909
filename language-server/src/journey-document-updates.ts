/**
 * Keeps the workspace in step with the editor and the disk, and never lets an update end the
 * server (Langium's handler leaves a failed update as an unhandled rejection, which stops Node):
 * - a file reported as created or changed that is gone by the time it is read (a file created
 *   and removed at once, the old name of a renamed file) counts as deleted;
 * - a document that lives only in the editor (`untitled:`) leaves the workspace when it closes;
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

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.textDocuments = services.workspace.TextDocuments;
    }

    /** A closed file is read again from disk; a closed editor-only document is gone. */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (uri.scheme === 'file') this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(async (token) => {
                // Looked at inside the lock, just before the build reads the files.
                const present: URI[] = [];
                const gone = [...deleted];
                for (const uri of changed) {
                    if (this.textDocuments.get(uri.toString()) || uri.scheme !== 'file' || (await this.fileSystem.exists(uri))) present.push(uri);
                    else gone.push(uri);
                }
                await this.documentBuilder.update(present, gone, token);
            }))
            .catch((error: unknown) => {
                console.error('The workspace could not be updated; the server goes on with the files it had.', error);
            });
    }
}

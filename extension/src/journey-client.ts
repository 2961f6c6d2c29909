/** Starts the Journey language server (bundled next to the extension) over IPC, and its client. */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Creates and starts the language client; the client restarts the server if it dies (up to 5 times in 3 minutes). */
export async function startJourneyClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
    const serverModule = vscode.Uri.joinPath(context.extensionUri, 'out', 'server.cjs').fsPath;
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        // Files on disk and new untitled editors only: the left side of a diff (git:) or a file
        // shown from another scheme would otherwise join the workspace as a second copy of a
        // map, and every shared persona in it would be reported as a duplicate.
        documentSelector: [{ scheme: 'file', language: 'journey' }, { scheme: 'untitled', language: 'journey' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.journey') },
        connectionOptions: { maxRestartCount: 5 },
        outputChannelName: 'Journey Language Server',
    };
    const client = new LanguageClient('journey', 'Journey Language Server', serverOptions, clientOptions);
    await client.start();
    return client;
}

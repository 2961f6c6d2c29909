/** Starts the Journey language server in a web worker, and answers its reads of the workspace from `vscode.workspace.fs`. */
import * as vscode from 'vscode';
import { LanguageClient, ResponseError, type LanguageClientOptions } from 'vscode-languageclient/browser';
import {
    JOURNEY_FS_READ_DIRECTORY, JOURNEY_FS_READ_FILE, JOURNEY_FS_STAT, type JourneyFsEntry, type JourneyFsParams,
} from '../../../language-server/src/lsp/journey-fs-protocol.js';

/** Creates and starts the client of the server bundled as `out/server-browser.js`. */
export async function startJourneyWorkerClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
    const worker = new Worker(await workerScriptUrl(vscode.Uri.joinPath(context.extensionUri, 'out', 'server-browser.js')));
    // The workspace's own files (whatever their scheme: vscode-vfs in github.dev) and untitled maps;
    // not the `git:` or other copies of a map that an editor may show beside it.
    const schemes = new Set((vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme));
    const clientOptions: LanguageClientOptions = {
        documentSelector: [...schemes, 'untitled'].map((scheme) => ({ scheme, language: 'journey' })),
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.journey') },
        outputChannelName: 'Journey Language Server',
    };
    const client = new LanguageClient('journey', 'Journey Language Server', worker, clientOptions);
    client.onRequest(JOURNEY_FS_READ_FILE, ({ uri }: JourneyFsParams) => answer(async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)))));
    client.onRequest(JOURNEY_FS_READ_DIRECTORY, ({ uri }: JourneyFsParams) => answer(async (): Promise<JourneyFsEntry[]> => {
        const folder = vscode.Uri.parse(uri);
        const entries = await vscode.workspace.fs.readDirectory(folder);
        return entries.map(([name, type]) => entryOf(vscode.Uri.joinPath(folder, name), type));
    }));
    client.onRequest(JOURNEY_FS_STAT, async ({ uri }: JourneyFsParams): Promise<JourneyFsEntry> => {
        try {
            return entryOf(vscode.Uri.parse(uri), (await vscode.workspace.fs.stat(vscode.Uri.parse(uri))).type);
        } catch {
            return { uri, isFile: false, isDirectory: false, missing: true };
        }
    });
    await client.start();
    return client;
}

/**
 * A URL a worker can start from. vscode.dev and github.dev serve extensions over https; an
 * extension served by a VS Code server (`vscode-remote:`) cannot start a worker from its own
 * location, so its script is read and started from a blob URL instead.
 */
async function workerScriptUrl(script: vscode.Uri): Promise<string> {
    if (script.scheme === 'https' || script.scheme === 'http') return script.toString(true);
    const code = await vscode.workspace.fs.readFile(script);
    return URL.createObjectURL(new Blob([code as BlobPart], { type: 'text/javascript' }));
}

/** Runs a read; a failure goes back to the server with the error code a disk would give (`ENOENT`, `EACCES`, `EISDIR`…), so it skips the file as on the desktop. */
async function answer<T>(read: () => Promise<T>): Promise<T> {
    try {
        return await read();
    } catch (error) {
        const code = error instanceof vscode.FileSystemError ? ERROR_CODES[error.code] ?? 'EIO' : 'EIO';
        throw new ResponseError(1, error instanceof Error ? error.message : String(error), { code });
    }
}

const ERROR_CODES: Record<string, string> = { FileNotFound: 'ENOENT', NoPermissions: 'EACCES', FileIsADirectory: 'EISDIR', FileNotADirectory: 'ENOTDIR', Unavailable: 'EIO' };

function entryOf(uri: vscode.Uri, type: vscode.FileType): JourneyFsEntry {
    return { uri: uri.toString(), isFile: (type & vscode.FileType.File) !== 0, isDirectory: (type & vscode.FileType.Directory) !== 0 };
}

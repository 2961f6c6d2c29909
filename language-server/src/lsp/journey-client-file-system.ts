/**
 * A Langium file system that reads through the language client (`journey/fs/*` requests):
 * the web worker of vscode.dev and github.dev has no disk, so the extension answers from
 * `vscode.workspace.fs`, and shared personas, channels and teams of the workspace resolve
 * there as they do on the desktop. Langium's workspace uses only the asynchronous reads.
 */
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { JOURNEY_FS_READ_DIRECTORY, JOURNEY_FS_READ_FILE, JOURNEY_FS_STAT, type JourneyFsEntry, type JourneyFsParams } from './journey-fs-protocol.js';

/** Reads files and folders by asking the client. */
export class ClientFileSystemProvider implements FileSystemProvider {
    constructor(private readonly connection: Connection) {}

    async stat(uri: URI): Promise<FileSystemNode> {
        const entry = await this.ask<JourneyFsEntry>(JOURNEY_FS_STAT, uri);
        if (entry.missing) throw new Error(`${uri.toString()} does not exist`);
        return toNode(entry);
    }

    async exists(uri: URI): Promise<boolean> {
        return !(await this.ask<JourneyFsEntry>(JOURNEY_FS_STAT, uri)).missing;
    }

    async readFile(uri: URI): Promise<string> {
        return this.ask<string>(JOURNEY_FS_READ_FILE, uri);
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return new TextEncoder().encode(await this.readFile(uri));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        return (await this.ask<JourneyFsEntry[]>(JOURNEY_FS_READ_DIRECTORY, uri)).map(toNode);
    }

    statSync(): FileSystemNode {
        throw new Error(SYNC);
    }

    existsSync(): boolean {
        throw new Error(SYNC);
    }

    readFileSync(): string {
        throw new Error(SYNC);
    }

    readBinarySync(): Uint8Array {
        throw new Error(SYNC);
    }

    readDirectorySync(): FileSystemNode[] {
        throw new Error(SYNC);
    }

    /** Asks the client; a read it could not do fails with the error code a disk would give (`ENOENT`, `EACCES`…). */
    private async ask<T>(method: string, uri: URI): Promise<T> {
        const params: JourneyFsParams = { uri: uri.toString() };
        try {
            return await this.connection.sendRequest<T>(method, params);
        } catch (error) {
            const code = (error as { data?: { code?: unknown } }).data?.code;
            throw Object.assign(new Error(error instanceof Error ? error.message : String(error)), { code: typeof code === 'string' ? code : 'EIO' });
        }
    }
}

const SYNC = 'a web worker reads the workspace through its client, asynchronously only';

function toNode(entry: JourneyFsEntry): FileSystemNode {
    return { uri: URI.parse(entry.uri), isFile: entry.isFile, isDirectory: entry.isDirectory };
}

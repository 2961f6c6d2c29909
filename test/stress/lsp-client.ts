/**
 * A minimal real LSP client: spawns the bundled language server (`out/server.cjs --stdio`)
 * on this Node, speaks JSON-RPC over its pipes, keeps every published diagnostic, and
 * bounds every request with a timeout, so a hung server fails a test instead of hanging it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
    createMessageConnection,
    StreamMessageReader,
    StreamMessageWriter,
    type ClientCapabilities,
    type Diagnostic,
    type InitializeResult,
    type LogMessageParams,
    type MessageConnection,
    type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

/** The bundled server that editors start. */
export const SERVER_BUNDLE = fileURLToPath(new URL('../../out/server.cjs', import.meta.url));

/** A published diagnostics notification. */
export interface Published {
    uri: string;
    version?: number;
    diagnostics: Diagnostic[];
}

/** A running language server and the client connected to it. */
export class LspClient {
    readonly published: Published[] = [];
    /** The server's `window/logMessage` notifications. */
    readonly logged: LogMessageParams[] = [];
    /** The server's answer to `initialize` (unset when the client was started without it). */
    initialized: InitializeResult | undefined;
    private exited: string | undefined;
    private stderr = '';

    private constructor(readonly process: ChildProcess, readonly connection: MessageConnection) {}

    /**
     * Starts the server (with extra Node flags, if given) and, unless `initialize` is false,
     * initializes it with a workspace folder (or none) and the client capabilities given (by
     * default: snippets, Markdown hover, workspace folders). `runAs` starts it as another user.
     */
    static async start(options: {
        rootUri?: string;
        nodeArgs?: string[];
        capabilities?: ClientCapabilities;
        initialize?: boolean;
        runAs?: { uid: number; gid: number };
    } = {}): Promise<LspClient> {
        if (!existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} does not exist: run \`npm run build\` first`);
        const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_BUNDLE, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], ...options.runAs });
        const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const client = new LspClient(child, connection);
        child.stderr!.on('data', (chunk: Buffer) => {
            client.stderr = (client.stderr + chunk.toString()).slice(-4000);
        });
        child.on('exit', (code, signal) => {
            client.exited = `the server exited (code ${code}, signal ${signal})\n${client.stderr}`;
        });
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
            client.published.push(params);
        });
        connection.onNotification('window/logMessage', (params: LogMessageParams) => {
            client.logged.push(params);
        });
        connection.onRequest((method) => (method === 'workspace/configuration' ? [] : null)); // workspace/configuration, client/registerCapability…
        connection.listen();
        if (options.initialize === false) return client;
        client.initialized = await client.request<InitializeResult>('initialize', {
            processId: process.pid,
            rootUri: options.rootUri ?? null,
            workspaceFolders: options.rootUri ? [{ uri: options.rootUri, name: 'stress' }] : null,
            capabilities: options.capabilities ?? {
                textDocument: {
                    synchronization: { dynamicRegistration: false },
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    publishDiagnostics: { versionSupport: true },
                },
                workspace: { configuration: false, workspaceFolders: true },
            },
        });
        await connection.sendNotification('initialized', {});
        return client;
    }

    /** Sends a request and waits for its answer, at most `timeoutMs`. */
    async request<R = unknown>(method: string, params: unknown, timeoutMs = 20_000): Promise<R> {
        if (this.exited) throw new Error(this.exited);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer to ${method} within ${timeoutMs} ms${this.exited ? `: ${this.exited}` : ''}`)), timeoutMs);
        });
        try {
            return await Promise.race([this.connection.sendRequest(method, params) as Promise<R>, timeout]);
        } finally {
            clearTimeout(timer);
        }
    }

    /** Sends a notification. */
    async notify(method: string, params: unknown): Promise<void> {
        if (this.exited) throw new Error(this.exited);
        await this.connection.sendNotification(method, params);
    }

    /** Waits until the latest diagnostics published for `uri` satisfy `accept` (e.g. "no error"). */
    async waitForDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean, timeoutMs = 20_000): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const latest = [...this.published].reverse().find((p) => p.uri === uri);
            if (latest && accept(latest.diagnostics)) return latest.diagnostics;
            if (this.exited) throw new Error(this.exited);
            if (Date.now() > deadline) throw new Error(`the diagnostics of ${uri} did not settle within ${timeoutMs} ms; latest: ${JSON.stringify(latest?.diagnostics.slice(0, 3))}`);
            await new Promise((resolve) => setTimeout(resolve, 25));
        }
    }

    /** The server's resident memory in bytes (Linux), or undefined elsewhere. */
    residentMemory(): number | undefined {
        try {
            const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
            const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
            return kb ? Number(kb) * 1024 : undefined;
        } catch {
            return undefined;
        }
    }

    /** True while the server process runs. */
    get alive(): boolean {
        return this.exited === undefined;
    }

    /** Shuts the server down politely, then makes sure it is gone. */
    async stop(): Promise<void> {
        if (this.alive) {
            try {
                await this.request('shutdown', null, 5_000);
                await this.notify('exit', null);
            } catch {
                // Ended below.
            }
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (this.alive) this.process.kill();
        this.connection.dispose();
    }
}

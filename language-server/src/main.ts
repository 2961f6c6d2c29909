/** The language server's Node entry: speaks LSP over IPC or stdio (`--stdio`), as the client starts it. */
import { format } from 'node:util';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DocumentState, setInterruptionPeriod } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { COMPLETION_NEEDS } from './editor/journey-completion.js';
import { NodeFileSystem } from 'langium/node';
import {
    createConnection, createServerPipeTransport, createServerSocketTransport, IPCMessageReader, IPCMessageWriter, ProposedFeatures,
    StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter,
} from 'vscode-languageserver/node';
import { createJourneyServices } from './journey-module.js';
import { registerJourneyDiffRequest } from './lsp/journey-diff-request.js';
import { registerJourneyMarkdownRequest } from './lsp/journey-markdown-request.js';
import { LifecycleMessageReader } from './lsp/journey-lifecycle.js';
import type { JourneyDocumentBuilder } from './language/journey-document-builder.js';
import { registerJourneyPreviewRequests } from './lsp/journey-preview-request.js';

const transport = transportFromArguments(process.argv.slice(2));
const reader = new LifecycleMessageReader(transport.reader, transport.writer, keepWatchableParent);
const connection = createConnection(ProposedFeatures.all, reader, transport.writer);
if (transport.stdio) {
    // Standard output carries the protocol: what the server prints goes to the client's log instead.
    console.log = console.info = (...args: unknown[]) => connection.console.info(format(...args));
    console.debug = (...args: unknown[]) => connection.console.log(format(...args));
    console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
    console.error = (...args: unknown[]) => connection.console.error(format(...args));
    // The client went away without `exit`: end as the LSP says (0 after `shutdown`, 1 otherwise).
    process.stdin.on('close', () => process.exit(reader.shutDown ? 0 : 1));
    process.stdin.on('end', () => process.exit(reader.shutDown ? 0 : 1));
}
// Long builds let messages through every 3 ms (Langium's default is 10): a keystroke that
// arrives during the checks of the previous one cancels them sooner.
setInterruptionPeriod(3);
const { shared } = createJourneyServices({ connection, ...NodeFileSystem });
// A big map closed (and gone from the workspace) leaves hundreds of MB that V8 would keep:
// a full garbage collection then lets it give them back to the system.
(shared.workspace.DocumentBuilder as JourneyDocumentBuilder).releaseMemory = collectGarbage;
registerJourneyPreviewRequests(connection, shared);
registerJourneyDiffRequest(connection, shared);
registerJourneyMarkdownRequest(connection, shared);
startLanguageServer(shared, { CompletionProvider: COMPLETION_NEEDS });

// One line in the client's output (Output → Journey Language Server) once the workspace is
// checked: which Node runs the server and how long it took to be ready.
shared.lsp.LanguageServer.onInitialized(async () => {
    await shared.workspace.WorkspaceManager.ready;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
    const files = shared.workspace.LangiumDocuments.all.count();
    connection.console.info(`Journey language server ready on Node ${process.version}: ${files} .journey file${files === 1 ? '' : 's'} checked, ${Math.round(performance.now())} ms after start.`);
});

/**
 * `vscode-languageserver` ends the server when its client's process (`processId`) cannot be
 * signalled, taking it for dead; a client running as another user (the server started through
 * sudo) cannot be signalled but is alive: the server then does not watch it.
 */
function keepWatchableParent(params: Record<string, unknown>): void {
    if (typeof params.processId !== 'number') return;
    try {
        process.kill(params.processId, 0);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EPERM') params.processId = null;
    }
}

/** Heap that V8 keeps from the system after a collection, above which it is asked to give it back. */
const KEPT_HEAP = 32 * 1024 * 1024;
/** Memory outside the heap (code, buffers, pages freed but not returned) above which it is asked back: an idle server has about 70 MB. */
const KEPT_OUTSIDE = 128 * 1024 * 1024;

/**
 * Runs a full garbage collection (V8's `gc`, made available at run time). A plain collection
 * frees the objects but V8 keeps their pages: with a 10,000-touchpoint map open, 313 MB of heap
 * held 169 MB of objects. When it keeps much more than it uses, a compacting collection (V8's
 * "last resort", as on a low-memory warning) gives the rest back: the server then held 238 MB
 * instead of 384 MB (it took 0.4 s, run only once the workspace has been quiet for a moment).
 */
function collectGarbage(): void {
    try {
        setFlagsFromString('--expose-gc');
        const gc = runInNewContext('gc') as (options?: { type: string; execution: string; flavor?: string }) => void;
        gc({ type: 'major', execution: 'sync' });
        let heap = getHeapStatistics();
        // Kept: heap V8 holds without using it, or memory outside the heap it has not given back yet.
        const outside = process.memoryUsage.rss() - heap.total_heap_size;
        if (heap.total_heap_size - heap.used_heap_size > KEPT_HEAP || outside > KEPT_OUTSIDE) {
            gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
            heap = getHeapStatistics();
        }
        const mb = (bytes: number) => Math.round(bytes / 1048576);
        console.debug(`Memory given back: the heap holds ${mb(heap.used_heap_size)} MB in ${mb(heap.total_heap_size)} MB.`);
    } catch {
        // Not available on this Node: V8 collects in its own time.
    }
}

/** The transport the client asked for, as `vscode-languageserver` reads it: `--node-ipc`, `--stdio`, `--socket=<port>` or `--pipe=<name>`. */
function transportFromArguments(argv: string[]): { reader: MessageReader; writer: MessageWriter; stdio: boolean } {
    for (let i = 0; i < argv.length; i++) {
        const [name, value = argv[i + 1]] = argv[i]!.split('=');
        if (name === '--node-ipc') return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
        if (name === '--stdio') return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true };
        if (name === '--socket' && value) {
            const [socketReader, socketWriter] = createServerSocketTransport(Number.parseInt(value, 10));
            return { reader: socketReader, writer: socketWriter, stdio: false };
        }
        if (name === '--pipe' && value) {
            const [pipeReader, pipeWriter] = createServerPipeTransport(value);
            return { reader: pipeReader, writer: pipeWriter, stdio: false };
        }
    }
    console.error('Start the server with --stdio, --node-ipc, --socket=<port> or --pipe=<name>.');
    process.exit(2);
}

/**
 * The language server as editors run it: the bundled `out/server.cjs --stdio` in its own
 * process, driven by a real LSP client (vscode-languageserver-protocol) over its pipes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CompletionRequest, createProtocolConnection, DidOpenTextDocumentNotification, DocumentFormattingRequest, DocumentSymbolRequest,
    ExitNotification, HoverRequest, InitializedNotification, InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification, RenameRequest,
    SemanticTokensRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type CompletionItem, type CompletionList, type DocumentSymbol, type InitializeResult, type LogMessageParams, type MarkupContent, type ProtocolConnection,
    type PublishDiagnosticsParams, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const server = resolve('out/server.cjs');
const people = 'persona alex "Alex, working parent" {\n  goal "A clean house"\n}\nchannel phone "Phone" offline\n';
const map = `journey booking "Booking" {
  stage discover "Discover" {
  touchpoint calls "Calls for a quote" { persona alex
      channel phone
      emotion 1
    }
  }
}
`;

let child: ChildProcess;
let connection: ProtocolConnection;
let initialized: InitializeResult;
let folder: string;
let mapUri: string;
let peopleUri: string;
const diagnostics = new Map<string, PublishDiagnosticsParams>();
const waiters: Array<() => void> = [];
const logged: LogMessageParams[] = [];

/** Resolves once diagnostics for `uri` have been published. */
function diagnosticsFor(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((done) => {
        const check = () => {
            const found = diagnostics.get(uri);
            if (found) done(found);
            else waiters.push(check);
        };
        check();
    });
}

beforeAll(async () => {
    expect(existsSync(server), 'out/server.cjs is built by npm run build').toBe(true);
    folder = mkdtempSync(join(tmpdir(), 'journey-lsp-'));
    writeFileSync(join(folder, 'people.journey'), people);
    writeFileSync(join(folder, 'booking.journey'), map);
    mapUri = pathToFileURL(join(folder, 'booking.journey')).toString();
    peopleUri = pathToFileURL(join(folder, 'people.journey')).toString();

    child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onNotification(LogMessageNotification.type, (params) => {
        logged.push(params);
        waiters.splice(0).forEach((waiter) => waiter());
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        diagnostics.set(params.uri, params);
        waiters.splice(0).forEach((waiter) => waiter());
    });
    // What the server asks of its client: no settings, and dynamic registrations accepted.
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    initialized = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(folder).toString(),
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'maps' }],
        capabilities: {
            textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown'] }, rename: { prepareSupport: true } },
            workspace: { workspaceFolders: true },
        },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: mapUri, languageId: 'journey', version: 1, text: map } });
    await diagnosticsFor(mapUri);
});

afterAll(async () => {
    if (connection) {
        await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
        await connection.sendNotification(ExitNotification.type).catch(() => undefined);
        connection.dispose();
    }
    if (child && child.exitCode === null) child.kill();
});

const at = (needle: string, shift = 1) => TextDocument.create(mapUri, 'journey', 1, map).positionAt(map.indexOf(needle) + shift);

describe('a real LSP client over stdio', () => {
    test('initialize announces the editor features', () => {
        const capabilities = initialized.capabilities;
        expect(capabilities.completionProvider).toBeTruthy();
        expect(capabilities.hoverProvider).toBeTruthy();
        expect(capabilities.renameProvider).toBeTruthy();
        expect(capabilities.documentFormattingProvider).toBeTruthy();
        expect(capabilities.documentRangeFormattingProvider).toBeTruthy();
        expect(capabilities.codeActionProvider).toBeTruthy();
        expect(capabilities.semanticTokensProvider).toBeTruthy();
        expect(capabilities.inlayHintProvider).toBeTruthy();
        expect(capabilities.documentSymbolProvider).toBeTruthy();
        expect(capabilities.workspaceSymbolProvider).toBeTruthy();
    });

    test('the server says in its log when the workspace is checked, and on which Node', async () => {
        const line = await new Promise<LogMessageParams>((done) => {
            const check = () => {
                const found = logged.find((l) => l.message.startsWith('Journey language server ready'));
                if (found) done(found);
                else waiters.push(check);
            };
            check();
        });
        expect(line.message).toMatch(/^Journey language server ready on Node v\d+\.\d+\.\d+: 2 \.journey files checked, \d+ ms after start\.$/);
        expect(line.type).toBe(3); // info
    });

    test('the opened map links to the shared file of the workspace: no errors', async () => {
        const published = await diagnosticsFor(mapUri);
        expect(published.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    });

    test('completion offers the shared persona with its label', async () => {
        const result = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri: mapUri }, position: at('alex', 0) })) as CompletionList | CompletionItem[];
        const items = Array.isArray(result) ? result : result.items;
        expect(items.find((i) => i.label === 'alex')?.detail).toBe('Alex, working parent (persona)');
    });

    test('hover on a persona shows its goals', async () => {
        const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: mapUri }, position: at('alex') });
        expect((hover?.contents as MarkupContent).value).toContain('**Goals:**\n- A clean house');
    });

    test('rename changes both files; a clashing name is refused with its message', async () => {
        const edit = await connection.sendRequest(RenameRequest.type, { textDocument: { uri: mapUri }, position: at('alex'), newName: 'sam' });
        expect(Object.keys(edit?.changes ?? {}).sort()).toEqual([mapUri, peopleUri].sort());
        await expect(connection.sendRequest(RenameRequest.type, { textDocument: { uri: mapUri }, position: at('calls "'), newName: 'discover' }))
            .rejects.toThrow(/already called "discover"/);
    });

    test('formatting round-trip: the edits give the canonical layout, and formatting that again changes nothing', async () => {
        const edits = (await connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: mapUri }, options: { tabSize: 4, insertSpaces: true } })) as TextEdit[];
        const formatted = TextDocument.applyEdits(TextDocument.create(mapUri, 'journey', 1, map), edits);
        expect(formatted).toContain('    touchpoint calls "Calls for a quote" {\n      persona alex\n');
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri: mapUri, version: 2 }, contentChanges: [{ text: formatted }] });
        const again = (await connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: mapUri }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
        expect(again).toEqual([]);
    });

    test('the outline and semantic tokens answer', async () => {
        const symbols = (await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: mapUri } })) as DocumentSymbol[];
        expect(symbols[0]?.name).toBe('booking');
        const tokens = await connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: mapUri } });
        expect(tokens?.data.length).toBeGreaterThan(0);
    });
});

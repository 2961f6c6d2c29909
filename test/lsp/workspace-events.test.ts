/**
 * What editors do to the workspace behind the server's back, through a real LSP client on the
 * bundled server (`out/server.cjs --stdio`): files that vanish before they are read, editor-only
 * (untitled) maps that close, files closed without saving. The server stays up and keeps
 * checking; each of the first two used to end the server process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LspClient } from '../stress/lsp-client.js';

const MAP = 'journey booking "Booking" {\n  stage s "S" {\n    touchpoint t "T" {\n      emotion 3\n    }\n  }\n}\n';
let folder: string;
let client: LspClient;

beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'journey-events-'));
    writeFileSync(join(folder, 'booking.journey'), MAP);
    client = await LspClient.start({ rootUri: pathToFileURL(folder).toString() });
});

afterEach(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
});

const uriOf = (name: string) => pathToFileURL(join(folder, name)).toString();

/** Opens `text` as `uri` and waits for its diagnostics. */
async function open(uri: string, text: string) {
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
    return client.waitForDiagnostics(uri, () => true);
}

/** The server is up and answers a request about `uri`. */
async function expectAnswering(uri: string): Promise<void> {
    const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri } });
    expect(symbols.map((symbol) => symbol.name)).toContain('booking');
    expect(client.alive).toBe(true);
}

describe('the workspace changing under the server', () => {
    test('a file reported as changed that is gone before it is read counts as deleted, and the server goes on', async () => {
        // The server has read people.journey with the workspace; then it is removed, and the
        // editor's watcher says "changed" (as for the old name of a file renamed and removed at once).
        await client.stop();
        writeFileSync(join(folder, 'people.journey'), 'persona alex "Alex"\n');
        client = await LspClient.start({ rootUri: pathToFileURL(folder).toString() });
        const booking = uriOf('booking.journey');
        await open(booking, MAP.replace('emotion 3', 'persona alex\n      emotion 3'));
        rmSync(join(folder, 'people.journey'));
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('people.journey'), type: 2 }] });
        await client.waitForDiagnostics(booking, (found) => found.some((d) => String(d.message).includes("No persona 'alex'")));
        await expectAnswering(booking);
    });

    test('an untitled map that closes leaves the workspace, and later edits are still checked', async () => {
        const untitled = 'untitled:Untitled-1';
        const published = await open(untitled, 'journey draft { stage s { touchpoint t { emotion 9 } } }\n');
        expect(published.map((d) => String(d.message))).toContainEqual(expect.stringContaining('Emotion 9 is outside 1..5'));
        await client.notify('textDocument/didClose', { textDocument: { uri: untitled } });
        const booking = uriOf('booking.journey');
        await open(booking, MAP.replace('emotion 3', 'emotion 7'));
        await client.notify('textDocument/didChange', { textDocument: { uri: booking, version: 2 }, contentChanges: [{ text: MAP.replace('emotion 3', 'emotion 8') }] });
        await client.waitForDiagnostics(booking, (found) => found.some((d) => String(d.message).startsWith('Emotion 8')));
        await expectAnswering(booking);
    });

    test('a file of another name shown as a map leaves the workspace when it closes, and later edits are still checked', async () => {
        writeFileSync(join(folder, 'notes.txt'), 'not a map');
        const notes = uriOf('notes.txt');
        await open(notes, 'journey notes { stage s { touchpoint t { emotion 3 } } }\n');
        await client.notify('textDocument/didClose', { textDocument: { uri: notes } });
        const booking = uriOf('booking.journey');
        await open(booking, MAP);
        await client.notify('textDocument/didChange', { textDocument: { uri: booking, version: 2 }, contentChanges: [{ text: MAP.replace('emotion 3', 'emotion 6') }] });
        await client.waitForDiagnostics(booking, (found) => found.some((d) => String(d.message).startsWith('Emotion 6')));
        await expectAnswering(booking);
    });

    test('a file closed without saving is read again from disk', async () => {
        const booking = uriOf('booking.journey');
        await open(booking, MAP.replace('emotion 3', 'emotion 9'));
        await client.waitForDiagnostics(booking, (found) => found.some((d) => String(d.message).startsWith('Emotion 9')));
        await client.notify('textDocument/didClose', { textDocument: { uri: booking } });
        await client.waitForDiagnostics(booking, (found) => found.length === 0);
        expect(client.alive).toBe(true);
    });
});

/**
 * What a careless user, an odd workspace or a client other than VS Code does to the language
 * server, through a real LSP client on the bundled server (`out/server.cjs --stdio`): an
 * unreadable file, documents of other schemes, huge or garbage input, a client that announces
 * few capabilities, requests outside the initialize…shutdown lifecycle.
 */
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import type { ClientCapabilities, CompletionItem, Diagnostic, CompletionList, Hover, Location, MarkupContent, SemanticTokens, SymbolInformation } from 'vscode-languageserver-protocol';
import { generateMap } from '../support/generate-map.js';
import { LspClient } from '../stress/lsp-client.js';

const PEOPLE = 'persona alex "Alex, working parent" {\n  goal "A clean house"\n}\nchannel phone "Phone" offline\nteam sales "Sales"\n';
const MAP = `journey booking "Booking" {
  stage discover "Discover" {
    touchpoint calls "Calls for a quote" {
      persona alex
      channel phone
      owner sales
      emotion 2
    }
  }
}
`;
/** A client that announces almost nothing: no snippets, no labelDetails, plain text only, no workspace folders, no configuration. */
const FEW_CAPABILITIES: ClientCapabilities = { textDocument: { completion: { completionItem: { snippetSupport: false, documentationFormat: ['plaintext'] } }, hover: { contentFormat: ['plaintext'] } } };

/** A diagnostic's message as text. */
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);

let folder: string | undefined;
let client: LspClient | undefined;

afterEach(async () => {
    await client?.stop();
    client = undefined;
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
});

/** A fresh folder holding `files`. */
function workspace(files: Record<string, string>): string {
    folder = mkdtempSync(join(tmpdir(), 'journey-hardening-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    return folder;
}

const uriOf = (name: string) => pathToFileURL(join(folder!, name)).toString();

/** Opens a document; with `settle`, waits for its first diagnostics. */
async function open(uri: string, text: string, settle = false): Promise<void> {
    await client!.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
    if (settle) await client!.waitForDiagnostics(uri, () => true);
}

function itemsOf(result: CompletionList | CompletionItem[] | null): CompletionItem[] {
    return result ? (Array.isArray(result) ? result : result.items) : [];
}

/** The position of the `shift`-th character of `needle` in `text`. */
function at(text: string, needle: string, shift = 0): { line: number; character: number } {
    const offset = text.indexOf(needle) + shift;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1]!.length };
}

describe('an unreadable file in the workspace (item 10)', () => {
    test('is skipped with a warning in the log, and every other file is served', async () => {
        const root = workspace({ 'people.journey': PEOPLE, 'booking.journey': MAP, 'secret.journey': 'journey secret { }\n' });
        // The server runs as `nobody`, who may read the folder and every file but secret.journey.
        const nobody = { uid: 65534, gid: 65534 };
        chmodSync(root, 0o755);
        for (const name of ['people.journey', 'booking.journey']) chmodSync(join(root, name), 0o644);
        chownSync(join(root, 'secret.journey'), 0, 0);
        chmodSync(join(root, 'secret.journey'), 0o600);
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString(), runAs: nobody });
        const booking = uriOf('booking.journey');
        await open(booking, MAP);
        const diagnostics = await client.waitForDiagnostics(booking, () => true);
        expect(diagnostics.filter((d) => d.severity === 1)).toEqual([]);
        const completion = itemsOf(await client.request('textDocument/completion', { textDocument: { uri: booking }, position: at(MAP, 'alex') }));
        expect(completion.map((i) => i.label)).toContain('alex');
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: booking }, position: at(MAP, 'alex', 1) });
        expect((hover.contents as MarkupContent).value).toContain('A clean house');
        const warning = client.logged.find((l) => l.message.includes('secret.journey'));
        expect(warning?.type).toBe(2);
        expect(warning?.message).toMatch(/cannot be read.*skipped/i);
    });

    // Waits are long: under the load of the other server tests, a rebuild can take seconds.
    test('a file that becomes unreadable after it was loaded is left out, and the others are still checked', async () => {
        // other.journey is a big map (built after the small ones), still being checked when it becomes unreadable:
        // it was never validated, which is when the clash in booking.journey stayed.
        const root = workspace({ 'people.journey': PEOPLE, 'booking.journey': MAP, 'other.journey': generateMap(2000, { journeyId: 'booking' }).text });
        chmodSync(root, 0o777);
        for (const name of ['people.journey', 'booking.journey', 'other.journey']) chmodSync(join(root, name), 0o666);
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString(), runAs: { uid: 65534, gid: 65534 } });
        // Both maps are indexed before booking.journey opens (its check then finds the clash).
        for (let tries = 0; ; tries++) {
            const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'booking' });
            if (symbols.filter((s) => s.kind === 2 && s.name.startsWith('booking')).length === 2) break;
            if (tries > 300) throw new Error('other.journey was never indexed');
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const booking = uriOf('booking.journey');
        await open(booking, MAP);
        await client.waitForDiagnostics(booking, (found) => found.some((d) => messageOf(d).includes("'booking'")), 60_000);
        chownSync(join(root, 'other.journey'), 0, 0);
        chmodSync(join(root, 'other.journey'), 0o600);
        await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('other.journey'), type: 2 }] });
        // The map that clashed with the skipped file is checked again at once, without an edit of its own.
        await client.waitForDiagnostics(booking, (found) => !found.some((d) => messageOf(d).includes("'booking'")), 60_000);
        await client.notify('textDocument/didChange', { textDocument: { uri: booking, version: 2 }, contentChanges: [{ text: MAP.replace('emotion 2', 'emotion 9') }] });
        await client.waitForDiagnostics(booking, (found) => found.some((d) => messageOf(d).startsWith('Emotion 9')), 60_000);
        expect(client.logged.some((l) => l.type === 2 && l.message.includes('other.journey') && l.message.includes('permission denied'))).toBe(true);
    }, 200_000);

    test('run as another user, the server stays up although it cannot signal its client\'s process', async () => {
        const root = workspace({ 'booking.journey': MAP });
        chmodSync(root, 0o755);
        chmodSync(join(root, 'booking.journey'), 0o644);
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString(), runAs: { uid: 65534, gid: 65534 } });
        // vscode-languageserver looks at its client's process every 3 seconds.
        await new Promise((resolve) => setTimeout(resolve, 4000));
        expect(client.alive).toBe(true);
        const symbols = await client.request<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: uriOf('booking.journey') } });
        expect(symbols.map((s) => s.name)).toEqual(['booking']);
    });
});

describe('documents that are not files of the workspace (item 11)', () => {
    test('a buffer of another scheme (fugitive://) does not make the real file a duplicate', async () => {
        const root = workspace({ 'people.journey': PEOPLE, 'booking.journey': MAP });
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
        const booking = uriOf('booking.journey');
        await open(booking, MAP);
        await client.waitForDiagnostics(booking, () => true);
        const fugitive = `fugitive://${root}/.git//0/booking.journey`;
        await open(fugitive, MAP);
        // Another edit of the real file, after the fugitive buffer opened, is checked against the workspace.
        await client.notify('textDocument/didChange', { textDocument: { uri: booking, version: 2 }, contentChanges: [{ text: MAP.replace('emotion 2', 'emotion 3') }] });
        await new Promise((resolve) => setTimeout(resolve, 500));
        const latest = await client.waitForDiagnostics(booking, () => true);
        expect(latest.map((d) => messageOf(d))).toEqual([]);
    });

    test('references on a git: copy (never opened) adds no copy of the file to the workspace', async () => {
        const root = workspace({ 'people.journey': PEOPLE, 'booking.journey': MAP });
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
        const booking = uriOf('booking.journey');
        await open(booking, MAP);
        await client.waitForDiagnostics(booking, () => true);
        for (const scheme of ['git', 'foo']) {
            const copy = `${scheme}:${join(root, 'booking.journey')}`;
            const found = await client.request<Location[] | null>('textDocument/references', { textDocument: { uri: copy }, position: at(MAP, 'alex', 1), context: { includeDeclaration: true } });
            expect(found ?? []).toEqual([]);
        }
        const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'calls' });
        expect(symbols.filter((s) => s.name.startsWith('calls')).map((s) => s.location.uri)).toEqual([booking]);
        await client.notify('textDocument/didChange', { textDocument: { uri: booking, version: 2 }, contentChanges: [{ text: MAP.replace('emotion 2', 'emotion 3') }] });
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect((await client.waitForDiagnostics(booking, () => true)).map((d) => messageOf(d))).toEqual([]);
    });

    test('references on a file that does not exist answer with nothing, not an internal error', async () => {
        const root = workspace({ 'booking.journey': MAP });
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
        const missing = uriOf('missing.journey');
        const found = await client.request<Location[] | null>('textDocument/references', { textDocument: { uri: missing }, position: { line: 0, character: 0 }, context: { includeDeclaration: true } });
        expect(found ?? []).toEqual([]);
    });
});

describe('big and garbage input (item 12)', () => {
    test('diagnostics are capped per file, and the last one says how many were left out', async () => {
        const root = workspace({});
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
        const garbage = uriOf('garbage.journey');
        await open(garbage, '§ '.repeat(20_000));
        const diagnostics = await client.waitForDiagnostics(garbage, () => true, 60_000);
        expect(diagnostics.length).toBeLessThanOrEqual(501);
        expect(messageOf(diagnostics.at(-1)!)).toMatch(/^\d[\d,]* more problems? in this file (are|is) not shown/);
        expect(Number(/^([\d,]+)/.exec(messageOf(diagnostics.at(-1)!))![1]!.replace(/,/g, ''))).toBe(20_000 - 500);
    });

    test('a very long message is shortened, saying how much was left out', async () => {
        const root = workspace({});
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
        const steps = Array.from({ length: 3000 }, (_, i) => `    touchpoint step_number_${i} "Step ${i}" {\n      emotion 3\n      next step_number_${(i + 1) % 3000}\n    }\n`).join('');
        const text = `journey loop "Loop" {\n  stage s "S" {\n${steps}  }\n}\n`;
        const uri = uriOf('loop.journey');
        await open(uri, text);
        const diagnostics = await client.waitForDiagnostics(uri, (found) => found.length > 0, 60_000);
        const longest = Math.max(...diagnostics.map((d) => messageOf(d).length));
        expect(longest).toBeLessThanOrEqual(1200);
        expect(diagnostics.some((d) => /more characters? left out/.test(messageOf(d)))).toBe(true);
    });
});

describe('a big map beside small ones (item 12)', () => {
    test('completion in a small map is answered while a 2 MB map opened just before is still being checked', async () => {
        const root = workspace({ 'people.journey': PEOPLE, 'booking.journey': MAP });
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
        const booking = uriOf('booking.journey');
        await open(booking, MAP, true);
        const big = 'untitled:Big';
        await client.notify('textDocument/didOpen', { textDocument: { uri: big, languageId: 'journey', version: 1, text: generateMap(6000).text } });
        const completion = itemsOf(await client.request('textDocument/completion', { textDocument: { uri: booking }, position: at(MAP, 'alex') }, 120_000));
        // Ordering, not timing: the answer comes before the big map's diagnostics (the end of its check).
        const bigCheckedFirst = client.published.some((p) => p.uri === big);
        expect(completion.map((i) => i.label)).toContain('alex');
        expect(bigCheckedFirst).toBe(false);
        await client.waitForDiagnostics(big, () => true, 120_000);
    }, 200_000);
});

describe('memory of closed documents (item 12)', () => {
    test('opening and closing a 2 MB untitled map again and again does not keep growing the server', async () => {
        client = await LspClient.start({});
        const big = generateMap(6000).text;
        const closed: number[] = [];
        for (let round = 0; round < 3; round++) {
            const uri = `untitled:Big-${round}`;
            await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text: big } });
            await client.waitForDiagnostics(uri, () => true, 120_000);
            const released = client.logged.filter((m) => m.message.startsWith('Memory given back')).length;
            await client.notify('textDocument/didClose', { textDocument: { uri } });
            closed.push(await memoryOnceReleased(client, released));
        }
        const mb = closed.map((bytes) => Math.round(bytes / 1048576));
        console.log(`resident memory after each close: ${mb.join(', ')} MB`);
        // Without a collection once a big map leaves, each round kept about 120 MB more.
        expect(mb[2]! - mb[0]!, `resident memory after each close: ${mb.join(', ')} MB`).toBeLessThan(120);
    }, 300_000);

    test('editing a shared file of a 600-map workspace again and again does not keep growing the server', async () => {
        const shared = 'persona alex "Alex"\nchannel phone "Phone" offline\n';
        const files: Record<string, string> = { 'people.journey': shared };
        for (let i = 0; i < 600; i++) files[`m${i}.journey`] = MAP.replace('journey booking', `journey m${i}`).replace('      owner sales\n', '');
        const root = workspace(files);
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
        const uri = uriOf('people.journey');
        await open(uri, shared, true);
        const last = uriOf('m599.journey');
        const resident: number[] = [];
        for (let version = 2; version < 10; version++) {
            const before = client.published.length;
            await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: shared.replace('Alex', `Alex ${version}`) }] });
            const deadline = Date.now() + 60_000;
            while (Date.now() < deadline && !client.published.slice(before).some((p) => p.uri === last)) await new Promise((resolve) => setTimeout(resolve, 50));
            await new Promise((resolve) => setTimeout(resolve, 2500));
            resident.push(Math.round((client.residentMemory() ?? 0) / 1048576));
        }
        // Measured: without a collection after such rebuilds, 197 → 444 MB over these edits; with it, 209 → 293 MB.
        expect(resident.at(-1)! - resident[0]!, `resident memory after each edit: ${resident.join(', ')} MB`).toBeLessThan(150);
    }, 300_000);
});

describe('a client that announces few capabilities (item 13, issue 14 item 4)', () => {
    test('completion sends no snippet syntax to a client without snippet support', async () => {
        const root = workspace({ 'people.journey': PEOPLE });
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString(), capabilities: FEW_CAPABILITIES });
        const text = 'journey j "J" {\n  stage s "S" {\n    touchpoint t "T" {\n      \n    }\n  }\n}\n';
        const uri = uriOf('j.journey');
        await open(uri, text, true);
        const result = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 6 } });
        const items = itemsOf(result);
        expect(items.map((i) => i.label), JSON.stringify(result)).toEqual(expect.arrayContaining(['emotion', 'pain']));
        for (const item of items) {
            expect(item.insertTextFormat ?? 1, item.label).toBe(1);
            expect(item.insertText ?? item.label, item.label).not.toMatch(/\$\{?\d/);
            expect(item.textEdit?.newText ?? '', item.label).not.toMatch(/\$\{?\d/);
        }
        expect(items.find((i) => i.label === 'pain')?.insertText ?? 'pain').toMatch(/^pain/);
    });

    test('completion sends no labelDetails and no Markdown documentation to a client that announced neither', async () => {
        const root = workspace({ 'people.journey': PEOPLE });
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString(), capabilities: FEW_CAPABILITIES });
        const text = 'journey j "J" {\n  stage s "S" {\n    touchpoint t "T" {\n      persona \n    }\n  }\n}\n';
        const uri = uriOf('j.journey');
        await open(uri, text, true);
        const items = itemsOf(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 14 } }));
        const alex = items.find((i) => i.label === 'alex');
        expect(alex).toBeDefined();
        expect(alex!.detail).toBe('Alex, working parent (persona)');
        expect(items.filter((i) => i.labelDetails !== undefined)).toEqual([]);
        expect(alex!.documentation).toMatchObject({ kind: 'plaintext' });
        expect((alex!.documentation as MarkupContent).value).toContain('Persona alex — Alex, working parent');
    });

    test('completion still sends snippets to a client that asks for them', async () => {
        const root = workspace({});
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
        const text = 'journey j "J" {\n  stage s "S" {\n    touchpoint t "T" {\n      \n    }\n  }\n}\n';
        const uri = uriOf('j.journey');
        await open(uri, text, true);
        const items = itemsOf(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 6 } }));
        expect(items.find((i) => i.label === 'pain')).toMatchObject({ insertTextFormat: 2 });
    });

    test('hover is plain text for a client that reads only plain text', async () => {
        const root = workspace({ 'people.journey': PEOPLE });
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString(), capabilities: FEW_CAPABILITIES });
        const booking = uriOf('booking.journey');
        writeFileSync(join(root, 'booking.journey'), MAP);
        await open(booking, MAP, true);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: booking }, position: at(MAP, 'alex', 1) });
        const contents = hover.contents as MarkupContent;
        expect(contents.kind).toBe('plaintext');
        expect(contents.value).toContain('Persona alex — Alex, working parent');
        expect(contents.value).not.toMatch(/\*\*|`|\\/);
    });

    test('hover Markdown escapes & and < but leaves ( and . alone', async () => {
        const root = workspace({ 'people.journey': 'persona p "Fish & chips (for 2). a&amp;b <b>" {\n  goal "1. Eat"\n}\n' });
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
        const uri = uriOf('people.journey');
        await open(uri, 'persona p "Fish & chips (for 2). a&amp;b <b>" {\n  goal "1. Eat"\n}\n', true);
        const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
        const value = (hover.contents as MarkupContent).value;
        expect(value).toContain('Fish &amp; chips (for 2). a&amp;amp;b &lt;b&gt;');
        expect(value).toContain('- 1\\. Eat');
    });

    test('the server says which position encoding it uses: UTF-16, which every client supports', async () => {
        const root = workspace({});
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString(), capabilities: { general: { positionEncodings: ['utf-8', 'utf-16'] } } });
        expect(client.initialized?.capabilities.positionEncoding).toBe('utf-16');
    });

    test('a file opened without a workspace folder links to the shared files beside it, as the CLI does', async () => {
        const root = workspace({ 'people.journey': PEOPLE, 'booking.journey': MAP });
        client = await LspClient.start({ capabilities: FEW_CAPABILITIES });
        const booking = uriOf('booking.journey');
        await open(booking, MAP);
        const diagnostics = await client.waitForDiagnostics(booking, () => true);
        expect(diagnostics.map((d) => messageOf(d))).toEqual([]);
        expect(root).toBeTruthy();
    });

    test('lexing, parsing and linking diagnostics carry their LSP code', async () => {
        const root = workspace({});
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString(), capabilities: FEW_CAPABILITIES });
        const uri = uriOf('broken.journey');
        await open(uri, 'journey j "J" {\n  stage s "S" {\n    touchpoint t "T" {\n      persona nobody\n      emotion 3 §\n    }\n  }\n  stage }\n}\n');
        const diagnostics = await client.waitForDiagnostics(uri, (found) => found.length >= 3);
        const codes = diagnostics.map((d) => d.code);
        expect(codes).toEqual(expect.arrayContaining(['lexing-error', 'parsing-error', 'linking-error']));
        expect(diagnostics.every((d) => d.code !== undefined && d.source === 'journey')).toBe(true);
    });

    test('unresolved references are not coloured as the type they should have', async () => {
        const root = workspace({});
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
        const text = 'journey j "J" {\n  stage s "S" {\n    touchpoint t "T" {\n      persona nobody\n      emotion 3\n    }\n  }\n}\n';
        const uri = uriOf('j.journey');
        await open(uri, text);
        await client.waitForDiagnostics(uri, () => true);
        const legend = client.initialized!.capabilities.semanticTokensProvider!.legend.tokenTypes;
        const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
        let line = 0;
        let character = 0;
        const onLine3: string[] = [];
        for (let i = 0; i < tokens.data.length; i += 5) {
            line += tokens.data[i]!;
            character = tokens.data[i] === 0 ? character + tokens.data[i + 1]! : tokens.data[i + 1]!;
            if (line === 3) onLine3.push(`${character}:${legend[tokens.data[i + 3]!]}`);
        }
        expect(onLine3).not.toContain('14:class');
    });
});

describe('requests right after a document opens (issue 14 item 4)', () => {
    test('completion sent with didOpen, before the server holds the document, waits for it instead of failing', async () => {
        const root = workspace({ 'people.journey': PEOPLE });
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString(), capabilities: FEW_CAPABILITIES });
        const text = 'journey j "J" {\n  stage s "S" {\n    touchpoint t "T" {\n      persona \n    }\n  }\n}\n';
        const uri = uriOf('j.journey');
        await open(uri, text);
        const items = itemsOf(await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 3, character: 14 } }));
        expect(items.map((i) => i.label)).toEqual(['alex']);
    });
});

describe('the LSP lifecycle (item 13)', () => {
    test('a request before initialize is answered with ServerNotInitialized', async () => {
        client = await LspClient.start({ initialize: false });
        await expect(client.request('textDocument/hover', { textDocument: { uri: 'file:///x.journey' }, position: { line: 0, character: 0 } }, 5_000))
            .rejects.toMatchObject({ code: -32002 });
        const result = await client.request<{ capabilities: unknown }>('initialize', { processId: null, rootUri: null, capabilities: {} });
        expect(result.capabilities).toBeTruthy();
    });

    test('a request after shutdown is refused with InvalidRequest, and exit ends the server', async () => {
        const root = workspace({ 'booking.journey': MAP });
        client = await LspClient.start({ rootUri: pathToFileURL(root).toString() });
        await client.request('shutdown', null);
        await expect(client.request('textDocument/documentSymbol', { textDocument: { uri: uriOf('booking.journey') } }, 5_000))
            .rejects.toMatchObject({ code: -32600 });
        await client.notify('exit', null);
        const deadline = Date.now() + 5_000;
        while (client.alive && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(client.alive).toBe(false);
        expect(client.process.exitCode).toBe(0);
    });
});

/** The server's resident memory once it has given memory back after `before` earlier times (it says so in its log). */
async function memoryOnceReleased(server: LspClient, before: number): Promise<number> {
    const deadline = Date.now() + 60_000;
    while (server.logged.filter((m) => m.message.startsWith('Memory given back')).length <= before) {
        if (Date.now() > deadline) throw new Error('the server did not give memory back within 60 s of the close');
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    return server.residentMemory() ?? 0;
}

/**
 * Editor stress through a real LSP client and the bundled server process: random edits
 * (inserted words, lines and Unicode, deleted ranges, replaced lines, whole-text resets) with
 * completion, hover, formatting, document symbols and the preview's `journey/views` requests
 * in between, one request in four still on its way while the next edits arrive. The server must answer every request (an error answer only for a request
 * overtaken by a newer edit), stay up, publish diagnostics for the final text, and keep its
 * memory bounded (its heap is capped, so a leak would crash it). STRESS_EDITS sets the number of edits (default 100; `npm run test:fuzz` 1000).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { recordFuzzRun } from '../fuzz/fuzz-record.js';
import { generateMap, seededRandom } from '../support/generate-map.js';
import { LspClient } from './lsp-client.js';

const EDITS = Number(process.env.STRESS_EDITS ?? 100);
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
/** The server's heap limit during the stress: far above what one small map needs. */
const HEAP_CAP_MB = 160;
/** Error codes an editor expects under fast typing: the request was cancelled or overtaken by an edit. */
const OVERTAKEN = new Set([-32800, -32801, -32802]);
const SNIPPETS = ['touchpoint x "X" { emotion 3 }', '"', '{', '}', 'emotion 9', 'next nowhere', ' persona ', '🚀', 'é', '\n', '->', '// note', '/*', 'stage', 'decision d { "a" -> tp_1 }', '%%{init: {}}%%'];

describe(`editing a map through a real LSP client (${EDITS} random edits)`, () => {
    let client: LspClient;
    const uri = 'file:///stress/generated.journey';
    const original = generateMap(30).text;

    beforeAll(async () => {
        // A capped heap turns memory that grows without bound into a crash the test sees.
        client = await LspClient.start({ nodeArgs: [`--max-old-space-size=${HEAP_CAP_MB}`] });
    });
    afterAll(async () => {
        await client?.stop();
    });

    test('the server answers every request, stays up, settles on the final text and keeps its memory bounded', async () => {
        const random = seededRandom(SEED);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
        let document = TextDocument.create(uri, 'journey', 1, original);
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text: original } });
        await client.waitForDiagnostics(uri, () => true);

        const counts: Record<string, number> = {};
        const overtaken: string[] = [];
        const inFlight: Array<Promise<void>> = [];
        let warmMemory: number | undefined;
        for (let i = 0; i < EDITS; i++) {
            const text = document.getText();
            const at = document.positionAt(Math.floor(random() * (text.length + 1)));
            const kind = random();
            let change: { range?: { start: typeof at; end: typeof at }; text: string };
            if (kind < 0.02 || text.length > original.length * 3) {
                change = { text: original }; // the user undoes everything
            } else if (kind < 0.45) {
                change = { range: { start: at, end: at }, text: pick(SNIPPETS) };
            } else if (kind < 0.75) {
                const end = document.positionAt(document.offsetAt(at) + Math.floor(random() * 30));
                change = { range: { start: at, end }, text: '' };
            } else {
                const line = at.line;
                change = { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: `${pick(SNIPPETS)}\n` };
            }
            document = TextDocument.update(document, [change], document.version + 1);
            await client.notify('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [change] });

            const position = document.positionAt(Math.floor(random() * (document.getText().length + 1)));
            const requests: Array<[string, unknown]> = [
                ['textDocument/completion', { textDocument: { uri }, position }],
                ['textDocument/hover', { textDocument: { uri }, position }],
                ['textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }],
                ['textDocument/documentSymbol', { textDocument: { uri } }],
                ['journey/views', { uri, version: document.version }],
            ];
            const [method, params] = i % 10 === 9 ? requests[4]! : pick(requests.slice(0, 4));
            const asked = document.getText();
            const answer = (async () => {
                try {
                    await client.request(method, params);
                    counts[method] = (counts[method] ?? 0) + 1;
                } catch (error) {
                    const code = (error as { code?: number }).code;
                    if (code === undefined || !OVERTAKEN.has(code)) {
                        mkdirSync('test-output', { recursive: true });
                        writeFileSync('test-output/stress-failure.journey', asked);
                        throw new Error(`${method} after edit ${i} failed: ${(error as Error).message} (the text is in test-output/stress-failure.journey)`);
                    }
                    overtaken.push(method);
                }
            })();
            // One request in four is still on its way when the next edits arrive, as when someone types on.
            if (i % 4 === 3) inFlight.push(answer);
            else await answer;
            if (i === Math.floor(EDITS / 10)) warmMemory = client.residentMemory();
        }
        await Promise.all(inFlight);

        // Back to the original map: the server must settle on it, with no error.
        document = TextDocument.update(document, [{ text: original }], document.version + 1);
        await client.notify('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [{ text: original }] });
        await client.waitForDiagnostics(uri, (diagnostics) => !diagnostics.some((d) => d.severity === 1));
        const views = await client.request<{ views: unknown[]; version: number }>('journey/views', { uri, version: document.version });
        expect(views.views.length).toBeGreaterThan(0);
        expect(client.alive).toBe(true);

        const finalMemory = client.residentMemory();
        const note = `answers ${JSON.stringify(counts)}, overtaken ${overtaken.length}, server RSS ${mb(warmMemory)} after ${Math.floor(EDITS / 10)} edits → ${mb(finalMemory)} at the end (heap capped at ${HEAP_CAP_MB} MB)`;
        console.log(`stress: ${EDITS} edits, ${note}`);
        recordFuzzRun({ property: 'LSP editor stress', cases: EDITS, clean: Object.values(counts).reduce((a, b) => a + b, 0), seed: SEED, note });
        if (warmMemory !== undefined && finalMemory !== undefined) {
            // Bounded: no growth proportional to the number of edits (a leak of one document per edit would add far more).
            expect(finalMemory).toBeLessThan(warmMemory * 1.5 + 64 * 1024 * 1024);
        }
        expect(overtaken.length).toBeLessThan(EDITS / 2);
    }, 1_200_000);
});

function mb(value: number | undefined): string {
    return value === undefined ? 'n/a' : `${(value / 1024 / 1024).toFixed(0)} MiB`;
}

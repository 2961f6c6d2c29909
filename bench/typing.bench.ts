/**
 * Typing in a big map, as an editor does it: the bundled server (`out/server.cjs --stdio`)
 * through a real LSP client, one-character edits (`didChange` with a range, as VS Code sends
 * them) and, after each, a completion request where a persona is named, answered while the
 * server is rebuilding the map for that edit. Measured: completion latency (request → answer),
 * the time from the last edit to the diagnostics of its version, and the server's resident
 * memory over the run (at a pause after a tenth of the edits and at the end: flat is the target).
 */
import { EmptyFileSystem } from 'langium';
import { createJourneyServices } from '../language-server/src/journey-module.js';
import { LspClient } from '../test/stress/lsp-client.js';
import { generateMap } from '../test/support/generate-map.js';
import { measure, summary } from './stats.js';

export interface TypingResult {
    size: number;
    edits: number;
    floor: { p50: number; p95: number; n: number };
    completion: { p50: number; p95: number; n: number };
    /** From the last edit sent to the diagnostics of its version published. */
    settle: number;
    /** Resident memory after a tenth of the edits, and at the end (bytes). */
    memoryEarly?: number;
    memoryEnd?: number;
    idle?: number;
    failedRequests: number;
}

/** Types `edits` characters into the `size`-touchpoint map, asking for completion after each. */
export async function benchTyping(size: number, edits: number): Promise<TypingResult> {
    const map = generateMap(size);
    const parser = createJourneyServices(EmptyFileSystem).Journey.parser.LangiumParser;
    const floor = await measure(10, () => parser.parse(map.text), 2);

    const client = await LspClient.start({ nodeArgs: process.env.SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.SERVER_PROF] : [], capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } }, publishDiagnostics: { versionSupport: true } } } });
    try {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const idle = client.residentMemory();
        const uri = 'file:///bench/typing.journey';
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text: map.text } });
        await client.waitForDiagnostics(uri, () => true, 120_000);
        const lines = map.text.split('\n');
        // The character typed: the score of an emotion line in the middle of the map.
        const emotionLine = map.emotionLines[Math.floor(map.emotionLines.length / 2)];
        const scoreAt = lines[emotionLine].indexOf('emotion ') + 'emotion '.length;
        // Where completion is asked: right after `persona ` on a persona line near it.
        const personaLine = lines.findIndex((line, index) => index > emotionLine && /^\s+persona \w/.test(line));
        const completionAt = { line: personaLine, character: lines[personaLine].indexOf('persona ') + 'persona '.length };

        const latencies: number[] = [];
        let failedRequests = 0;
        let memoryEarly: number | undefined;
        let version = 1;
        let lastEdit = 0;
        let publishedBefore = 0;
        for (let i = 0; i < edits; i++) {
            version++;
            const score = String(1 + (i % 5));
            lastEdit = performance.now();
            publishedBefore = client.published.length;
            await client.notify('textDocument/didChange', {
                textDocument: { uri, version },
                contentChanges: [{ range: { start: { line: emotionLine, character: scoreAt }, end: { line: emotionLine, character: scoreAt + 1 } }, text: score }],
            });
            const asked = performance.now();
            try {
                await client.request('textDocument/completion', { textDocument: { uri }, position: completionAt }, 60_000);
                latencies.push(performance.now() - asked);
            } catch {
                failedRequests++;
            }
            if (i === Math.floor(edits / 10)) {
                // Read at a pause, as at the end: memory while a build runs holds its garbage.
                await new Promise((resolve) => setTimeout(resolve, 3_000));
                memoryEarly = client.residentMemory();
            }
        }
        // The diagnostics of the last edit: the first published after it (the completion request
        // waited for its linking, so no earlier build is left to publish).
        await waitForPublish(client, uri, publishedBefore);
        const settle = performance.now() - lastEdit;
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        return {
            size, edits, floor: summary(floor), completion: summary(latencies), settle,
            memoryEarly, memoryEnd: client.residentMemory(), idle, failedRequests,
        };
    } finally {
        await client.stop();
    }
}

async function waitForPublish(client: LspClient, uri: string, after: number): Promise<void> {
    const deadline = Date.now() + 120_000;
    while (!client.published.slice(after).some((p) => p.uri === uri)) {
        if (Date.now() > deadline) throw new Error('no diagnostics after the last edit within 120 s');
        await new Promise((resolve) => setTimeout(resolve, 2));
    }
}

/** Completion in a small map while a big one (`size` touchpoints, as an untitled map) is opened and checked: the longest wait and the median. */
export async function benchBeside(size: number): Promise<{ chars: number; worst: number; median: number; answers: number; bigChecked: number }> {
    const client = await LspClient.start();
    try {
        const small = 'file:///bench/beside/small.journey';
        const smallText = generateMap(10).text;
        await client.notify('textDocument/didOpen', { textDocument: { uri: small, languageId: 'journey', version: 1, text: smallText } });
        await client.waitForDiagnostics(small, () => true);
        const lines = smallText.split('\n');
        const personaLine = lines.findIndex((line) => /^\s+persona \w/.test(line));
        const position = { line: personaLine, character: lines[personaLine].indexOf('persona ') + 'persona '.length };
        const big = generateMap(size).text;
        const opened = performance.now();
        await client.notify('textDocument/didOpen', { textDocument: { uri: 'untitled:Big', languageId: 'journey', version: 1, text: big } });
        let bigChecked = 0;
        const checked = client.waitForDiagnostics('untitled:Big', () => true, 300_000).then(() => {
            bigChecked = performance.now() - opened;
        });
        const waits: number[] = [];
        while (bigChecked === 0) {
            const asked = performance.now();
            await client.request('textDocument/completion', { textDocument: { uri: small }, position }, 60_000);
            waits.push(performance.now() - asked);
            await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await checked;
        const sorted = [...waits].sort((a, b) => a - b);
        return { chars: big.length, worst: sorted.at(-1) ?? Number.NaN, median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, answers: waits.length, bigChecked };
    } finally {
        await client.stop();
    }
}

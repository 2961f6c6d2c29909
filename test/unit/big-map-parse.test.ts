/**
 * Specification: a big map is parsed a stage at a time (journey-incremental-parse.ts), so the
 * server answers other files while it is parsed, and the result is the tree of a whole parse.
 */
import { DocumentState, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BIG_DOCUMENT } from '../../language-server/src/language/journey-document-builder.js';
import { parseCounts } from '../../language-server/src/language/journey-incremental-parse.js';
import { createTestServices, validateWorkspace } from '../helpers.js';
import { generateMap } from '../support/generate-map.js';

describe('a big map', () => {
    test('is parsed a stage at a time: other work runs while it is parsed, and the diagnostics are those of a whole parse', async () => {
        const text = generateMap(1500).text;
        expect(text.length).toBeGreaterThan(BIG_DOCUMENT);
        const services = createTestServices();
        const workspace = services.shared.workspace;
        const uri = URI.parse('file:///workspace/big.journey');
        workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'journey', 1, text));
        // Other work: a task queued again and again; how many ran before the map was parsed.
        let ticks = 0;
        let running = true;
        const tick = () => {
            ticks++;
            if (running) setImmediate(tick);
        };
        let ticksWhenParsed = -1;
        workspace.DocumentBuilder.onDocumentPhase(DocumentState.Parsed, () => {
            ticksWhenParsed = ticks;
        });
        const before = parseCounts.inSteps;
        setImmediate(tick);
        await workspace.DocumentBuilder.update([uri], []);
        running = false;
        expect(parseCounts.inSteps - before).toBe(1);
        // A whole parse is one step: nothing else runs until it ends (0 or 1 tick).
        expect(ticksWhenParsed).toBeGreaterThan(2);
        const document = workspace.LangiumDocuments.getDocument(uri)!;
        const whole = await validateWorkspace({ 'big.journey': text });
        const lines = (diagnostics: typeof document.diagnostics) => (diagnostics ?? []).map((d) => `${JSON.stringify(d.range)} ${d.code} ${d.message}`).sort();
        expect(lines(document.diagnostics)).toEqual(lines(whole['big.journey'].diagnostics));
        expect(document.parseResult.value.$cstNode?.root.fullText).toBe(text);
    });
});

/** Every editor feature answers on half-typed text: no exception, and broken files are never reformatted. */
import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import type { TextEdit } from 'vscode-languageserver';
import { createTestServices, parseJourney } from '../helpers.js';

const example = readFileSync('examples/home-cleaning.journey', 'utf8');

describe('features on every prefix of an example (text as it is being typed)', () => {
    test('hover, completion, formatting, code actions, symbols, folding, semantic tokens and inlay hints never throw', async () => {
        // Langium catches some provider errors and only logs them: a logged error fails this test too.
        const logged = vi.spyOn(console, 'error');
        const services = createTestServices();
        const lsp = services.Journey.lsp;
        let brokenFormatted = 0;
        for (let length = 0; length <= example.length; length += 37) {
            const text = example.slice(0, length);
            const document = await parseJourney(text, { services, uri: `file:///typing/prefix${length}.journey` });
            const textDocument = { uri: document.uri.toString() };
            const end = document.textDocument.positionAt(text.length);
            const middle = document.textDocument.positionAt(Math.floor(text.length / 2));
            const whole = { start: { line: 0, character: 0 }, end };
            await lsp.HoverProvider!.getHoverContent(document, { textDocument, position: middle });
            await lsp.CompletionProvider!.getCompletion(document, { textDocument, position: end });
            const edits = (await lsp.Formatter!.formatDocument(document, { textDocument, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
            const broken = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length > 0;
            if (broken) {
                expect(edits, `a file with syntax errors is left alone (prefix of ${length} characters)`).toEqual([]);
                brokenFormatted++;
            }
            await lsp.CodeActionProvider!.getCodeActions(document, { textDocument, range: whole, context: { diagnostics: document.diagnostics ?? [] } });
            await lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument });
            await lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument });
            await lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument });
            await lsp.InlayHintProvider!.getInlayHints(document, { textDocument, range: whole });
        }
        expect(brokenFormatted).toBeGreaterThan(0);
        expect(logged.mock.calls.map((call) => String(call[0]))).toEqual([]);
        logged.mockRestore();
    });
});

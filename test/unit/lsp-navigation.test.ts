/** Navigation: definition and references across files, outline, workspace symbols, folding, highlights, semantic tokens and inlay hints. */
import type { LangiumDocument } from 'langium';
import { expectFindReferences, expectFoldings, expectGoToDefinition, expectHighlight, expectSemanticToken, highlightHelper } from 'langium/test';
import { beforeAll, describe, expect, test } from 'vitest';
import { SemanticTokenTypes, SymbolKind, type DocumentSymbol, type InlayHint, type Location, type LocationLink } from 'vscode-languageserver';
import { createTestServices, parseJourney } from '../helpers.js';

const people = 'persona alex "Alex, parent"\nchannel phone "Phone" offline\nteam sales "Sales"\n';
const booking = `journey booking "Booking" {
  stage discover "Discover" {
    touchpoint calls "Calls for a quote" {
      persona alex
      channel phone
      owner sales
      emotion 1
      expected 4 for alex
      next choose
    }
    decision choose "Books?" {
      "yes" -> books
      -> lost
    }
  }

  stage buy "Buy" {
    touchpoint books {
      channel phone
      emotion 5
    }
  }

  outcome lost "Lost"
}
`;

const services = createTestServices();
let peopleDoc: LangiumDocument;
let bookingDoc: LangiumDocument;

beforeAll(async () => {
    peopleDoc = await parseJourney(people, { services, uri: 'file:///ws/people.journey' });
    bookingDoc = await parseJourney(booking, { services, uri: 'file:///ws/booking.journey' });
});

const position = (document: LangiumDocument, needle: string, shift = 1) =>
    document.textDocument.positionAt(document.textDocument.getText().indexOf(needle) + shift);
const uriOf = (document: LangiumDocument) => document.uri.toString();

describe('go to definition and find references across files', () => {
    test('a persona used in a map leads to its declaration in the shared file', async () => {
        const links = (await services.Journey.lsp.DefinitionProvider!.getDefinition(bookingDoc, {
            textDocument: { uri: uriOf(bookingDoc) }, position: position(bookingDoc, 'alex\n'),
        })) as LocationLink[];
        expect(links).toHaveLength(1);
        expect(links[0]!.targetUri).toBe(uriOf(peopleDoc));
        expect(links[0]!.targetSelectionRange).toEqual({ start: { line: 0, character: 8 }, end: { line: 0, character: 12 } });
    });

    test('all references to a shared channel, from its declaration, in every file', async () => {
        const locations = (await services.Journey.lsp.ReferencesProvider!.findReferences(peopleDoc, {
            textDocument: { uri: uriOf(peopleDoc) }, position: position(peopleDoc, 'phone'), context: { includeDeclaration: true },
        })) as Location[];
        expect(locations.map((l) => `${l.uri.split('/').pop()}:${l.range.start.line}`).sort()).toEqual(['booking.journey:18', 'booking.journey:4', 'people.journey:1']);
    });

    test('langium/test: a decision branch leads to the touchpoint of another stage', async () => {
        await expectGoToDefinition(createTestServices().Journey)({
            text: 'journey j {\n  stage a {\n    decision d { "go" -> <|>b<|> }\n  }\n  stage s {\n    touchpoint <|b|>\n  }\n}',
            index: 0, rangeIndex: 0,
        });
    });

    test('langium/test: references of a touchpoint in one file', async () => {
        await expectFindReferences(createTestServices().Journey)({
            text: 'journey j {\n  stage s {\n    touchpoint <|a<|>|> { next <|a|> }\n    decision d { "x" -> <|a|> }\n  }\n  action x { improves <|a|> }\n}',
            includeDeclaration: true,
        });
    });

    test('document highlights mark every use of the id in the file', async () => {
        await expectHighlight(createTestServices().Journey)({
            text: 'journey j {\n  stage s {\n    touchpoint <|a<|>|> { next b }\n    touchpoint b { next <|a|> }\n  }\n}',
            index: 0, rangeIndex: [0, 1],
        });
    });
});

describe('outline and symbols', () => {
    test('the outline nests journey › stages › touchpoints and decisions, with labels as details', async () => {
        const symbols = (await services.Journey.lsp.DocumentSymbolProvider!.getSymbols(bookingDoc, { textDocument: { uri: uriOf(bookingDoc) } })) as DocumentSymbol[];
        const tree = (list: DocumentSymbol[] = []): unknown[] => list.map((s) => (s.children?.length ? { [`${s.name}|${s.detail ?? ''}`]: tree(s.children) } : `${s.name}|${s.detail ?? ''}`));
        expect(tree(symbols)).toEqual([{
            'booking|Booking': [
                { 'discover|Discover': ['calls|Calls for a quote', 'choose|Books?'] },
                { 'buy|Buy': ['books|'] },
                'lost|Lost',
            ],
        }]);
        expect(symbols[0]!.kind).toBe(SymbolKind.Module);
        expect(symbols[0]!.children![0]!.children![0]!.kind).toBe(SymbolKind.Event);
    });

    test('workspace symbols find every element of every map, by id or by label', async () => {
        const byId = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'calls' });
        expect(byId.map((s) => [s.name, s.containerName])).toContainEqual(['calls — Calls for a quote', 'booking › discover']);
        const byLabel = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'parent' });
        expect(byLabel.map((s) => s.name)).toEqual(['alex — Alex, parent']);
        expect(byLabel[0]!.location).toMatchObject({ uri: uriOf(peopleDoc) });
    });

    test('folding ranges fold journeys, stages, touchpoints and decisions', async () => {
        await expectFoldings(createTestServices().Journey)({
            // Each fold ends on the line before its closing brace, which stays visible.
            text: '<|journey j {\n  <|stage s {\n    <|touchpoint t {\n      emotion 3|>\n    }|>\n  }|>\n}',
            parseOptions: {},
        });
    });
});

describe('semantic tokens', () => {
    test('ids, references and labels get the token type of their kind', async () => {
        const highlight = highlightHelper(createTestServices().Journey);
        const tokens = await highlight('journey j {\n  persona <|alex|> <|"Alex"|>\n  stage s {\n    touchpoint t {\n      persona <|alex|>\n      emotion <|4|>\n    }\n  }\n}');
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.class });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.string });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.class });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.number });
    });

    test('a reference to a touchpoint and to an outcome take their own colours', async () => {
        const highlight = highlightHelper(createTestServices().Journey);
        const tokens = await highlight('journey j {\n  stage s {\n    touchpoint <|t|> { next <|gone|> }\n    decision d { "x" -> <|t|> }\n  }\n  outcome <|gone|>\n}');
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.function });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.function });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.enumMember });
    });
});

describe('inlay hints', () => {
    test('a face after each score, and the label after each reference id', async () => {
        const hints = (await services.Journey.lsp.InlayHintProvider!.getInlayHints(bookingDoc, {
            textDocument: { uri: uriOf(bookingDoc) },
            range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
        })) as InlayHint[];
        const shown = hints.map((h) => `${h.position.line}:${h.label}`);
        expect(shown).toEqual(expect.arrayContaining([
            '3:Alex, parent', '4:Phone', '5:Sales', '6:😡', '7:🙂', '7:Alex, parent', '8:Books?', '18:Phone', '19:😄', '12:Lost',
        ]));
        expect(shown).not.toContain('11:books'); // a touchpoint without a label shows no hint
    });
});

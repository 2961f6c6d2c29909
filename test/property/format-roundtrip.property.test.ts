/**
 * Property: for random valid maps printed in a random messy layout, formatting keeps the model
 * (parse(format(x)) has the same elements, ids, labels and references as parse(x)), keeps every
 * comment, produces no syntax error, and is idempotent.
 */
import fc from 'fast-check';
import { isLeafCstNode, CstUtils, isReference, type AstNode, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { formatDocumentText } from '../../language-server/src/editor/journey-formatter.js';
import { createTestServices, parseJourney } from '../helpers.js';
import { journeyFile, layout, printMessy } from './journey-arbitraries.js';

const services = createTestServices();
let counter = 0;

async function parse(text: string): Promise<LangiumDocument> {
    return parseJourney(text, { services, uri: `file:///property/map${counter++}.journey` });
}

/** The AST as plain data: types, values, and references by their text; no positions. */
function project(node: unknown): unknown {
    if (Array.isArray(node)) return node.map(project);
    if (isReference(node)) return { ref: node.$refText };
    if (node && typeof node === 'object') {
        const result: Record<string, unknown> = { $type: (node as AstNode).$type };
        for (const [key, value] of Object.entries(node)) {
            if (!key.startsWith('$')) result[key] = project(value);
        }
        return result;
    }
    return node;
}

function comments(document: LangiumDocument): string[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    return CstUtils.streamCst(root).filter((n) => isLeafCstNode(n) && n.hidden && n.tokenType.name !== 'WS').map((n) => n.text.replace(/\r\n/g, '\n')).toArray();
}

const syntaxErrors = (document: LangiumDocument) => document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;

describe('formatting random maps', () => {
    test('keeps the model and every comment, and is idempotent', async () => {
        await fc.assert(
            fc.asyncProperty(journeyFile, layout, async (elements, choice) => {
                const printed = printMessy(elements, choice);
                const original = await parse(printed);
                expect(syntaxErrors(original), printed).toBe(0);

                const formatted = await formatDocumentText(services.Journey.lsp.Formatter!, original);
                const reparsed = await parse(formatted);
                expect(syntaxErrors(reparsed), formatted).toBe(0);
                expect(project(reparsed.parseResult.value)).toEqual(project(original.parseResult.value));
                expect(comments(reparsed)).toEqual(comments(original));

                expect(await formatDocumentText(services.Journey.lsp.Formatter!, reparsed)).toBe(formatted);
            }),
            { numRuns: 60 },
        );
    });
});

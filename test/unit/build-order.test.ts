/**
 * The order in which a change is built (language/journey-document-builder.ts): the small maps
 * of a change are built to the end before a big one is even indexed, so they answer while it is
 * checked; a small map that uses what the big one declares is linked again once it is indexed.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { BIG_DOCUMENT } from '../../language-server/src/language/journey-document-builder.js';
import { generateMap } from '../support/generate-map.js';
import { createTestServices } from '../helpers.js';

/** Builds `files` as one change and returns the phases each reached, in order, as `name:state`. */
async function buildOrder(files: Record<string, string>) {
    const services = createTestServices();
    const workspace = services.shared.workspace;
    const events: string[] = [];
    const names = new Map<string, string>();
    for (const state of [DocumentState.IndexedContent, DocumentState.Linked, DocumentState.Validated]) {
        workspace.DocumentBuilder.onDocumentPhase(state, (document) => {
            events.push(`${names.get(document.uri.toString())}:${DocumentState[state]}`);
        });
    }
    const documents: Record<string, LangiumDocument> = {};
    for (const [name, text] of Object.entries(files)) {
        const uri = URI.parse(`file:///workspace/${name}`);
        names.set(uri.toString(), name);
        documents[name] = workspace.LangiumDocumentFactory.fromString(text, uri);
        workspace.LangiumDocuments.addDocument(documents[name]!);
    }
    await workspace.DocumentBuilder.build(Object.values(documents), { validation: true });
    return { events, documents };
}

describe('a change with a big map and small ones', () => {
    const big = generateMap(800, { journeyId: 'big' }).text;

    test('the small maps are built to the end before the big one is indexed', async () => {
        expect(big.length).toBeGreaterThan(BIG_DOCUMENT);
        const { events } = await buildOrder({ 'big.journey': big, 'small.journey': 'journey small { stage s { touchpoint t { emotion 3 } } }\n' });
        expect(events.indexOf('small.journey:Validated')).toBeGreaterThanOrEqual(0);
        expect(events.indexOf('small.journey:Validated')).toBeLessThan(events.indexOf('big.journey:IndexedContent'));
    });

    test('a small map with the journey id of the big one is told of the clash', async () => {
        const { documents } = await buildOrder({ 'big.journey': big, 'small.journey': 'journey big { stage s { touchpoint t { emotion 3 } } }\n' });
        expect(documents['small.journey']!.diagnostics?.map((d) => d.message)).toEqual([expect.stringMatching(/^Another journey also has the id 'big' \(in big\.journey/)]);
    });

    test('a small map that uses a persona the big file shares is linked to it', async () => {
        const shared = `persona far_away "Declared in a big file"\n// ${'padding '.repeat(BIG_DOCUMENT / 8)}\n`;
        const { documents } = await buildOrder({ 'people.journey': shared, 'small.journey': 'journey small { stage s { touchpoint t { persona far_away\n emotion 3 } } }\n' });
        expect(documents['small.journey']!.diagnostics?.filter((d) => d.severity === 1).map((d) => d.message)).toEqual([]);
        expect(documents['small.journey']!.state).toBe(DocumentState.Validated);
    });
});

/**
 * Every map under examples/ is a lesson people copy from: it must load with no error and
 * no warning, in one workspace (the b2b maps use the personas of a shared file), and build
 * the model the views draw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI, type LangiumDocument } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import type { JourneyFile } from '../../language-server/src/generated/ast.js';
import { formatDocumentText } from '../../language-server/src/editor/journey-formatter.js';
import { computeFlow, reachableNodes, trappingLoops } from '../../language-server/src/language/journey-flow.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { renderView } from '../../language-server/src/views/index.js';
import { MARKDOWN_PAGE_WIDTH } from '../../language-server/src/views/markdown-document.js';
import { createTestServices } from '../helpers.js';

const EXAMPLES = fileURLToPath(new URL('../../examples', import.meta.url));

/** What each example is: its journey id, number of stages and state; `shared` for a file of shared declarations only. */
const EXPECTED: Record<string, { journey: string; stages: number; state: 'current' | 'future' } | 'shared'> = {
    'hello.journey': { journey: 'coffee', stages: 2, state: 'current' },
    'home-cleaning.journey': { journey: 'booking', stages: 5, state: 'current' },
    'online-shop.journey': { journey: 'sneakers', stages: 5, state: 'current' },
    'parcours-client.journey': { journey: 'parcours_mutuelle', stages: 4, state: 'current' },
    'b2b/people.journey': 'shared',
    'b2b/purchase-current.journey': { journey: 'fleet_purchase', stages: 5, state: 'current' },
    'b2b/purchase-future.journey': { journey: 'fleet_purchase_future', stages: 5, state: 'future' },
};

/** Every `.journey` file under `folder`, as paths relative to examples/ with `/` separators (generated output excluded). */
function journeyFiles(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
        const path = join(folder, entry.name);
        if (entry.isDirectory()) return entry.name === 'out' ? [] : journeyFiles(path);
        return entry.name.endsWith('.journey') ? [relative(EXAMPLES, path).split('\\').join('/')] : [];
    });
}

/** One line per diagnostic, to show in a failure message. */
function describeDiagnostics(file: string, diagnostics: Diagnostic[]): string {
    return diagnostics
        .map((d) => `examples/${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`)
        .join('\n');
}

describe('the examples', () => {
    const files = journeyFiles(EXAMPLES).sort();
    const documents = new Map<string, LangiumDocument>();
    const services = createTestServices();

    beforeAll(async () => {
        const { LangiumDocuments, LangiumDocumentFactory, DocumentBuilder } = services.shared.workspace;
        for (const file of files) {
            const path = join(EXAMPLES, file);
            const document = LangiumDocumentFactory.fromString(readFileSync(path, 'utf8'), URI.file(path));
            LangiumDocuments.addDocument(document);
            documents.set(file, document);
        }
        await DocumentBuilder.build([...documents.values()], { validation: true });
    });

    test('are all listed here, so each one is checked for what it teaches', () => {
        expect(files).toEqual(Object.keys(EXPECTED).sort());
    });

    test.each([...new Set([...files, ...Object.keys(EXPECTED)])])('%s has no error and no warning', (file) => {
        const document = documents.get(file);
        expect(document, `examples/${file} is missing`).toBeDefined();
        const problems = (document!.diagnostics ?? []).filter((d) => d.severity === 1 || d.severity === 2);
        expect(problems, describeDiagnostics(file, problems)).toEqual([]);
    });

    test.each(Object.entries(EXPECTED))('%s builds the expected journey model', (file, expected) => {
        const document = documents.get(file);
        expect(document, `examples/${file} is missing`).toBeDefined();
        const model = buildJourneyModel(document!);
        if (expected === 'shared') {
            expect(model).toBeUndefined();
            return;
        }
        expect(model).toBeDefined();
        expect({ journey: model!.id, stages: model!.stages.length, state: model!.state }).toEqual(expected);
        expect(model!.stages.every((stage) => stage.steps.length > 0), 'every stage has at least one step').toBe(true);
    });

    test.each(Object.keys(EXPECTED))('%s is already in the canonical layout (journey format changes nothing)', async (file) => {
        const document = documents.get(file)!;
        expect(await formatDocumentText(services.Journey.lsp.Formatter!, document)).toBe(document.textDocument.getText());
    });

    test.each(Object.keys(EXPECTED).filter((file) => EXPECTED[file] !== 'shared'))('every step and outcome of %s is on the customers\' path, with no trap', (file) => {
        const journey = (documents.get(file)!.parseResult.value as JourneyFile).journeys[0];
        const graph = computeFlow(journey);
        const reachable = reachableNodes(graph);
        expect(graph.nodes.filter((node) => !reachable.has(node)).map((node) => node.name)).toEqual([]);
        expect(trappingLoops(graph)).toEqual([]);
    });

    test('labels keep their punctuation, quotes, accents, emoji and escapes', () => {
        const steps = (file: string) => buildJourneyModel(documents.get(file)!)!.stages.flatMap((stage) => stage.steps);
        const touchpoint = (file: string, id: string) => {
            const step = steps(file).find((candidate) => candidate.id === id);
            if (step?.kind !== 'touchpoint') throw new Error(`examples/${file} has no touchpoint ${id}`);
            return step;
        };
        expect(touchpoint('home-cleaning.journey', 'visits').pains).toEqual(['Prices are hidden behind "Contact us"']);
        expect(touchpoint('home-cleaning.journey', 'refers').label).toBe('Recommends us to a neighbour (#referral)');
        expect(touchpoint('online-shop.journey', 'ad').label).toBe('Sees an ad: "Run lighter, 20% off"');
        expect(touchpoint('parcours-client.journey', 'signature').label).toBe('Signe le contrat électroniquement');
        expect(touchpoint('parcours-client.journey', 'simule').gains).toEqual(['Devis en 3 minutes,\nenvoyé par e-mail']);
        expect(touchpoint('parcours-client.journey', 'rembourse').gains[0]).toMatch(/😀$/u);
        const kenji = buildJourneyModel(documents.get('parcours-client.journey')!)!.personas.find((persona) => persona.id === 'kenji');
        expect(kenji?.label).toBe('Kenji（健二）, retraité');
    });

    test('the README\'s first map is examples/hello.journey, word for word', () => {
        const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
        const block = '```journey\n' + readFileSync(join(EXAMPLES, 'hello.journey'), 'utf8') + '```';
        expect(readme.includes(block), 'README.md must show examples/hello.journey exactly, in a ```journey block under "Write a map"').toBe(true);
    });

    test('the README\'s first picture is the canvas of examples/hello.journey, as drawn for Markdown', () => {
        const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
        const canvas = renderView(buildJourneyModel(documents.get('hello.journey')!)!, 'canvas', { availableWidth: MARKDOWN_PAGE_WIDTH });
        expect(canvas.kind).toBe('diagram');
        const first = /```mermaid\n([^]*?)\n```/.exec(readme)?.[1];
        expect(first, 'README.md must show the canvas of hello.journey in its first ```mermaid block (journey render examples/hello.journey --view canvas)').toBe(canvas.kind === 'diagram' ? canvas.mermaid.trimEnd() : '');
    });

    test('the shared people of the b2b maps are declared once and used by both maps', () => {
        const current = buildJourneyModel(documents.get('b2b/purchase-current.journey')!)!;
        const future = buildJourneyModel(documents.get('b2b/purchase-future.journey')!)!;
        const sharedFile = documents.get('b2b/people.journey')!.uri.toString();
        for (const model of [current, future]) {
            expect(model.personas.length).toBeGreaterThanOrEqual(3);
            for (const element of [...model.personas, ...model.channels, ...model.teams]) {
                expect(element.shared, `${element.id} in ${model.state} map`).toBe(true);
                expect(element.range.uri).toBe(sharedFile);
            }
        }
    });

    test('the future b2b map keeps the ids of the elements it shares with the current one', () => {
        const ids = (file: string) => {
            const model = buildJourneyModel(documents.get(file)!)!;
            return new Set(model.stages.flatMap((stage) => [stage.id, ...stage.steps.map((step) => step.id)]));
        };
        const current = ids('b2b/purchase-current.journey');
        const future = ids('b2b/purchase-future.journey');
        const kept = [...current].filter((id) => future.has(id));
        expect(kept.length).toBeGreaterThanOrEqual(current.size * 0.6);
    });
});

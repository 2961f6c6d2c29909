/**
 * Property: the editor's incremental path (an edit updates the workspace: the changed file is
 * rebuilt, files that refer to it are relinked, files whose workspace-wide diagnostics may
 * change are revalidated, the reference index is filled on demand) ends with exactly the
 * diagnostics of a fresh build of the same texts, after any sequence of edits.
 * The workspace mixes shared declarations and maps whose ids, references and paths can clash,
 * be missing, or be broken mid-word by an edit, so every kind of cross-file diagnostic comes and goes.
 */
import fc from 'fast-check';
import { AstUtils, URI, type LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTestServices, validateWorkspace } from '../helpers.js';

const FILES = ['people.journey', 'a.journey', 'b.journey'] as const;

/** Texts each file can be given whole: shared declarations, maps that use them or clash. */
const VARIANTS: Record<(typeof FILES)[number], string[]> = {
    'people.journey': [
        'persona alex "Alex"\npersona sam "Sam"\nchannel web "Web" online',
        'persona alex "Alex"\nteam ops "Ops"',
        'persona sam "Sam"\npersona sam "Sam again"',
        '// nothing shared yet',
        'journey booking "Also booking" { stage s { touchpoint t } }',
    ],
    'a.journey': [
        'journey booking "Booking" {\n  stage look "Look" {\n    touchpoint search "Search" { persona alex emotion 4 next pay }\n  }\n  stage buy "Buy" {\n    touchpoint pay "Pay" { persona sam channel web emotion 2 }\n  }\n}',
        'journey booking "Booking" {\n  persona alex "Local Alex"\n  stage look { touchpoint search { persona alex emotion 9 } touchpoint lost { emotion 3 next search } }\n}',
        'journey renewal "Renewal" {\n  stage s { touchpoint t { persona bob team ops } decision d "Stay?" { "yes" -> t "no" -> gone } }\n}',
    ],
    'b.journey': [
        'journey renewal "Renewal" {\n  stage s { touchpoint t { persona alex channel web emotion 3 } }\n}',
        'journey booking "Clash" {\n  stage s { touchpoint t { persona sam } }\n}',
        'journey other {\n  stage empty "Empty" { }\n  stage s { touchpoint t { next empty } }\n}',
    ],
};

/** Small pieces typed into a file at any place. */
const TYPED = ['persona alex ', 'emotion 3 ', '"', '{', '}', 'journey booking ', 'next nowhere ', 'stage x { touchpoint y } ', 'persona sam "S"\n', ' ', '\n'];

type Edit =
    | { kind: 'replace'; file: number; variant: number }
    | { kind: 'type'; file: number; at: number; text: string }
    | { kind: 'delete'; file: number; at: number; length: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), file: fc.nat(FILES.length - 1), variant: fc.nat(4) }),
    fc.record({ kind: fc.constant('type' as const), file: fc.nat(FILES.length - 1), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom(...TYPED) })
        .map((e) => ({ ...e, at: Math.round(e.at * 1000) })),
    fc.record({ kind: fc.constant('delete' as const), file: fc.nat(FILES.length - 1), at: fc.nat(1000), length: fc.integer({ min: 1, max: 12 }) }),
);

function applied(text: string, change: Edit): string {
    if (change.kind === 'replace') {
        const variants = VARIANTS[FILES[change.file]];
        return variants[change.variant % variants.length];
    }
    const at = Math.min(change.at, text.length);
    if (change.kind === 'type') return text.slice(0, at) + change.text + text.slice(at);
    return text.slice(0, at) + text.slice(at + change.length);
}

/**
 * Every reference of the workspace, as find references reads them from the index: where it is
 * and the kind and name of what it points to. (Where two files declare the same shared name, an
 * error of its own, a reference may keep pointing to either: which one depends on the order of edits.)
 */
function referencesIn(services: ReturnType<typeof createTestServices>): string[] {
    const locator = services.Journey.workspace.AstNodeLocator;
    const index = services.shared.workspace.IndexManager;
    const found: string[] = [];
    for (const document of services.shared.workspace.LangiumDocuments.all) {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            const name = (node as { name?: unknown }).name;
            if (!name) continue;
            for (const reference of index.findAllReferences(node, locator.getAstNodePath(node))) {
                found.push(`${reference.sourceUri.path}#${reference.sourcePath} ${reference.segment.offset} -> ${node.$type} ${String(name)}`);
            }
        }
    }
    return found.sort();
}

/** Diagnostics in a comparable, order-independent form. */
function normalized(diagnostics: readonly Diagnostic[]): string[] {
    return diagnostics
        .map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.message}`)
        .sort();
}

describe('incremental diagnostics (fast-check)', () => {
    test('after any sequence of edits, every file has the diagnostics of a fresh build of the same texts', async () => {
        await fc.assert(fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 12 }), async (edits) => {
            const texts: Record<string, string> = Object.fromEntries(FILES.map((name) => [name, VARIANTS[name][0]]));
            const services = createTestServices();
            const workspace = services.shared.workspace;
            await validateWorkspace(texts, services);
            // The editor's path: the open document changes and the workspace is updated.
            let version = 1;
            for (const change of edits) {
                const name = FILES[change.file];
                texts[name] = applied(texts[name], change);
                const uri = URI.parse(`file:///workspace/${name}`);
                workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'journey', ++version, texts[name]));
                await workspace.DocumentBuilder.update([uri], []);
            }
            const freshServices = createTestServices();
            const fresh = await validateWorkspace({ ...texts }, freshServices);
            for (const name of FILES) {
                const incremental = workspace.LangiumDocuments.getDocument(URI.parse(`file:///workspace/${name}`)) as LangiumDocument;
                expect(incremental.textDocument.getText()).toBe(texts[name]);
                expect(normalized(incremental.diagnostics ?? []), `${name} after ${JSON.stringify(edits)}`).toEqual(normalized(fresh[name].diagnostics));
            }
            // Find references reads the index, filled on demand: it must equal the fresh build's.
            expect(referencesIn(services)).toEqual(referencesIn(freshServices));
        }), { numRuns: Number(process.env.FUZZ_RUNS ?? 80), seed: Number(process.env.FUZZ_SEED ?? 20261206) });
    }, 300_000);
});

/**
 * Language-server benchmarks, in process with the real services: cold build (parse + link +
 * validate), rebuild after a one-line edit, completion at random positions, model building,
 * and the bare-parser floor every number is compared with.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createJourneyServices } from '../language-server/src/journey-module.js';
import { buildJourneyModel } from '../language-server/src/model/build-model.js';
import { renderAllViews } from '../language-server/src/views/index.js';
import { LspClient } from '../test/stress/lsp-client.js';
import { generateMap, seededRandom } from '../test/support/generate-map.js';
import { collectGarbage, measure, summary } from './stats.js';

/** What one size measured, in milliseconds (bytes for memory). */
export interface LanguageServerResult {
    size: number;
    chars: number;
    lines: number;
    floor: { p50: number; p95: number; n: number };
    coldBuild: { p50: number; p95: number; n: number };
    rebuild: { p50: number; p95: number; n: number };
    completion: { p50: number; p95: number; n: number };
    model: { p50: number; p95: number; n: number };
    views: { p50: number; p95: number; n: number };
    viewCount: number;
    mermaidChars: number;
    errors: number;
}

/** Fewer iterations for the big maps, so the whole run stays within minutes. */
function iterations(size: number, small: number): number {
    if (size >= 10_000) return Math.max(2, Math.round(small / 8));
    if (size >= 1_000) return Math.max(5, Math.round(small / 2));
    return small;
}

/** A workspace of one in-memory document, opened as an editor would open it. */
export async function openDocument(text: string, name = 'bench.journey') {
    const services = createJourneyServices(EmptyFileSystem);
    const uri = URI.parse(`memory:/bench/${name}`);
    const textDocuments = services.shared.workspace.TextDocuments;
    let version = 1;
    textDocuments.set(TextDocument.create(uri.toString(), 'journey', version, text));
    const document = services.shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocuments.get(uri)!);
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    /** Replaces the text (as a didChange does) and rebuilds like the server does after an edit. */
    const edit = async (newText: string) => {
        textDocuments.set(TextDocument.create(uri.toString(), 'journey', ++version, newText));
        await services.shared.workspace.DocumentBuilder.update([uri], []);
    };
    const current = () => services.shared.workspace.LangiumDocuments.getDocument(uri) as LangiumDocument;
    return { services, uri, edit, current };
}

/** Measures one generated map of `size` touchpoints. */
export async function benchLanguageServer(size: number): Promise<LanguageServerResult> {
    const map = generateMap(size);
    const text = map.text;
    const parserServices = createJourneyServices(EmptyFileSystem).Journey;

    // The floor: the same grammar's Langium parser on the same text, nothing else.
    const warmups = size >= 10_000 ? 1 : 2;
    const floor = await measure(iterations(size, 20), () => parserServices.parser.LangiumParser.parse(text), warmups);

    // Cold build: a fresh workspace each time, the document parsed, linked and validated.
    const coldRuns = iterations(size, 10);
    const workspaces = Array.from({ length: coldRuns + 1 }, () => createJourneyServices(EmptyFileSystem));
    const coldBuild = await measure(coldRuns, async (index) => {
        const services = workspaces[index + 1];
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:/bench/cold.journey'));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    });

    // Rebuild after a one-line edit: an emotion score in the middle of the map changes.
    const opened = await openDocument(text);
    const lines = text.split('\n');
    const target = map.emotionLines[Math.floor(map.emotionLines.length / 2)];
    const rebuild = await measure(iterations(size, 20), async (index) => {
        const edited = [...lines];
        edited[target] = `      emotion ${1 + (Math.abs(index) % 5)}`;
        await opened.edit(edited.join('\n'));
    }, warmups);
    await opened.edit(text);
    const errors = (opened.current().diagnostics ?? []).filter((d) => d.severity === 1).length;

    // Completion at random positions of the built document.
    const random = seededRandom(size);
    const completionProvider = opened.services.Journey.lsp.CompletionProvider!;
    const completion = await measure(iterations(size, 60), async () => {
        const document = opened.current();
        const position = document.textDocument.positionAt(Math.floor(random() * text.length));
        await completionProvider.getCompletion(document, { textDocument: { uri: opened.uri.toString() }, position });
    }, 3);

    // The resolved model of the built document.
    const model = await measure(iterations(size, 20), () => buildJourneyModel(opened.current()), 2);

    // Every view of that model.
    const built = buildJourneyModel(opened.current())!;
    const views = await measure(iterations(size, 20), () => renderAllViews(built), 2);
    const rendered = renderAllViews(built);

    return {
        size,
        chars: text.length,
        lines: lines.length,
        floor: summary(floor),
        coldBuild: summary(coldBuild),
        rebuild: summary(rebuild),
        completion: summary(completion),
        model: summary(model),
        views: summary(views),
        viewCount: rendered.filter((view) => view.kind === 'diagram').length,
        mermaidChars: rendered.reduce((sum, view) => sum + (view.kind === 'diagram' ? view.mermaid.length : 0), 0),
        errors,
    };
}

/** Heap used by a workspace holding the built map of `size` touchpoints (after garbage collection). */
export async function benchHeap(size: number): Promise<{ size: number; heapBefore: number; heapAfter: number; rss: number }> {
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const opened = await openDocument(generateMap(size).text);
    collectGarbage();
    const usage = process.memoryUsage();
    // Keep the workspace alive until the measurement is taken.
    if (!opened.current()) throw new Error('the document vanished');
    return { size, heapBefore, heapAfter: usage.heapUsed, rss: usage.rss };
}

/** The real server process (`out/server.cjs --stdio`, through a real LSP client): its resident memory idle, and with the `size`-touchpoint map open and checked. */
export async function benchServerProcess(size: number): Promise<{ idle?: number; withMap?: number; diagnostics: number }> {
    const client = await LspClient.start();
    try {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const idle = client.residentMemory();
        const uri = 'file:///bench/memory.journey';
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text: generateMap(size).text } });
        const diagnostics = await client.waitForDiagnostics(uri, () => true, 300_000);
        // Let the server settle before reading its memory: after a big build it gives memory back once quiet for 1.5 s.
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        return { idle, withMap: client.residentMemory(), diagnostics: diagnostics.length };
    } finally {
        await client.stop();
    }
}

/**
 * Draws the map of one ```journey fence: its text is parsed, linked and validated in a
 * workspace of its own that holds the shared declarations (personas, channels and teams) of
 * the real workspace's files, so a fence resolves them as a `.journey` file would, without ever joining
 * the editor's workspace (no diagnostics published for it, no clash with the real maps, and
 * two fences showing the same map in two views do not see each other).
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { JourneyFile } from '../generated/ast.js';
import { createJourneyServices } from '../journey-module.js';
import { buildJourneyModel } from '../model/build-model.js';
import type { JourneyModel } from '../model/journey-model.js';
import { isViewId, VIEW_IDS, type ViewId, type ViewResult } from '../views/index.js';
import { pageView } from '../views/markdown-document.js';
import type { LinePosition } from './markdown-fences.js';

/** A diagnostic of a fence, in positions of the fence's content (0-based); severity 1 = error … 4 = hint. */
export interface FenceDiagnostic {
    message: string;
    severity: number;
    range: { start: LinePosition; end: LinePosition };
    code?: string;
}

/** What a fence draws: its view, or why it draws nothing (errors, an unknown view, no journey). */
export interface FenceViews {
    /** The view the info string names (the first of `VIEW_IDS` when it names none). */
    view: ViewId;
    /** The journey's label, when the fence holds a journey. */
    title?: string;
    /** The drawn view, laid out for GitHub's column (with its pieces when too wide for it); undefined when the fence has errors or names no known view. */
    result?: ViewResult;
    /** Every diagnostic of the fence's text (errors first). */
    diagnostics: FenceDiagnostic[];
    /** A problem that is not in the text: an unknown view in the info string, a fence without a journey. */
    problem?: string;
}

/** What a fence without a journey says. */
const NO_JOURNEY = 'This fence holds no journey: write `journey <id> "<label>" { … }` in it (shared personas, channels and teams belong in a .journey file).';

/** The view a fence's info string argument names, or a message saying it names none. */
function fenceView(argument: string): { view: ViewId; problem?: string } {
    const name = argument.split(/\s+/)[0] ?? '';
    if (name === '') return { view: VIEW_IDS[0] };
    if (isViewId(name)) return { view: name };
    return { view: VIEW_IDS[0], problem: `Unknown view '${name}' after \`journey\`: write one of ${VIEW_IDS.join(', ')} (or nothing for the ${VIEW_IDS[0]} view).` };
}

/** A workspace of shared declarations in which fences are built one at a time. */
export class FenceWorkspace {
    private readonly services = createJourneyServices(EmptyFileSystem);
    /** The text of every workspace file given, by URI. */
    private readonly files = new Map<string, string>();
    private queue: Promise<unknown> = Promise.resolve();
    private counter = 0;

    /**
     * Makes the workspace hold the shared declarations of `texts` (URI → text): the personas,
     * channels and teams at the top of each file. Journeys are left out (blanked, so positions
     * stay): a map file's journey id would otherwise clash with a fence that shows the same map.
     */
    setWorkspaceFiles(texts: ReadonlyMap<string, string>): Promise<void> {
        return this.serialized(() => this.sync(texts));
    }

    /** Builds a fence's text and draws the view its info string argument names. */
    viewsOf(content: string, baseUri: string, argument: string): Promise<FenceViews> {
        return this.withFence(content, baseUri, (document) => fenceViews(document, argument));
    }

    /** Builds a fence's text as a validated document of this workspace, hands it to `use`, then removes it. */
    private withFence<T>(content: string, baseUri: string, use: (document: LangiumDocument<JourneyFile>) => T): Promise<T> {
        return this.serialized(() => this.build(content, baseUri, use));
    }

    private serialized<T>(task: () => Promise<T>): Promise<T> {
        const result = this.queue.then(task, task);
        this.queue = result.catch(() => undefined);
        return result;
    }

    private async sync(texts: ReadonlyMap<string, string>): Promise<void> {
        const shared = this.services.shared.workspace;
        const removed = [...this.files.keys()].filter((uri) => texts.get(uri) !== this.files.get(uri));
        for (const uri of removed) this.files.delete(uri);
        if (removed.length > 0) await shared.DocumentBuilder.update([], removed.map((uri) => URI.parse(uri)));
        const added: LangiumDocument[] = [];
        for (const [uri, text] of texts) {
            if (this.files.has(uri)) continue;
            this.files.set(uri, text);
            const document = shared.LangiumDocumentFactory.fromString(this.withoutJourneys(text), URI.parse(uri));
            shared.LangiumDocuments.addDocument(document);
            added.push(document);
        }
        if (added.length > 0) await shared.DocumentBuilder.build(added, { validation: false });
    }

    /** The text with every journey replaced by spaces (line breaks kept): only the file's shared declarations remain. */
    private withoutJourneys(text: string): string {
        const root = this.services.Journey.parser.LangiumParser.parse<JourneyFile>(text).value;
        let result = text;
        for (const journey of root.journeys ?? []) {
            const node = journey.$cstNode;
            if (!node) continue;
            result = result.slice(0, node.offset) + result.slice(node.offset, node.end).replace(/[^\r\n]/g, ' ') + result.slice(node.end);
        }
        return result;
    }

    private async build<T>(content: string, baseUri: string, use: (document: LangiumDocument<JourneyFile>) => T): Promise<T> {
        const shared = this.services.shared.workspace;
        const base = URI.parse(baseUri);
        // A name of its own for each build: no cache of an earlier fence can answer for this one.
        const uri = base.with({ path: `${base.path}.fence-${++this.counter}.journey` });
        const document = shared.LangiumDocumentFactory.fromString<JourneyFile>(content, uri);
        shared.LangiumDocuments.addDocument(document);
        try {
            await shared.DocumentBuilder.build([document], { validation: true });
            return use(document);
        } finally {
            await shared.DocumentBuilder.update([], [uri]);
        }
    }
}

/** What a fence's validated document draws for its info string argument. */
function fenceViews(document: LangiumDocument<JourneyFile>, argument: string): FenceViews {
    const { view, problem } = fenceView(argument);
    const diagnostics: FenceDiagnostic[] = (document.diagnostics ?? []).map((d) => ({
        message: typeof d.message === 'string' ? d.message : d.message.value,
        severity: d.severity ?? 1,
        range: d.range,
        code: d.code === undefined ? undefined : String(d.code),
    })).sort((a, b) => a.severity - b.severity || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    const model: JourneyModel | undefined = buildJourneyModel(document);
    const title = model?.label;
    if (problem) return { view, title, diagnostics, problem };
    if (diagnostics.some((d) => d.severity === 1)) return { view, title, diagnostics };
    if (!model) return { view, diagnostics, problem: NO_JOURNEY };
    // Laid out for GitHub's column, as `journey render --format markdown` lays out a map's views.
    return { view, title, result: pageView(model, view), diagnostics };
}

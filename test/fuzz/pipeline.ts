/**
 * The whole path a `.journey` text takes, as one function the fuzz tests call on every input:
 * parse → link → validate → model → every view → formatter. It checks the invariants that hold
 * for any text whatsoever and returns what it saw, so a property can assert more.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { formatDocumentText } from '../../language-server/src/editor/journey-formatter.js';
import { createJourneyServices } from '../../language-server/src/journey-module.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel, SourceRange } from '../../language-server/src/model/journey-model.js';
import { renderAllViews, renderView, type ViewResult } from '../../language-server/src/views/index.js';

/** What the pipeline produced for one text. */
export interface PipelineResult {
    text: string;
    diagnostics: Diagnostic[];
    /** No error diagnostic (warnings allowed). */
    clean: boolean;
    /** No lexer or parser error. */
    parsed: boolean;
    model?: JourneyModel;
    views: ViewResult[];
    /** The canvas laid out for a 700-pixel preview pane (portrait when the map is wide). */
    narrowCanvas?: ViewResult;
    formatted: string;
}

/** One workspace reused for every case; each case gets its own document, removed afterwards. */
export class Pipeline {
    private readonly services = createJourneyServices(EmptyFileSystem);
    private counter = 0;

    /** Runs every stage on `text`; throws an Error naming the broken invariant. */
    async run(text: string): Promise<PipelineResult> {
        const { shared, Journey } = this.services;
        const uri = URI.parse(`memory:/fuzz/case-${++this.counter}.journey`);
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
        shared.workspace.LangiumDocuments.addDocument(document);
        try {
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            const diagnostics = document.diagnostics ?? [];
            for (const diagnostic of diagnostics) assertInside(document, diagnostic.range, `diagnostic "${messageText(diagnostic)}"`);
            const crash = diagnostics.find((d) => messageText(d).startsWith('An error occurred during'));
            if (crash) throw new Error(`a validation check crashed: ${messageText(crash)}`);
            const parsed = document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
            const model = buildJourneyModel(document);
            if (model) assertModelInside(document, model);
            const views = model ? renderAllViews(model) : [];
            const narrowCanvas = model ? renderView(model, 'canvas', { availableWidth: 700 }) : undefined;
            for (const view of narrowCanvas ? [...views, narrowCanvas] : views) {
                if (view.kind === 'diagram' && view.mermaid.trim() === '') throw new Error(`view ${view.view} is a diagram with no Mermaid text`);
                if (view.kind === 'empty' && view.message.trim() === '') throw new Error(`view ${view.view} is empty without saying what to add`);
            }
            const formatted = await formatDocumentText(Journey.lsp.Formatter!, document);
            if (!parsed && formatted !== text) throw new Error('the formatter changed a file with syntax errors');
            return { text, diagnostics, clean: !diagnostics.some((d) => d.severity === 1), parsed, model, views, narrowCanvas, formatted };
        } finally {
            await shared.workspace.DocumentBuilder.update([], [uri]);
        }
    }
}

/** A diagnostic's message as plain text. */
export function messageText(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** Throws unless `range` lies inside the document's text (LSP lines end at \n, \r\n or \r). */
function assertInside(document: LangiumDocument, range: SourceRange, what: string): void {
    const lines = document.textDocument.getText().split(/\r\n|\r|\n/);
    const check = (position: { line: number; character: number }, end: string) => {
        if (!Number.isInteger(position.line) || !Number.isInteger(position.character) || position.line < 0 || position.character < 0 || position.line >= lines.length) {
            throw new Error(`${what}: ${end} ${position.line}:${position.character} is outside the document (${lines.length} lines)`);
        }
        if (position.character > lines[position.line]!.length) {
            throw new Error(`${what}: ${end} ${position.line}:${position.character} is past the end of line ${position.line} (${lines[position.line]!.length} characters)`);
        }
    };
    check(range.start, 'start');
    check(range.end, 'end');
    if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) {
        throw new Error(`${what}: its range ends before it starts`);
    }
}

/** Throws unless every range of the model (of this document) lies inside the document. */
function assertModelInside(document: LangiumDocument, model: JourneyModel): void {
    const visit = (value: unknown, path: string): void => {
        if (Array.isArray(value)) {
            value.forEach((item, index) => visit(item, `${path}[${index}]`));
        } else if (value && typeof value === 'object') {
            for (const [key, child] of Object.entries(value)) {
                if (key === 'range' && child && typeof child === 'object' && !(child as SourceRange).uri) assertInside(document, child as SourceRange, `model ${path}`);
                else visit(child, `${path}.${key}`);
            }
        }
    };
    visit(model, 'journey');
}

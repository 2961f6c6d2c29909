/** Shared test helpers: real services over an in-memory workspace. */
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { createJourneyServices } from '../language-server/src/journey-module.js';
import type { JourneyFile } from '../language-server/src/generated/ast.js';

/** Fresh services with no file system: documents come from strings. */
export function createTestServices() {
    return createJourneyServices(EmptyFileSystem);
}

/** Parses, links and validates `text` as a document of a fresh (or given) workspace. */
export async function parseJourney(text: string, options: { services?: ReturnType<typeof createTestServices>; uri?: string } = {}): Promise<LangiumDocument<JourneyFile>> {
    const services = options.services ?? createTestServices();
    const parse = parseHelper<JourneyFile>(services.Journey);
    return parse(text, { validation: true, documentUri: options.uri });
}

// ---- validation helpers (validator tests) -------------------------------------------------
import { URI } from 'langium';
import { validationHelper, type ValidationResult } from 'langium/test';
import type { Diagnostic } from 'vscode-languageserver';

/** Validates `text` as one document (langium/test's `validationHelper`), in a fresh or given workspace. */
export async function validateJourney(text: string, options: { services?: ReturnType<typeof createTestServices>; uri?: string } = {}): Promise<ValidationResult<JourneyFile>> {
    const services = options.services ?? createTestServices();
    return validationHelper<JourneyFile>(services.Journey)(text, { documentUri: options.uri });
}

/** Builds several files as one workspace (parse, index, link, validate together) and returns each file's validation result by name. */
export async function validateWorkspace(files: Record<string, string>, services = createTestServices()): Promise<Record<string, ValidationResult<JourneyFile>>> {
    const workspace = services.shared.workspace;
    const documents = Object.entries(files).map(([name, text]) => {
        const document = workspace.LangiumDocumentFactory.fromString<JourneyFile>(text, URI.parse(`file:///workspace/${name}`));
        workspace.LangiumDocuments.addDocument(document);
        return [name, document] as const;
    });
    await workspace.DocumentBuilder.build(documents.map(([, document]) => document), { validation: true });
    return Object.fromEntries(documents.map(([name, document]) => [name, {
        document,
        diagnostics: document.diagnostics ?? [],
        dispose: async () => undefined,
    }]));
}

/** Where the `occurrence`-th (1-based) `needle` is in `text`, as `{ offset, length }` for `expectError`/`expectWarning`. */
export function locate(text: string, needle: string, occurrence = 1): { offset: number; length: number } {
    let offset = -1;
    for (let found = 0; found < occurrence; found++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence} times`);
    }
    return { offset, length: needle.length };
}

/** The diagnostics of a result as `code: message` lines, for exact comparisons. */
export function issuesOf(result: { diagnostics: Diagnostic[] }): string[] {
    return result.diagnostics.map((diagnostic) => `${diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code}: ${diagnostic.message}`);
}

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

/**
 * Keeps workspace-wide diagnostics fresh. Langium rebuilds a changed file and the files that
 * refer to it; but "persona 'alex' is also declared in people.journey", "this persona hides
 * the shared one", "shared persona 'sam' is not used by any map" and "another journey has
 * the id 'booking'" can change in a file that refers to nothing in the changed one.
 * After each change, this also revalidates (without re-parsing or relinking):
 * - every file with shared declarations (such files are small), and
 * - every file that declares an id the changed files declared before or declare now.
 */
import { DocumentState, type LangiumDocument, type URI } from 'langium';
import type { JourneyFile } from '../generated/ast.js';
import type { LangiumSharedServices } from 'langium/lsp';

/** The ids a file declares that other files can collide with: journeys, shared and journey-local personas, channels and teams. */
export function declaredIds(file: JourneyFile): Set<string> {
    const ids = new Set<string>();
    const add = (node: { name?: string }) => node.name && ids.add(node.name);
    [...file.journeys, ...file.personas, ...file.channels, ...file.teams].forEach(add);
    for (const journey of file.journeys) [...journey.personas, ...journey.channels, ...journey.teams].forEach(add);
    return ids;
}

/** Declarations in raw text (before it is parsed): an over-approximation, used only to choose files to revalidate. */
const DECLARATION = /\b(?:journey|persona|channel|team)\s+([_a-zA-Z](?:[\w-]*\w)?)/g;

/** Registers the revalidation of dependent files after each change of the workspace. */
export function registerWorkspaceRevalidation(shared: LangiumSharedServices): void {
    const workspace = shared.workspace;
    const builder = workspace.DocumentBuilder;
    const documents = workspace.LangiumDocuments;
    /**
     * Ids declared by each file when it was last indexed. Not at its last validation: a file
     * that left the workspace before its first check (a big map still being checked when it
     * became unreadable) took its ids along, and a map that clashed with it kept the clash.
     * (Not at its parse either: files read at startup are parsed as they are loaded, before
     * the build, which reports no `Parsed` phase for them.)
     */
    const declared = new Map<string, Set<string>>();

    builder.onDocumentPhase(DocumentState.IndexedContent, (document) => {
        declared.set(document.uri.toString(), declaredIds(document.parseResult.value as JourneyFile));
    });

    builder.onUpdate((changed: URI[], deleted: URI[]) => {
        // `build(documents)` notifies too, but rebuilds only its own documents: leave the others alone then.
        // `update(changed)` has reset every changed document to `Changed` before it notifies.
        const isUpdate = deleted.length > 0 || changed.every((uri) => (documents.getDocument(uri)?.state ?? DocumentState.Changed) === DocumentState.Changed);
        if (!isUpdate) return;
        const touched = new Set<string>();
        const changedKeys = new Set<string>();
        for (const uri of [...changed, ...deleted]) {
            const key = uri.toString();
            changedKeys.add(key);
            declared.get(key)?.forEach((id) => touched.add(id));
            const text = workspace.TextDocuments?.get(key)?.getText() ?? documents.getDocument(uri)?.textDocument.getText();
            for (const match of text?.matchAll(DECLARATION) ?? []) touched.add(match[1]);
        }
        deleted.forEach((uri) => declared.delete(uri.toString()));
        for (const document of documents.all) {
            if (changedKeys.has(document.uri.toString()) || document.state < DocumentState.Validated) continue;
            if (hasSharedDeclarations(document) || intersects(declared.get(document.uri.toString()), touched)) {
                builder.resetToState(document, DocumentState.IndexedReferences);
            }
        }
    });
}

/**
 * True when the workspace-wide checks of `document` may change with files that declare `ids`:
 * it declares one of them (a duplicate id), or it has shared declarations (used or hidden anywhere).
 */
export function checksDependOn(document: LangiumDocument, ids: Set<string>): boolean {
    return hasSharedDeclarations(document) || intersects(declaredIds(document.parseResult.value as JourneyFile), ids);
}

function hasSharedDeclarations(document: LangiumDocument): boolean {
    const file = document.parseResult.value as JourneyFile;
    return file.personas.length + file.channels.length + file.teams.length > 0;
}

function intersects(ids: Set<string> | undefined, touched: Set<string>): boolean {
    if (!ids) return false;
    for (const id of ids) if (touched.has(id)) return true;
    return false;
}

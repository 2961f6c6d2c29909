/**
 * The order in which a change is built, so that other files keep answering while a big map is
 * checked. Langium builds every changed document phase by phase, all of them together: a
 * completion in a small map waited until a 3 MB map open beside it was parsed and linked.
 * Here the small documents of a build are built first, to the end, then the big ones; small
 * maps that could not link a name are linked again once the big ones are indexed (a big file
 * may declare what they use).
 */
import { DefaultDocumentBuilder, DocumentState, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { CancellationToken } from 'vscode-jsonrpc';

/** A document longer than this (characters) is built after the others of the same change. */
export const BIG_DOCUMENT = 200_000;

/** The open documents of the editor, when there is one (the CLI has none). */
interface OpenDocuments {
    get(uri: string): { getText(): string } | undefined;
}

export class JourneyDocumentBuilder extends DefaultDocumentBuilder {
    protected readonly openDocuments: () => OpenDocuments | undefined;

    constructor(services: LangiumSharedCoreServices & { workspace: { TextDocuments?: OpenDocuments } }) {
        super(services);
        this.openDocuments = () => services.workspace.TextDocuments;
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: CancellationToken): Promise<void> {
        const big = documents.filter((document) => document.state < DocumentState.Validated && this.lengthOf(document) > BIG_DOCUMENT);
        if (big.length === 0 || big.length === documents.length) return super.buildDocuments(documents, options, cancelToken);
        const small = documents.filter((document) => !big.includes(document));
        await super.buildDocuments(small, options, cancelToken);
        // The workspace is not built yet: requests about the big documents wait for them (instead of failing).
        this.currentState = Math.min(...big.map((document) => document.state));
        await super.buildDocuments(big, options, cancelToken);
        const unlinked = small.filter((document) => document.references.some((reference) => reference.error !== undefined));
        if (unlinked.length === 0) return;
        unlinked.forEach((document) => this.resetToState(document, DocumentState.ComputedScopes));
        await super.buildDocuments(unlinked, options, cancelToken);
    }

    /** The length of the document's newest text, as far as it is known without reading a file. */
    protected lengthOf(document: LangiumDocument): number {
        const open = this.openDocuments()?.get(document.uri.toString());
        if (open) return open.getText().length;
        return document.parseResult?.value?.$cstNode?.root.fullText.length ?? 0;
    }
}

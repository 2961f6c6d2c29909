/**
 * The index of the workspace, built for typing in big maps: nothing is computed on an edit
 * that no request needs yet.
 * - The reference index (who refers to what, for find references and rename) is computed for
 *   a document the first time a request asks for it, not after every keystroke: on a map of
 *   1,000 touchpoints it took as long as a third of the parse, on every edit.
 *   Whether a document depends on changed files is read straight from its linked references.
 * - A description of a named element (what scopes and the index hold) computes its path in
 *   the tree and its range when first read: linking never reads them.
 */
import {
    AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, DefaultIndexManager, DocumentState,
    type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument, type ReferenceDescription,
    type ReferenceDescriptionProvider, type ReferenceInfo, type Stream, type URI,
} from 'langium';
import type { CancellationToken } from 'vscode-jsonrpc';

/** The part of Langium's reference-description provider used here (public in its default implementation). */
interface InfoDescriptions {
    createInfoDescriptions(info: ReferenceInfo): ReferenceDescription[];
}

export class JourneyIndexManager extends DefaultIndexManager {
    /** Documents whose references are linked but not yet described in the reference index. */
    protected readonly undescribed = new Map<string, LangiumDocument>();

    /** Remembers the document; its references are described when first asked for. */
    override async updateReferences(document: LangiumDocument, _cancelToken?: CancellationToken): Promise<void> {
        const key = document.uri.toString();
        this.referenceIndex.delete(key);
        this.undescribed.set(key, document);
    }

    override removeReferences(uri: URI): void {
        this.undescribed.delete(uri.toString());
        super.removeReferences(uri);
    }

    override findAllReferences(targetNode: AstNode, astNodePath: string): Stream<ReferenceDescription> {
        this.describePending();
        return super.findAllReferences(targetNode, astNodePath);
    }

    /** True when the document refers to an element of one of the changed files (read from its linked references). */
    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const own = document.uri.toString();
        if (!this.undescribed.has(own) && !this.referenceIndex.has(own)) return false;
        return document.references.some((reference) => {
            const target = (reference as { $nodeDescription?: AstNodeDescription }).$nodeDescription?.documentUri.toString();
            return target !== undefined && target !== own && changedUris.has(target);
        });
    }

    /** Describes the references of every document that was linked since it was last asked. */
    protected describePending(): void {
        for (const [key, document] of this.undescribed) {
            this.undescribed.delete(key);
            if (document.state < DocumentState.IndexedReferences) continue;
            const provider = this.serviceRegistry.getServices(document.uri).workspace.ReferenceDescriptionProvider as ReferenceDescriptionProvider & Partial<InfoDescriptions>;
            if (!provider.createInfoDescriptions) throw new Error('The reference descriptions of a document cannot be computed on demand.');
            const descriptions: ReferenceDescription[] = [];
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                AstUtils.streamReferences(node).forEach((info) => {
                    if (!info.reference.error) descriptions.push(...provider.createInfoDescriptions!(info));
                });
            }
            this.referenceIndex.set(key, descriptions);
        }
    }
}

/** Descriptions whose path and range are computed when first read. */
export class JourneyAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const documentUri = (document ?? AstUtils.getDocument(node)).uri;
        name ??= this.nameProvider.getName(node);
        if (!name) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        const locator = this.astNodeLocator;
        const nameProvider = this.nameProvider;
        let path: string | undefined;
        let nameSegment: DocumentSegment | undefined;
        let selectionSegment: DocumentSegment | undefined;
        return {
            node,
            name,
            type: node.$type,
            documentUri,
            get path() {
                return (path ??= locator.getAstNodePath(node));
            },
            get nameSegment() {
                return (nameSegment ??= CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode));
            },
            get selectionSegment() {
                return (selectionSegment ??= CstUtils.toDocumentSegment(node.$cstNode));
            },
        };
    }
}

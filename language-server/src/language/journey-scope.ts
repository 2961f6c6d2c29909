/**
 * Scoping of the .journey language.
 *
 * - Personas, channels and teams declared at the top of a file are exported to the whole
 *   workspace (Langium's default: the root's direct children are exported).
 * - Everything named inside a journey is visible in the whole journey, so `next` and
 *   decision branches can point to a touchpoint of another stage.
 */
import {
    AstUtils, DefaultScopeComputation, DefaultScopeProvider, DocumentState, MultiMap, MultiMapScope, WorkspaceCache,
    type AstNode, type AstNodeDescription, type LangiumCoreServices, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope,
} from 'langium';
import type { CancellationToken } from 'vscode-jsonrpc';
import { forEachNode, treeNodes } from './journey-ast-walk.js';
import { isJourney, type JourneyFile } from '../generated/ast.js';

export class JourneyScopeComputation extends DefaultScopeComputation {
    /** Langium's walk over every node, with a faster iteration (journey-ast-walk.ts). */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken?: CancellationToken): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        await forEachNode(treeNodes(document.parseResult.value), cancelToken, (node) => this.addLocalSymbol(node, document, symbols), 1);
        return symbols;
    }

    /** Makes a named node visible in its whole journey, or (outside a journey) in its container. */
    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const name = this.nameProvider.getName(node);
        if (!name || !node.$container) {
            return;
        }
        const journey = isJourney(node) ? undefined : AstUtils.getContainerOfType(node.$container, isJourney);
        symbols.add(journey ?? node.$container, this.descriptions.createDescription(node, name, document));
    }
}

/**
 * Scopes with map lookups instead of Langium's default linear search, so linking stays
 * linear in the size of a map. Inside a journey the chain is: the journey's elements, then
 * the file's top-level declarations, then the workspace's shared declarations. Scopes are
 * cached until anything in the workspace changes (a shared file edit must relink every map) or
 * new declarations are indexed.
 */
export class JourneyScopeProvider extends DefaultScopeProvider {
    private readonly scopes: WorkspaceCache<string, Scope>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.scopes = new WorkspaceCache(services.shared);
        // A build in several steps (small maps first, see journey-document-builder.ts) indexes new
        // declarations without an update: the scopes are computed again after each indexing.
        services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.IndexedContent, () => {
            this.scopes.clear();
            this.globalScopeCache.clear();
        });
    }

    /**
     * The workspace's declarations, files in the order of their paths: when two files declare the
     * same shared name (an error of its own), references resolve to the same one whatever order
     * the files were built in (Langium's index keeps the order of the last builds).
     */
    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        return this.globalScopeCache.get(referenceType, () => new MultiMapScope(
            this.indexManager.allElements(referenceType).toArray().sort((a, b) => compareUris(a.documentUri.toString(), b.documentUri.toString())),
        ));
    }

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const document = AstUtils.getDocument(context.container);
        const root = document.parseResult.value as JourneyFile;
        const journey = AstUtils.getContainerOfType(context.container, isJourney);
        const key = `${document.uri.toString()}|${referenceType}|${journey ? root.journeys.indexOf(journey) : -1}`;
        return this.scopes.get(key, () => {
            const ofType = (owner: AstNode) =>
                (document.localSymbols?.getStream(owner) ?? []).filter((description) => this.reflection.isSubtype(description.type, referenceType));
            const fileScope = new MultiMapScope(ofType(root), this.getGlobalScope(referenceType, context));
            return journey ? new MultiMapScope(ofType(journey), fileScope) : fileScope;
        });
    }
}

function compareUris(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

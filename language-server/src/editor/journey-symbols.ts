/**
 * Symbols of the .journey language: the outline of a file (journey › stages › touchpoints and
 * decisions, with labels as details), workspace symbols for every element of every map (not
 * only the shared ones), and the icons each kind of element gets.
 */
import { AstUtils, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LangiumDocuments, type NameProvider } from 'langium';
import {
    DefaultDocumentSymbolProvider, DefaultNodeKindProvider, type FuzzyMatcher, type LangiumSharedServices, type NodeKindProvider, type WorkspaceSymbolProvider,
} from 'langium/lsp';
import { CompletionItemKind, SymbolKind, type DocumentSymbol, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { isJourney, isStage } from '../generated/ast.js';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Journey: SymbolKind.Module,
    Persona: SymbolKind.Class,
    Channel: SymbolKind.Interface,
    Team: SymbolKind.Struct,
    Stage: SymbolKind.Package,
    Kpi: SymbolKind.Number,
    Touchpoint: SymbolKind.Event,
    Decision: SymbolKind.Enum,
    Outcome: SymbolKind.Constant,
    Action: SymbolKind.Function,
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Journey: CompletionItemKind.Module,
    Persona: CompletionItemKind.Class,
    Channel: CompletionItemKind.Interface,
    Team: CompletionItemKind.Struct,
    Stage: CompletionItemKind.Module,
    Kpi: CompletionItemKind.Value,
    Touchpoint: CompletionItemKind.Event,
    Decision: CompletionItemKind.Enum,
    Outcome: CompletionItemKind.Constant,
    Action: CompletionItemKind.Function,
};

/** The icon of each kind of element in outlines, symbol searches and completion lists. */
export class JourneyNodeKindProvider extends DefaultNodeKindProvider implements NodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

/** The outline: every named element, nested as written, with its label as detail. */
export class JourneyDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const label = labelOf(astNode);
        return label ? { ...symbol, detail: label } : symbol;
    }
}

/** Workspace symbols: every named element of every .journey file, found by id or label. */
export class JourneyWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    protected readonly documents: LangiumDocuments;
    protected readonly fuzzyMatcher: FuzzyMatcher;
    protected readonly nodeKinds: NodeKindProvider;
    protected readonly services: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        this.services = services;
        this.documents = services.workspace.LangiumDocuments;
        this.fuzzyMatcher = services.lsp.FuzzyMatcher;
        this.nodeKinds = services.lsp.NodeKindProvider;
    }

    /** The symbols whose id or label matches the query (fuzzily, as editors expect). */
    getSymbols(params: WorkspaceSymbolParams): WorkspaceSymbol[] {
        const query = params.query.toLowerCase();
        const symbols: WorkspaceSymbol[] = [];
        for (const document of this.documents.all) {
            const names = this.nameProviderOf(document);
            if (!names) continue;
            for (const node of AstUtils.streamAllContents(document.parseResult.value)) {
                const name = names.getName(node);
                const nameNode = names.getNameNode(node);
                if (!name || !nameNode) continue;
                const label = labelOf(node);
                if (!this.matches(query, name) && !(label && this.matches(query, label))) continue;
                symbols.push({
                    name: label ? `${name} — ${label}` : name,
                    kind: this.nodeKinds.getSymbolKind(node),
                    containerName: containerOf(node, names),
                    location: { uri: document.uri.toString(), range: nameNode.range },
                });
            }
        }
        return symbols;
    }

    /** Fuzzy on the id or label, or the query anywhere in the label (`parent` finds "Alex, working parent"). */
    protected matches(query: string, text: string): boolean {
        return this.fuzzyMatcher.match(query, text) || text.toLowerCase().includes(query);
    }

    protected nameProviderOf(document: LangiumDocument): NameProvider | undefined {
        try {
            return this.services.ServiceRegistry.getServices(document.uri).references.NameProvider;
        } catch {
            return undefined;
        }
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return 'type' in node && typeof node.type === 'string' ? node.type : (node as AstNode).$type;
}

function labelOf(node: AstNode): string | undefined {
    const label = (node as { label?: unknown }).label;
    return typeof label === 'string' && label.trim() ? label : undefined;
}

/** `booking › awareness`: where an element lives. */
function containerOf(node: AstNode, names: NameProvider): string | undefined {
    const parts: string[] = [];
    const journey = AstUtils.getContainerOfType(node.$container, isJourney);
    const stage = AstUtils.getContainerOfType(node.$container, isStage);
    if (journey) parts.push(names.getName(journey) ?? '');
    if (stage) parts.push(names.getName(stage) ?? '');
    return parts.length ? parts.join(' › ') : undefined;
}

/**
 * Rename of any element (persona, channel, team, stage, touchpoint, decision, outcome, kpi,
 * action, journey) and all its references, across the files of the workspace. Labels are never
 * touched. A name that is not an id, is a keyword, or is already taken is refused with a message
 * that says why and what to do.
 */
import { AstUtils, CstUtils, GrammarAST, type AstNode, type IndexManager, type LangiumDocument, type NameProvider } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ResponseError, ErrorCodes, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-jsonrpc';
import { isJourney, JourneyTerminals } from '../generated/ast.js';

/** Words that the grammar uses as keywords and that the `Id` rule does not accept as names. */
function reservedWords(services: LangiumServices): Set<string> {
    const grammar = services.Grammar;
    const all = new Set<string>();
    const allowed = new Set<string>();
    for (const rule of grammar.rules) {
        for (const node of AstUtils.streamAllContents(rule)) {
            if (GrammarAST.isKeyword(node)) (rule.name === 'Id' ? allowed : all).add(node.value);
        }
    }
    return new Set([...all].filter((word) => !allowed.has(word) && /^\w/.test(word)));
}

const ID = new RegExp(`^(?:${JourneyTerminals.ID.source})$`);

export class JourneyRenameProvider extends DefaultRenameProvider {
    protected readonly indexManager: IndexManager;
    protected readonly names: NameProvider;
    protected readonly reserved: Set<string>;

    constructor(services: LangiumServices) {
        super(services);
        this.indexManager = services.shared.workspace.IndexManager;
        this.names = services.references.NameProvider;
        this.reserved = reservedWords(services);
    }

    /** Renames after checking the new name; a refused name is answered with an error whose message explains why. */
    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params);
        if (!target) return undefined;
        const oldName = this.names.getName(target);
        if (oldName === params.newName) return { changes: {} };
        const problem = this.checkNewName(target, params.newName);
        if (problem) {
            throw new ResponseError(ErrorCodes.InvalidParams, problem);
        }
        return super.rename(document, params, cancelToken);
    }

    /** Why `newName` cannot be the name of `target`, or undefined when it can. */
    checkNewName(target: AstNode, newName: string): string | undefined {
        const kind = target.$type.toLowerCase();
        if (!ID.test(newName)) {
            return `"${newName}" cannot be an id: use letters, digits, _ and - (not at the end), starting with a letter or _, such as ${suggestion(newName)}. To change the text people read, edit the label instead.`;
        }
        if (this.reserved.has(newName)) {
            return `"${newName}" is a keyword of the .journey language and cannot be an id. Try ${newName}_${kind} or another word.`;
        }
        const clash = this.findClash(target, newName);
        if (clash) {
            return `Cannot rename to "${newName}": ${clash}. Choose another id.`;
        }
        return undefined;
    }

    protected targetAt(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** What already uses `name` where `target` is visible, in the same set of ids (as the validator counts duplicates), described for people. */
    protected findClash(target: AstNode, name: string): string | undefined {
        const ids = idSetOf(target.$type);
        const journey = isJourney(target) ? undefined : AstUtils.getContainerOfType(target, isJourney);
        if (journey) {
            for (const node of AstUtils.streamAllContents(journey)) {
                if (node !== target && idSetOf(node.$type) === ids && this.names.getName(node) === name) {
                    return `${article(node.$type)} ${node.$type.toLowerCase()} of this journey is already called "${name}"`;
                }
            }
        }
        for (const description of this.indexManager.allElements()) {
            if (description.name === name && description.node !== target && idSetOf(description.type) === ids) {
                const where = description.documentUri.path.split('/').pop();
                return description.type === 'Journey'
                    ? `the journey of ${where} is already called "${name}"`
                    : `${article(description.type)} ${description.type.toLowerCase()} shared by ${where} is already called "${name}"`;
            }
        }
        if (!journey && !isJourney(target)) {
            // A shared element must not clash with what a journey of the workspace declares with the same kind.
            for (const document of this.indexManager.allElements('Journey')) {
                const other = document.node;
                if (!other) continue;
                for (const node of AstUtils.streamAllContents(other)) {
                    if (node.$type === target.$type && this.names.getName(node) === name) {
                        return `${article(node.$type)} ${node.$type.toLowerCase()} of journey "${this.names.getName(other)}" is already called "${name}"`;
                    }
                }
            }
        }
        return undefined;
    }
}

/** The set of ids an element's id belongs to: stages, touchpoints, decisions and outcomes share one (links must know where they go); every other kind has its own. */
function idSetOf(type: string): string {
    return type === 'Stage' || type === 'Touchpoint' || type === 'Decision' || type === 'Outcome' ? 'path' : type;
}

function article(type: string): string {
    return /^[aeiou]/i.test(type) ? 'An' : 'A';
}

/** A nearby valid id for a refused name: `Calls for a quote` → `calls_for_a_quote`. */
function suggestion(name: string): string {
    const id = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\w-]+/g, '_').replace(/^[^a-z_]+|[_-]+$/g, '');
    return id && ID.test(id) ? id : 'new_name';
}

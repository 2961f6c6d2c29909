/**
 * Semantic tokens: ids, references and labels get the standard token types of LSP, so every
 * theme colours a persona, a channel or a touchpoint the same way wherever it is written.
 * Declarations carry the `declaration` modifier; shared declarations also `static`.
 */
import { AstUtils, type AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAction, isBranch, isEmotion, isExpected, isJourney, isKpi, isTouchpoint,
} from '../generated/ast.js';

/** The token type of each kind of element, for its id and for references to it. */
export const TOKEN_TYPES: Record<string, string> = {
    Journey: SemanticTokenTypes.namespace,
    Persona: SemanticTokenTypes.class,
    Channel: SemanticTokenTypes.interface,
    Team: SemanticTokenTypes.struct,
    Stage: SemanticTokenTypes.namespace,
    // Touchpoints and KPIs take types that VS Code's default themes colour apart from plain
    // text and from unresolved references (`event` and `property` look like either there).
    Kpi: SemanticTokenTypes.enumMember,
    Touchpoint: SemanticTokenTypes.function,
    Decision: SemanticTokenTypes.enum,
    Outcome: SemanticTokenTypes.enumMember,
    Action: SemanticTokenTypes.function,
};

export class JourneySemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const type = TOKEN_TYPES[node.$type];
        const named = node as AstNode & { name?: unknown; label?: unknown };
        if (type && typeof named.name === 'string') {
            const shared = !isJourney(node) && !AstUtils.getContainerOfType(node, isJourney);
            const modifier = shared ? [SemanticTokenModifiers.declaration, SemanticTokenModifiers.static] : [SemanticTokenModifiers.declaration];
            acceptor({ node, property: 'name' as never, type, modifier });
        }
        if (typeof named.label === 'string') {
            acceptor({ node, property: 'label' as never, type: SemanticTokenTypes.string });
        }
        if (isTouchpoint(node)) {
            this.references(node, 'personas', node.personas, acceptor);
            this.references(node, 'channels', node.channels, acceptor);
            this.references(node, 'owners', node.owners, acceptor);
            node.next.forEach((ref, index) => this.reference(node, 'next', index, ref.ref?.$type, acceptor));
            node.reaches.forEach((_r, index) => acceptor({ node, property: 'reaches', index, type: SemanticTokenTypes.number }));
        } else if (isEmotion(node) || isExpected(node)) {
            acceptor({ node, property: 'score', type: SemanticTokenTypes.number });
            if (node.persona) this.reference(node, 'persona', undefined, node.persona.ref?.$type, acceptor);
        } else if (isBranch(node)) {
            this.reference(node, 'target', undefined, node.target?.ref?.$type, acceptor);
        } else if (isAction(node)) {
            this.references(node, 'improves', node.improves, acceptor);
            this.references(node, 'owners', node.owners, acceptor);
            node.impacts.forEach((_v, index) => acceptor({ node, property: 'impacts', index, type: SemanticTokenTypes.number }));
            node.efforts.forEach((_v, index) => acceptor({ node, property: 'efforts', index, type: SemanticTokenTypes.number }));
        } else if (isKpi(node) && node.target !== undefined) {
            acceptor({ node, property: 'target', type: SemanticTokenTypes.number });
        }
    }

    /** Each reference of a list takes the colour of what it resolves to. */
    private references(node: AstNode, property: string, references: ReadonlyArray<{ ref?: AstNode }>, acceptor: SemanticTokenAcceptor): void {
        references.forEach((reference, index) => this.reference(node, property, index, reference.ref?.$type, acceptor));
    }

    /** A reference takes the colour of what it names; an unresolved one is a plain variable, never the type it should have. */
    private reference(node: AstNode, property: string, index: number | undefined, targetType: string | undefined, acceptor: SemanticTokenAcceptor): void {
        const type = (targetType && TOKEN_TYPES[targetType]) || SemanticTokenTypes.variable;
        acceptor({ node, property: property as never, index, type });
    }
}

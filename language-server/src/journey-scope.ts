/**
 * Scoping of the .journey language.
 *
 * - Personas, channels and teams declared at the top of a file are exported to the whole
 *   workspace (Langium's default: the root's direct children are exported).
 * - Everything named inside a journey is visible in the whole journey, so `next` and
 *   decision branches can point to a touchpoint of another stage.
 */
import { AstUtils, DefaultScopeComputation, type AstNode, type AstNodeDescription, type LangiumDocument, type MultiMap } from 'langium';
import { isJourney } from './generated/ast.js';

export class JourneyScopeComputation extends DefaultScopeComputation {
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

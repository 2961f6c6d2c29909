/**
 * Inlay hints: the face of an emotion or expected score (`emotion 1 😡`), and the label after a
 * reference id (`persona alex  Alex, working parent`), so a map reads without hovering.
 */
import { GrammarUtils, type AstNode, type Reference } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import { isAction, isBranch, isEmotion, isExpected, isTouchpoint } from '../generated/ast.js';
import { emotionLevel } from '../language/journey-emotions.js';

export class JourneyInlayHintProvider extends AbstractInlayHintProvider {
    override computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (isEmotion(node) || isExpected(node)) {
            const level = emotionLevel(node.score);
            const score = GrammarUtils.findNodeForProperty(node.$cstNode, 'score');
            if (level && score) {
                acceptor({ position: score.range.end, label: level.face, paddingLeft: true, tooltip: `${level.score} = ${level.meaning}` });
            }
            if (node.persona) this.labelAfter(node, 'persona', node.persona, acceptor);
        } else if (isTouchpoint(node)) {
            for (const property of ['personas', 'channels', 'owners', 'next'] as const) {
                node[property].forEach((ref: Reference, index: number) => this.labelAfter(node, property, ref, acceptor, index));
            }
        } else if (isAction(node)) {
            node.improves.forEach((ref, index) => this.labelAfter(node, 'improves', ref, acceptor, index));
            node.owners.forEach((ref, index) => this.labelAfter(node, 'owners', ref, acceptor, index));
        } else if (isBranch(node) && !node.label && node.target) {
            this.labelAfter(node, 'target', node.target, acceptor);
        }
    }

    /** The label of the element a reference names, after the id (nothing when it has no label). */
    private labelAfter(node: AstNode, property: string, reference: Reference, acceptor: InlayHintAcceptor, index?: number): void {
        const label = (reference.ref as { label?: unknown } | undefined)?.label;
        const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property, index);
        if (typeof label !== 'string' || !label.trim() || !cst || label === reference.$refText) return;
        acceptor({ position: cst.range.end, label, paddingLeft: true, kind: InlayHintKind.Type });
    }
}

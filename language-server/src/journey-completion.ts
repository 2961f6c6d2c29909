/**
 * Completion: the keywords valid at the cursor (with their grammar documentation), snippets for
 * the facts of a touchpoint and for new elements, references with their labels (from this file
 * and the workspace's shared files), and the 1..5 scales with their meaning. Nothing is offered
 * inside a label or a comment.
 */
import { AstUtils, GrammarAST, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature,
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-jsonrpc';
import type { LangiumDocument } from 'langium';
import { isJourney } from './generated/ast.js';
import { describeElement } from './journey-hover.js';
import { EMOTION_SCALE, IMPACT_EFFORT_SCALE } from './journey-emotions.js';
import { keywordDocumentation } from './journey-keyword-docs.js';

/** Snippets for keywords, by `<rule of the keyword>:<keyword>`; `${n|…|}` is a choice. */
const SNIPPETS: Record<string, string> = {
    'Journey:journey': 'journey ${1:id} "${2:Label}" {\n\tstate ${3|current,future|}\n\t$0\n}',
    'Persona:persona': 'persona ${1:id} "${2:Label}" {\n\tgoal "$3"\n\tneed "$4"\n\tfrustration "$5"\n}',
    'Stage:stage': 'stage ${1:id} "${2:Label}" {\n\t$0\n}',
    'Touchpoint:touchpoint': 'touchpoint ${1:id} "${2:Label}" {\n\t$0\n}',
    'Decision:decision': 'decision ${1:id} "${2:Question?}" {\n\t"${3:Answer}" -> ${4:target}\n}',
    'Action:action': 'action ${1:id} "${2:Label}" {\n\timproves $3\n\timpact ${4|1,2,3,4,5|}\n\teffort ${5|1,2,3,4,5|}\n}',
    'Channel:channel': 'channel ${1:id} "${2:Label}" ${3|online,offline|}',
    'Team:team': 'team ${1:id} "${2:Label}"',
    'Outcome:outcome': 'outcome ${1:id} "${2:Label}"',
    'Kpi:kpi': 'kpi ${1:id} "${2:Label}" target ${3:100}',
    'Emotion:emotion': 'emotion ${1|1,2,3,4,5|}',
    'Expected:expected': 'expected ${1|1,2,3,4,5|}',
    'MomentOfTruth:moment': 'moment of truth',
    'Touchpoint:pain': 'pain "$1"',
    'Touchpoint:gain': 'gain "$1"',
    'Touchpoint:opportunity': 'opportunity "$1"',
    'Touchpoint:backstage': 'backstage "$1"',
    'Touchpoint:description': 'description "$1"',
    'Touchpoint:reach': 'reach ${1:1000}',
    'Persona:goal': 'goal "$1"',
    'Persona:need': 'need "$1"',
    'Persona:frustration': 'frustration "$1"',
    'Action:impact': 'impact ${1|1,2,3,4,5|}',
    'Action:effort': 'effort ${1|1,2,3,4,5|}',
};

/** Facts written at most once, by `<rule>:<keyword>`: the element that holds them and its property. Not offered again when already there. */
const ONCE: Record<string, [owner: string, property: string]> = {
    'Journey:state': ['Journey', 'states'],
    'Journey:description': ['Journey', 'descriptions'],
    'Persona:description': ['Persona', 'descriptions'],
    'Stage:description': ['Stage', 'descriptions'],
    'Touchpoint:description': ['Touchpoint', 'descriptions'],
    'Touchpoint:owner': ['Touchpoint', 'owners'],
    'Touchpoint:reach': ['Touchpoint', 'reaches'],
    'MomentOfTruth:moment': ['Touchpoint', 'momentsOfTruth'],
    'Action:description': ['Action', 'descriptions'],
    'Action:owner': ['Action', 'owners'],
    'Action:impact': ['Action', 'impacts'],
    'Action:effort': ['Action', 'efforts'],
};

/** What a kind of element is called in completion details. */
const KIND_NAMES: Record<string, string> = {
    Persona: 'persona', Channel: 'channel', Team: 'team', Touchpoint: 'touchpoint', Decision: 'decision',
    Outcome: 'outcome', Stage: 'stage', Journey: 'journey', Kpi: 'kpi', Action: 'action',
};

export class JourneyCompletionProvider extends DefaultCompletionProvider {
    /** No completion inside labels and comments. */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const offset = document.textDocument.offsetAt(params.position);
        if (isInsideLabelOrComment(document.textDocument.getText(), offset)) {
            return undefined;
        }
        return super.getCompletion(document, params, cancelToken);
    }

    /** One item per name and kind: a journey's own persona hides a shared one with the same id, as in linking. */
    protected override deduplicateItems(items: CompletionItem[]): CompletionItem[] {
        const seen = new Set<string>();
        return items.filter((item) => {
            const key = `${item.kind}|${item.label}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
        });
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const scale = scaleOf(next.feature);
        if (scale) {
            scale.forEach((meaning, index) => acceptor(context, {
                label: String(index + 1),
                labelDetails: { description: meaning },
                detail: meaning,
                kind: CompletionItemKind.Value,
                sortText: String(index + 1),
            }));
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /** Not offered: words that may also be ids (`current`, `for`…) where an id goes, and facts already written once. */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const rule = ruleOf(keyword);
        if (!super.filterKeyword(context, keyword) || rule === 'Id') return false;
        const once = ONCE[`${rule}:${keyword.value}`];
        const owner = once && context.node ? AstUtils.getContainerOfType(context.node, (n): n is AstNode => n.$type === once[0]) : undefined;
        const written = owner ? (owner as unknown as Record<string, unknown[] | undefined>)[once![1]] : undefined;
        return !(Array.isArray(written) && written.length > 0);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) {
            return;
        }
        const documentation = keywordDocumentation(this.grammar, keyword.value);
        const snippet = SNIPPETS[`${ruleOf(keyword)}:${keyword.value}`];
        acceptor(context, {
            label: keyword.value,
            kind: snippet ? CompletionItemKind.Snippet : CompletionItemKind.Keyword,
            detail: snippet ? snippetPreview(snippet) : 'keyword',
            documentation: documentation ? { kind: 'markdown', value: documentation } : undefined,
            insertText: snippet ?? keyword.value,
            insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
            sortText: '1' + keyword.value,
        });
    }

    /** References show the element's label and kind, and its summary as documentation. */
    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        const label = node && 'label' in node && typeof node.label === 'string' ? node.label : undefined;
        const kind = KIND_NAMES[description.type] ?? description.type.toLowerCase();
        const shared = node && !AstUtils.getContainerOfType(node, isJourney) && description.documentUri.toString() !== context.document.uri.toString();
        const summary = node ? describeElement(node) : undefined;
        return {
            ...item,
            detail: label ? `${label} (${kind})` : kind,
            labelDetails: { detail: label ? ` "${label}"` : undefined, description: shared ? `shared ${kind}` : kind },
            documentation: summary ? { kind: 'markdown', value: summary } : item.documentation,
            filterText: label ? `${description.name} ${label}` : description.name,
            sortText: '0' + description.name,
        };
    }

    /** A touchpoint's `next` does not offer the touchpoint itself. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext) {
        const candidates = super.getReferenceCandidates(refInfo, context);
        return refInfo.property === 'next' ? candidates.filter((d) => d.node !== refInfo.container) : candidates;
    }
}

/** The 1..5 scale a number feature expects (emotion and expected: feelings; impact and effort: amounts), if any. */
function scaleOf(feature: GrammarAST.AbstractElement): readonly string[] | undefined {
    if (!GrammarAST.isRuleCall(feature) || feature.rule.ref?.name !== 'NUMBER') return undefined;
    const assignment = AstUtils.getContainerOfType(feature, GrammarAST.isAssignment);
    if (assignment?.feature === 'score') return EMOTION_SCALE.map((level) => `${level.face} ${level.meaning}`);
    if (assignment?.feature === 'impacts' || assignment?.feature === 'efforts') return IMPACT_EFFORT_SCALE;
    return undefined;
}

/** `emotion 1|2|3|4|5`: a snippet as one readable line. */
function snippetPreview(snippet: string): string {
    return snippet
        .replace(/\$\{\d+\|([^|]*)\|\}/g, (_m, choices: string) => choices.split(',').join('|'))
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\d/g, '…')
        .replace(/\s*\n\s*/g, ' ');
}

function ruleOf(keyword: GrammarAST.Keyword): string | undefined {
    return AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
}

/** True when `offset` is inside a quoted label or a comment (a lexical scan, so it also works on broken text). */
export function isInsideLabelOrComment(text: string, offset: number): boolean {
    let i = 0;
    while (i < offset) {
        const c = text[i];
        if (c === '"' || c === "'") {
            let j = i + 1;
            while (j < text.length && text[j] !== c && text[j] !== '\n' && text[j] !== '\r') j += text[j] === '\\' ? 2 : 1;
            if (offset <= j) return true; // inside, or at the end of an unterminated label
            i = j + 1;
        } else if (c === '/' && text[i + 1] === '/') {
            let j = i;
            while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
            if (offset <= j) return true;
            i = j;
        } else if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            const j = end < 0 ? text.length : end + 2;
            if (offset < j) return true;
            i = j;
        } else {
            i++;
        }
    }
    return false;
}

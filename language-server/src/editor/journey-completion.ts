/**
 * Completion: the keywords valid at the cursor (with their grammar documentation), snippets for
 * the facts of a touchpoint and for new elements, references with their labels (from this file
 * and the workspace's shared files), and the 1..5 scales with their meaning. Nothing is offered
 * inside a label or a comment.
 */
import { AstUtils, DocumentState, GrammarAST, TextDocument, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo } from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature,
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-jsonrpc';
import type { LangiumDocument } from 'langium';
import { isBranch, isJourney, isTouchpoint, type JourneyFile } from '../generated/ast.js';
import { describeElement, markdownToPlainText } from './journey-hover.js';
import { EMOTION_SCALE, IMPACT_EFFORT_SCALE } from '../language/journey-emotions.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../language/journey-languages.js';
import { keywordDocumentation } from './journey-keyword-docs.js';
import type { JourneyLanguageServer } from './journey-language-server.js';

/**
 * The state a document must reach before completion answers: its names are known (local scopes
 * computed); completion does not wait for the whole map to be linked after each keystroke.
 */
export const COMPLETION_NEEDS = DocumentState.ComputedScopes;

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
    'Touchpoint:tone': 'tone "$1"',
    'Touchpoint:data': 'data "$1"',
    'Channel:tone': 'tone "$1"',
    'Kpi:actual': 'actual ${1:100}',
    'Lang:lang': `lang \${1|${LANGUAGES.join(',')}|}`,
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
    'Touchpoint:tone': ['Touchpoint', 'tones'],
    'Lang:lang': ['Journey', 'languages'],
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
    /**
     * Fewer characters than this, left out of the text before the cursor, are not worth a
     * shorter text (see `findFeaturesAt`); a test sets 0 and Infinity to compare both ways.
     */
    minimumSkipped = 2000;
    /** The parsed document of each text document being completed. */
    private readonly parsed = new WeakMap<TextDocument, LangiumDocument>();
    /** The language server, which knows whether the client takes snippets. */
    private readonly server: () => JourneyLanguageServer | undefined;

    constructor(services: ConstructorParameters<typeof DefaultCompletionProvider>[0]) {
        super(services);
        this.server = () => services.shared.lsp.LanguageServer as JourneyLanguageServer | undefined;
    }

    /** No completion inside labels and comments. */
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        const offset = document.textDocument.offsetAt(params.position);
        if (isInsideLabelOrComment(document.textDocument.getText(), offset)) {
            return undefined;
        }
        this.parsed.set(document.textDocument, document);
        return this.forClient(await super.getCompletion(document, params, cancelToken));
    }

    /** Items as the client can show them: no `labelDetails` unless announced, plain-text documentation unless it reads Markdown. */
    protected forClient(list: CompletionList | undefined): CompletionList | undefined {
        const support = this.server()?.support;
        if (!list || !support || (support.labelDetails && support.markdownDocumentation)) return list;
        const items = list.items.map((item) => {
            const { labelDetails, ...rest } = item;
            const written = support.labelDetails ? { ...rest, labelDetails } : rest;
            const documentation = written.documentation;
            if (support.markdownDocumentation || typeof documentation !== 'object' || documentation.kind !== 'markdown') return written;
            return { ...written, documentation: { kind: 'plaintext' as const, value: markdownToPlainText(documentation.value) } };
        });
        return { ...list, items };
    }

    /**
     * What the grammar expects at `offset`. Langium parses the whole text before the cursor for
     * it, up to three times per request: on a big map that parse is most of the time. The
     * elements of a journey (stages, personas, actions…) may come in any order, so every
     * complete element that ends before the cursor, and before the first syntax error, can be
     * left out without changing what comes next: only the cursor's own element is parsed.
     */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const shorter = this.withoutCompleteElements(document, offset);
        return shorter ? super.findFeaturesAt(shorter, shorter.getText().length) : super.findFeaturesAt(document, offset);
    }

    private withoutCompleteElements(document: TextDocument, offset: number): TextDocument | undefined {
        const parsed = this.parsed.get(document);
        const text = document.getText();
        const root = parsed?.parseResult.value as JourneyFile | undefined;
        if (!parsed || !root || root.$cstNode?.root.fullText !== text) return undefined; // parsed from another version
        const { lexerErrors, parserErrors } = parsed.parseResult;
        const firstError = Math.min(
            ...lexerErrors.map((error) => error.offset),
            ...parserErrors.map((error) => (Number.isFinite(error.token.startOffset) && error.token.startOffset >= 0 ? error.token.startOffset : 0)),
        );
        const limit = Math.min(offset, firstError);
        const elements: AstNode[] = [...root.personas, ...root.channels, ...root.teams];
        for (const journey of root.journeys) {
            elements.push(...journey.personas, ...journey.channels, ...journey.teams, ...journey.stages, ...journey.outcomes, ...journey.actions);
        }
        const skipped = elements
            .map((element) => element.$cstNode)
            .filter((node) => node !== undefined && node.end <= limit)
            .map((node) => [node!.offset, node!.end] as const)
            .sort((a, b) => a[0] - b[0]);
        if (skipped.reduce((sum, [start, end]) => sum + end - start, 0) < this.minimumSkipped) return undefined;
        const parts: string[] = [];
        let from = 0;
        for (const [start, end] of skipped) {
            parts.push(text.slice(from, start), ' ');
            from = end;
        }
        parts.push(text.slice(from, offset));
        return TextDocument.create(document.uri, document.languageId, document.version, parts.join(''));
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
        if (isLanguageCode(next)) {
            LANGUAGES.forEach((code, index) => acceptor(context, {
                label: code,
                detail: `${LANGUAGE_NAMES[code]}: the language of the words the views add`,
                kind: CompletionItemKind.Value,
                sortText: String(index),
            }));
            return;
        }
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
        const written = SNIPPETS[`${ruleOf(keyword)}:${keyword.value}`];
        // A client without snippet support gets the keyword as plain text (or a snippet without placeholders).
        const snippets = this.server()?.support?.snippets ?? true;
        const snippet = written && (snippets || !written.includes('$')) ? written : undefined;
        acceptor(context, {
            label: keyword.value,
            kind: snippet ? CompletionItemKind.Snippet : CompletionItemKind.Keyword,
            detail: snippet ? snippetPreview(snippet) : 'keyword',
            documentation: documentation ? { kind: 'markdown', value: documentation } : undefined,
            insertText: snippet ?? keyword.value,
            insertTextFormat: snippet && snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
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

    /**
     * A touchpoint's `next` does not offer the touchpoint itself, nor a decision's branch the
     * decision; `persona` and `channel` do not offer what the touchpoint already lists.
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext) {
        const candidates = super.getReferenceCandidates(refInfo, context);
        const container = refInfo.container;
        if (refInfo.property === 'next') return candidates.filter((d) => d.node !== container);
        if (isBranch(container)) return candidates.filter((d) => d.node !== container.$container);
        if (isTouchpoint(container) && (refInfo.property === 'personas' || refInfo.property === 'channels')) {
            // The reference being written (the cursor is on it or right after it) does not count.
            const elsewhere = (r: { $refNode?: { offset: number; end: number } }) => !r.$refNode || context.offset < r.$refNode.offset || context.offset > r.$refNode.end;
            const listed = new Set(container[refInfo.property].filter(elsewhere).map((r) => r.$refText));
            return candidates.filter((d) => !listed.has(d.name));
        }
        return candidates;
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

/** True for the code after `lang`. */
function isLanguageCode(next: NextFeature): boolean {
    const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
    const inLang = assignment?.feature === 'code' && AstUtils.getContainerOfType(assignment, GrammarAST.isParserRule)?.name === 'Lang';
    // Inside the Id rule, only the property tells (no other rule has a `code`).
    return inLang || next.property === 'code';
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

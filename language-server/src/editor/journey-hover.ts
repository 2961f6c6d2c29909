/**
 * Hover: what an element is, as people who write maps want to read it — a persona's goals,
 * needs and frustrations; a touchpoint's channel, owner, emotion, pains and opportunities;
 * where a channel or team is used; on a score, what it means; and, on keywords, the
 * documentation of the grammar.
 */
import { AstUtils, CstUtils, isLeafCstNode, type AstNode, type AstNodeLocator, type Grammar, type GrammarAST, type LangiumDocument, type LangiumDocuments, type MaybePromise } from 'langium';
import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    isAction, isBranch, isChannel, isDecision, isEmotion, isExpected, isJourney, isKpi, isLang, isOutcome, isPersona, isStage, isTeam, isTouchpoint,
    type Action, type Channel, type Decision, type Persona, type Stage, type Team, type Touchpoint,
} from '../generated/ast.js';
import { describeScore, IMPACT_EFFORT_SCALE } from '../language/journey-emotions.js';
import { LANGUAGE_NAMES, LANGUAGES, languageOf } from '../language/journey-languages.js';
import { keywordDocumentation } from './journey-keyword-docs.js';
import type { JourneyLanguageServer } from './journey-language-server.js';

export class JourneyHoverProvider extends AstNodeHoverProvider {
    protected readonly grammar: Grammar;
    protected readonly documentation: LangiumServices['documentation']['DocumentationProvider'];
    protected readonly documents: LangiumDocuments;
    protected readonly locator: AstNodeLocator;
    /** The language server, which knows whether the client reads Markdown. */
    protected readonly server: () => JourneyLanguageServer | undefined;

    constructor(services: LangiumServices) {
        super(services);
        this.server = () => services.shared.lsp.LanguageServer as JourneyLanguageServer | undefined;
        this.grammar = services.Grammar;
        this.documentation = services.documentation.DocumentationProvider;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.locator = services.workspace.AstNodeLocator;
    }

    /** The summary of a declared or referenced element, with its documentation comment if any. */
    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const summary = describeElement(node, (target) => this.usesOf(target));
        const comment = this.documentation.getDocumentation(node);
        return [summary, comment].filter(Boolean).join('\n\n') || undefined;
    }

    /** The touchpoints and actions that refer to `target`, as `id` (or `journey › id` when in another journey). */
    protected usesOf(target: AstNode): string[] {
        const here = AstUtils.getContainerOfType(target, isJourney);
        return this.references.findReferences(target, { includeDeclaration: false }).toArray().map((use) => {
            const document = this.documents.getDocument(use.sourceUri);
            const source = document ? this.locator.getAstNode(document.parseResult.value, use.sourcePath) : undefined;
            const user = source && AstUtils.getContainerOfType(source, (n): n is Touchpoint | Action => isTouchpoint(n) || isAction(n));
            if (!user) return '?';
            const journey = AstUtils.getContainerOfType(user, isJourney);
            return journey && journey !== here ? `${journey.name} › ${user.name}` : user.name;
        });
    }

    /** Scores show what they mean (`emotion 2`: 😟 unhappy); everything else as Langium finds it. Plain text for a client that reads no Markdown. */
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        const keyword = leaf && CstUtils.getPreviousNode(leaf, true)?.text;
        const meaning = leaf && isLeafCstNode(leaf) && leaf.tokenType.name === 'NUMBER' ? describeNumber(leaf.astNode, Number(leaf.text), keyword) : undefined;
        // The code after `lang` names a language, not an element: say which, and what it changes.
        const hover = meaning
            ? { contents: { kind: 'markdown', value: meaning }, range: leaf!.range } satisfies Hover
            : leaf && isLang(leaf.astNode) && leaf.text === leaf.astNode.code
                ? { contents: { kind: 'markdown', value: describeElement(leaf.astNode)! }, range: leaf.range } satisfies Hover
                : await super.getHoverContent(document, params);
        if (!hover || (this.server()?.support?.markdownHover ?? true)) return hover;
        const contents = hover.contents as { kind?: string; value?: string };
        return contents.kind === 'markdown' && typeof contents.value === 'string'
            ? { ...hover, contents: { kind: 'plaintext', value: markdownToPlainText(contents.value) } }
            : hover;
    }

    /** Keywords show the comment written above their rule in the grammar. */
    protected override getKeywordHoverContent(keyword: GrammarAST.Keyword): MaybePromise<Hover | undefined> {
        const value = keywordDocumentation(this.grammar, keyword.value);
        return value ? { contents: { kind: 'markdown', value } } : undefined;
    }
}

/** What a number of a map means, from the keyword before it: an emotion or expected score, an impact or effort. */
function describeNumber(node: AstNode, value: number, keyword: string | undefined): string | undefined {
    if (isEmotion(node)) return `**Emotion** ${describeScore(value)} (1 = angry … 5 = delighted)`;
    if (isExpected(node)) return `**Expected emotion** ${describeScore(value)}: the score customers hope for (1 = angry … 5 = delighted)`;
    if (isAction(node) && (keyword === 'impact' || keyword === 'effort')) {
        const level = Number.isInteger(value) && value >= 1 && value <= 5 ? IMPACT_EFFORT_SCALE[value - 1] : 'outside 1..5';
        return `**${keyword === 'impact' ? 'Impact' : 'Effort'}** ${value}: ${level} (1 = very low … 5 = very high)`;
    }
    return undefined;
}

/** Markdown describing an element of a map (undefined for what has no description). */
/** `usesOf` lists where an element is used (for channels and teams); without it, no usage is shown. */
export function describeElement(node: AstNode, usesOf?: (node: AstNode) => string[]): string | undefined {
    if (isPersona(node)) return describePersona(node);
    if (isTouchpoint(node)) return describeTouchpoint(node);
    if (isChannel(node)) return describeShared(node, 'Channel', usesOf, [node.mode, node.tone !== undefined ? `**Tone:** ${escapeMarkdown(node.tone)}` : undefined].filter(Boolean).join(' · ') || undefined);
    if (isTeam(node)) return describeShared(node, 'Team', usesOf);
    if (isStage(node)) return describeStage(node);
    if (isDecision(node)) return describeDecision(node);
    if (isAction(node)) return describeAction(node);
    if (isOutcome(node)) return [heading('Outcome', node.name, node.label), 'An end of a path.'].join('\n\n');
    if (isKpi(node)) {
        const facts = [
            node.target !== undefined ? `target ${node.target}${node.unit ? ` ${node.unit}` : ''}` : undefined,
            node.actual !== undefined ? `actual ${node.actual}${node.unit ? ` ${node.unit}` : ''}${node.target ? ` (${Math.round((node.actual / node.target) * 100)}% of target)` : ''}` : undefined,
            node.unit && node.target === undefined && node.actual === undefined ? `unit ${node.unit}` : undefined,
        ];
        return [heading('KPI', node.name, node.label), facts.filter(Boolean).join(', ')].filter(Boolean).join('\n\n');
    }
    if (isJourney(node)) {
        const state = node.states[0] === 'future' ? 'to-be (future)' : 'as-is (current)';
        return [heading('Journey', node.name, node.label), `${state} · ${node.stages.length} stage${plural(node.stages.length)}`, node.descriptions[0]].filter(Boolean).join('\n\n');
    }
    if (isEmotion(node) || isExpected(node)) return `${isEmotion(node) ? 'Emotion' : 'Expected'} ${describeScore(node.score)}`;
    if (isLang(node)) {
        const language = languageOf(node.code);
        return language
            ? `**Language** \`${node.code}\`: the views' own words are in ${LANGUAGE_NAMES[language]}; labels are never translated.`
            : `**Language** \`${node.code}\`: the views have no words in this language and use English (they speak ${LANGUAGES.join(', ')}).`;
    }
    if (isBranch(node)) return `Branch **${node.label ?? ''}** → \`${node.target?.$refText ?? ''}\``;
    return undefined;
}

function describePersona(persona: Persona): string {
    return [
        heading('Persona', persona.name, persona.label),
        persona.descriptions[0],
        list('Goals', persona.goals),
        list('Needs', persona.needs),
        list('Frustrations', persona.frustrations),
    ].filter(Boolean).join('\n\n');
}

function describeTouchpoint(touchpoint: Touchpoint): string {
    const refs = (items: Array<{ ref?: { name: string; label?: string }; $refText: string }>) =>
        items.map((r) => (r.ref ? labelled(r.ref.name, r.ref.label) : `\`${r.$refText}\` (unknown)`)).join(', ');
    const stage = touchpoint.$container;
    const facts = [
        stage ? `**Stage:** ${labelled(stage.name, stage.label)}` : undefined,
        touchpoint.personas.length ? `**Persona:** ${refs(touchpoint.personas)}` : undefined,
        touchpoint.channels.length ? `**Channel:** ${refs(touchpoint.channels)}` : undefined,
        touchpoint.owners.length ? `**Owner:** ${refs(touchpoint.owners)}` : undefined,
        ...touchpoint.emotions.map((e) => `**Emotion:** ${describeScore(e.score)}${e.persona ? ` for ${e.persona.$refText}` : ''}`),
        ...touchpoint.expectations.map((e) => `**Expected:** ${describeScore(e.score)}${e.persona ? ` for ${e.persona.$refText}` : ''}`),
        typeof touchpoint.reaches[0] === 'number' ? `**Reach:** ${touchpoint.reaches[0].toLocaleString('en')}` : undefined,
        touchpoint.momentsOfTruth.length ? '**Moment of truth**' : undefined,
        touchpoint.tones.length ? `**Tone:** ${escapeMarkdown(touchpoint.tones[0]!)}` : undefined,
    ].filter(Boolean);
    return [
        heading('Touchpoint', touchpoint.name, touchpoint.label),
        touchpoint.descriptions[0],
        facts.join('  \n'),
        list('Pains', touchpoint.pains),
        list('Gains', touchpoint.gains),
        list('Opportunities', touchpoint.opportunities),
        list('Backstage', touchpoint.backstage),
        list('Data', touchpoint.data),
    ].filter(Boolean).join('\n\n');
}

function describeShared(node: Channel | Team, kind: string, usesOf: ((node: AstNode) => string[]) | undefined, extra?: string): string {
    const lines = [heading(kind, node.name, node.label)];
    if (extra) lines.push(extra);
    if (!isJourney(node.$container)) lines.push('Shared with every map of the workspace.');
    if (usesOf) {
        const uses = usesOf(node);
        const distinct = [...new Set(uses)];
        const shown = distinct.slice(0, 8).map((u) => `\`${u}\``).join(', ') + (distinct.length > 8 ? `, and ${distinct.length - 8} more` : '');
        lines.push(uses.length === 0 ? 'Not used yet.' : `Used ${uses.length} time${plural(uses.length)}: ${shown}.`);
    }
    return lines.join('\n\n');
}

function describeStage(stage: Stage): string {
    const touchpoints = stage.steps.filter(isTouchpoint).length;
    const decisions = stage.steps.filter(isDecision).length;
    const counts = `${touchpoints} touchpoint${plural(touchpoints)}` + (decisions ? `, ${decisions} decision${plural(decisions)}` : '');
    const kpis = stage.kpis.map((k) => `${labelled(k.name, k.label)}${k.target !== undefined ? ` → ${k.target}${k.unit ? ` ${k.unit}` : ''}` : ''}${k.actual !== undefined ? ` (actual ${k.actual}${k.unit ? ` ${k.unit}` : ''})` : ''}`);
    return [heading('Stage', stage.name, stage.label), stage.descriptions[0], counts, list('KPIs', kpis, false)].filter(Boolean).join('\n\n');
}

function describeDecision(decision: Decision): string {
    const branches = decision.branches.map((b) => `${b.label ? `"${b.label}"` : '(no label)'} → \`${b.target?.$refText ?? '?'}\``);
    return [heading('Decision', decision.name, decision.label), list('Branches', branches, false)].filter(Boolean).join('\n\n');
}

function describeAction(action: Action): string {
    const scale = (value: number | undefined) => (value === undefined ? undefined : `${value} (${IMPACT_EFFORT_SCALE[Math.round(value) - 1] ?? 'outside 1..5'})`);
    const facts = [
        action.impacts.length ? `**Impact:** ${scale(action.impacts[0])}` : undefined,
        action.efforts.length ? `**Effort:** ${scale(action.efforts[0])}` : undefined,
        action.owners.length ? `**Owner:** ${action.owners.map((o) => o.$refText).join(', ')}` : undefined,
        action.improves.length ? `**Improves:** ${action.improves.map((o) => `\`${o.$refText}\``).join(', ')}` : undefined,
    ].filter(Boolean);
    return [heading('Action', action.name, action.label), action.descriptions[0], facts.join('  \n')].filter(Boolean).join('\n\n');
}

function heading(kind: string, id: string, label: string | undefined): string {
    return `**${kind}** \`${id}\`${label ? ` — ${escapeMarkdown(label)}` : ''}`;
}

function labelled(id: string, label: string | undefined): string {
    return label ? `${escapeMarkdown(label)} (\`${id}\`)` : `\`${id}\``;
}

function list(title: string, items: string[], escape = true): string | undefined {
    if (items.length === 0) return undefined;
    return `**${title}:**\n${items.map((item) => `- ${escape ? escapeMarkdown(item) : item}`).join('\n')}`;
}

function plural(count: number): string {
    return count === 1 ? '' : 's';
}

/**
 * Labels are shown as text, never interpreted as Markdown: `&`, `<` and `>` become entities
 * (`a&amp;b` stays `a&amp;b` on screen), the characters that mark up text anywhere on a line
 * are escaped, and those that only mark up the start of a line (`#`, `-`, `+`, `1.`) only
 * there. `(`, `.` and `!` elsewhere are left alone, so clients that show Markdown as text
 * do not show `\(`.
 */
export function escapeMarkdown(text: string): string {
    return text
        .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
        .replace(/[\\`*_[\]|~]/g, '\\$&')
        .replace(/^([ \t]*)([#+-]|\d+(?=[.)]))/gm, (_m, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`));
}

/** The Markdown of a hover as plain text: no emphasis, code marks, escapes or entities. */
export function markdownToPlainText(markdown: string): string {
    return markdown
        .replace(/\*\*([^*]+)\*\*/g, '$1')
        .replace(/`([^`]*)`/g, '$1')
        .replace(/  \n/g, '\n')
        .replace(/\\([\\`*_{}[\]()#+\-.!|~])/g, '$1')
        .replace(/&(lt|gt|amp);/g, (_m, name: string) => ({ lt: '<', gt: '>', amp: '&' })[name]!);
}

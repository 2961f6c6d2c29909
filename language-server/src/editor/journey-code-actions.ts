/**
 * Quick fixes for the diagnostics of the .journey language:
 * - a misspelt reference or keyword ("Did you mean 'alex'?") → the suggested word, preferred;
 * - an unresolved reference → create the missing persona, channel, team, touchpoint or outcome
 *   (in this journey, or for personas, channels and teams also in a shared file of the workspace);
 * - a score outside 1..5 (or not whole), an invalid reach → the nearest valid value;
 * - a decision branch without a label, an empty label → a label made from the id;
 * - an unused persona → remove it; a fact written twice → remove the repetition; an empty fact → remove it;
 * - a journey's persona, channel or team that hides a shared one → remove it to use the shared one;
 * - a label between typographic quotes → straight quotes;
 * - a backslash that makes no escape (`C:\Users`) → a written backslash (`C:\\Users`).
 * And on any element without a label: "Add a label".
 */
import { AstUtils, CstUtils, DocumentValidator, type AstNode, type LangiumDocument, type LangiumDocuments, type MaybePromise, type NameProvider } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import {
    isAction, isBranch, isJourney, isJourneyFile, isPersona, isStage, isStep,
    type Branch, type Journey, type JourneyFile, type Stage,
} from '../generated/ast.js';
import { IssueCodes } from '../language/journey-validator.js';
import { LANGUAGE_NAMES, LANGUAGES } from '../language/journey-languages.js';
import { isTypographicLabel, TYPOGRAPHIC_SINGLE_OPENERS } from '../language/journey-lexer-errors.js';
import { quoteString } from '../language/journey-value-converter.js';

/** What a reference property points to, by `<container type>.<property>`. */
const REFERENCE_TARGETS: Record<string, 'persona' | 'channel' | 'team' | 'touchpoint' | 'step'> = {
    'Touchpoint.personas': 'persona',
    'Emotion.persona': 'persona',
    'Expected.persona': 'persona',
    'Touchpoint.channels': 'channel',
    'Touchpoint.owners': 'team',
    'Action.owners': 'team',
    'Action.improves': 'touchpoint',
    'Touchpoint.next': 'step',
    'Branch.target': 'step',
};

export class JourneyCodeActionProvider implements CodeActionProvider {
    protected readonly documents: LangiumDocuments;
    protected readonly names: NameProvider;

    constructor(services: LangiumServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.names = services.references.NameProvider;
    }

    /** The quick fixes for the diagnostics in `params`, and "Add a label" for the element under the cursor. */
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            actions.push(...this.fixesFor(document, diagnostic));
        }
        const addLabel = this.addLabelAt(document, params);
        if (addLabel && !actions.some((a) => a.title === addLabel.title)) actions.push(addLabel);
        return actions;
    }

    protected fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const data = (diagnostic.data ?? {}) as Record<string, unknown>;
        switch (data.code ?? diagnostic.code) {
            case IssueCodes.UnresolvedReference: {
                // "Did you mean 'alex'?" is the likely fix: preferred, before "Create persona 'alx'".
                const suggested = this.suggestedCorrection(document, diagnostic);
                const create = this.createMissing(document, diagnostic, data);
                return suggested ? [suggested, ...create.map((action) => ({ ...action, isPreferred: false }))] : create;
            }
            case DocumentValidator.ParsingError: {
                const suggested = this.suggestedCorrection(document, diagnostic);
                return suggested ? [suggested] : [];
            }
            case IssueCodes.ScoreOutOfRange:
            case IssueCodes.ScoreNotWhole:
            case IssueCodes.InvalidReach:
                return this.replaceNumber(document, diagnostic, data.value);
            case IssueCodes.MissingLabel:
                return this.labelBranch(document, diagnostic);
            case IssueCodes.EmptyLabel:
                return this.fillEmptyLabel(document, diagnostic);
            case IssueCodes.UnusedPersona:
                return this.removePersona(document, diagnostic);
            case IssueCodes.HidesShared:
                return this.removeLocalCopy(document, diagnostic);
            case DocumentValidator.LexingError:
                return this.straightenQuotes(document, diagnostic);
            case IssueCodes.UnknownEscape: {
                const written = document.textDocument.getText(diagnostic.range);
                return [fix(`Keep the backslash: write \\${written}`, diagnostic, document, [{ range: diagnostic.range, newText: `\\${written}` }], true)];
            }
            case IssueCodes.UnknownLanguage:
                // One fix per language the views speak: `lang de` → `lang en`, `lang fr`.
                return LANGUAGES.map((code) => fix(`Use '${code}' (${LANGUAGE_NAMES[code]})`, diagnostic, document, [{ range: diagnostic.range, newText: code }], false));
            case IssueCodes.EmptyFact:
                return [fix('Remove this empty fact', diagnostic, document, [removeFact(document, diagnostic)], true)];
            case IssueCodes.DuplicateFact:
                return [fix('Remove this repeated fact', diagnostic, document, [removeRange(document, document.textDocument.offsetAt(diagnostic.range.start), document.textDocument.offsetAt(diagnostic.range.end))], true)];
            default:
                return [];
        }
    }

    /** The correction a message suggests ("Did you mean 'emotion'?") for the word it is about: the preferred fix. */
    protected suggestedCorrection(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
        const message = typeof diagnostic.message === 'string' ? diagnostic.message : '';
        const suggestion = /Did you mean '([^']+)'\?/.exec(message)?.[1];
        const written = document.textDocument.getText(diagnostic.range);
        if (!suggestion || !/^[\w-]+$/.test(written) || written === suggestion) return undefined;
        return fix(`Change to '${suggestion}'`, diagnostic, document, [{ range: diagnostic.range, newText: suggestion }], true);
    }

    /** A label between typographic quotes → the same label between straight quotes. */
    protected straightenQuotes(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const text = document.textDocument.getText(diagnostic.range);
        if (!isTypographicLabel(text)) return [];
        const straight = TYPOGRAPHIC_SINGLE_OPENERS.has(text[0]!) ? "'" : '"';
        const { start, end } = diagnostic.range;
        return [fix('Use straight quotes', diagnostic, document, [
            { range: { start, end: { line: start.line, character: start.character + 1 } }, newText: straight },
            { range: { start: { line: end.line, character: end.character - 1 }, end }, newText: straight },
        ], true)];
    }

    /** Create the persona, channel, team, touchpoint or outcome that a reference names. */
    protected createMissing(document: LangiumDocument, diagnostic: Diagnostic, data: Record<string, unknown>): CodeAction[] {
        const kind = REFERENCE_TARGETS[`${data.containerType}.${data.property}`];
        const id = typeof data.refText === 'string' ? data.refText : undefined;
        const node = nodeAt(document, diagnostic);
        const journey = node && AstUtils.getContainerOfType(node, isJourney);
        if (!kind || !id || !journey || !/^[_a-zA-Z](?:[\w-]*\w)?$/.test(id)) return [];
        const label = quoteString(labelFromId(id));
        const actions: CodeAction[] = [];
        if (kind === 'persona' || kind === 'channel' || kind === 'team') {
            const declaration = `${kind} ${id} ${label}`;
            actions.push(fix(`Create ${kind} '${id}' in this journey`, diagnostic, document, [insertDeclaration(document, journey, kind, declaration)], true));
            const shared = this.sharedFile(document);
            if (shared) {
                const name = shared.uri.path.split('/').pop();
                actions.push(fix(`Create shared ${kind} '${id}' in ${name}`, diagnostic, shared, [insertShared(shared, kind, declaration)]));
            }
        } else {
            const stage = stageFor(node, journey);
            if (stage) {
                const step = AstUtils.getContainerOfType(node, isStep);
                const anchor = step?.$container === stage ? step : undefined;
                actions.push(fix(`Create touchpoint '${id}' in stage '${stage.name}'`, diagnostic, document, [insertStep(document, stage, anchor, `touchpoint ${id} ${label}`)], true));
            }
            if (kind === 'step') {
                actions.push(fix(`Create outcome '${id}'`, diagnostic, document, [insertOutcome(document, journey, `outcome ${id} ${label}`)]));
            }
        }
        return actions;
    }

    /** Replace an out-of-range or invalid number with the nearest valid one given by the validator. */
    protected replaceNumber(document: LangiumDocument, diagnostic: Diagnostic, value: unknown): CodeAction[] {
        if (typeof value !== 'number') return [];
        const text = document.textDocument.getText(diagnostic.range);
        const match = /-?[0-9]+(?:\.[0-9]+)?/.exec(text);
        if (!match) return [];
        const start = document.textDocument.offsetAt(diagnostic.range.start) + match.index;
        const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(start + match[0].length) };
        return [fix(`Change ${match[0]} to ${value}`, diagnostic, document, [{ range, newText: String(value) }], true)];
    }

    /** Give a decision branch the label of the step it leads to. */
    protected labelBranch(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const branch = AstUtils.getContainerOfType(nodeAt(document, diagnostic), isBranch);
        if (!branch?.$cstNode) return [];
        const label = answerFor(branch);
        const start = branch.$cstNode.range.start;
        return [fix(`Add the label "${label}"`, diagnostic, document, [{ range: { start, end: start }, newText: `${quoteString(label)} ` }], true)];
    }

    /** Replace `""` with a label made from the element's id (on a decision branch: the label of the step it leads to). */
    protected fillEmptyLabel(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const node = nodeAt(document, diagnostic);
        const branch = AstUtils.getContainerOfType(node, isBranch);
        if (branch?.$cstNode) {
            const leaf = CstUtils.findLeafNodeAtOffset(branch.$cstNode, document.textDocument.offsetAt(diagnostic.range.start));
            if (!leaf || !/^["']/.test(leaf.text)) return [];
            const answer = answerFor(branch);
            return [fix(`Use the label "${answer}"`, diagnostic, document, [{ range: leaf.range, newText: quoteString(answer) }], true)];
        }
        const named = node && AstUtils.getContainerOfType(node, (n): n is AstNode & { name: string } => typeof (n as { name?: unknown }).name === 'string');
        const labelNode = named?.$cstNode && CstUtils.findLeafNodeAtOffset(named.$cstNode, document.textDocument.offsetAt(diagnostic.range.start));
        if (!named || !labelNode || !/^["']/.test(labelNode.text)) return [];
        const label = labelFromId(named.name);
        return [fix(`Use the label "${label}"`, diagnostic, document, [{ range: labelNode.range, newText: quoteString(label) }], true)];
    }

    /** Remove a persona nothing refers to, with its lines. */
    protected removePersona(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const persona = AstUtils.getContainerOfType(nodeAt(document, diagnostic), isPersona);
        if (!persona?.$cstNode) return [];
        return [fix(`Remove unused persona '${persona.name}'`, diagnostic, document, [removeLines(document, persona)], true)];
    }

    /** Remove a journey's own persona, channel or team so that the shared one with the same id is used. */
    protected removeLocalCopy(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const node = nodeAt(document, diagnostic);
        const local = node && AstUtils.getContainerOfType(node, (n): n is AstNode & { name: string } => ['Persona', 'Channel', 'Team'].includes(n.$type));
        if (!local?.$cstNode) return [];
        const kind = local.$type.toLowerCase();
        return [fix(`Remove this ${kind} and use the shared ${kind} '${local.name}'`, diagnostic, document, [removeLines(document, local)])];
    }

    /** "Add a label" on an element whose id is under the cursor and that has none. */
    protected addLabelAt(document: LangiumDocument, params: CodeActionParams): CodeAction | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.range.start));
        const node = leaf?.astNode as (AstNode & { name?: unknown; label?: unknown }) | undefined;
        if (!leaf || !node || typeof node.name !== 'string' || node.label !== undefined) return undefined;
        const nameNode = this.names.getNameNode(node);
        if (!nameNode || leaf.offset < nameNode.offset || leaf.end > nameNode.end) return undefined;
        const label = labelFromId(node.name);
        return {
            title: `Add the label "${label}"`,
            kind: CodeActionKind.QuickFix,
            edit: { changes: { [document.uri.toString()]: [{ range: { start: nameNode.range.end, end: nameNode.range.end }, newText: ` ${quoteString(label)}` }] } },
        };
    }

    /** A file of the workspace that holds only shared declarations, the place for new shared ones. */
    protected sharedFile(current: LangiumDocument): LangiumDocument<JourneyFile> | undefined {
        return this.documents.all
            .filter((d) => d.uri.toString() !== current.uri.toString())
            .map((d) => d as LangiumDocument<JourneyFile>)
            .find((d) => isJourneyFile(d.parseResult.value) && d.parseResult.value.journeys.length === 0
                && d.parseResult.value.personas.length + d.parseResult.value.channels.length + d.parseResult.value.teams.length > 0
                && d.parseResult.parserErrors.length === 0);
    }
}

/** The answer a branch stands for, by default: the label of the step it leads to, or one made from its id. */
function answerFor(branch: Branch): string {
    const target = branch.target?.ref;
    return target?.label?.trim() ? target.label : labelFromId(branch.target?.$refText ?? '');
}

/** `calls_back-soon` → `Calls back soon`. */
export function labelFromId(id: string): string {
    const words = id.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim().toLowerCase();
    return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}

function fix(title: string, diagnostic: Diagnostic, document: LangiumDocument, edits: TextEdit[], isPreferred = false): CodeAction {
    const edit: WorkspaceEdit = { changes: { [document.uri.toString()]: edits } };
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit };
}

function nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    if (!root) return undefined;
    return CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start))?.astNode;
}

/** The leading whitespace of the line where `node` starts. */
function indentOf(document: LangiumDocument, node: AstNode): string {
    const line = node.$cstNode!.range.start.line;
    const text = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return /^[ \t]*/.exec(text)![0];
}

/** Inserts a declaration after the journey's last declaration of that kind (or of any header fact), or after its `{`. */
function insertDeclaration(document: LangiumDocument, journey: Journey, kind: 'persona' | 'channel' | 'team', text: string): TextEdit {
    const same = { persona: journey.personas, channel: journey.channels, team: journey.teams }[kind];
    const header = [...journey.personas, ...journey.channels, ...journey.teams];
    const anchor = [...same].pop() ?? header.sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset).pop();
    const indent = anchor ? indentOf(document, anchor) : indentOf(document, journey) + '  ';
    const at = anchor ? anchor.$cstNode!.range.end : afterOpeningBrace(document, journey);
    return { range: { start: at, end: at }, newText: `\n${indent}${text}` };
}

/** Appends a shared declaration after the last one of its kind (or at the end of the file). */
function insertShared(document: LangiumDocument<JourneyFile>, kind: 'persona' | 'channel' | 'team', text: string): TextEdit {
    const root = document.parseResult.value;
    const anchor = [...{ persona: root.personas, channel: root.channels, team: root.teams }[kind]].pop();
    if (anchor?.$cstNode) {
        const at = anchor.$cstNode.range.end;
        return { range: { start: at, end: at }, newText: `\n${text}` };
    }
    const content = document.textDocument.getText();
    const end = document.textDocument.positionAt(content.length);
    return { range: { start: end, end }, newText: `${content.endsWith('\n') || content === '' ? '' : '\n'}${text}\n` };
}

/** Inserts a step after `anchor` (or at the end of the stage). */
function insertStep(document: LangiumDocument, stage: Stage, anchor: AstNode | undefined, text: string): TextEdit {
    const last = anchor ?? [...stage.steps, ...stage.kpis].sort((a, b) => a.$cstNode!.offset - b.$cstNode!.offset).pop();
    const indent = last ? indentOf(document, last) : indentOf(document, stage) + '  ';
    const at = last ? last.$cstNode!.range.end : afterOpeningBrace(document, stage);
    return { range: { start: at, end: at }, newText: `\n${indent}${text}` };
}

/** Inserts an outcome after the journey's last outcome, or after its last stage. */
function insertOutcome(document: LangiumDocument, journey: Journey, text: string): TextEdit {
    const anchor = [...journey.outcomes].pop() ?? [...journey.stages].pop();
    const indent = anchor ? indentOf(document, anchor) : indentOf(document, journey) + '  ';
    const at = anchor ? anchor.$cstNode!.range.end : afterOpeningBrace(document, journey);
    return { range: { start: at, end: at }, newText: `\n${anchor && isStage(anchor) ? '\n' : ''}${indent}${text}` };
}

/** Where new touchpoints go: the stage of the step that refers to them, or the last stage of the journey. */
function stageFor(node: AstNode, journey: Journey): Stage | undefined {
    if (isAction(node)) return journey.stages[journey.stages.length - 1];
    return AstUtils.getContainerOfType(node, isStage) ?? journey.stages[journey.stages.length - 1];
}

function afterOpeningBrace(_document: LangiumDocument, node: AstNode) {
    const brace = [...CstUtils.streamCst(node.$cstNode!)].find((c) => c.astNode === node && c.text === '{');
    return (brace ?? node.$cstNode!).range.end;
}

/** Removes whole lines of `node` when it stands on its own lines, else just its text. */
function removeLines(document: LangiumDocument, node: AstNode): TextEdit {
    return removeRange(document, node.$cstNode!.offset, node.$cstNode!.end);
}

/** Removes a written fact whose text the diagnostic covers, with its keyword (`pain ""`, `unit ""`). */
function removeFact(document: LangiumDocument, diagnostic: Diagnostic): TextEdit {
    const text = document.textDocument.getText();
    let start = document.textDocument.offsetAt(diagnostic.range.start);
    while (start > 0 && /\s/.test(text[start - 1])) start--;
    while (start > 0 && /[A-Za-z]/.test(text[start - 1])) start--;
    return removeRange(document, start, document.textDocument.offsetAt(diagnostic.range.end));
}

/**
 * Removes the text from `from` to `to`: with its line when nothing else stands on it; otherwise
 * with the spaces that separated it from the words before it (or, first on its line, after it).
 */
function removeRange(document: LangiumDocument, from: number, to: number): TextEdit {
    const text = document.textDocument.getText();
    let start = from;
    let end = to;
    while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
    let after = end;
    while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
    const ownLine = (start === 0 || text[start - 1] === '\n') && (after === text.length || text[after] === '\n' || text[after] === '\r');
    if (ownLine) {
        end = after;
        if (text[end] === '\r') end++;
        if (text[end] === '\n') end++;
    } else if (start === 0 || text[start - 1] === '\n') {
        start = from;
        end = after;
    }
    return { range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) }, newText: '' };
}

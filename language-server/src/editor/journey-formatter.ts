/**
 * The canonical layout of .journey files, built on Langium's formatter API.
 *
 * - Two spaces per level, whatever the editor's indentation settings (one layout for everyone).
 * - One fact per line; the words of a fact are separated by one space.
 * - A blank line before every stage, before any element that follows a stage or a multi-line
 *   persona/action, and between top-level journeys or blocks; elsewhere one blank line the author
 *   wrote is kept, never more.
 * - Comments are never dropped nor edited: a comment on its own line is indented like the next
 *   fact; a comment at the end of a line stays there.
 * - Labels keep every character. A single-quoted label becomes double-quoted only when that
 *   cannot change its text (it holds no `"` and no `\'`); otherwise it stays as written.
 * - A file with syntax errors is left alone.
 */
import { AbstractFormatter, Formatting, type Formatter, type FormattingAction, type FormattingContext } from 'langium/lsp';
import { CstUtils, isCompositeCstNode, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-protocol';
import { isAction, isJourney, isJourneyFile, isPersona, isStage } from '../generated/ast.js';

/** The one indentation of the canonical layout. */
export const CANONICAL_OPTIONS: FormattingOptions = { tabSize: 2, insertSpaces: true };

/** Line rules: exactly one line break, exactly one blank line, or keep up to one blank line as written. */
const ONE_LINE = { lines: 1, tabs: 1 };
const BLANK_LINE = { lines: 2, tabs: 1 };

function lines(...moves: Array<{ lines: number; tabs: number }>): FormattingAction {
    return { options: {}, moves };
}
const exactlyOneLine = lines(ONE_LINE);
const exactlyBlankLine = lines(BLANK_LINE);
const keepUpToOneBlankLine = lines(ONE_LINE, BLANK_LINE);

/** At the top level the facts are not indented. */
function unindented(action: FormattingAction): FormattingAction {
    return { options: action.options, moves: action.moves.map((m) => ({ lines: m.lines })) };
}

export class JourneyFormatter extends AbstractFormatter {
    protected override format(node: AstNode): void {
        let cst = node.$cstNode;
        // `Step: Touchpoint | Decision` wraps the element's own node in one more composite node.
        while (cst && isCompositeCstNode(cst) && cst.content.length === 1 && isCompositeCstNode(cst.content[0]!) && cst.content[0]!.astNode === node) {
            cst = cst.content[0];
        }
        if (!cst || !isCompositeCstNode(cst) || (cst.astNode !== node && !isJourneyFile(node))) {
            return;
        }
        const formatter = this.getNodeFormatter(node);
        const children = cst.content;
        const open = children.findIndex((c) => isLeafCstNode(c) && !c.hidden && c.text === '{');
        const close = findLastIndex(children, (c) => isLeafCstNode(c) && !c.hidden && c.text === '}');
        const isRoot = isJourneyFile(node);
        const bodyStart = isRoot ? 0 : open + 1;
        const bodyEnd = isRoot ? children.length : close;
        const hasBody = isRoot || (open >= 0 && close > open);

        let previousFact: CstNode | undefined;
        let pendingComments: CstNode[] = [];
        children.forEach((child, index) => {
            const inBody = hasBody && index >= bodyStart && index < bodyEnd;
            if (child.hidden) {
                if (inBody && isOwnLineComment(child)) {
                    pendingComments.push(child);
                }
                return;
            }
            if (index === 0 && !isRoot) {
                return; // the first word of a node is placed by its container
            }
            if (hasBody && index === close) {
                const empty = children.slice(open + 1, close).every((c) => c.hidden && !isComment(c));
                formatter.cst([child]).prepend(empty ? Formatting.oneSpace() : Formatting.newLine());
                return;
            }
            if (!inBody || !this.isFactStart(node, child)) {
                formatter.cst([child]).prepend(Formatting.oneSpace());
                return;
            }
            let rule = this.lineRule(node, previousFact, child);
            if (isRoot) rule = unindented(rule);
            const follow = isRoot ? unindented(keepUpToOneBlankLine) : keepUpToOneBlankLine;
            if (pendingComments.length > 0) {
                // The comments above a fact stay attached to it: the blank line goes above them.
                formatter.cst([pendingComments[0]!]).prepend(rule);
                formatter.cst(pendingComments.slice(1)).prepend(follow);
                formatter.cst([child]).prepend(isInsideBlock(node) ? lines(ONE_LINE) : follow);
            } else if (isRoot && !previousFact) {
                formatter.cst([child]).prepend(lines({ lines: 0, tabs: 0 }));
            } else {
                formatter.cst([child]).prepend(rule);
            }
            pendingComments = [];
            previousFact = child;
        });
        // Comments after the last fact of a block.
        const trailingRule = isRoot ? unindented(keepUpToOneBlankLine) : isInsideBlock(node) ? exactlyOneLine : keepUpToOneBlankLine;
        if (pendingComments.length > 0) {
            formatter.cst(pendingComments).prepend(previousFact ? trailingRule : isRoot ? unindented(exactlyOneLine) : exactlyOneLine);
        }
    }

    /** A fact starts with a keyword of its container (`goal`, `state`…) or with a nested element (a stage, an emotion…). */
    protected isFactStart(node: AstNode, child: CstNode): boolean {
        if (child.astNode !== node) return true;
        return isLeafCstNode(child) && child.grammarSource?.$type === 'Keyword';
    }

    /** How many line breaks go before a fact, from its container and its neighbours. */
    protected lineRule(node: AstNode, previous: CstNode | undefined, child: CstNode): FormattingAction {
        if (!previous) {
            return exactlyOneLine;
        }
        if (isJourneyFile(node)) {
            return isBlock(previous.astNode) || isBlock(child.astNode) ? exactlyBlankLine : keepUpToOneBlankLine;
        }
        if (isJourney(node)) {
            const current = child.astNode;
            const before = previous.astNode;
            const separate = (n: AstNode) => n !== node && (isStage(n) || isBlock(n));
            return separate(current) || separate(before) ? exactlyBlankLine : keepUpToOneBlankLine;
        }
        if (isStage(node)) {
            return keepUpToOneBlankLine;
        }
        return exactlyOneLine;
    }

    /**
     * Formats with the canonical options, normalises quotes and ends the file with one line break.
     * A range formats exactly its lines: their indentation and what is inside them, never a line
     * before or after (a selection of whole lines ends at the start of the next one, which it
     * does not hold).
     */
    protected override doDocumentFormat(document: LangiumDocument, _options: FormattingOptions, range?: Range): TextEdit[] {
        const lines = range && linesOf(range);
        // From the end of the line before, so that the first line's indentation is part of the work.
        const asked = lines && { start: { line: Math.max(0, lines.first - 1), character: 0 }, end: range.end };
        const edits = super.doDocumentFormat(document, CANONICAL_OPTIONS, asked);
        const extra = [...quoteEdits(document, range)];
        if (!range) {
            const end = finalLineBreakEdit(document);
            if (end) extra.push(end);
        }
        const text = document.textDocument;
        const inRange = (edit: TextEdit) => !lines || (edit.range.end.line >= lines.first && edit.range.end.line <= lines.last);
        return [...edits, ...extra].filter(inRange).sort((a, b) => text.offsetAt(a.range.start) - text.offsetAt(b.range.start));
    }

    /** Comments get their line breaks (not only their indentation) from the rule registered for them. */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        if (formatting && isComment(hidden) && !previous) {
            // The first comment of the file: no blank line above it.
            const before = context.document.getText({ start: { line: 0, character: 0 }, end: hidden.range.start });
            return before !== '' && before.trim() === '' ? [{ range: { start: { line: 0, character: 0 }, end: hidden.range.start }, newText: '' }] : [];
        }
        if (!formatting || !isComment(hidden) || !previous || previous.range.end.line === hidden.range.start.line) {
            return formatting ? [] : super.createHiddenTextEdits(previous, hidden, formatting, context);
        }
        const between = { start: previous.range.end, end: hidden.range.start };
        const move = this.findFittingMove(between, formatting.moves, context);
        const indentation = context.indentation + (move?.tabs ?? 0);
        const breaks = Math.max(1, move?.lines ?? 1);
        return [{ range: between, newText: '\n'.repeat(breaks) + '  '.repeat(indentation) }];
    }
}

/** The whole document formatted in the canonical layout (an unchanged text when it has syntax errors). */
export async function formatDocumentText(formatter: Formatter, document: LangiumDocument): Promise<string> {
    const edits = await formatter.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: CANONICAL_OPTIONS });
    return applyTextEdits(document.textDocument.getText(), edits, document);
}

/** Applies non-overlapping edits to `text` in one pass. */
export function applyTextEdits(text: string, edits: TextEdit[], document: LangiumDocument): string {
    const positioned = edits
        .map((edit) => ({ start: document.textDocument.offsetAt(edit.range.start), end: document.textDocument.offsetAt(edit.range.end), text: edit.newText }))
        .sort((a, b) => a.start - b.start);
    const parts: string[] = [];
    let done = 0;
    for (const edit of positioned) {
        parts.push(text.slice(done, edit.start), edit.text);
        done = edit.end;
    }
    parts.push(text.slice(done));
    return parts.join('');
}

/** The first and last lines a range holds (one ending at the start of a line does not hold that line). */
function linesOf(range: Range): { first: number; last: number } {
    const last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
    return { first: range.start.line, last };
}

function isComment(node: CstNode): boolean {
    return node.hidden && isLeafCstNode(node) && node.tokenType.name !== 'WS';
}

function isOwnLineComment(node: CstNode): boolean {
    if (!isComment(node)) return false;
    const previous = CstUtils.getPreviousNode(node, true);
    return !previous || previous.range.end.line < node.range.start.line;
}

function isInsideBlock(node: AstNode): boolean {
    return !isJourneyFile(node) && !isJourney(node) && !isStage(node);
}

/** Elements written over several lines, which get a blank line around them in a journey. */
function isBlock(node: AstNode): boolean {
    return isJourney(node) || ((isPersona(node) || isAction(node)) && node.$cstNode?.text.includes('{') === true);
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
    for (let i = items.length - 1; i >= 0; i--) {
        if (predicate(items[i]!)) return i;
    }
    return -1;
}

function* quoteEdits(document: LangiumDocument, range?: Range): Generator<TextEdit> {
    const root = document.parseResult.value.$cstNode;
    if (!root) return;
    for (const leaf of CstUtils.streamCst(root)) {
        if (!isLeafCstNode(leaf) || leaf.tokenType.name !== 'STRING' || !leaf.text.startsWith("'")) continue;
        const body = leaf.text.slice(1, -1);
        if (body.includes('"') || body.includes("\\'")) continue;
        if (range && (leaf.range.end.line < range.start.line || leaf.range.start.line > range.end.line)) continue;
        yield { range: leaf.range, newText: `"${body}"` };
    }
}

function finalLineBreakEdit(document: LangiumDocument): TextEdit | undefined {
    const text = document.textDocument.getText();
    const root = document.parseResult.value.$cstNode;
    let lastEnd = 0;
    if (root) {
        for (const leaf of CstUtils.streamCst(root)) {
            if (isLeafCstNode(leaf) && (!leaf.hidden || isComment(leaf))) lastEnd = Math.max(lastEnd, leaf.end);
        }
    }
    const tail = text.slice(lastEnd);
    const wanted = lastEnd === 0 ? '' : '\n';
    if (tail === wanted) return undefined;
    return { range: { start: document.textDocument.positionAt(lastEnd), end: document.textDocument.positionAt(text.length) }, newText: wanted };
}

/**
 * Incremental parsing: typing inside one stage, touchpoint or decision parses that element
 * again, not the whole map. Langium parses the whole text on every change; on a map of 1,000
 * touchpoints that parse was most of the time between a keystroke and its diagnostics.
 *
 * The element is the innermost stage, touchpoint or decision whose text holds the whole edit,
 * away from its first and last character (so the keyword that starts it and the `}` that ends it
 * are untouched). Its new text is parsed alone with its own grammar rule; when that parse reads
 * the whole text without any error, the new element replaces the old one in the tree (the rest
 * of the tree is kept, its positions shifted by the edit), which is what a full parse would have
 * built: the grammar is context-free, the lexer has no modes, and the tokens around the element
 * did not change. Anything else (an error anywhere, an edit across elements, the first parse of
 * a document) is parsed whole, as before. A property test compares both ways after random edits.
 */
import {
    CompositeCstNodeImpl, DefaultLangiumDocumentFactory, delayNextTick, OperationCancelled, type AstNode, type CstNode, type LangiumCoreServices,
    type LangiumDocument, type LangiumParser, type LangiumSharedCoreServices, type LeafCstNodeImpl, type ParseResult, type URI,
} from 'langium';
import type { CancellationToken } from 'vscode-jsonrpc';
import { childrenOf, replaceInTree } from './journey-ast-walk.js';
import { BIG_DOCUMENT } from './journey-document-builder.js';

/** The elements parsed again on their own, innermost first in a search from the root. */
const UNITS = new Set(['Stage', 'Touchpoint', 'Decision']);

/** What parsing again needs of the previous parse. */
interface Previous {
    result: ParseResult<AstNode>;
    text: string;
}

/** How many times a document was parsed incrementally and whole (for tests and the bench). */
export const parseCounts = { incremental: 0, inSteps: 0, whole: 0 };

export class JourneyDocumentFactory extends DefaultLangiumDocumentFactory {
    /** The parse of the document being updated, while its new text is parsed. */
    private previous: { uri: string; value: Previous } | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
    }

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: CancellationToken): Promise<LangiumDocument<T>> {
        const text = document.parseResult?.value?.$cstNode?.root.fullText;
        this.previous = text === undefined ? undefined : { uri: document.uri.toString(), value: { result: document.parseResult, text } };
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.previous = undefined;
        }
    }

    protected override async parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: CancellationToken): Promise<ParseResult<T>> {
        const previous = this.previous?.uri === uri.toString() ? this.previous.value : undefined;
        const services = this.serviceRegistry.getServices(uri) as LangiumCoreServices;
        if (previous) {
            const result = reparse(services.parser.LangiumParser, previous, text);
            if (result) {
                parseCounts.incremental++;
                return result as ParseResult<T>;
            }
        }
        // A big map opened, or changed across its elements: parsed a stage at a time, so that
        // other files keep answering (unless it had syntax errors: then it is parsed whole at once).
        const hadErrors = previous !== undefined && (previous.result.lexerErrors.length > 0 || previous.result.parserErrors.length > 0);
        if (text.length > BIG_DOCUMENT && !hadErrors) {
            const result = await parseInSteps(services.parser.LangiumParser, text, cancellationToken);
            if (result) {
                parseCounts.inSteps++;
                return result as ParseResult<T>;
            }
        }
        parseCounts.whole++;
        return super.parseAsync(uri, text, cancellationToken);
    }
}

/** How long a parse in steps works before it lets other work run (ms). */
const STEP_TIME = 8;

/**
 * Parses a big text a stage at a time, letting other work run in between: first the text with
 * every stage's body left out (`stage s "S" {}`), then each stage from the real text, put in its
 * place; last, the tokens outside the stages get their real places. Undefined when the text
 * has fewer than two stages or any part has a syntax error (the text is then parsed whole).
 */
export async function parseInSteps(parser: LangiumParser, text: string, cancelToken: CancellationToken): Promise<ParseResult<AstNode> | undefined> {
    const bodies = stageBodies(text);
    if (!bodies) return undefined;
    // The skeleton, and where each body starts in it (the characters left out before it).
    let skeleton = '';
    let from = 0;
    let leftOut = 0;
    const cuts: Array<{ at: number; before: number; length: number }> = [];
    for (const [open, close] of bodies) {
        skeleton += text.slice(from, open + 1);
        cuts.push({ at: open + 1 - leftOut, before: leftOut, length: close - open - 1 });
        leftOut += close - open - 1;
        from = close;
    }
    skeleton += text.slice(from);
    const step = stepper(cancelToken);
    await step(true);
    const result = parser.parse(skeleton);
    if (result.lexerErrors.length > 0 || result.parserErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const root = result.value;
    const rootCst = root.$cstNode as CompositeCstNodeImpl | undefined;
    const stages = childrenOf(root).flatMap((journey) => (journey.$type === 'Journey' ? childrenOf(journey).filter((node) => node.$type === 'Stage') : []));
    if (!rootCst || stages.length !== cuts.length) return undefined;
    const lines = lineStarts(text);
    const fresh = new Set<CstNode>();
    for (const [k, stage] of stages.entries()) {
        await step(false);
        const old = stage.$cstNode;
        const cut = cuts[k];
        if (!old || old.offset >= cut.at || old.end <= cut.at) return undefined;
        const start = old.offset + cut.before;
        const end = old.end + cut.before + cut.length;
        const parsed = parser.parse(text.slice(start, end), { rule: 'Stage' });
        if (parsed.lexerErrors.length > 0 || parsed.parserErrors.length > 0 || (parsed.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
        const cst = parsed.value.$cstNode as CompositeCstNodeImpl | undefined;
        if (!cst || parsed.value.$type !== 'Stage' || cst.container !== undefined) return undefined;
        const { line, character } = positionIn(lines, start);
        forEachLeaf(cst, (leaf) => shiftLeaf(leaf, start, line, leaf.range.start.line === 0 ? character : 0, leaf.range.end.line === 0 ? character : 0));
        if (!splice(root, stage, parsed.value, cst)) return undefined;
        fresh.add(cst);
    }
    // The tokens outside the stages: their places in the real text.
    await step(true);
    let next = 0;
    let shift = 0;
    forEachCstNode(rootCst, fresh, (node) => {
        if (node instanceof CompositeCstNodeImpl) {
            (node as unknown as { _rangeCache: unknown })._rangeCache = undefined;
            return;
        }
        const leaf = node as LeafCstNodeImpl;
        while (next < cuts.length && cuts[next].at <= leaf.offset) shift = cuts[next].before + cuts[next++].length;
        const offset = leaf.offset + shift;
        const startsAt = positionIn(lines, offset);
        const endsAt = positionIn(lines, offset + leaf.length);
        Object.assign(leaf, { _offset: offset, _startLine: startsAt.line, _startColumn: startsAt.character, _endLine: endsAt.line, _endColumn: endsAt.character });
    });
    (rootCst as unknown as { _text: string })._text = text;
    return result;
}

/** Lets other work run once this much time went by since it last did (or now, when `now`); throws when cancelled. */
function stepper(cancelToken: CancellationToken): (now: boolean) => Promise<void> {
    let worked = performance.now();
    return async (now) => {
        if (!now && performance.now() - worked < STEP_TIME) return;
        await delayNextTick();
        if (cancelToken.isCancellationRequested) throw OperationCancelled;
        worked = performance.now();
    };
}

/** The offset where each line of `text` starts. */
function lineStarts(text: string): number[] {
    const starts = [0];
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
}

/** The line and column (UTF-16 units, as the LSP counts) of `offset`. */
function positionIn(starts: readonly number[], offset: number): { line: number; character: number } {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return { line: low, character: offset - starts[low] };
}

/**
 * Where the bodies of the stages are (after `{`, before `}` of each `stage` inside a journey),
 * read with a plain scan of braces that skips strings and comments (lexing the whole text
 * would be one long step). Undefined at an unterminated string or comment. A wrong guess
 * cannot give a wrong tree: every part is then parsed, and any error means a whole parse.
 */
export function stageBodies(text: string): Array<[open: number, close: number]> | undefined {
    const bodies: Array<[open: number, close: number]> = [];
    let depth = 0;
    let stageKeyword = false;
    let open: number | undefined;
    const length = text.length;
    for (let i = 0; i < length; i++) {
        const c = text.charCodeAt(i);
        if (c === 34 /* " */ || c === 39 /* ' */) {
            let j = i + 1;
            while (j < length && text.charCodeAt(j) !== c) {
                const d = text.charCodeAt(j);
                if (d === 10 || d === 13) return undefined;
                j += d === 92 /* \\ */ ? 2 : 1;
            }
            if (j >= length) return undefined;
            i = j;
        } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
            const end = text.indexOf('\n', i);
            i = end < 0 ? length : end;
        } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
            const end = text.indexOf('*/', i + 2);
            if (end < 0) return undefined;
            i = end + 1;
        } else if (c === 123 /* { */) {
            if (stageKeyword && depth === 1) open = i;
            stageKeyword = false;
            depth++;
        } else if (c === 125 /* } */) {
            depth--;
            if (open !== undefined && depth === 1) {
                bodies.push([open, i]);
                open = undefined;
            }
        } else if (depth === 1 && c === 115 /* s */ && text.startsWith('stage', i) && !isWordChar(text.charCodeAt(i - 1)) && !isWordChar(text.charCodeAt(i + 5))) {
            stageKeyword = true;
            i += 4;
        } else if (isWordChar(c)) {
            // The rest of a word (an id containing `stage` is not the keyword).
            while (i + 1 < length && isWordChar(text.charCodeAt(i + 1))) i++;
        }
    }
    return bodies.length >= 2 ? bodies : undefined;
}

function isWordChar(c: number): boolean {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45;
}

/** The parse of `text` made from the previous parse by parsing one element again, or undefined when that is not possible. */
export function reparse(parser: LangiumParser, previous: Previous, text: string): ParseResult<AstNode> | undefined {
    const { result, text: oldText } = previous;
    const root = result.value;
    const rootCst = root.$cstNode;
    if (!rootCst || result.lexerErrors.length > 0 || result.parserErrors.length > 0 || (result.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    if (text === oldText) return undefined;

    // The edit: the text between the common start and the common end.
    const shorter = Math.min(oldText.length, text.length);
    let start = 0;
    while (start < shorter && oldText.charCodeAt(start) === text.charCodeAt(start)) start++;
    let tail = 0;
    while (tail < shorter - start && oldText.charCodeAt(oldText.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
    const oldEnd = oldText.length - tail;
    const delta = text.length - oldText.length;

    const unit = innermostUnit(root, start, oldEnd);
    if (!unit) return undefined;
    return replaceUnit(parser, result, unit, text, delta);
}

/**
 * Parses `unit` again from `text` (the whole new text, `delta` characters longer than the one
 * the tree was parsed from, the difference inside the unit) and puts the result in its place.
 */
function replaceUnit(parser: LangiumParser, result: ParseResult<AstNode>, unit: AstNode, text: string, delta: number): ParseResult<AstNode> | undefined {
    const root = result.value;
    const rootCst = root.$cstNode;
    if (!rootCst || !unit.$cstNode || !unit.$container || !unit.$containerProperty) return undefined;
    const old = unit.$cstNode as CompositeCstNodeImpl;
    if (!(old instanceof CompositeCstNodeImpl) || old.content[0]?.hidden || old.content.at(-1)?.hidden) return undefined;
    const unitText = text.slice(old.offset, old.end + delta);
    const fresh = parser.parse(unitText, { rule: unit.$type });
    if (fresh.lexerErrors.length > 0 || fresh.parserErrors.length > 0 || (fresh.lexerReport?.diagnostics.length ?? 0) > 0) return undefined;
    const node = fresh.value;
    const cst = node.$cstNode as CompositeCstNodeImpl | undefined;
    if (!cst || node.$type !== unit.$type || cst.container !== undefined) return undefined;

    // The new element's tree, moved to where the old one stood.
    const { line, character } = old.range.start;
    forEachLeaf(cst, (leaf) => shiftLeaf(leaf, old.offset, line, leaf.range.start.line === 0 ? character : 0, leaf.range.end.line === 0 ? character : 0));
    const oldEndPosition = old.range.end;
    const oldUnitEnd = old.end;
    const newEndPosition = positionAfter(cst);
    const lineDelta = newEndPosition.line - oldEndPosition.line;
    const columnDelta = newEndPosition.character - oldEndPosition.character;
    if (!splice(root, unit, node, cst)) return undefined;

    // Everything after the old element moves by the edit (nothing moves when it kept its length and lines).
    if (delta !== 0 || lineDelta !== 0 || columnDelta !== 0) forEachCstNode(rootCst as CompositeCstNodeImpl, cst, (node) => {
        if (node instanceof CompositeCstNodeImpl) {
            (node as unknown as { _rangeCache: unknown })._rangeCache = undefined;
            return;
        }
        const leaf = node as LeafCstNodeImpl;
        if (leaf.offset < oldUnitEnd) return;
        const onEndLine = leaf.range.start.line === oldEndPosition.line;
        shiftLeaf(leaf, delta, lineDelta, onEndLine ? columnDelta : 0, leaf.range.end.line === oldEndPosition.line ? columnDelta : 0);
    });
    (rootCst as unknown as { _text: string })._text = text;

    return { value: root, lexerErrors: [], parserErrors: [], lexerReport: fresh.lexerReport };
}

/** Puts `node`, parsed on its own (its tree `cst` already at its place), where `unit` stands, in the CST and the AST. */
function splice(root: AstNode, unit: AstNode, node: AstNode, cst: CompositeCstNodeImpl): boolean {
    const old = unit.$cstNode as CompositeCstNodeImpl | undefined;
    if (!(old instanceof CompositeCstNodeImpl) || !unit.$container || !unit.$containerProperty) return false;
    // A step (`Step: Touchpoint | Decision`) has its node for the rule call of Step around the
    // one for its own rule, which the element's own parse makes: that inner one is replaced.
    let replaced: CompositeCstNodeImpl = old;
    while (replaced.content.length === 1 && replaced.content[0] instanceof CompositeCstNodeImpl
        && replaced.content[0].offset === replaced.offset && replaced.content[0].end === replaced.end) {
        replaced = replaced.content[0];
    }
    const container = replaced.container as CompositeCstNodeImpl;
    const slot = container.content.indexOf(replaced);
    if (slot < 0) return false;
    // The root of the element's own parse becomes an inner node of the document's tree.
    Object.setPrototypeOf(cst, CompositeCstNodeImpl.prototype);
    delete (cst as unknown as { _text?: string })._text;
    cst.grammarSource = replaced.grammarSource;
    cst.container = container;
    container.content[slot] = cst;
    if (replaced !== old) {
        // The element's node is the outer one, as a whole parse makes it.
        (cst as unknown as { _astNode: unknown })._astNode = undefined;
        (node as { $cstNode?: CstNode }).$cstNode = old;
        old.astNode = node;
    }

    // The new element replaces the old one in the AST.
    replaceInTree(root, unit, node);
    const owner = unit.$container as unknown as Record<string, unknown>;
    const property = unit.$containerProperty;
    const held = owner[property];
    if (Array.isArray(held)) held[unit.$containerIndex ?? held.indexOf(unit)] = node;
    else owner[property] = node;
    Object.assign(node, { $container: unit.$container, $containerProperty: property, $containerIndex: unit.$containerIndex });
    return true;
}

/** The innermost stage, touchpoint or decision whose text holds `[start, end)` away from its first and last character. */
function innermostUnit(root: AstNode, start: number, end: number): AstNode | undefined {
    let found: AstNode | undefined;
    let parent: AstNode = root;
    for (;;) {
        let next: AstNode | undefined;
        for (const child of childrenOf(parent)) {
            const cst = child.$cstNode;
            if (cst && cst.offset < start && end < cst.end) {
                next = child;
                break;
            }
        }
        if (!next) return found;
        if (UNITS.has(next.$type)) found = next;
        parent = next;
    }
}

/** Where the last token of a tree ends (hidden tokens included: a comment at its end counts). */
function positionAfter(cst: CompositeCstNodeImpl): { line: number; character: number } {
    let last: CstNode | undefined = cst;
    while (last instanceof CompositeCstNodeImpl) last = last.content.at(-1);
    return last ? last.range.end : cst.range.end;
}

function shiftLeaf(leaf: LeafCstNodeImpl, offset: number, lines: number, startColumns: number, endColumns: number): void {
    const fields = leaf as unknown as { _offset: number; _startLine: number; _startColumn: number; _endLine: number; _endColumn: number };
    fields._offset += offset;
    fields._startLine += lines;
    fields._endLine += lines;
    fields._startColumn += startColumns;
    fields._endColumn += endColumns;
}

function forEachLeaf(node: CstNode, action: (leaf: LeafCstNodeImpl) => void): void {
    if (node instanceof CompositeCstNodeImpl) {
        (node as unknown as { _rangeCache: unknown })._rangeCache = undefined;
        for (const child of node.content) forEachLeaf(child, action);
    } else {
        action(node as LeafCstNodeImpl);
    }
}

/** Every node of the tree, except the subtrees `skip`. */
function forEachCstNode(node: CompositeCstNodeImpl, skip: CstNode | ReadonlySet<CstNode>, action: (node: CstNode) => void): void {
    action(node);
    for (const child of node.content) {
        if (skip instanceof Set ? skip.has(child) : child === skip) continue;
        if (child instanceof CompositeCstNodeImpl) forEachCstNode(child, skip, action);
        else action(child);
    }
}

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
    CompositeCstNodeImpl, DefaultLangiumDocumentFactory, type AstNode, type CstNode, type LangiumCoreServices,
    type LangiumDocument, type LangiumParser, type LangiumSharedCoreServices, type LeafCstNodeImpl, type ParseResult, type URI,
} from 'langium';
import type { CancellationToken } from 'vscode-jsonrpc';
import { replaceInTree } from './journey-ast-walk.js';

/** The elements parsed again on their own, innermost first in a search from the root. */
const UNITS = new Set(['Stage', 'Touchpoint', 'Decision']);

/** What parsing again needs of the previous parse. */
interface Previous {
    result: ParseResult<AstNode>;
    text: string;
}

/** How many times a document was parsed incrementally and whole (for tests and the bench). */
export const parseCounts = { incremental: 0, whole: 0 };

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
        if (previous) {
            const parser = (this.serviceRegistry.getServices(uri) as LangiumCoreServices).parser.LangiumParser;
            const result = reparse(parser, previous, text);
            if (result) {
                parseCounts.incremental++;
                return result as ParseResult<T>;
            }
        }
        parseCounts.whole++;
        return super.parseAsync(uri, text, cancellationToken);
    }
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
    if (!unit?.$cstNode || !unit.$container || !unit.$containerProperty) return undefined;
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
    // A step (`Step: Touchpoint | Decision`) has its node for the rule call of Step around the
    // one for its own rule, which the element's own parse makes: that inner one is replaced.
    let replaced: CompositeCstNodeImpl = old;
    while (replaced.content.length === 1 && replaced.content[0] instanceof CompositeCstNodeImpl
        && replaced.content[0].offset === replaced.offset && replaced.content[0].end === replaced.end) {
        replaced = replaced.content[0];
    }
    const container = replaced.container as CompositeCstNodeImpl;
    const slot = container.content.indexOf(replaced);
    if (slot < 0) return undefined;
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

    // Everything after the old element moves by the edit.
    forEachCstNode(rootCst as CompositeCstNodeImpl, cst, (node) => {
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

    // The new element replaces the old one in the AST.
    replaceInTree(root, unit, node);
    const owner = unit.$container as unknown as Record<string, unknown>;
    const property = unit.$containerProperty;
    const held = owner[property];
    if (Array.isArray(held)) held[unit.$containerIndex ?? held.indexOf(unit)] = node;
    else owner[property] = node;
    Object.assign(node, { $container: unit.$container, $containerProperty: property, $containerIndex: unit.$containerIndex });
    return { value: root, lexerErrors: [], parserErrors: [], lexerReport: fresh.lexerReport };
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

function childrenOf(node: AstNode): AstNode[] {
    const children: AstNode[] = [];
    for (const key in node) {
        if (key.charCodeAt(0) === 36 /* $ */) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const item of value) if (isNode(item)) children.push(item);
        } else if (isNode(value)) {
            children.push(value);
        }
    }
    return children;
}

function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';
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

/** Every node of the tree, except the subtree `skip`. */
function forEachCstNode(node: CompositeCstNodeImpl, skip: CstNode, action: (node: CstNode) => void): void {
    action(node);
    for (const child of node.content) {
        if (child === skip) continue;
        if (child instanceof CompositeCstNodeImpl) forEachCstNode(child, skip, action);
        else action(child);
    }
}

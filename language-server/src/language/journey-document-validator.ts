/**
 * The built-in part of checking a document (lexing, parsing and linking errors) and the limits
 * on what one document may report:
 * - a character the lexer cannot read is reported once: the parser errors it causes further on
 *   the same line (`persona léa` reads as `persona l a`, and the parser then trips over the
 *   `a`) are left out, since they disappear with the character. Parser errors on other lines stay;
 * - every diagnostic carries its LSP `code` (`lexing-error`, `parsing-error`, `linking-error`…),
 *   as the CLI prints it;
 * - at most `MAX_DIAGNOSTICS` per document (errors first), the last one saying how many more
 *   there are; a message longer than `MAX_MESSAGE_LENGTH` is cut, saying how much was left out.
 */
import type { IToken } from 'chevrotain';
import { DefaultDocumentValidator, type AstNode, type LangiumDocument, type ParseResult, type ValidationAcceptor, type ValidationOptions } from 'langium';
import { forEachNode, treeNodes } from './journey-ast-walk.js';
import { CancellationToken } from 'vscode-jsonrpc';
import type { Diagnostic } from 'vscode-languageserver-types';
import { issue, IssueCodes } from './journey-diagnostics.js';

/** The most diagnostics one document reports (the editor and the CLI); one more says how many were left out. */
export const MAX_DIAGNOSTICS = 500;
/** The longest message, in characters, before it is cut. */
export const MAX_MESSAGE_LENGTH = 1000;

export class JourneyDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const code = (diagnostic.data as { code?: unknown } | undefined)?.code;
            if (diagnostic.code === undefined && (typeof code === 'string' || typeof code === 'number')) diagnostic.code = code;
            if (typeof diagnostic.message === 'string') diagnostic.message = shortened(diagnostic.message);
        }
        return capped(diagnostics);
    }

    /** Langium's checks of every node, with a faster walk over the tree (journey-ast-walk.ts). */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken?: CancellationToken): Promise<void> {
        await forEachNode(treeNodes(rootNode), cancelToken, async (node) => {
            for (const check of this.validationRegistry.getChecks(node.$type, options.categories)) {
                await check(node, acceptor, cancelToken ?? CancellationToken.None);
            }
        });
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[], options: ValidationOptions): void {
        // The first unreadable character of each line (1-based lines, as chevrotain counts them).
        const firstLexed = new Map<number, number>();
        for (const error of parseResult.lexerErrors) {
            if (error.line === undefined) continue;
            firstLexed.set(error.line, Math.min(firstLexed.get(error.line) ?? Infinity, error.offset));
        }
        const followsLexerError = (token: IToken) => token.startOffset >= (firstLexed.get(token.startLine ?? NaN) ?? Infinity);
        const parserErrors = parseResult.parserErrors.filter((error) => !followsLexerError(error.token));
        super.processParsingErrors({ ...parseResult, parserErrors }, diagnostics, options);
    }
}

/** `message`, or its first `MAX_MESSAGE_LENGTH` characters and how many more there were. */
export function shortened(message: string): string {
    if (message.length <= MAX_MESSAGE_LENGTH) return message;
    const cut = message.slice(0, MAX_MESSAGE_LENGTH).replace(/\s+\S*$/, '');
    const left = message.length - cut.length;
    return `${cut} … (${left.toLocaleString('en')} more character${left === 1 ? '' : 's'} left out)`;
}

/** The first `MAX_DIAGNOSTICS` diagnostics, the most severe first, and one more saying how many are not shown. */
export function capped(diagnostics: Diagnostic[]): Diagnostic[] {
    if (diagnostics.length <= MAX_DIAGNOSTICS) return diagnostics;
    const ordered = diagnostics
        .map((diagnostic, index) => ({ diagnostic, index }))
        .sort((a, b) => (a.diagnostic.severity ?? 1) - (b.diagnostic.severity ?? 1) || a.index - b.index)
        .map((entry) => entry.diagnostic);
    const shown = ordered.slice(0, MAX_DIAGNOSTICS);
    const rest = ordered.slice(MAX_DIAGNOSTICS);
    const count = rest.length;
    const first = rest.reduce((a, b) => (compare(a, b) <= 0 ? a : b));
    shown.push({
        message: `${count.toLocaleString('en')} more problem${count === 1 ? '' : 's'} in this file ${count === 1 ? 'is' : 'are'} not shown: only the first ${MAX_DIAGNOSTICS} are. Fix these, or check that this is the map you meant to open; the first one not shown is here.`,
        range: first.range,
        severity: Math.min(...rest.map((d) => d.severity ?? 1)) as Diagnostic['severity'],
        source: first.source,
        ...issue(IssueCodes.TooManyProblems, { count }),
    });
    return shown;
}

function compare(a: Diagnostic, b: Diagnostic): number {
    return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

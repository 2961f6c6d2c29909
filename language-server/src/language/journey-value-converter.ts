/** Converts token text to values: strings keep every character, with `\n`, `\"`, `\u00e9` and `\u{1F600}` escapes. */
import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

export class JourneyValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'STRING') {
            return unescapeString(input.slice(1, -1));
        }
        return super.runConverter(rule, input, cstNode);
    }
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Turns the inside of a quoted label into its text. Unknown escapes keep the escaped character. */
export function unescapeString(body: string): string {
    return body.replace(/\\(u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|.)/g, (_match, escape: string, braced?: string, four?: string) => {
        const hex = braced ?? four;
        if (hex !== undefined) {
            const codePoint = parseInt(hex, 16);
            return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : escape;
        }
        return SIMPLE_ESCAPES[escape] ?? escape;
    });
}

/** A backslash in a label that is no escape: the reader would lose the backslash without knowing. */
export interface UnknownEscape {
    /** Where the backslash is, from the start of the label's inside (after the opening quote). */
    offset: number;
    /** The escape as written (`\q`, `\u12`). */
    text: string;
    /** What it reads as (`q`, `u12`). */
    reads: string;
}

/**
 * The escapes of a label's inside that mean nothing: a backslash before a letter or digit
 * other than `n r t b f v 0`, and `\u` without four hex digits or braces (`C:\Users` reads as
 * `C:Users`). A backslash before punctuation (`\"`, `\\`, `\'`) just keeps that character.
 */
export function unknownEscapes(body: string): UnknownEscape[] {
    const found: UnknownEscape[] = [];
    for (const match of body.matchAll(/\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|u[0-9a-fA-F]{0,3}|.)/gs)) {
        const escape = match[1];
        const braced = /^u\{([0-9a-fA-F]+)\}$/.exec(escape);
        if (braced && parseInt(braced[1], 16) <= 0x10ffff) continue;
        if (/^u[0-9a-fA-F]{4}$/.test(escape) || SIMPLE_ESCAPES[escape] !== undefined || !/^[\p{L}\p{N}]/u.test(escape)) continue;
        found.push({ offset: match.index, text: match[0], reads: unescapeString(match[0]) });
    }
    return found;
}

/** Writes a label as a double-quoted string literal that parses back to the same text. */
export function quoteString(text: string): string {
    return '"' + text.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!) + '"';
}

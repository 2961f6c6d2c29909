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

/** Writes a label as a double-quoted string literal that parses back to the same text. */
export function quoteString(text: string): string {
    return '"' + text.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!) + '"';
}

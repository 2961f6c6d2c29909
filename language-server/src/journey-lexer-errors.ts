/**
 * Messages for characters the lexer cannot read, written for the people who write maps:
 * what the character is, why it cannot stand there, and what to write instead. The position
 * comes with the diagnostic (line and column), so the message does not repeat it.
 */
import { DefaultLexerErrorMessageProvider } from 'langium';

/** Typographic quotes that word processors put in place of straight ones. */
const TYPOGRAPHIC_QUOTES = new Set(['“', '”', '„', '‟', '‘', '’', '‚', '‛', '«', '»', '‹', '›', '＂', '＇']);

export class JourneyLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number): string {
        return unexpectedCharacterMessage(fullText, startOffset);
    }
}

/** The message for the character at `offset` of `text`, which no token of the language starts with. */
export function unexpectedCharacterMessage(text: string, offset: number): string {
    const character = String.fromCodePoint(text.codePointAt(offset) ?? 0xfffd);
    if (character === '"' || character === "'") {
        return `This label has no closing ${character} on its line. A label starts and ends with ${character} on the same line (write \\n for a line break inside it).`;
    }
    if (TYPOGRAPHIC_QUOTES.has(character)) {
        return `'${character}' is a typographic quote: write labels between straight quotes, "like this" (a word processor may have changed them).`;
    }
    if (text.startsWith('/*', offset)) {
        return 'This comment is never closed: end it with */.';
    }
    if (/[\p{C}\p{Z}]/u.test(character)) {
        return `An invisible character (${codeOf(character)}) stands here, outside any label: remove it.`;
    }
    if (/[\p{L}\p{M}\p{N}]/u.test(character)) {
        const word = wordAround(text, offset);
        const ascii = asciiId(word);
        const rule = `'${character}' cannot be part of an id: ids use ASCII letters, digits, '_' and '-'`;
        return ascii
            ? `${rule} (write '${ascii}'). Words in other letters go in a label, between quotes: "${word}".`
            : `${rule}. Choose an id in those letters and put the words in a label, between quotes: "${word}".`;
    }
    return `'${character}' cannot be written here: outside quotes, a map holds keywords, ids, numbers, '{', '}' and '->'. Put it in a label, between quotes, or remove it.`;
}

/** The run of letters, digits, '_' and '-' the character at `offset` belongs to (looking at most 64 characters each way). */
function wordAround(text: string, offset: number): string {
    const before = /[\p{L}\p{M}\p{N}_-]*$/u.exec(text.slice(Math.max(0, offset - 64), offset))![0];
    const after = /^[\p{L}\p{M}\p{N}_-]*/u.exec(text.slice(offset, offset + 64))![0];
    return before + after;
}

/** `société` → `societe`: the word without accents, when that makes a valid id. */
function asciiId(word: string): string | undefined {
    const ascii = word.normalize('NFD').replace(/\p{M}/gu, '');
    return /^[_a-zA-Z](?:[\w-]*\w)?$/.test(ascii) ? ascii : undefined;
}

/** `U+00E9`. */
function codeOf(character: string): string {
    return 'U+' + character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}

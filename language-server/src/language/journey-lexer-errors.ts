/**
 * Messages for characters the lexer cannot read, written for the people who write maps:
 * what the character is, why it cannot stand there, and what to write instead. The position
 * comes with the diagnostic (line and column), so the message does not repeat it.
 */
import type { ILexingError } from 'chevrotain';
import { DefaultLexer, DefaultLexerErrorMessageProvider, type LexerResult, type TokenizeOptions } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';

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

/** Typographic quotes that open or close a label as `"` does, and as `'` does. */
const TYPOGRAPHIC_DOUBLE = new Set(['“', '”', '„', '‟', '«', '»', '＂']);
const TYPOGRAPHIC_SINGLE = new Set(['‘', '’', '‚', '‛', '‹', '›', '＇']);
/** The single typographic quotes (a label between them becomes a label between `'`). */
export const TYPOGRAPHIC_SINGLE_OPENERS: ReadonlySet<string> = TYPOGRAPHIC_SINGLE;

/**
 * Reads a label written between typographic quotes (`“Calls for a quote”`, pasted from a word
 * processor) as the label it was meant to be, and reports it as one error with a quick fix,
 * instead of an error at each quote and parser errors for every word in between.
 */
export class JourneyLexer extends DefaultLexer {
    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const labels = typographicLabels(text);
        // Most texts (every keystroke) have no typographic label, no comment left open and no id
        // with accents, which the plain lexer always reports at a character outside ASCII: read at once.
        if (labels.length === 0 && unclosedComment(text) === undefined) {
            const plain = super.tokenize(text, options);
            if (!plain.errors.some((error) => text.charCodeAt(error.offset) > 0x7f)) return plain;
        }
        const chars = text.split('');
        for (const { start, end, quote } of labels) {
            chars[start] = quote;
            chars[end - 1] = quote;
        }
        const straight = labels.length > 0 ? chars.join('') : text;
        // A comment never closed runs to the end of the file: one error where it opens, and what
        // follows is read as the comment it is (not as words that cannot stand there).
        const open = unclosedComment(straight);
        if (open !== undefined) for (let i = open; i < chars.length; i++) if (chars[i] !== '\r' && chars[i] !== '\n') chars[i] = ' ';
        const read = open === undefined ? straight : chars.join('');
        // An id written with accented letters (`société`) is read as one id (`societe`) with one
        // error at its first accent, not cut into a shorter id and errors after it.
        const ids = NON_ASCII.test(read) ? nonAsciiIds(read) : [];
        if (labels.length === 0 && open === undefined && ids.length === 0) return super.tokenize(text, options);
        for (const { start, end } of ids) {
            for (let i = start; i < end; i++) chars[i] = asciiStandIn(chars[i]!);
        }
        const result = super.tokenize(chars.join(''), options);
        const document = TextDocument.create('', '', 0, text);
        const at = (offset: number) => {
            const { line, character } = document.positionAt(offset);
            return { line: line + 1, column: character + 1 };
        };
        const errors: ILexingError[] = labels.map(({ start, end }) => ({ offset: start, length: end - start, ...at(start), message: typographicLabelMessage(text[start]!, text[end - 1]!) }));
        if (open !== undefined) errors.push({ offset: open, length: 2, ...at(open), message: unexpectedCharacterMessage(text, open) });
        for (const { first } of ids) errors.push({ offset: first, length: 1, ...at(first), message: unexpectedCharacterMessage(text, first) });
        return { ...result, errors: [...result.errors, ...errors].sort((a, b) => a.offset - b.offset) };
    }
}

const NON_ASCII = /[^\x00-\x7f]/;
/** Labels, comments and words, in reading order: a word is a run of letters, marks, digits, '_' and '-'. */
const PIECES = /"(?:\\.|[^"\\\r\n])*"?|'(?:\\.|[^'\\\r\n])*'?|\/\/[^\r\n]*|\/\*[\s\S]*?(?:\*\/|$)|[\p{L}\p{M}\p{N}_-]+/gu;

/**
 * The words outside labels and comments that start as an id does (a letter or '_') and hold
 * accented Latin letters (`société`, `niño`): where each starts and ends, and where its first
 * accented letter stands. A word with letters of another script is left to the lexer's errors:
 * no ASCII id could stand for it in messages.
 */
function nonAsciiIds(text: string): Array<{ start: number; end: number; first: number }> {
    const found: Array<{ start: number; end: number; first: number }> = [];
    for (const match of text.matchAll(PIECES)) {
        const word = match[0];
        if (!/^[\p{L}_]/u.test(word)) continue;
        const inside = word.search(NON_ASCII);
        if (inside < 0 || ![...word].every((character) => !NON_ASCII.test(character) || /[A-Za-z]/.test(character.normalize('NFD')[0]!))) continue;
        found.push({ start: match.index, end: match.index + word.length, first: match.index + inside });
    }
    return found;
}

/** The ASCII letter in place of an accented one of an id, one for one (offsets stay): `é` → `e`. */
function asciiStandIn(character: string): string {
    return NON_ASCII.test(character) ? character.normalize('NFD')[0]! : character;
}

/**
 * The offset of a `/*` (outside labels and line comments) that no `*\/` closes, if any. Inside a
 * comment everything is the comment, so only the last `/*` can be unclosed, and only when no
 * `*\/` comes after it: most texts are answered by that alone.
 */
function unclosedComment(text: string): number | undefined {
    const last = text.lastIndexOf('/*');
    if (last < 0 || text.indexOf('*/', last + 2) >= 0) return undefined;
    for (const match of text.matchAll(PIECES)) {
        const piece = match[0];
        // A comment that runs to the end of the text without its `*\/` (`/**\/` is the shortest closed one).
        if (piece.startsWith('/*') && !(piece.length >= 4 && piece.endsWith('*/'))) return match.index;
    }
    return undefined;
}

/** The message for a label between typographic quotes (also the quick fix's cue). */
export function typographicLabelMessage(open: string, close: string): string {
    const quotes = open === close ? `'${open}'` : `'${open}' and '${close}'`;
    return `This label is written between typographic quotes (${quotes}): write it between straight quotes, "like this" (a word processor may have changed them).`;
}

/** True when `text` (a diagnostic's range) is a label between typographic quotes. */
export function isTypographicLabel(text: string): boolean {
    return text.length >= 2 && ((TYPOGRAPHIC_DOUBLE.has(text[0]!) && TYPOGRAPHIC_DOUBLE.has(text[text.length - 1]!)) || (TYPOGRAPHIC_SINGLE.has(text[0]!) && TYPOGRAPHIC_SINGLE.has(text[text.length - 1]!)));
}

/**
 * Labels between typographic quotes outside labels and comments: an opening quote and the next
 * quote of the same kind on the same line, with no straight quote in between and no backslash
 * before the closing one. `end` is the offset after the closing quote.
 */
export function typographicLabels(text: string): Array<{ start: number; end: number; quote: '"' | "'" }> {
    const found: Array<{ start: number; end: number; quote: '"' | "'" }> = [];
    if (!ANY_TYPOGRAPHIC_QUOTE.test(text)) return found;
    const next = /["'/“”„‟«»＂‘’‚‛‹›＇]/g;
    let i = 0;
    for (let match = next.exec(text); match; match = next.exec(text)) {
        i = match.index;
        const c = text[i]!;
        if (c === '"' || c === "'") {
            const label = c === '"' ? DOUBLE_QUOTED : SINGLE_QUOTED;
            label.lastIndex = i;
            label.exec(text);
            i = label.lastIndex;
        } else if (c === '/') {
            if (text[i + 1] === '/') {
                const end = text.slice(i).search(/[\r\n]/);
                i = end < 0 ? text.length : i + end;
            } else if (text[i + 1] === '*') {
                const end = text.indexOf('*/', i + 2);
                i = end < 0 ? text.length : end + 2;
            } else {
                i++;
            }
        } else {
            const kind = TYPOGRAPHIC_DOUBLE.has(c) ? TYPOGRAPHIC_DOUBLE : TYPOGRAPHIC_SINGLE;
            const straight = kind === TYPOGRAPHIC_DOUBLE ? '"' : "'";
            let j = i + 1;
            while (j < text.length && !kind.has(text[j]!) && text[j] !== straight && text[j] !== '\n' && text[j] !== '\r') j++;
            if (j < text.length && kind.has(text[j]!) && text[j - 1] !== '\\') {
                found.push({ start: i, end: j + 1, quote: straight });
                i = j + 1;
            } else {
                i++;
            }
        }
        next.lastIndex = i;
    }
    return found;
}

/** Any typographic quote: a text without one (most maps) is not scanned at all. */
const ANY_TYPOGRAPHIC_QUOTE = /[“”„‟«»＂‘’‚‛‹›＇]/;
/** A label as the lexer reads it, or its unclosed start up to the end of its line (sticky). */
const DOUBLE_QUOTED = /"(?:\\.|[^"\\\r\n])*"?/y;
const SINGLE_QUOTED = /'(?:\\.|[^'\\\r\n])*'?/y;

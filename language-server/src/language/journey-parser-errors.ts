/**
 * Messages for syntax errors, written for the people who write maps: what was expected, in
 * words ("a number", "a label in quotes", "'}'"), and what was found ("the end of the file").
 * The position comes with the diagnostic, so the message does not repeat it.
 */
import type { IToken, TokenType } from 'chevrotain';
import { AstUtils, GrammarAST, LangiumParserErrorMessageProvider } from 'langium';
import { JourneyMapsGrammar } from '../generated/grammar.js';
import { closestName } from './journey-linker.js';

/** How the terminals of the grammar are named in messages; any other token is a keyword. */
const TERMINALS: Record<string, string> = {
    ID: 'an id',
    NUMBER: 'a number',
    STRING: 'a label in quotes',
};

/** How many expected words a message lists before "…". */
const LISTED = 8;

export class JourneyParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken }): string {
        return expectedMessage([options.expected], options.actual);
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        return `${found(options.firstRedundant)} comes after the end of the map: remove it, or check that every '{' and '}' pair up.`;
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }): string {
        return expectedMessage(options.expectedPathsPerAlt.flatMap((paths) => paths.map((path) => path[0])), options.actual[0]);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
        return expectedMessage(options.expectedIterationPaths.map((path) => path[0]), options.actual[0]);
    }
}

/** "Expected a number but found 'high'." / "The file ends too early: expected '}'." */
export function expectedMessage(expected: Array<TokenType | undefined>, actual: IToken | undefined): string {
    const tokens = expected.filter((token): token is TokenType => token !== undefined);
    // Only the end of the file could come here: what was found is left over after the map's last '}'.
    if (actual && !isEndOfFile(actual) && tokens.length > 0 && tokens.every((token) => token.name === 'EOF')) {
        return `${found(actual)} comes after the end of the map: remove it, or check that every '{' and '}' pair up.`;
    }
    const what = describe(tokens);
    if (!actual || isEndOfFile(actual)) {
        const brace = what === "'}'" ? " Every '{' needs its '}'." : '';
        return `The file ends too early: expected ${what}.${brace}`;
    }
    const names = expected.map((token) => token?.name);
    // The closest keyword expected here, or else the closest of the language (`emotoin` where only '}' was expected).
    const expectedWords = names.filter((name): name is string => name !== undefined && /^[a-z]+$/.test(name));
    const closest = closestName(actual.image, [...new Set(expectedWords)]) ?? closestName(actual.image, languageKeywords());
    const unknownWord = actual.tokenType?.name === 'ID' && names.every((name) => name !== undefined && TERMINALS[name] === undefined)
        ? ` '${actual.image}' is not a keyword that can stand here: is it misspelt?${closest ? ` Did you mean '${closest}'?` : ''}` : '';
    return `Expected ${what} but found ${found(actual)}.${unknownWord}`;
}

let keywords: string[] | undefined;
/** The words of the language (`emotion`, `touchpoint`…), from the grammar. */
function languageKeywords(): string[] {
    keywords ??= [...new Set(AstUtils.streamAllContents(JourneyMapsGrammar()).filter(GrammarAST.isKeyword).map((k) => k.value).filter((v) => /^[a-z]{3,}$/.test(v)))];
    return keywords;
}

/** The expected tokens in words; when an id is expected, the keywords that may also serve as ids are not listed. */
function describe(tokens: TokenType[]): string {
    const names = [...new Set(tokens.map((token) => token.name))];
    const words = names.includes('ID')
        ? ['ID', ...names.filter((name) => TERMINALS[name] !== undefined && name !== 'ID')]
        : names;
    const described = words.map((name) => TERMINALS[name] ?? (name === 'EOF' ? 'the end of the file' : `'${name}'`));
    if (described.length === 0) return 'something else';
    if (described.length === 1) return described[0];
    const shown = described.slice(0, LISTED);
    const more = described.length > LISTED ? ', …' : '';
    return `one of ${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}${more}`;
}

/** The token as people read it: 'emotoin', the label "Waits in line", the end of the file. */
function found(token: IToken): string {
    if (isEndOfFile(token)) return 'the end of the file';
    if (token.tokenType?.name === 'STRING') return `the label ${token.image}`;
    return `'${token.image}'`;
}

function isEndOfFile(token: IToken): boolean {
    return token.tokenType?.name === 'EOF' || token.image === '';
}

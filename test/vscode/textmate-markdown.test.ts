/**
 * The injection grammar that colours ```journey fences in Markdown editors, tokenized with the
 * real TextMate engine VS Code uses (vscode-textmate with Oniguruma) together with VS Code's own
 * Markdown grammar (from the VS Code server the editor tests run) and the journey grammar.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INITIAL, Registry, type IGrammar } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';

const root = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const markdownGrammar = path.join(root, '.tools/code-server/node_modules/code-server/lib/vscode/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json');
const grammars: Record<string, string> = {
    'text.html.markdown': markdownGrammar,
    'source.journey': path.join(root, 'extension/syntaxes/journey.tmLanguage.json'),
    'markdown.journey.codeblock': path.join(root, 'extension/syntaxes/journey-markdown.tmLanguage.json'),
};
let markdown: IGrammar;

/** The scopes of each token of each line: [text, scopes joined by spaces]. */
function tokenize(text: string): Array<Array<[string, string]>> {
    let stack = INITIAL;
    return text.split('\n').map((line) => {
        const result = markdown.tokenizeLine(line, stack);
        stack = result.ruleStack;
        return result.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.join(' ')] as [string, string]);
    });
}

function scopesOf(lines: Array<Array<[string, string]>>, line: number, text: string): string {
    const token = lines[line].find(([t]) => t === text);
    expect(token, `no token ${JSON.stringify(text)} on line ${line}: ${JSON.stringify(lines[line])}`).toBeDefined();
    return token![1];
}

beforeAll(async () => {
    expect(existsSync(markdownGrammar), 'VS Code\'s Markdown grammar comes with the VS Code server: run bash scripts/setup-test-tools.sh').toBe(true);
    await loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
    const injection = JSON.parse(readFileSync(grammars['markdown.journey.codeblock'], 'utf8'));
    const registry = new Registry({
        onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
        loadGrammar: async (scopeName) => (grammars[scopeName] ? JSON.parse(readFileSync(grammars[scopeName], 'utf8')) : null),
        // As VS Code does for `injectTo` in the extension's manifest.
        getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? [injection.scopeName] : undefined),
    });
    markdown = (await registry.loadGrammar('text.html.markdown'))!;
});

describe('```journey fences in Markdown', () => {
    it('colour their content with the journey grammar, as embedded journey code', () => {
        const lines = tokenize(['# Title', '', '```journey flow', 'journey coffee "Coffee" {', '  stage order "Order" {', '    touchpoint queue "Waits" {', '      owner sales', '      emotion 2', '    }', '  }', '}', '```', '', 'stage after the fence'].join('\n'));
        expect(scopesOf(lines, 2, 'journey')).toContain('fenced_code.block.language.markdown');
        expect(scopesOf(lines, 2, ' flow')).toContain('fenced_code.block.language.attributes.markdown');
        expect(scopesOf(lines, 4, 'stage')).toContain('meta.embedded.block.journey');
        expect(scopesOf(lines, 4, 'stage')).toContain('storage.type.journey');
        expect(scopesOf(lines, 4, 'order')).toContain('entity.name.type.journey');
        expect(scopesOf(lines, 4, '"')).toContain('string.quoted.double.journey');
        expect(scopesOf(lines, 6, 'sales')).toContain('variable.other.reference.journey');
        expect(scopesOf(lines, 7, '2')).toContain('constant.numeric.journey');
        // The closing fence ends the block: the text after it is Markdown again.
        expect(scopesOf(lines, 11, '```')).toContain('punctuation.definition.markdown');
        expect(lines[13].map(([, scopes]) => scopes).join(' ')).not.toContain('journey');
    });

    it('work with tildes, indentation and any case of the language word, and leave other fences alone', () => {
        const lines = tokenize(['- item', '', '  ~~~Journey', '  journey x {', '  }', '  ~~~', '', '```js', 'stage = 1', '```'].join('\n'));
        expect(scopesOf(lines, 3, 'journey')).toContain('meta.embedded.block.journey');
        expect(lines[8].map(([, scopes]) => scopes).join(' ')).not.toContain('journey');
    });
});

// Generates extension/syntaxes/journey.tmLanguage.json from grammar/journey.langium.
// Langium's own TextMate output colours keywords only (also inside hyphenated ids, and value words
// used as ids), has no numbers, names or arrows, and lets a string run over line ends although
// the STRING terminal cannot. This generator reads the same grammar and also knows which keyword
// declares a name, which one refers to one, which words are values, and the terminals' shapes.
// Usage: node scripts/generate-textmate.mjs   (runs after `langium generate` in `npm run generate`)
import { EmptyFileSystem, GrammarAST, URI } from 'langium';
import { createLangiumGrammarServices } from 'langium/grammar';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'grammar/journey.langium');
const target = path.join(root, 'extension/syntaxes/journey.tmLanguage.json');

const services = createLangiumGrammarServices(EmptyFileSystem).grammar;
const document = services.shared.workspace.LangiumDocumentFactory.fromString(readFileSync(source, 'utf8'), URI.file(source));
await services.shared.workspace.DocumentBuilder.build([document]);
const grammar = document.parseResult.value;

const keywords = new Set();
const declaring = new Set();
const referring = new Set();
const values = new Set();
for (const node of allNodes(grammar)) {
    if (GrammarAST.isKeyword(node) && /^[a-zA-Z]+$/.test(node.value)) keywords.add(node.value);
    if (GrammarAST.isGroup(node)) {
        node.elements.forEach((element, i) => {
            const next = node.elements[i + 1];
            if (!GrammarAST.isKeyword(element) || !GrammarAST.isAssignment(next)) return;
            if (next.feature === 'name') declaring.add(element.value);
            if (GrammarAST.isCrossReference(next.terminal)) referring.add(element.value);
        });
    }
}
// Value words: the alternatives of data-type rules that return strings (`JourneyState`, `ChannelMode`).
for (const rule of grammar.rules) {
    if (GrammarAST.isParserRule(rule) && rule.dataType === 'string' && rule.name !== 'Id' && GrammarAST.isAlternatives(rule.definition)) {
        for (const element of rule.definition.elements) if (GrammarAST.isKeyword(element)) values.add(element.value);
    }
}
const terminal = (name) => {
    const rule = grammar.rules.find((r) => GrammarAST.isTerminalRule(r) && r.name === name);
    if (!rule || !GrammarAST.isRegexToken(rule.definition)) throw new Error(`no regex terminal ${name} in the grammar`);
    return rule.definition.regex.replace(/^\/|\/$/g, '');
};
const id = terminal('ID');
const number = terminal('NUMBER');
const words = (set) => [...set].sort((a, b) => b.length - a.length || a.localeCompare(b)).join('|');
// A keyword is a whole word: not part of an identifier such as `stage-one` or `journeys`.
const word = (alternatives) => `(?<![\\w-])(?:${alternatives})(?![\\w-])`;
const plainKeywords = new Set([...keywords].filter((k) => !values.has(k) && !declaring.has(k) && !referring.has(k)));

const tmLanguage = {
    $comment: 'Generated from grammar/journey.langium by scripts/generate-textmate.mjs. Do not edit by hand.',
    name: 'journey',
    scopeName: 'source.journey',
    fileTypes: ['.journey'],
    patterns: [
        { include: '#comments' },
        { include: '#strings' },
        { include: '#declarations' },
        { include: '#references' },
        { include: '#values' },
        { include: '#keywords' },
        { include: '#numbers' },
        { include: '#punctuation' },
    ],
    repository: {
        comments: {
            patterns: [
                { name: 'comment.block.journey', begin: '/\\*', end: '\\*/', captures: { 0: { name: 'punctuation.definition.comment.journey' } } },
                { name: 'comment.line.double-slash.journey', begin: '//', end: '$', beginCaptures: { 0: { name: 'punctuation.definition.comment.journey' } } },
            ],
        },
        strings: {
            patterns: [
                // The STRING terminal ends at the line's end: an unclosed quote never colours the rest of the file.
                { name: 'string.quoted.double.journey', begin: '"', end: '"|$', beginCaptures: { 0: { name: 'punctuation.definition.string.begin.journey' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.journey' } }, patterns: [{ include: '#escape' }] },
                { name: 'string.quoted.single.journey', begin: "'", end: "'|$", beginCaptures: { 0: { name: 'punctuation.definition.string.begin.journey' } }, endCaptures: { 0: { name: 'punctuation.definition.string.end.journey' } }, patterns: [{ include: '#escape' }] },
            ],
        },
        escape: { name: 'constant.character.escape.journey', match: '\\\\.' },
        declarations: {
            // `stage awareness`, `touchpoint calls`: the keyword and the name it declares.
            match: `${word(words(declaring))}\\s+(${id})`.replace(/^\(\?<!\[\\w-\]\)\(\?:/, '(?<![\\w-])('),
            captures: { 1: { name: 'storage.type.journey' }, 2: { name: 'entity.name.type.journey' } },
        },
        references: {
            // `owner sales`, `next books`, `improves calls`, `emotion 2 for alex`: the name refers to a declaration.
            match: `(?<![\\w-])(${words(referring)})\\s+(${id})`,
            captures: { 1: { name: 'keyword.other.journey' }, 2: { name: 'variable.other.reference.journey' } },
        },
        values: { name: 'constant.language.journey', match: word(words(values)) },
        keywords: { name: 'keyword.other.journey', match: word(words(plainKeywords)) },
        numbers: { name: 'constant.numeric.journey', match: `(?<![\\w-])${number}(?![\\w])` },
        punctuation: {
            patterns: [
                { name: 'keyword.operator.arrow.journey', match: '->' },
                { name: 'punctuation.section.block.begin.journey', match: '\\{' },
                { name: 'punctuation.section.block.end.journey', match: '\\}' },
            ],
        },
    },
};

writeFileSync(target, JSON.stringify(tmLanguage, null, 2) + '\n');
console.log(`${path.relative(root, target)}: ${keywords.size} keywords (${declaring.size} declaring, ${referring.size} referring, ${values.size} values)`);

// The injection into Markdown: a ```journey (or ~~~journey) fence's content is coloured by the grammar
// above. Same shape as the fenced blocks of VS Code's own Markdown grammar (markdown-basics), which
// ends the block at a closing fence of the same marker and indentation.
const markdownTarget = path.join(root, 'extension/syntaxes/journey-markdown.tmLanguage.json');
const language = tmLanguage.name;
const markdownInjection = {
    $comment: 'Generated by scripts/generate-textmate.mjs. Do not edit by hand.',
    fileTypes: [],
    injectionSelector: 'L:text.html.markdown',
    scopeName: `markdown.${language}.codeblock`,
    patterns: [{ include: `#fenced_code_block_${language}` }],
    repository: {
        [`fenced_code_block_${language}`]: {
            begin: `(^|\\G)(\\s*)(\`{3,}|~{3,})\\s*(?i:(${language})((\\s+|:|,|\\{|\\?)[^\`]*)?$)`,
            name: 'markup.fenced_code.block.markdown',
            end: '(^|\\G)(\\2|\\s{0,3})(\\3)\\s*$',
            beginCaptures: {
                3: { name: 'punctuation.definition.markdown' },
                4: { name: 'fenced_code.block.language.markdown' },
                5: { name: 'fenced_code.block.language.attributes.markdown' },
            },
            endCaptures: { 3: { name: 'punctuation.definition.markdown' } },
            patterns: [{
                begin: '(^|\\G)(\\s*)(.*)',
                while: '(^|\\G)(?!\\s*([`~]{3,})\\s*$)',
                contentName: `meta.embedded.block.${language}`,
                patterns: [{ include: tmLanguage.scopeName }],
            }],
        },
    },
};
writeFileSync(markdownTarget, JSON.stringify(markdownInjection, null, 2) + '\n');
console.log(`${path.relative(root, markdownTarget)}: \`\`\`${language} fences in Markdown`);

function* allNodes(node) {
    yield node;
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        for (const child of Array.isArray(value) ? value : [value]) {
            if (child && typeof child === 'object' && typeof child.$type === 'string') yield* allNodes(child);
        }
    }
}

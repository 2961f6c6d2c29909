/**
 * How labels are written into Mermaid text. (That Mermaid then shows them exactly, and runs
 * nothing, is proven in a real browser by test/browser/views-hostile.test.ts.)
 */
import { describe, expect, test } from 'vitest';
import { entity, lineText, mermaidText, safeId, WORD_JOINER } from '../../language-server/src/views/escape.js';
import { fitsSankey } from '../../language-server/src/views/funnel-view.js';
import { markdownNote } from '../../language-server/src/views/markdown-document.js';
import { markdownText } from '../../language-server/src/views/markdown-escape.js';

describe('mermaidText', () => {
    test('keeps letters, digits, spaces, accents, emoji and right-to-left text as they are', () => {
        expect(mermaidText('Léa books 2 rooms (fast)! 😀 שלום')).toBe('Léa books 2 rooms (fast)! 😀 שלום');
    });

    test('writes every syntax character as a decimal entity code', () => {
        expect(mermaidText('a:b,c;d#e"f')).toBe('a#58;b#44;c#59;d#35;e#34;f');
        expect(mermaidText('<img src=x>')).toBe('#60;img src#61;x#62;');
        expect(mermaidText('%%{init}%%')).toBe('#37;#37;#123;init#125;#37;#37;');
        expect(mermaidText('$$x$$ *b* _i_ `c` [l](u) |p| ~s~ &amp;')).not.toMatch(/[$*_`[\]|~&]/);
    });

    test('leaves no character any diagram type reads as syntax', () => {
        const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
        const written = mermaidText(ascii);
        expect(written.replace(/#\d+;/g, '')).toMatch(/^[A-Za-z0-9 .!?'/()]*$/);
    });

    test('writes line breaks, tabs and other controls as entities, so a label stays on one line', () => {
        expect(mermaidText('one\ntwo\tthree\u2028four')).toBe('one#10;two#9;three#8232;four');
    });

    test('keeps leading and trailing spaces, which parsers would trim', () => {
        expect(mermaidText('  padded ')).toBe('#32;#32;padded#32;');
        expect(mermaidText('   ')).toBe('#32;#32;#32;');
    });

    test("keeps Mermaid's own placeholder pairs apart with an invisible word joiner", () => {
        expect(mermaidText('ﬂ°°60¶ß')).toBe(`ﬂ${WORD_JOINER}°°60¶${WORD_JOINER}ß`);
    });

    test('entity is the decimal code point, also beyond the BMP', () => {
        expect(entity(':')).toBe('#58;');
        expect(entity('😀')).toBe('#128512;');
    });
});

describe('lineText', () => {
    test('escapes the first letter of a label that starts with a keyword of a line-based diagram', () => {
        expect(lineText('section two', ['section'])).toBe('#115;ection two');
        expect(lineText('Title page', ['title'])).toBe('#84;itle page');
        expect(lineText('A section', ['section'])).toBe('A section');
        expect(lineText('Sections of the site', ['section'])).toBe('Sections of the site');
        // `x-axis`, `quadrant-1`…: the `-` is already an entity, so the keyword cannot match.
        expect(lineText('quadrant-1 first', ['title'])).toBe('quadrant#45;1 first');
    });
});

describe('safeId', () => {
    test('derives readable ids from model ids, with only letters, digits and _', () => {
        const taken = new Set<string>();
        expect(safeId('tp', 'calls', taken)).toBe('tp_calls');
        expect(safeId('tp', 'first-call', taken)).toBe('tp_first_call');
        expect(safeId('tp', 'first_call', taken)).toBe('tp_first_call_2');
    });

    test('never gives the same id twice', () => {
        const taken = new Set<string>();
        const ids = ['a_b', 'a-b', 'a_b_2', 'a_b'].map((id) => safeId('tp', id, taken));
        expect(new Set(ids).size).toBe(4);
        for (const id of ids) expect(id).toMatch(/^tp_[A-Za-z0-9_]+$/);
    });
});

describe('fitsSankey', () => {
    test('accepts printable ASCII a sankey shows as written', () => {
        expect(fitsSankey('Calls: "which size, 43 or 44?"')).toBe(true);
    });

    test('refuses what the sankey grammar or its sanitiser would change', () => {
        for (const label of ['Léa', 'Review ★', 'a <b> c', 'x & y', 'issue #12;', 'a %% b', ' padded', 'line\nbreak']) {
            expect(fitsSankey(label), label).toBe(false);
        }
    });
});

describe('markdownText', () => {
    test('shows Markdown and HTML punctuation literally', () => {
        expect(markdownText('**bold** <img src=x> & [l](u) `c` $x$ @me')).toBe('\\*\\*bold\\*\\* &lt;img src=x&gt; &amp; \\[l\\](u) \\`c\\` \\$x\\$ @\u2060me');
    });

    test('escapes a line-starting block marker and emoji codes, and keeps one line', () => {
        expect(markdownText('# Title')).toBe('\\# Title');
        expect(markdownText('- item')).toBe('\\- item');
        expect(markdownText('1. first')).toBe('1\\. first');
        expect(markdownText(':smile: ok\nnext')).toBe('\\:smile: ok next');
    });

    test('leaves ordinary text alone', () => {
        expect(markdownText('Click-through rate: 3.5 % (Lyon)')).toBe('Click-through rate: 3.5 % (Lyon)');
    });
});

describe('markdownNote (what an empty view says to add, in Markdown documents)', () => {
    test('keeps the keywords as code spans and escapes the text around them', () => {
        expect(markdownNote('Nothing to show yet: give touchpoints a `reach` (e.g. `reach 2000`) to draw the funnel.'))
            .toBe('Nothing to show yet: give touchpoints a `reach` (e.g. `reach 2000`) to draw the funnel.');
        expect(markdownNote('add an `action` with *stars* <b> & `1..5`')).toBe('add an `action` with \\*stars\\* &lt;b&gt; &amp; `1..5`');
    });

    test('a lone backtick is text, escaped', () => {
        expect(markdownNote('a ` b')).toBe('a \\` b');
    });
});

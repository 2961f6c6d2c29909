/**
 * The ```journey fences of a Markdown document (found by markdown-it, as VS Code's preview finds
 * them), the way back from a position in a fence to the document, the splice that keeps every
 * other byte, and the HTML the Markdown preview plugin writes for a fence.
 */
import MarkdownIt from 'markdown-it';
import { DomUtils, parseDocument } from 'htmlparser2';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createJourneyMarkdownFences, fenceHtml, REFRESH_RETRIES } from '../../extension/src/markdown/journey-markdown-it.js';
import type { JourneyMarkdownViewsResult } from '../../language-server/src/lsp/journey-markdown-protocol.js';
import { documentPosition, findJourneyFences, replaceFences } from '../../language-server/src/markdown/markdown-fences.js';

describe('journey fences of a Markdown document', () => {
    test('are found with their view, in quotes, list items and ~~~ fences; other code is left alone', () => {
        const markdown = [
            '```journey flow',    // 0
            'journey a {}',
            '```',
            '',
            '> ~~~~Journey',      // 4
            '> journey b {}',
            '> ~~~~',
            '',
            '    ```journey',     // 8: an indented code block, not a fence
            '',
            '- item',             // 10
            '',
            '  ```journey',       // 12
            '  journey c {}',
            '  ```',
            '',
            '```md',              // 16
            '```journey',
            '```',
        ].join('\n');
        const fences = findJourneyFences(markdown);
        expect(fences.map((f) => [f.startLine, f.endLine, f.argument, f.marker, f.prefix, f.content])).toEqual([
            [0, 3, 'flow', '```', '', 'journey a {}\n'],
            [4, 7, '', '~~~~', '> ', 'journey b {}\n'],
            [12, 15, '', '```', '  ', 'journey c {}\n'],
        ]);
    });

    test('map a position in the fence back to the document, past a quote or an indentation', () => {
        const markdown = 'Text\r\n\r\n> ```journey\r\n> journey x {\r\n>   stage s\r\n> }\r\n> ```\r\n';
        const [fence] = findJourneyFences(markdown);
        expect(documentPosition(markdown, fence, { line: 1, character: 2 })).toEqual({ line: 4, character: 4 });
        const listed = '- a\n\n  ```journey\n  journey x {\n  }\n  ```\n';
        expect(documentPosition(listed, findJourneyFences(listed)[0], { line: 0, character: 8 })).toEqual({ line: 3, character: 10 });
    });

    test('are replaced with every other byte kept: CRLF, CR, no final newline, an unclosed fence closed', () => {
        const crlf = 'a\r\n```journey\r\nx\r\n```\r\nb';
        expect(replaceFences(crlf, findJourneyFences(crlf), () => ['```mermaid', 'y', '```'])).toBe('a\r\n```mermaid\r\ny\r\n```\r\nb');
        const cr = 'a\r```journey\rx\r```';
        expect(replaceFences(cr, findJourneyFences(cr), () => ['```mermaid', 'y', '```'])).toBe('a\r```mermaid\ry\r```');
        const unclosed = 'a\n```journey\nx\n';
        expect(replaceFences(unclosed, findJourneyFences(unclosed), () => ['```mermaid', 'y', '```'])).toBe('a\n```mermaid\ny\n```\n');
        const untouched = '\uFEFFtitle\n\n```js\ncode\n```\n';
        expect(replaceFences(untouched, findJourneyFences(untouched), () => ['never'])).toBe(untouched);
    });
});

describe('the HTML of a fence in the Markdown preview', () => {
    const attributes = ' class="code-line journey-fence" data-line="4"';

    test('carries the Mermaid text escaped in an attribute, with the token\'s own attributes', () => {
        const html = fenceHtml({ view: 'flow', title: 'A "map" <b>', diagnostics: [], views: [{ view: 'flow', title: 'Flow', kind: 'diagram', mermaid: 'flowchart LR\n  a["<b>x</b> & \'y\'"]', sourceMap: [] }] }, 4, attributes);
        expect(html).toContain(attributes);
        expect(html).toContain('data-journey-mermaid="flowchart LR\n  a[&quot;&lt;b&gt;x&lt;/b&gt; &amp; &#39;y&#39;&quot;]"');
        expect(html).toContain('aria-label="A &quot;map&quot; &lt;b&gt; (Flow)"');
        expect(html).not.toContain('<b>');
    });

    test('draws a view in pieces as one block holding each piece under its caption, escaped', () => {
        const html = fenceHtml({
            view: 'journey', title: 'Trip', diagnostics: [],
            views: [{
                view: 'journey', title: 'Journey', kind: 'diagram', mermaid: 'journey\n  title whole', sourceMap: [],
                pieces: [
                    { caption: 'Search – <Book>', steps: ['a'], mermaid: 'journey\n  section Search\n  a: 3' },
                    { caption: 'Stay', steps: ['b'], mermaid: 'journey\n  section Stay\n  b: 4' },
                ],
            }],
        }, 4, attributes);
        const all = DomUtils.findAll(() => true, parseDocument(html).children);
        const withClass = (name: string) => all.filter((el) => (el.attribs.class ?? '').split(' ').includes(name));
        const [block] = withClass('journey-fence');
        expect(block?.attribs['data-journey-state']).toBe('diagram');
        expect(block?.attribs['data-journey-view']).toBe('journey');
        // The whole view is not drawn, only its pieces, in order, each after its caption.
        expect(block?.attribs['data-journey-mermaid']).toBeUndefined();
        const pieces = withClass('journey-fence-piece');
        expect(pieces.map((piece) => piece.attribs['data-journey-mermaid'])).toEqual(['journey\n  section Search\n  a: 3', 'journey\n  section Stay\n  b: 4']);
        expect(withClass('journey-fence-caption').map((caption) => DomUtils.textContent(caption))).toEqual(['Search – <Book>', 'Stay']);
        expect(pieces.map((piece) => (DomUtils.prevElementSibling(piece)?.attribs.class))).toEqual(['journey-fence-caption', 'journey-fence-caption']);
        expect(pieces[0]?.attribs['aria-label']).toBe('Trip (Journey): Search – <Book>');
        expect(html).not.toContain('<Book>');
    });

    test('lists errors with their lines in the document, and escapes what the user wrote', () => {
        const html = fenceHtml({
            view: 'journey', views: [], problem: 'Unknown view \'<img src=x onerror=alert(1)>\'',
            diagnostics: [{ message: 'No channel \'nowhere\'', severity: 1, range: { start: { line: 3, character: 6 }, end: { line: 3, character: 13 } } },
                { message: 'a warning', severity: 2, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
        }, 10, attributes);
        expect(html).toContain('data-journey-state="errors"');
        expect(html).toContain('has 2 errors');
        expect(html).toContain('Line 11:</span> Unknown view &#39;&lt;img src=x onerror=alert(1)&gt;&#39;');
        expect(html).toContain('Line 15:</span> No channel &#39;nowhere&#39;');
        expect(html).not.toContain('warning');
        expect(html).not.toContain('<img');
    });
});

describe('the Markdown preview plugin asking the preview to render again', () => {
    afterEach(() => {
        vi.useRealTimers();
    });
    const answer: JourneyMarkdownViewsResult = {
        view: 'journey', title: 'Trip', diagnostics: [],
        views: [{ kind: 'diagram', view: 'journey', title: 'Journey', mermaid: 'journey\n  title Trip' }],
    } as unknown as JourneyMarkdownViewsResult;
    const document = '# Trip\n\n```journey\njourney trip "Trip" {}\n```\n';

    /** A preview like VS Code's: `refresh` renders the document again, unless it drops the ask (a throttled update of its own was pending). */
    function preview(drop: (ask: number) => boolean) {
        const md = new MarkdownIt();
        let asks = 0;
        let html = '';
        const render = () => {
            html = md.render(document, { currentDocument: { toString: () => 'file:///guide.md' } });
        };
        const fences = createJourneyMarkdownFences({
            fetch: async () => answer,
            refresh: () => {
                if (!drop(++asks)) render();
            },
        });
        fences.extend(md as unknown as Parameters<typeof fences.extend>[0]);
        render();
        return { asks: () => asks, html: () => html, fences, render };
    }

    test('asks again a few times after an answer arrives, so that a refresh VS Code dropped is not the last', async () => {
        vi.useFakeTimers();
        const shown = preview((ask) => ask <= 2);
        expect(shown.html()).toContain('data-journey-state="pending"');
        await vi.advanceTimersByTimeAsync(20);
        expect(shown.asks()).toBe(1);
        expect(shown.html()).toContain('data-journey-state="pending"');
        await vi.advanceTimersByTimeAsync(REFRESH_RETRIES[0] + REFRESH_RETRIES[1]);
        expect(shown.asks()).toBe(3);
        expect(shown.html()).toContain('data-journey-state="diagram"');
        // A bounded number of asks in all, then none.
        await vi.advanceTimersByTimeAsync(60_000);
        expect(shown.asks()).toBe(1 + REFRESH_RETRIES.length);
    });

    test('answers arriving together make one series of asks; a new answer starts the series again', async () => {
        vi.useFakeTimers();
        const atOnce = preview(() => false);
        await vi.advanceTimersByTimeAsync(60_000);
        expect(atOnce.asks()).toBe(1 + REFRESH_RETRIES.length);
        expect(atOnce.html()).toContain('data-journey-state="diagram"');
        // A shared file changed: the answers are asked for again, and the previews refreshed again.
        atOnce.fences.invalidate();
        await vi.advanceTimersByTimeAsync(60_000);
        expect(atOnce.asks()).toBeGreaterThan(2 * (1 + REFRESH_RETRIES.length) - 1);
        expect(atOnce.html()).toContain('data-journey-state="diagram"');
    });
});

/** The preview page's security and the Markdown export, as pure functions. */
import { describe, expect, it } from 'vitest';
import { journeyMarkdown } from '../../extension/src/export/journey-markdown.js';
import { previewPageHtml } from '../../extension/src/preview/journey-preview-html.js';

const resources = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    mermaidScript: 'https://x/media/mermaid.min.js',
    previewScript: 'https://x/media/webview.js',
    previewStyle: 'https://x/media/preview.css',
    initialState: { uri: 'file:///a"b<c>.journey' },
};

describe('the preview page', () => {
    const html = previewPageHtml(resources, 'NONCE123');
    const csp = /Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';

    it('allows scripts by nonce only, and inline styles (Mermaid needs them) without a style nonce', () => {
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'nonce-NONCE123'");
        expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
        expect(csp).toMatch(/style-src [^;]*'unsafe-inline'/);
        expect(csp).not.toMatch(/style-src[^;]*nonce/);
        expect([...html.matchAll(/<script /g)].length).toBe([...html.matchAll(/<script nonce="NONCE123"/g)].length);
    });

    it('escapes the initial state into an attribute', () => {
        expect(html).not.toContain('b<c>');
        expect(html).toContain('b&lt;c&gt;.journey&quot;');
    });
});

describe('Save as Markdown', () => {
    it('writes one Mermaid block per view and says what to add for empty views', () => {
        const md = journeyMarkdown('Booking', [
            { view: 'flow', title: 'Flow', kind: 'diagram', mermaid: 'flowchart LR\n  a --> b\n', sourceMap: [] },
            { view: 'priorities', title: 'Priorities', kind: 'empty', message: 'Add an `action`.' },
        ]);
        expect(md).toBe('# Booking\n\n## Flow\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n## Priorities\n\n_Add an `action`._\n');
    });

    it('writes the journey\'s title as text, never as Markdown or HTML', () => {
        const md = journeyMarkdown('Fish & <b>chips</b> *now*', []);
        expect(md.split('\n')[0]).toBe('# Fish &amp; &lt;b&gt;chips&lt;/b&gt; \\*now\\*');
    });
});

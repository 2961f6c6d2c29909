/** The preview page's security, and the Markdown document the preview saves (served by the language server). */
import { describe, expect, it } from 'vitest';
import { viewsOfDocument } from '../../language-server/src/lsp/journey-preview-request.js';
import { parseJourney } from '../helpers.js';
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
    const text = [
        'journey fish "Fish & <b>chips</b> *now*" {',
        '  persona ana "Ana" { goal "Lunch" }',
        '  stage order "Order" {',
        '    kpi orders "Orders" target 30',
        '    touchpoint counter "At the counter" { persona ana emotion 4 }',
        '  }',
        '}',
    ].join('\n');

    it('is the document journey render --format markdown writes: title as text, personas, KPIs, a block per view', async () => {
        const { markdown } = viewsOfDocument(await parseJourney(text));
        expect(markdown?.split('\n')[0]).toBe('# Fish &amp; &lt;b&gt;chips&lt;/b&gt; \\*now\\*');
        expect(markdown).toContain('## Personas\n\n- **Ana**\n  - Goal: Lunch');
        expect(markdown).toContain('| Order | Orders | 30 |');
        expect(markdown).toContain('## Flow\n\n```mermaid\nflowchart LR');
        expect(markdown).toMatch(/## Priorities\n\n> .*action/);
    });

    it('is absent when the file holds no journey', async () => {
        expect(viewsOfDocument(await parseJourney('persona ana "Ana"')).markdown).toBeUndefined();
    });
});

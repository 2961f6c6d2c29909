// Bundles the CLI, the language server, the VS Code extension and its webview with esbuild.
// Usage: node scripts/build.mjs [--watch] [--minify]
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

/** Every bundle of the product; an entry whose source does not exist yet is skipped. */
const bundles = [
    { entry: 'language-server/src/cli/main.ts', out: 'out/cli.cjs', platform: 'node', format: 'cjs' },
    { entry: 'language-server/src/main.ts', out: 'out/server.cjs', platform: 'node', format: 'cjs' },
    { entry: 'language-server/src/main.ts', out: 'extension/out/server.cjs', platform: 'node', format: 'cjs' },
    { entry: 'extension/src/extension.ts', out: 'extension/out/extension.cjs', platform: 'node', format: 'cjs', external: ['vscode'] },
    // The web extension (vscode.dev, github.dev): the extension in the browser's extension host, the server in a web worker.
    { entry: 'extension/src/extension-browser.ts', out: 'extension/out/extension-browser.js', platform: 'browser', format: 'cjs', external: ['vscode'] },
    { entry: 'language-server/src/main-browser.ts', out: 'extension/out/server-browser.js', platform: 'browser', format: 'iife' },
    { entry: 'extension/webview/preview.ts', out: 'extension/media/webview.js', platform: 'browser', format: 'iife' },
    { entry: 'extension/webview/diff.ts', out: 'extension/media/diff-webview.js', platform: 'browser', format: 'iife' },
    { entry: 'extension/webview/markdown-preview.ts', out: 'extension/media/markdown-preview.js', platform: 'browser', format: 'iife' },
];

/** Static files the preview loads from extension/media (its only local resource root); copied, never committed. */
const mediaCopies = [
    { from: 'node_modules/mermaid/dist/mermaid.min.js', to: 'extension/media/mermaid.min.js' },
    { from: 'extension/webview/preview.css', to: 'extension/media/preview.css' },
    // The CLI's SVG/PNG rendering loads Mermaid from beside its bundle: the npm package ships it, not the mermaid package.
    { from: 'node_modules/mermaid/dist/mermaid.min.js', to: 'out/mermaid.min.js' },
    { from: 'extension/webview/markdown-preview.css', to: 'extension/media/markdown-preview.css' },
];
mkdirSync('extension/media', { recursive: true });
mkdirSync('out', { recursive: true });
for (const copy of mediaCopies.filter((c) => existsSync(c.from))) copyFileSync(copy.from, copy.to);

const contexts = [];
for (const bundle of bundles.filter((b) => existsSync(b.entry))) {
    const options = {
        entryPoints: [bundle.entry],
        outfile: bundle.out,
        bundle: true,
        platform: bundle.platform,
        format: bundle.format,
        target: bundle.platform === 'node' ? 'node22' : 'es2022',
        external: bundle.external ?? [],
        sourcemap: !minify,
        minify,
        logLevel: 'warning',
        // import.meta.url is used by a few dependencies; give CommonJS bundles a faithful value.
        ...(bundle.format === 'cjs' && bundle.platform === 'node'
            ? { define: { 'import.meta.url': '__import_meta_url' }, banner: { js: "const __import_meta_url = require('url').pathToFileURL(__filename).href;" } }
            : {}),
    };
    if (watch) {
        const context = await esbuild.context(options);
        await context.watch();
        contexts.push(context);
    } else {
        await esbuild.build(options);
    }
}
if (watch) console.log(`watching ${contexts.length} bundles`);

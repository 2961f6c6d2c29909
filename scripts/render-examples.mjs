// Renders every example map with the built CLI (run `npm run build` first; `npm run examples` does both):
// examples/out/<name>.md (the map as text plus every view as a ```mermaid block, as GitHub shows it)
// and examples/out/<name>-<view>.svg (each view drawn by Mermaid in headless Chromium, one browser for all),
// and examples/out/b2b/trial-week.md (the Markdown document with each ```journey block drawn as Mermaid),
// then the README's picture (scripts/readme-picture.mjs) and the VS Code walkthrough's (scripts/walkthrough-media.mjs).
// Files that hold only shared personas, channels or teams are skipped by `journey render` itself.
// Usage: node scripts/render-examples.mjs [--markdown-only]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'examples', 'out');
const cli = path.join(root, 'out', 'cli.cjs');
const markdownOnly = process.argv.includes('--markdown-only');

if (!existsSync(cli)) {
    console.error('render-examples: out/cli.cjs is missing. Run `npm run build` first (or `npm run examples`, which builds).');
    process.exit(2);
}

/** Runs `journey render examples …`, passing its messages through; stops the script when it fails. */
function render(...args) {
    const run = spawnSync(process.execPath, [cli, 'render', 'examples', ...args, '--out', 'examples/out'], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) {
        console.error(`render-examples: journey render examples ${args.join(' ')} failed (exit code ${run.status}).`);
        process.exit(1);
    }
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
render('--format', 'markdown');
if (!markdownOnly) render('--format', 'svg');
// The Markdown document whose ```journey blocks become ```mermaid blocks (GitHub draws them).
const documents = spawnSync(process.execPath, [cli, 'render', 'examples/b2b/trial-week.md', '--out', 'examples/out/b2b'], { cwd: root, stdio: 'inherit' });
if (documents.status !== 0) {
    console.error(`render-examples: journey render examples/b2b/trial-week.md failed (exit code ${documents.status}).`);
    process.exit(1);
}
// The README's picture (docs/images/hello.png) and the walkthrough's (extension/media/walkthrough/) come from the same build.
if (!markdownOnly) {
    for (const script of ['readme-picture.mjs', 'walkthrough-media.mjs']) {
        const picture = spawnSync(process.execPath, [path.join(root, 'scripts', script)], { cwd: root, stdio: 'inherit' });
        if (picture.status !== 0) process.exit(1);
    }
}
const files = readdirSync(out);
const maps = files.filter((file) => file.endsWith('.md')).length;
const pictures = files.filter((file) => file.endsWith('.svg')).length;
console.log(`${maps} example maps rendered to examples/out/ (${maps} Markdown documents${markdownOnly ? '' : `, ${pictures} SVG pictures`})`);

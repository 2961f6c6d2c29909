// Draws the README's picture: examples/hello.journey (the map the README's tour shows) in the
// first view of VIEW_IDS (the view a preview opens with), as a PNG drawn by the built CLI in
// headless Chromium. `npm run examples` runs it (after `npm run build`), so the picture follows
// the product: when the first view changes, so does the picture.
// Usage: node scripts/readme-picture.mjs [--out docs/images/hello.png]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'out', 'cli.cjs');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(root, 'docs', 'images', 'hello.png');
const example = path.join(root, 'examples', 'hello.journey');

if (!existsSync(cli)) {
    console.error('readme-picture: out/cli.cjs is missing. Run `npm run build` first (or `npm run examples`, which builds).');
    process.exit(2);
}

/** The first of the views, read from the source (views/view-types.ts), so no list is copied here. */
async function firstView() {
    const bundled = await esbuild.build({ entryPoints: [path.join(root, 'language-server/src/views/view-types.ts')], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
    const module = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
    return module.VIEW_IDS[0];
}

const view = await firstView();
// --force: this script owns the picture it writes (one drawn before journey marked its PNG files is replaced too).
const run = spawnSync(process.execPath, [cli, 'render', example, '--view', view, '--format', 'png', '--out', out, '--force'], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) {
    console.error(`readme-picture: journey render failed (exit code ${run.status}).`);
    process.exit(1);
}
console.log(`README picture: ${path.relative(root, out)} (the ${view} view of examples/hello.journey)`);

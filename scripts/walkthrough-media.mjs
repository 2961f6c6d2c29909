// Makes the pictures and pages of the extension's getting-started walkthrough from the product
// itself: the map "Journey: New Journey Map" writes, drawn by Mermaid in headless Chromium in the
// light and the dark theme (extension/media/walkthrough/<view>-<theme>.svg), its text
// (new-map.md), and what `journey diff` says when it changes (review.md). `npm run examples` runs
// it; the files are committed, since the .vsix ships them.
// Usage: node scripts/walkthrough-media.mjs [--out <folder>]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(root, 'extension', 'media', 'walkthrough');
const cli = path.join(root, 'out', 'cli.cjs');

// The drawing runs as a bundle of the product's own modules (scripts/walkthrough-drawings.ts).
const bundle = path.join(root, 'out', 'walkthrough-media.cjs');
await esbuild.build({ entryPoints: [path.join(root, 'scripts', 'walkthrough-drawings.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node22', outfile: bundle, logLevel: 'warning',
    define: { 'import.meta.url': '__import_meta_url' }, banner: { js: "const __import_meta_url = require('url').pathToFileURL(__filename).href;" } });
const { draw } = await import(bundle);

const NAME = 'Booking a home cleaning';
const { map, files, completion } = await draw(NAME, ['journey', 'flow']);
if (completion.length === 0) throw new Error('completion offered nothing after "channel " in the template');
mkdirSync(out, { recursive: true });
for (const [file, svg] of Object.entries(files)) writeFileSync(path.join(out, file), svg);

// The map's text, as the command writes it.
writeFileSync(path.join(out, 'new-map.md'), `The map *Journey: New Journey Map* writes for the name “${NAME}”:\n\n\`\`\`journey\n${map.text}\`\`\`\n`);

// What completion offers, as the editor lists it.
writeFileSync(path.join(out, 'completion.md'), [
    'In a touchpoint, after `channel `, completion (Ctrl+Space) offers the channels the map declares:',
    '',
    '```journey',
    '    touchpoint calls "Calls with a question" {',
    '      persona customer',
    '      channel ▌',
    '```',
    '',
    '| suggestion | what it is |',
    '|---|---|',
    ...completion.map((item) => `| \`${item.label}\` | ${item.detail.replace(/\|/g, '\\|')} |`),
    '',
    'The same goes for personas, teams and `next` targets; after `emotion `, the five scores with their faces.',
    '',
].join('\n'));

// What \`journey diff\` says when the map changes (run by the real CLI on two files).
const temp = mkdtempSync(path.join(tmpdir(), 'journey-walkthrough-'));
try {
    mkdirSync(path.join(temp, 'main'));
    mkdirSync(path.join(temp, 'branch'));
    writeFileSync(path.join(temp, 'main', `${map.id}.journey`), map.text);
    writeFileSync(path.join(temp, 'branch', `${map.id}.journey`), map.text.replace('emotion 2', 'emotion 4').replace('      pain "Waits ten minutes on hold"\n', ''));
    const diff = spawnSync(process.execPath, [cli, 'diff', `main/${map.id}.journey`, `branch/${map.id}.journey`], { cwd: temp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (diff.status !== 0) throw new Error(`journey diff failed: ${diff.stderr}`);
    writeFileSync(path.join(out, 'review.md'), [
        'A pull request that changes a map gets a comment listing what changed in the journey, not which lines moved:',
        '',
        '```',
        `$ npx --no-install journey diff main/${map.id}.journey branch/${map.id}.journey`,
        diff.stdout.trimEnd(),
        '```',
        '',
        'With `--format markdown`, the report carries the before and after pictures, which GitHub draws.',
        '',
    ].join('\n'));
} finally {
    rmSync(temp, { recursive: true, force: true });
}
console.log(`walkthrough media: ${Object.keys(files).length} pictures, new-map.md, completion.md and review.md in ${path.relative(root, out)}`);

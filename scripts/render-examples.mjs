// Renders every example map with the built CLI (run `npm run build` first; `npm run examples` does both):
// examples/out/<name>.md (the map as text plus every view as a ```mermaid block, as GitHub shows it)
// and examples/out/<name>-<view>.svg (each view drawn by Mermaid in headless Chromium).
// Files that hold only shared personas, channels or teams are skipped.
// Usage: node scripts/render-examples.mjs [--markdown-only]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const out = path.join(examples, 'out');
const cli = path.join(root, 'out', 'cli.cjs');
const markdownOnly = process.argv.includes('--markdown-only');

if (!existsSync(cli)) {
    console.error('render-examples: out/cli.cjs is missing. Run `npm run build` first (or `npm run examples`, which builds).');
    process.exit(2);
}

/** Every .journey file under `folder`, except the generated output. */
function journeyFiles(folder) {
    return readdirSync(folder, { withFileTypes: true })
        .flatMap((entry) => {
            const file = path.join(folder, entry.name);
            if (entry.isDirectory()) return file === out ? [] : journeyFiles(file);
            return entry.name.endsWith('.journey') ? [file] : [];
        })
        .sort();
}

/** Runs `journey render` and returns its result. */
function render(file, ...args) {
    return spawnSync(process.execPath, [cli, 'render', file, ...args], { cwd: root, encoding: 'utf8' });
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let rendered = 0;
for (const file of journeyFiles(examples)) {
    const name = path.basename(file, '.journey');
    const shown = path.relative(root, file);
    const markdown = render(file, '--format', 'markdown', '--out', path.join(out, `${name}.md`));
    if (markdown.status !== 0 && markdown.stderr.includes('holds no journey')) {
        console.log(`skipped  ${shown} (shared declarations only)`);
        continue;
    }
    if (markdown.status !== 0) {
        process.stderr.write(markdown.stderr);
        console.error(`render-examples: ${shown} could not be rendered.`);
        process.exit(1);
    }
    if (!markdownOnly) {
        const svg = render(file, '--format', 'svg', '--out', out);
        if (svg.status !== 0) {
            process.stderr.write(svg.stderr);
            console.error(`render-examples: ${shown}: SVG rendering failed.`);
            process.exit(1);
        }
    }
    console.log(`rendered ${shown} -> examples/out/${name}.md${markdownOnly ? '' : ` + examples/out/${name}-<view>.svg`}`);
    rendered++;
}
console.log(`${rendered} example maps rendered to examples/out/`);

// Packages the VS Code extension from extension/ into dist/journey-maps-<version>.vsix with @vscode/vsce.
// Usage: node scripts/package-extension.mjs [--out <file.vsix or folder>] [--no-build] [--extension <folder>]
// It first builds minified bundles (the manifest's vscode:prepublish; --no-build packages the bundles
// as they are), then checks the files that go in: no node_modules, sources, tests or source maps,
// and every bundle. Only then is the .vsix written, into a staging copy, so a failed check or a
// failed write leaves no package behind. Prints the size and the files. (--extension packages
// another copy of the extension folder as it is, without a build; the tests use it.)
import { createVSIX, listFiles } from '@vscode/vsce';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? path.resolve(args[args.indexOf(name) + 1] ?? '') : undefined);
const cwd = option('--extension') ?? path.join(root, 'extension');
const manifest = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8'));
const out = option('--out') ?? path.join(root, 'dist');
const packageName = `${manifest.name}-${manifest.version}.vsix`;
const packagePath = out.endsWith('.vsix') ? out : path.join(out, packageName);

/** Files that must never be in the package, and files it cannot work without. */
const FORBIDDEN = /(^|\/)node_modules\/|\.tsx?$|(^|\/)(src|webview|test)\/|\.map$/;
const NEEDED = ['package.json', 'out/extension.cjs', 'out/server.cjs', 'out/extension-browser.js', 'out/server-browser.js', 'media/webview.js', 'media/diff-webview.js', 'media/mermaid.min.js', 'media/preview.css', 'syntaxes/journey.tmLanguage.json'];

function fail(message) {
    console.error(message);
    process.exit(1);
}

if (!args.includes('--no-build') && !option('--extension')) {
    const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--minify'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) fail('The minified build failed.');
}

const files = (await listFiles({ cwd, packageManager: 'none' })).sort();
const forbidden = files.filter((file) => FORBIDDEN.test(file));
if (forbidden.length > 0) fail(`The package would hold files it must not: ${forbidden.join(', ')}. Nothing was written.`);
const missing = NEEDED.filter((file) => !files.includes(file));
if (missing.length > 0) fail(`The package would lack ${missing.join(', ')}: run \`npm run build\` first. Nothing was written.`);

// vsce packs a staging copy of exactly the checked files (the manifest without its prepublish
// build, which has run), and the .vsix is moved into place only once it is complete.
const staging = mkdtempSync(path.join(tmpdir(), 'journey-vsix-'));
let failure;
try {
    for (const file of files) {
        mkdirSync(path.dirname(path.join(staging, file)), { recursive: true });
        copyFileSync(path.join(cwd, file), path.join(staging, file));
    }
    copyFileSync(path.join(cwd, '.vscodeignore'), path.join(staging, '.vscodeignore'));
    const { 'vscode:prepublish': _built, ...scripts } = manifest.scripts ?? {};
    writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ ...manifest, scripts }, null, 2) + '\n');
    const written = path.join(staging, packageName);
    await createVSIX({ cwd: staging, packagePath: written, dependencies: false });
    mkdirSync(path.dirname(packagePath), { recursive: true });
    // Copied under a temporary name (the staging folder may be on another file system), then renamed.
    copyFileSync(written, `${packagePath}.partial`);
    renameSync(`${packagePath}.partial`, packagePath);
} catch (error) {
    failure = error;
    rmSync(`${packagePath}.partial`, { force: true });
} finally {
    rmSync(staging, { recursive: true, force: true });
}
if (failure) fail(`Packaging failed, nothing was written: ${failure?.message ?? failure}`);

if (!existsSync(packagePath)) fail(`${packagePath} was not written.`);
const size = statSync(packagePath).size;
const shown = packagePath.startsWith(root + path.sep) ? path.relative(root, packagePath) : packagePath;
console.log(`${shown}: ${files.length} files, ${(size / 1024 / 1024).toFixed(2)} MB (${size} bytes)`);
for (const file of files) console.log(`  ${file}`);

// Packages the VS Code extension from extension/ into dist/journey-maps-<version>.vsix with @vscode/vsce.
// The manifest's vscode:prepublish builds minified bundles; everything is bundled, so no node_modules go in.
// Fails if the package would hold node_modules, sources, tests or source maps. Prints the size.
import { createVSIX, listFiles } from '@vscode/vsce';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cwd = path.join(root, 'extension');
const manifest = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8'));
const packagePath = path.join(root, 'dist', `${manifest.name}-${manifest.version}.vsix`);

mkdirSync(path.dirname(packagePath), { recursive: true });
await createVSIX({ cwd, packagePath, dependencies: false });

const files = await listFiles({ cwd, packageManager: 'none' });
const forbidden = files.filter((file) => /(^|\/)node_modules\/|\.tsx?$|(^|\/)(src|webview|test)\/|\.map$/.test(file));
if (forbidden.length > 0) {
    console.error(`The package holds files it must not: ${forbidden.join(', ')}`);
    process.exit(1);
}
for (const needed of ['out/extension.cjs', 'out/server.cjs', 'media/webview.js', 'media/mermaid.min.js', 'media/preview.css', 'syntaxes/journey.tmLanguage.json']) {
    if (!files.includes(needed)) {
        console.error(`The package lacks ${needed}: run \`npm run build\` first.`);
        process.exit(1);
    }
}
const size = statSync(packagePath).size;
console.log(`${path.relative(root, packagePath)}: ${files.length} files, ${(size / 1024 / 1024).toFixed(2)} MB (${size} bytes)`);
for (const file of files.sort()) console.log(`  ${file}`);

/**
 * Every doc and workflow calls the command in a form that cannot fetch another package: `journey`
 * on the npm registry is an unrelated package, and a bare `npx journey` downloads it wherever
 * the CLI is not installed. `npx --no-install journey` (or the package's own name) never does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const filesIn = (folder: string, extension: string) => readdirSync(path.join(ROOT, folder)).filter((name) => name.endsWith(extension)).map((name) => `${folder}/${name}`);
const FILES = ['README.md', 'extension/README.md', ...filesIn('docs', '.md'), ...filesIn('.github/workflows', '.yml'), ...filesIn('examples/github', '.yml'), ...filesIn('extension/media/walkthrough', '.md')];

test('no doc or workflow runs a bare `npx journey`', () => {
    const bare = FILES.flatMap((file) => readFileSync(path.join(ROOT, file), 'utf8').split('\n')
        .map((line, index) => ({ where: `${file}:${index + 1}`, line }))
        .filter(({ line }) => /\bnpx\s+(?:(?:-y|--yes|-p\s+\S+|--package[= ]\S+)\s+)*journey\b/.test(line)));
    expect(bare.map(({ where, line }) => `${where}: ${line.trim()}`)).toEqual([]);
});

test('the workflows run the installed command with npx --no-install journey', () => {
    for (const file of [...filesIn('.github/workflows', '.yml'), ...filesIn('examples/github', '.yml')].filter((name) => readFileSync(path.join(ROOT, name), 'utf8').includes('journey check'))) {
        expect(readFileSync(path.join(ROOT, file), 'utf8'), file).toMatch(/run: npx --no-install journey check/);
    }
});

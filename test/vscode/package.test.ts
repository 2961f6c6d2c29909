/**
 * The .vsix that `npm run package` writes (scripts/package-extension.mjs, with @vscode/vsce, offline):
 * only the bundles, Mermaid and the static files go in, never node_modules, sources or tests; the
 * size is printed; and a package that fails its check is never written.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(path.join(tmpdir(), 'journey-package-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Runs the packaging script on the bundles as they are (no minified rebuild of the tree other tests use). */
function packageExtension(...args: string[]) {
    return spawnSync(process.execPath, [path.join(root, 'scripts/package-extension.mjs'), '--no-build', ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
    });
}

/** The entries of a zip file, read from its central directory: name → contents. */
function unzip(file: string): Map<string, Buffer> {
    const zip = readFileSync(file);
    let end = zip.length - 22;
    while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
    if (end < 0) throw new Error(`${file} is not a zip file`);
    const entries = new Map<string, Buffer>();
    let at = zip.readUInt32LE(end + 16);
    for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
        if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i} in ${file}`);
        const method = zip.readUInt16LE(at + 10);
        const compressedSize = zip.readUInt32LE(at + 20);
        const nameLength = zip.readUInt16LE(at + 28);
        const local = zip.readUInt32LE(at + 42);
        const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const raw = zip.subarray(data, data + compressedSize);
        entries.set(zip.toString('utf8', at + 46, at + 46 + nameLength), method === 8 ? inflateRawSync(raw) : raw);
        at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return entries;
}

describe('the extension package', () => {
    it('holds the bundles, Mermaid and the webview scripts, and no node_modules, sources, tests or source maps', () => {
        const target = path.join(temp, 'journey.vsix');
        const run = packageExtension('--out', target);
        expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
        const size = statSync(target).size;
        const sizeLine = run.stdout.split('\n').find((line) => line.startsWith(`${target}: `));
        const printed = /: (\d+) files, ([\d.]+) MB \((\d+) bytes\)$/.exec(sizeLine ?? '');
        expect(printed, `no size line in:\n${run.stdout}`).not.toBeNull();
        expect(Number(printed![3])).toBe(size);
        expect(printed![2]).toBe((size / 1024 / 1024).toFixed(2));
        const zip = unzip(target);
        const entries = [...zip.keys()];
        for (const needed of ['extension/package.json', 'extension/out/extension.cjs', 'extension/out/server.cjs', 'extension/out/extension-browser.js', 'extension/out/server-browser.js', 'extension/media/mermaid.min.js',
            'extension/media/webview.js', 'extension/media/diff-webview.js', 'extension/media/preview.css', 'extension/syntaxes/journey.tmLanguage.json',
            'extension/media/markdown-preview.js', 'extension/media/markdown-preview.css', 'extension/syntaxes/journey-markdown.tmLanguage.json']) {
            expect(entries, needed).toContain(needed);
        }
        expect(entries.filter((e) => /(^|\/)node_modules\/|\.tsx?$|\.map$|(^|\/)(src|webview|test)\//.test(e))).toEqual([]);
        expect(entries.filter((e) => e.startsWith('extension/out/')).sort()).toEqual(['extension/out/extension-browser.js', 'extension/out/extension.cjs', 'extension/out/server-browser.js', 'extension/out/server.cjs']);
        expect(zip.get('extension/out/extension.cjs')!.equals(readFileSync(path.join(root, 'extension/out/extension.cjs'))), 'the packed extension bundle').toBe(true);
        // The files listed after the size are the ones in the package.
        const lines = run.stdout.split('\n');
        const listed = lines.slice(lines.indexOf(sizeLine!) + 1).map((line) => line.trim()).filter(Boolean);
        const packed = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length).replace(/^LICENSE\.txt$/, 'LICENSE').replace(/^readme\.md$/, 'README.md'));
        expect(listed.sort()).toEqual(packed.sort());
        expect(listed.length).toBe(Number(printed![1]));
        // The packaged manifest starts the extension from its bundle and runs no build.
        const manifest = JSON.parse(zip.get('extension/package.json')!.toString('utf8')) as { main: string; browser: string; scripts?: Record<string, string> };
        expect(manifest.main).toBe('./out/extension.cjs');
        expect(manifest.browser).toBe('./out/extension-browser.js');
        expect(manifest.scripts?.['vscode:prepublish']).toBeUndefined();
    }, 120_000);

    it('holds every picture and page of the getting-started walkthrough, both themes, and the New Journey Map entries', () => {
        const target = path.join(temp, 'walkthrough.vsix');
        const run = packageExtension('--out', target);
        expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
        const zip = unzip(target);
        const manifest = JSON.parse(zip.get('extension/package.json')!.toString('utf8')) as {
            contributes: {
                commands: Array<{ command: string }>;
                menus: Record<string, Array<{ command: string }>>;
                walkthroughs: Array<{ steps: Array<{ id: string; media: { image?: Record<string, string>; markdown?: string } }> }>;
            };
        };
        expect(manifest.contributes.commands.map((c) => c.command)).toContain('journey.newMap');
        expect(manifest.contributes.menus['file/newFile']).toEqual([{ command: 'journey.newMap', group: 'file' }]);
        const steps = manifest.contributes.walkthroughs[0].steps;
        expect(steps.map((step) => step.id)).toEqual(['newMap', 'completion', 'preview', 'views', 'review']);
        for (const step of steps) {
            const image = step.media.image;
            if (image) {
                // A light and a dark picture, different files, both SVGs drawn by Mermaid.
                expect(image.light, step.id).not.toBe(image.dark);
                for (const file of [image.light, image.dark, image.hc, image.hcLight]) {
                    const content = zip.get(`extension/${file}`)?.toString('utf8');
                    expect(content, `${step.id}: ${file} is not in the package`).toBeDefined();
                    expect(content!, file).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg [^>]*aria-roledescription=/);
                }
            } else {
                expect(zip.get(`extension/${step.media.markdown}`)?.toString('utf8'), `${step.id}: ${step.media.markdown} is not in the package`).toMatch(/\S/);
            }
        }
    }, 120_000);

    it('is not written when a file it must not hold would go in', () => {
        const copy = path.join(temp, 'extension');
        cpSync(path.join(root, 'extension'), copy, {
            recursive: true,
            filter: (source) => !source.includes(`${path.sep}node_modules`) && !source.endsWith('.map'),
        });
        writeFileSync(path.join(copy, '.vscodeignore'), `${readFileSync(path.join(copy, '.vscodeignore'), 'utf8')}!src/extension.ts\n`);
        const out = path.join(temp, 'refused');
        const run = packageExtension('--extension', copy, '--out', out);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('src/extension.ts');
        expect(run.stderr).toContain('Nothing was written');
        expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    }, 120_000);
});

/**
 * Which Markdown documents `journey render` is asked for (paths, folders, globs), where their
 * rendered copies go in `--out`, and the `.journey` files whose shared declarations their
 * fences may use.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { UsageError } from './usage-error.js';

/** The names of Markdown documents. */
export const MARKDOWN = /\.(md|markdown)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** A Markdown document to render: where it is read and where its rendered copy goes. */
export interface MarkdownDocument {
    path: string;
    displayPath: string;
    /** The copy's path inside `--out`. */
    relative: string;
}

/** True when the arguments name Markdown documents: a `.md`/`.markdown` path or glob, or folders holding Markdown and no map (shared .journey files allowed). */
export async function namesMarkdownDocuments(files: string[], cwd = process.cwd()): Promise<boolean> {
    if (files.some((file) => MARKDOWN.test(file) || /\.\{[^}]*\b(md|markdown)\b[^}]*\}$/i.test(file))) return true;
    if (files.length === 0 || files.includes('-')) return false;
    for (const file of files) {
        const folder = path.resolve(cwd, file);
        if (!(await isFolder(folder))) return false;
        // Shared files (personas, channels, teams) may sit beside the documents; a map may not.
        for (const map of await filesIn(folder, true, (name) => name.endsWith('.journey'))) {
            if (/^[ \t]*journey[ \t]/m.test(await fs.readFile(map, 'utf8').catch(() => ''))) return false;
        }
        if ((await filesIn(folder, true, (name) => MARKDOWN.test(name))).length === 0) return false;
    }
    return true;
}

/** The Markdown documents the arguments name, each with the path of its copy in `out` (relative to the folder or glob base it was found from). */
export async function expandDocuments(files: string[], cwd: string, out: string): Promise<MarkdownDocument[]> {
    if (files.length === 0) throw new UsageError('no documents given. Name Markdown documents, folders or globs (for example: journey render "docs/**/*.md" --out rendered/).');
    const found = new Map<string, MarkdownDocument>();
    const add = (file: string, base: string) => {
        if (!found.has(file)) found.set(file, { path: file, displayPath: path.relative(cwd, file) || file, relative: path.relative(base, file) });
    };
    for (const argument of files) {
        const full = path.resolve(cwd, argument);
        if (/[*?[\]{}]/.test(argument)) {
            const base = path.resolve(cwd, globBase(argument));
            const matches: string[] = [];
            for await (const match of fs.glob(argument, { cwd, exclude: (name: string) => SKIPPED_FOLDERS.has(path.basename(name)) })) {
                const file = path.resolve(cwd, match);
                if (MARKDOWN.test(file) && !isInside(file, out) && (await fs.stat(file).catch(() => undefined))?.isFile()) matches.push(file);
            }
            if (matches.length === 0) throw new UsageError(`no Markdown document matches ${argument} (searched from ${cwd}).`);
            for (const file of matches.sort()) add(file, base);
        } else if (await isFolder(full)) {
            const inside = (await filesIn(full, true, (name) => MARKDOWN.test(name))).filter((file) => !isInside(file, out));
            if (inside.length === 0) throw new UsageError(`${argument}: this folder holds no Markdown document (.md, .markdown).`);
            for (const file of inside) add(file, full);
        } else {
            const stat = await fs.stat(full).catch(() => undefined);
            if (!stat) throw new UsageError(`${argument}: no such file.`);
            if (!MARKDOWN.test(full)) throw new UsageError(`${argument}: not a Markdown document (.md, .markdown). Render Markdown documents and .journey maps in separate commands.`);
            add(full, path.dirname(full));
        }
    }
    const targets = new Map<string, string>();
    for (const document of found.values()) {
        const target = path.join(out, document.relative);
        if (target === document.path) throw new UsageError(`--out ${path.relative(cwd, out) || '.'} would overwrite ${document.displayPath} with its rendered copy, and its journey fences would be lost: name another folder.`);
        const other = targets.get(target.toLowerCase());
        if (other) throw new UsageError(`${other} and ${document.displayPath} would both be written to ${path.relative(cwd, target)}: render them into different folders.`);
        targets.set(target.toLowerCase(), document.displayPath);
    }
    return [...found.values()];
}

/** The texts of the `.journey` files a document's fences may use: those of its folder, and of `--workspace` (recursively). */
export async function sharedTexts(folder: string, workspace: string | undefined): Promise<Map<string, string>> {
    const files = await filesIn(folder, false, (name) => name.endsWith('.journey'));
    if (workspace) {
        if (!(await isFolder(workspace))) throw new UsageError(`--workspace ${workspace}: no such folder.`);
        files.push(...(await filesIn(workspace, true, (name) => name.endsWith('.journey'))));
    }
    const texts = new Map<string, string>();
    for (const file of new Set(files)) {
        const text = await fs.readFile(file, 'utf8').catch(() => undefined);
        if (text !== undefined) texts.set(URI.file(file).toString(), text.replace(/^\uFEFF/, ''));
    }
    return texts;
}

/** The folder part of a glob before its first pattern character (`docs/**\/*.md` → `docs`). */
function globBase(pattern: string): string {
    const parts = pattern.split(/[\\/]/);
    const fixed = parts.slice(0, parts.findIndex((part) => /[*?[\]{}]/.test(part)));
    return fixed.join('/') || '.';
}

function isInside(file: string, folder: string): boolean {
    const relative = path.relative(folder, file);
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function isFolder(file: string): Promise<boolean> {
    return (await fs.stat(file).catch(() => undefined))?.isDirectory() ?? false;
}

/** The files of a folder whose names pass `accept` (and, when `recursive`, of its subfolders but node_modules and .git), sorted. */
async function filesIn(folder: string, recursive: boolean, accept: (name: string) => boolean): Promise<string[]> {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    const files: string[] = [];
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        if (entry.isFile() && accept(entry.name)) files.push(full);
        else if (recursive && entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) files.push(...(await filesIn(full, true, accept)));
    }
    return files.sort();
}

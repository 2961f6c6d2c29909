/**
 * `journey render <Markdown documents> --out <dir>`: writes each document with every ```journey
 * fence replaced by the Mermaid of its view (GitHub draws it), or with `--format svg|png` by
 * an image link to a picture written beside it. Every other byte of the document is kept.
 * `--check` writes nothing and exits 1 naming the rendered copies that are stale.
 */
import { isUtf8 } from 'node:buffer';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { diagnosticFormats, type FileDiagnostic } from './diagnostic-formats.js';
import { colorEnabled } from './terminal.js';
import { firstInvalidUtf8Byte } from './text-decoding.js';
import { ExitCode, UsageError } from './usage-error.js';
import { FenceWorkspace, type FenceViews } from '../markdown/markdown-fence-views.js';
import { continuationPrefix, documentPosition, findJourneyFences, replaceFences, splitLines, type JourneyFence } from '../markdown/markdown-fences.js';
import { MermaidRenderer, MissingBrowserError } from '../render/mermaid-renderer.js';

/** The options of `journey render` that apply to Markdown documents. */
export interface MarkdownRenderOptions {
    format: string;
    view: string;
    out?: string;
    check?: boolean;
    workspace?: string;
}

const MARKDOWN = /\.(md|markdown)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** A Markdown document to render: where it is read and where its rendered copy goes. */
interface MarkdownDocument {
    path: string;
    displayPath: string;
    /** The copy's path inside `--out`. */
    relative: string;
}

/** A document read, with the fences it draws. */
interface RenderedDocument {
    document: MarkdownDocument;
    /** The byte-order mark it starts with, or ''. */
    bom: string;
    /** Its text after the byte-order mark. */
    text: string;
    drawn: DrawnFence[];
}

/** A file to write (or to compare with, for `--check`). */
interface Output {
    path: string;
    content: string | Uint8Array;
}

/** A fence's drawing: the view's Mermaid, or the note written in its place. */
interface DrawnFence {
    fence: JourneyFence;
    views: FenceViews;
    mermaid?: string;
    note?: string;
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

/** Runs `journey render` on Markdown documents; returns the exit code. */
export async function runRenderMarkdown(files: string[], options: MarkdownRenderOptions, cwd = process.cwd()): Promise<number> {
    if (options.out === undefined) throw new UsageError('Markdown documents are rendered into a folder: name it with --out (for example --out rendered/).');
    if (options.view !== 'all') throw new UsageError(`--view does not apply to Markdown documents: each fence names its view (\`\`\`journey ${options.view}).`);
    const pictures = options.format === 'svg' || options.format === 'png' ? options.format : undefined;
    if (!pictures && options.format !== 'mermaid' && options.format !== 'markdown') throw new UsageError(`--format ${options.format} does not apply to Markdown documents: use mermaid (the default) or svg or png.`);
    const out = path.resolve(cwd, options.out);
    const documents = await expandDocuments(files, cwd, out);

    const workspace = new FenceWorkspace();
    const errors: FileDiagnostic[] = [];
    const rendered: RenderedDocument[] = [];
    for (const document of documents) {
        const bytes = await fs.readFile(document.path);
        if (!isUtf8(bytes)) {
            const line = (bytes.subarray(0, firstInvalidUtf8Byte(bytes)).toString('utf8').match(/\r\n|\r|\n/g) ?? []).length;
            throw new UsageError(`${document.displayPath}:${line + 1}: this document is not valid UTF-8 text: save it as UTF-8 (nothing was written, so no byte of it is lost).`);
        }
        // A byte-order mark is kept in the copy but is not text: a fence may open the document.
        const decoded = bytes.toString('utf8');
        const bom = decoded.startsWith('\uFEFF') ? '\uFEFF' : '';
        const text = decoded.slice(bom.length);
        const fences = findJourneyFences(text);
        if (fences.length > 0) await workspace.setWorkspaceFiles(await sharedTexts(path.dirname(document.path), options.workspace ? path.resolve(cwd, options.workspace) : undefined));
        const drawn: DrawnFence[] = [];
        for (const fence of fences) {
            const views = await workspace.viewsOf(fence.content, URI.file(document.path).toString(), fence.argument);
            errors.push(...fenceErrors(document, text, fence, views));
            const result = views.result;
            if (result?.kind === 'diagram') drawn.push({ fence, views, mermaid: result.mermaid });
            else if (result?.kind === 'empty') drawn.push({ fence, views, note: `${views.title ?? 'Journey map'}, ${result.view} view: nothing to draw. ${result.message}` });
        }
        rendered.push({ document, bom, text, drawn });
    }
    if (errors.length > 0) {
        errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column);
        const withErrors = [...new Set(errors.map((error) => error.file))];
        process.stderr.write(diagnosticFormats.text({ diagnostics: errors, files: withErrors, color: colorEnabled(process.stderr) }));
        const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
        process.stderr.write(`journey: ${withErrors.length === 1 ? `${withErrors[0]} has` : `${withErrors.length} documents have`} ${count} in journey fences: nothing ${options.check ? 'checked' : 'written'}. Fix the maps and try again.\n`);
        return ExitCode.problems;
    }
    for (const { document, drawn } of rendered) {
        for (const { fence, note } of drawn) if (note) process.stderr.write(`journey: ${document.displayPath}:${fence.startLine + 1}: ${note.replace(/\n/g, ' ')}\n`);
    }
    const outputs = await outputsOf(rendered, out, pictures);
    return options.check ? check(outputs, cwd) : write(outputs, out, cwd);
}

/** The errors of a fence (and an unknown view or a fence without a journey) at their places in the document. */
function fenceErrors(document: MarkdownDocument, text: string, fence: JourneyFence, views: FenceViews): FileDiagnostic[] {
    const lines = splitLines(text);
    const errors = views.diagnostics.filter((d) => d.severity === 1).map((d): FileDiagnostic => {
        const start = documentPosition(lines, fence, d.range.start);
        const end = documentPosition(lines, fence, d.range.end);
        return {
            file: document.displayPath, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1,
            severity: 'error', code: d.code ?? null, message: d.message, source: 'journey',
        };
    });
    if (views.problem) {
        const opening = lines[fence.startLine].text;
        const at = fence.argument ? opening.lastIndexOf(fence.argument) : opening.indexOf(fence.marker);
        errors.push({
            file: document.displayPath, line: fence.startLine + 1, column: Math.max(0, at) + 1, endLine: fence.startLine + 1, endColumn: opening.length + 1,
            severity: 'error', code: null, message: views.problem, source: 'journey',
        });
    }
    return errors;
}

/** The rendered documents and, with pictures, the SVG or PNG files beside them (one browser for all). */
async function outputsOf(rendered: RenderedDocument[], out: string, pictures: 'svg' | 'png' | undefined): Promise<Output[]> {
    const outputs: Output[] = [];
    const needsBrowser = pictures !== undefined && rendered.some((r) => r.drawn.some((d) => d.mermaid !== undefined));
    let renderer: MermaidRenderer | undefined;
    if (needsBrowser) {
        try {
            renderer = await MermaidRenderer.launch();
        } catch (error) {
            if (error instanceof MissingBrowserError) throw new UsageError(error.message);
            throw error;
        }
    }
    try {
        for (const { document, bom, text, drawn } of rendered) {
            const target = path.join(out, document.relative);
            const stem = path.basename(document.relative).replace(MARKDOWN, '');
            const blocks = new Map<JourneyFence, string[]>();
            for (const { fence, views, mermaid, note } of drawn) {
                const prefix = continuationPrefix(fence.prefix);
                if (note !== undefined) {
                    blocks.set(fence, [`${fence.prefix}> ${note.replace(/\n/g, ' ')}`]);
                } else if (renderer && mermaid !== undefined) {
                    const result = await renderer.render(mermaid);
                    if (result.error !== undefined) throw new Error(`Mermaid could not draw the ${views.view} view of the fence on line ${fence.startLine + 1} of ${document.displayPath}: ${result.error}`);
                    const name = `${stem}-${fence.index + 1}-${views.view}.${pictures}`;
                    outputs.push({ path: path.join(path.dirname(target), name), content: pictures === 'svg' ? result.svg! : await renderer.screenshot() });
                    const alt = `${views.title ?? 'Journey map'} (${views.view} view)`.replace(/[[\]\\]/g, '\\$&');
                    blocks.set(fence, [`${fence.prefix}![${alt}](${encodeURI(name)})`]);
                } else if (mermaid !== undefined) {
                    const body = mermaid.replace(/\n+$/, '').split('\n').map((line) => `${prefix}${line}`.replace(/\s+$/, ''));
                    blocks.set(fence, [`${fence.prefix}${fence.marker}mermaid`, ...body, `${prefix}${fence.marker}`]);
                }
            }
            outputs.push({ path: target, content: bom + replaceFences(text, [...blocks.keys()], (fence) => blocks.get(fence)!) });
        }
    } finally {
        await renderer?.close();
    }
    return outputs;
}

/** `--check`: names every rendered copy that is missing or differs from what would be written; exit 1 if any. */
async function check(outputs: Output[], cwd: string): Promise<number> {
    const stale: string[] = [];
    for (const output of outputs) {
        const existing = await fs.readFile(output.path).catch(() => undefined);
        const wanted = typeof output.content === 'string' ? Buffer.from(output.content, 'utf8') : Buffer.from(output.content);
        if (!existing || !existing.equals(wanted)) stale.push(path.relative(cwd, output.path));
    }
    if (stale.length === 0) {
        process.stderr.write(`journey: ${outputs.length === 1 ? 'the rendered copy is' : `all ${outputs.length} rendered files are`} up to date.\n`);
        return ExitCode.ok;
    }
    for (const file of stale) process.stdout.write(`${file}\n`);
    process.stderr.write(`journey: ${stale.length} of ${outputs.length} rendered files ${stale.length === 1 ? 'is' : 'are'} stale or missing. Run the same command without --check to update them.\n`);
    return ExitCode.problems;
}

async function write(outputs: Output[], out: string, cwd: string): Promise<number> {
    for (const output of outputs) {
        await fs.mkdir(path.dirname(output.path), { recursive: true });
        await fs.writeFile(output.path, output.content);
    }
    process.stderr.write(`journey: wrote ${outputs.length === 1 ? path.relative(cwd, outputs[0].path) : `${outputs.length} files to ${path.relative(cwd, out) || '.'}`}\n`);
    return ExitCode.ok;
}

/** The Markdown documents the arguments name, each with the path of its copy in `out` (relative to the folder or glob base it was found from). */
async function expandDocuments(files: string[], cwd: string, out: string): Promise<MarkdownDocument[]> {
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
async function sharedTexts(folder: string, workspace: string | undefined): Promise<Map<string, string>> {
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

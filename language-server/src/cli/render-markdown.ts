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
import { expandDocuments, MARKDOWN, sharedTexts, type MarkdownDocument } from './markdown-documents.js';
import { refuseOverwrites } from './output-files.js';
import { colorEnabled } from './terminal.js';
import { firstInvalidUtf8Byte } from './text-decoding.js';
import { ExitCode, UsageError } from './usage-error.js';
import { FenceWorkspace, type FenceViews } from '../markdown/markdown-fence-views.js';
import { continuationPrefix, documentPosition, findJourneyFences, replaceFences, splitLines, type JourneyFence } from '../markdown/markdown-fences.js';
import { MermaidRenderer, MissingBrowserError } from '../render/mermaid-renderer.js';
import { markdownCaption } from '../views/markdown-escape.js';
import type { DiagramPiece } from '../views/view-types.js';

/** The options of `journey render` that apply to Markdown documents. */
export interface MarkdownRenderOptions {
    format: string;
    view: string;
    out?: string;
    check?: boolean;
    workspace?: string;
    /** Replace pictures in the way that journey did not draw. */
    force?: boolean;
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
    /** The view in pieces, when it is too wide for GitHub's column. */
    pieces?: DiagramPiece[];
    note?: string;
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
            if (result?.kind === 'diagram') drawn.push({ fence, views, mermaid: result.mermaid, pieces: result.pieces });
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
    if (options.check) return check(outputs, cwd);
    await refuseOverwrites(outputs, { inputs: documents.map((document) => document.path), force: options.force, markdownCopies: true, cwd });
    return write(outputs, out, cwd);
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
            for (const { fence, views, mermaid, pieces, note } of drawn) {
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
                    // A view too wide for GitHub's column: its pieces, one under the other, each under its caption.
                    const lines: string[] = [];
                    for (const piece of pieces ?? [{ caption: '', mermaid }]) {
                        if (lines.length > 0) lines.push(prefix.trimEnd());
                        if (piece.caption) lines.push(`${lines.length === 0 ? fence.prefix : prefix}${markdownCaption(piece.caption)}`, prefix.trimEnd());
                        const body = piece.mermaid.replace(/\n+$/, '').split('\n').map((line) => `${prefix}${line}`.replace(/\s+$/, ''));
                        lines.push(`${lines.length === 0 ? fence.prefix : prefix}${fence.marker}mermaid`, ...body, `${prefix}${fence.marker}`);
                    }
                    blocks.set(fence, lines);
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

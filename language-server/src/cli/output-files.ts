/**
 * The files `journey render` and `journey export` may write over. Drawing again after an edit
 * replaces the files drawn before, so a file these commands wrote is replaced without a word. A
 * journey map, a Markdown document with ```journey fences and a file the command reads are never
 * written over; any other file that exists (notes, a picture someone made, a spreadsheet) only
 * with --force, or when it already holds exactly what would be written.
 *
 * Which files journey wrote is read from their content: an SVG whose root has the renderer's id
 * (`journey-diagram-N`), a PNG with the renderer's `Software` text chunk (`render/png-software.ts`), Mermaid or
 * Markdown that holds the settings every view pins in its front matter (`PINNED_CONFIG`), and an
 * exported JSON model. A CSV cannot say who wrote it. The rendered copies of Markdown documents
 * are known by their Mermaid blocks or the pictures their fences became. A symbolic link in the
 * way is written through only with --force.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { findJourneyFences } from '../markdown/markdown-fences.js';
import { isJourneyPng } from '../render/png-software.js';
import { PINNED_CONFIG } from '../views/mermaid-config.js';
import { MARKDOWN } from './markdown-documents.js';
import { UsageError } from './usage-error.js';

/** A file a command is about to write. */
export interface PlannedFile {
    /** Its path, absolute or relative to the working folder. */
    path: string;
    content: string | Uint8Array;
}

/** The lines every view's front matter starts with (`look`, `layout`, `deterministicIds`…). */
const PINNED_LINES = ['config:', ...PINNED_CONFIG.map(([key, value]) => `  ${key}: ${value}`)].join('\n');

export interface RefuseOptions {
    /** The files the command reads. */
    inputs: readonly string[];
    /** Write over files journey did not write (never over a map, a document with fences or an input). */
    force?: boolean;
    /** Markdown files are rendered copies of documents: one that is such a copy (its Mermaid blocks, its pictures) may be replaced. */
    markdownCopies?: boolean;
    cwd?: string;
}

/**
 * Refuses, before anything is written, to write over a file that is not one journey wrote
 * (see the module's comment). `inputs`: the files the command reads. Throws a UsageError naming
 * the first such file and what to do.
 */
export async function refuseOverwrites(files: readonly PlannedFile[], options: RefuseOptions): Promise<void> {
    const cwd = options.cwd ?? process.cwd();
    // A file is known by where it really is: a symbolic link, or another case of its name on a
    // file system that ignores case, names the same file.
    const inputs = new Set(await Promise.all(options.inputs.map((input) => realPath(path.resolve(cwd, input)))));
    for (const file of files) {
        const target = path.resolve(cwd, file.path);
        const shown = path.relative(cwd, target) || target;
        const real = await realPath(target);
        if (inputs.has(real)) throw new UsageError(`${shown} is a file this command reads: writing there would replace it. Nothing written; name another --out.`);
        if (/\.journey$/i.test(target) || /\.journey$/i.test(real)) throw new UsageError(`${shown} is a journey map: render and export never write over a map. Nothing written; name another --out.`);
        const link = await fs.lstat(target).catch(() => undefined);
        const existing = await fs.stat(target).catch(() => undefined);
        if (!existing?.isFile()) continue;
        const content = await fs.readFile(target);
        if (sameContent(content, file.content)) continue;
        const text = content.toString('utf8');
        if (MARKDOWN.test(real) && findJourneyFences(text).length > 0) {
            throw new UsageError(`${shown} holds \`\`\`journey fences: it is a document to render, not a rendered copy. Nothing written; name another --out.`);
        }
        if (link?.isSymbolicLink() && !options.force) {
            throw new UsageError(`${shown} is a link to ${path.relative(cwd, real) || real}: nothing written. Add --force to write through it, or name another --out.`);
        }
        const copy = options.markdownCopies && MARKDOWN.test(target) && renderedCopy(text);
        if (copy || writtenByJourney(target, content, text) || options.force) continue;
        throw new UsageError(`${shown} already exists and was not written by journey: nothing written. Add --force to replace it, or name another --out.`);
    }
}

/** The path a file really has (links followed, the name's case as stored); the path itself when it does not exist. */
async function realPath(file: string): Promise<string> {
    return fs.realpath(file).catch(() => file);
}

/**
 * True when a Markdown file is the rendered copy of a document whose fences became pictures
 * (`guide-1-flow.svg`); one whose fences became Mermaid blocks is known as every Markdown page
 * journey writes (`writtenByJourney`).
 */
function renderedCopy(text: string): boolean {
    return /!\[[^\]]*\]\([^)\s]*-\d+-[a-z]+\.(svg|png)\)/.test(text);
}

/** True when the text holds the settings every view pins in its front matter. */
function hasPinnedConfig(text: string): boolean {
    return text.replace(/\r\n/g, '\n').includes(PINNED_LINES);
}

/** True when the file holds what journey writes in a file of its kind (see the module's comment). */
function writtenByJourney(file: string, content: Buffer, text: string): boolean {
    switch (path.extname(file).toLowerCase()) {
        case '.svg':
            return /<svg id="journey-diagram-\d+"/.test(text.slice(0, 4096));
        case '.png':
            return isJourneyPng(content);
        case '.mmd':
        case '.mermaid':
            // A view with nothing to draw is written as `%%` comments only.
            return hasPinnedConfig(text) || text.split(/\r?\n/).every((line) => line.trim() === '' || line.startsWith('%%'));
        case '.md':
        case '.markdown':
            return hasPinnedConfig(text);
        case '.json':
            try {
                const value = JSON.parse(text) as Record<string, unknown>;
                return typeof value === 'object' && value !== null && typeof value.id === 'string' && Array.isArray(value.stages) && Array.isArray(value.personas);
            } catch {
                return false;
            }
        default:
            return false;
    }
}

function sameContent(existing: Buffer, planned: string | Uint8Array): boolean {
    return existing.equals(typeof planned === 'string' ? Buffer.from(planned, 'utf8') : planned);
}

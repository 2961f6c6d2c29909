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
 * go into the folder named for them, where a Markdown file without fences is such a copy.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isJourneyPng } from '../render/png-software.js';
import { PINNED_CONFIG } from '../views/mermaid-config.js';
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
    /** Markdown files are rendered copies of documents, in the folder named for them: one without ```journey fences may be replaced. */
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
    const inputs = new Set(options.inputs.map((input) => path.resolve(cwd, input)));
    for (const file of files) {
        const target = path.resolve(cwd, file.path);
        const shown = path.relative(cwd, target) || target;
        if (inputs.has(target)) throw new UsageError(`${shown} is a file this command reads: writing there would replace it. Nothing written; name another --out.`);
        if (/\.journey$/i.test(target)) throw new UsageError(`${shown} is a journey map: render and export never write over a map. Nothing written; name another --out.`);
        const existing = await fs.stat(target).catch(() => undefined);
        if (!existing?.isFile()) continue;
        const content = await fs.readFile(target);
        const text = content.toString('utf8');
        if (/\.(md|markdown)$/i.test(target) && /^[ \t>]*(`{3,}|~{3,})[ \t]*journey\b/im.test(text)) {
            throw new UsageError(`${shown} holds \`\`\`journey fences: it is a document to render, not a rendered copy. Nothing written; name another --out.`);
        }
        if (options.markdownCopies && /\.(md|markdown)$/i.test(target)) continue;
        if (sameContent(content, file.content) || writtenByJourney(target, content, text) || options.force) continue;
        throw new UsageError(`${shown} already exists and was not written by journey: nothing written. Add --force to replace it, or name another --out.`);
    }
}

/** True when the file holds what journey writes in a file of its kind (see the module's comment). */
export function writtenByJourney(file: string, content: Uint8Array, text = Buffer.from(content).toString('utf8')): boolean {
    switch (path.extname(file).toLowerCase()) {
        case '.svg':
            return /<svg id="journey-diagram-\d+"/.test(text.slice(0, 4096));
        case '.png':
            return isJourneyPng(content);
        case '.mmd':
        case '.mermaid':
            // A view with nothing to draw is written as `%%` comments only.
            return text.replace(/\r\n/g, '\n').includes(PINNED_LINES) || text.split(/\r?\n/).every((line) => line.trim() === '' || line.startsWith('%%'));
        case '.md':
        case '.markdown':
            return text.replace(/\r\n/g, '\n').includes(PINNED_LINES);
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

function sameContent(existing: Uint8Array, planned: string | Uint8Array): boolean {
    return Buffer.from(existing).equals(typeof planned === 'string' ? Buffer.from(planned, 'utf8') : Buffer.from(planned));
}

/**
 * `journey render <files…>`: draws the views of journeys as Mermaid text, a Markdown
 * document, or SVG/PNG pictures rendered by Mermaid in a headless Chromium (one browser for
 * every map of the command).
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { collectDiagnostics, diagnosticFormats } from './diagnostic-formats.js';
import { colorEnabled } from './terminal.js';
import { ExitCode, UsageError } from './usage-error.js';
import { addWorkspaceOptions, loadWorkspace, withoutJourney, type RequestedFile, type WorkspaceCommandOptions } from './workspace.js';
import { buildJourneyModel } from '../model/build-model.js';
import type { JourneyModel } from '../model/journey-model.js';
import { MermaidRenderer, MissingBrowserError } from '../render/mermaid-renderer.js';
import { drawInParallel, pageCount } from '../render/render-pool.js';
import { renderView, VIEW_IDS, type ViewId, type ViewResult } from '../views/index.js';
import { markdownDocument, markdownViews } from '../views/markdown-document.js';
import { splitOversizedViews } from '../views/view-split.js';
import { namesMarkdownDocuments } from './markdown-documents.js';
import { refuseOverwrites } from './output-files.js';
import { runRenderMarkdown } from './render-markdown.js';

/** The output formats of `journey render`. */
export const RENDER_FORMATS = ['mermaid', 'markdown', 'svg', 'png'] as const;
type RenderFormat = (typeof RENDER_FORMATS)[number];

const EXTENSIONS: Record<RenderFormat, string> = { mermaid: '.mmd', markdown: '.md', svg: '.svg', png: '.png' };

/** The options of `journey render`. */
export interface RenderOptions extends WorkspaceCommandOptions {
    view: ViewId | 'all';
    format: RenderFormat;
    out?: string;
    /** Markdown documents only: write nothing, exit 1 if a rendered copy is stale. */
    check?: boolean;
    /** SVG/PNG: how many diagrams to draw at once (pages of one browser); one per core by default. */
    jobs?: number;
    /** Write over files that exist and that journey did not write (never over a map or a file read). */
    force?: boolean;
}

/** One file (or stdout chunk) to write. */
interface Output {
    name: string;
    content: string | Uint8Array;
}

/** A map to draw: its file, its journey and its views. */
interface DrawnMap {
    file: RequestedFile;
    /** The name its output files start with (the file's name without `.journey`). */
    name: string;
    model: JourneyModel;
    views: ViewResult[];
}

/** Adds the `render` verb to the program. */
export function registerRenderCommand(program: Command): void {
    const command = program
        .command('render')
        .summary('draw the views of journeys (Mermaid, Markdown, SVG or PNG)')
        .description('Draws the views of journey maps: canvas, journey, emotion, flow, priorities, funnel and blueprint.\n'
            + 'Mermaid text goes to stdout by default; SVG and PNG are rendered by Mermaid in a headless Chromium found on this machine. '
            + 'Several maps (files, folders or globs) are drawn in one go, with one browser, into the folder --out names.')
        .argument('<files...>', 'the .journey files of the maps, folders or globs (or - for stdin); or Markdown documents (.md) with ```journey fences')
        .addOption(new Option('--view <view>', 'which view to draw').choices([...VIEW_IDS, 'all']).default('all'))
        .addOption(new Option('-f, --format <format>', 'output format').choices([...RENDER_FORMATS]).default('mermaid'))
        .option('-o, --out <file or dir>', 'where to write: a file (one view of one map, or markdown), or a folder (one file per view and map)')
        .option('--check', 'Markdown documents: write nothing; exit 1 and name the rendered copies in --out that are stale (for CI)')
        .option('--force', 'replace files in the way that journey did not write (a map, or a file it reads, is never replaced)')
        .option('-j, --jobs <count>', 'svg and png: how many diagrams to draw at once, in pages of one browser (default: one per core, within free memory)', parseJobs);
    addWorkspaceOptions(command)
        .addHelpText('after', [
            '',
            'Exit codes: 0 rendered, 1 a map has errors (nothing is written), 2 the command could not run (e.g. no browser for svg/png).',
            '',
            'Examples:',
            '  journey render booking.journey --view flow                  Mermaid text of the flow view',
            '  journey render booking.journey --format markdown --out booking.md',
            '  journey render booking.journey --format svg --out pictures/  one SVG per view',
            '  journey render booking.journey --view journey --format png --out journey.png',
            '  journey render maps/ --format svg --out pictures/           every map of maps/, one browser for all',
            '  journey render "docs/**/*.md" --out rendered/               Markdown with each ```journey fence replaced by Mermaid',
            '  journey render docs/ --out rendered/ --check                exit 1 if a rendered copy is stale (CI)',
            '',
            'Drawing again replaces the files journey wrote; a map, or a file it reads, is never written over, and',
            'another file in the way (one journey did not write) only with --force.',
            '',
            'SVG/PNG need Chromium or Chrome: set JOURNEY_CHROMIUM=/path/to/chromium if it is not found.',
        ].join('\n'))
        .action(async (files: string[], options: RenderOptions) => {
            process.exitCode = await runRender(files, options);
        });
}

/** Runs `journey render` on one map or several; returns the exit code. */
export async function runRender(files: string[], options: RenderOptions): Promise<number> {
    if (await namesMarkdownDocuments(files)) return runRenderMarkdown(files, options);
    if (options.check) throw new UsageError('--check applies to Markdown documents (journey render docs/ --out rendered/ --check).');
    const workspace = await loadWorkspace(files, { workspace: options.workspace, stdinName: options.stdinName });
    const errors = collectDiagnostics(workspace.requested).filter((d) => d.severity === 'error');
    if (errors.length > 0) {
        const withErrors = [...new Set(errors.map((error) => error.file))];
        process.stderr.write(diagnosticFormats.text({ diagnostics: errors, files: withErrors, color: colorEnabled(process.stderr) }));
        const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
        const subject = withErrors.length === 1 ? `${withErrors[0]} has ${count}` : `${withErrors.length} maps have ${count}`;
        process.stderr.write(`journey: ${subject}: nothing rendered. Fix ${withErrors.length === 1 ? 'the map' : 'them'} (journey check ${withErrors.join(' ')}) and try again.\n`);
        return ExitCode.problems;
    }
    const several = workspace.requested.length > 1;
    const maps: DrawnMap[] = [];
    for (const file of workspace.requested) {
        const model = buildJourneyModel(file.document);
        if (!model && !several) {
            process.stderr.write(`journey: ${file.displayPath} holds no journey (${withoutJourney(file)}): nothing to render. Render a file that contains \`journey <id> { … }\`.\n`);
            return ExitCode.problems;
        }
        if (!model) {
            process.stderr.write(`journey: skipped ${file.displayPath} (${withoutJourney(file)})\n`);
            continue;
        }
        // Markdown is read in GitHub's column: views are laid out, split or cut for it (markdownViews).
        const chosen = options.view === 'all' ? VIEW_IDS : [options.view];
        // A view too large for Mermaid is drawn once per stage; the command says so.
        const { views, notes } = options.format === 'markdown'
            ? markdownViews(model, chosen)
            : splitOversizedViews(model, chosen.map((view) => renderView(model, view)));
        for (const note of notes) process.stderr.write(`journey: ${several ? `${file.displayPath}: ` : ''}${note}\n`);
        maps.push({ file, name: path.basename(file.path, path.extname(file.path)), model, views });
    }
    await checkDestination(maps, options);
    const outputs = await outputsOf(maps, options.format, several, options.jobs);
    if (outputs.length === 0) {
        process.stderr.write('journey: nothing drawn.\n');
        return ExitCode.ok;
    }
    await write(outputs, options, workspace.requested.map((file) => file.path));
    return ExitCode.ok;
}

/** What to write for each map, in the given format; SVG and PNG are drawn with one browser for all maps, several pages at once. */
async function outputsOf(maps: DrawnMap[], format: RenderFormat, several: boolean, jobs?: number): Promise<Output[]> {
    if (format === 'markdown') return maps.map((map) => ({ name: `${map.name}.md`, content: markdownDocument(map.model, map.views) }));
    if (format === 'mermaid') {
        return maps.flatMap((map) => map.views.map((view) => ({
            name: `${outputName(map, view)}.mmd`,
            content: view.kind === 'diagram' ? view.mermaid : `%% ${view.title}: ${view.message.replace(/\n/g, ' ')}\n`,
        })));
    }
    const notes = maps.flatMap((map) => map.views.flatMap((view) => (view.kind === 'empty' ? [`journey: ${several ? `${map.file.displayPath}: ` : ''}${view.view} view not drawn. ${view.message}\n`] : [])));
    const drawable = maps.flatMap((map) => map.views.flatMap((view) => (view.kind === 'diagram' ? [{ map, view }] : [])));
    if (drawable.length === 0) {
        process.stderr.write(notes.join(''));
        return [];
    }
    let renderer: MermaidRenderer;
    try {
        renderer = await MermaidRenderer.launch();
    } catch (error) {
        if (error instanceof MissingBrowserError) throw new UsageError(error.message);
        throw error;
    }
    try {
        const outputs = await drawInParallel(renderer, drawable, pageCount(drawable.length, jobs), async (page, { map, view }, index): Promise<Output> => {
            // The id a one-page run gives the index-th diagram: the same files, whichever page draws them.
            const result = await page.render(view.mermaid, `journey-diagram-${index + 1}`);
            if (result.error !== undefined) throw new Error(`Mermaid could not draw the ${view.view} view of ${map.file.displayPath}: ${result.error}`);
            const content = format === 'svg' ? result.svg! : await page.screenshot();
            return { name: `${outputName(map, view)}${EXTENSIONS[format]}`, content };
        });
        // After the pictures, so a missing browser or a failed drawing is the only message.
        process.stderr.write(notes.join(''));
        return outputs;
    } finally {
        await renderer.close();
    }
}

/** The name of a view's file without its extension: `booking-flow`, or `booking-flow-<stage>` for one stage of a view too large. */
function outputName(map: DrawnMap, view: ViewResult): string {
    return `${map.name}-${view.view}${view.kind === 'diagram' && view.part ? `-${view.part.stage}` : ''}`;
}

/** Refuses a destination that cannot hold the output before anything is drawn (the browser takes seconds to start). */
async function checkDestination(maps: DrawnMap[], options: RenderOptions): Promise<void> {
    const out = options.out;
    if (out !== undefined && out.trim() === '') throw new UsageError('--out is empty: name a file or a folder (for example --out pictures/).');
    if (maps.length > 1) {
        if (out === undefined || (await namesOneFile(out))) {
            throw new UsageError(`${maps.length} maps to render: name a folder with --out (for example --out pictures/), which gets one file per ${options.format === 'markdown' ? 'map' : 'view and map'}.`);
        }
        // Case does not make names different: on macOS and Windows, Booking-… and booking-… are the same files.
        const byName = new Map<string, string>();
        for (const map of maps) {
            const other = byName.get(map.name.toLowerCase());
            if (other) throw new UsageError(`${other} and ${map.file.displayPath} would write files of the same names (${map.name}-…) into ${out}: render them into different folders.`);
            byName.set(map.name.toLowerCase(), map.file.displayPath);
        }
        return;
    }
    const views = maps[0]?.views ?? [];
    const count = options.format === 'markdown' ? 1 : options.format === 'mermaid' ? views.length : views.filter((view) => view.kind === 'diagram').length;
    if (count === 0) return;
    // One view picked can still be several pictures: a view too large, drawn one stage at a time.
    const pick = options.view === 'all' ? 'pick one view with --view' : `the ${options.view} view is drawn one stage at a time`;
    if (out === undefined) {
        if (options.format === 'png') throw new UsageError('PNG is binary: name a file or folder with --out (for example --out pictures/).');
        if (options.format === 'svg' && count > 1) throw new UsageError(`${count} SVG pictures (${pick}): name a folder with --out (for example --out pictures/).`);
    } else if (count !== 1 && (await namesOneFile(out))) {
        throw new UsageError(`${count} ${options.format} files to write but --out names one file (${out}): name a folder${options.view === 'all' ? ', pick one view with --view,' : ` (${pick}),`} or use --format markdown.`);
    }
}

/**
 * Writes to stdout, to one file, or to a folder, as `--out` says (checked by `checkDestination`);
 * nothing when a file in the way is not one journey wrote (`refuseOverwrites`).
 */
async function write(outputs: Output[], options: RenderOptions, inputs: readonly string[]): Promise<void> {
    const out = options.out;
    if (out === undefined) {
        process.stdout.write(outputs.map((output) => (typeof output.content === 'string' ? output.content : '')).join('\n'));
        return;
    }
    // Any failure to write (a full disk, a file where a folder should be, no permission) is said plainly.
    const cannot = (what: string) => (error: NodeJS.ErrnoException) => {
        throw new UsageError(`cannot write ${what} (${error.code ?? String(error)}). Name another --out.`);
    };
    if (await namesOneFile(out)) {
        await refuseOverwrites([{ path: out, content: outputs[0].content }], { inputs, force: options.force });
        await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true }).catch(cannot(path.dirname(out)));
        await fs.writeFile(out, outputs[0].content).catch(cannot(out));
        process.stderr.write(`journey: wrote ${out}\n`);
        return;
    }
    const existing = await fs.stat(out).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new UsageError(`--out ${out} is a file, not a folder: ${outputs.length} files are to be written. Name a folder.`);
    await refuseOverwrites(outputs.map((output) => ({ path: path.join(out, output.name), content: output.content })), { inputs, force: options.force });
    await fs.mkdir(out, { recursive: true }).catch(cannot(out));
    for (const output of outputs) await fs.writeFile(path.join(out, output.name), output.content).catch(cannot(path.join(out, output.name)));
    process.stderr.write(`journey: wrote ${outputs.length === 1 ? path.join(out, outputs[0].name) : `${outputs.length} files to ${out}`}\n`);
}

/** `--out` names a file (it has an extension and is not an existing folder), not a folder. */
async function namesOneFile(out: string): Promise<boolean> {
    // `site.v2/` ends with a slash: a folder, whatever its name looks like; an existing file is a file.
    if (/[\\/]$/.test(out)) return false;
    const existing = await fs.stat(out).catch(() => undefined);
    if (existing) return !existing.isDirectory();
    return path.extname(out) !== '';
}

/** Reads `--jobs`: a whole number of at least 1. */
function parseJobs(value: string): number {
    const jobs = Number(value);
    if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs takes a whole number of diagrams to draw at once (1 or more), not '${value}'.`);
    return jobs;
}

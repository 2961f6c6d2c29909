/**
 * `journey render <file>`: draws the views of a journey as Mermaid text, a Markdown
 * document, or SVG/PNG pictures rendered by Mermaid in a headless Chromium.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { collectDiagnostics, diagnosticFormats } from './diagnostic-formats.js';
import { colorEnabled } from './terminal.js';
import { ExitCode, UsageError } from './usage-error.js';
import { addWorkspaceOptions, loadWorkspace, onlyRequestedFile, resolveFile, type WorkspaceCommandOptions } from './workspace.js';
import { MermaidRenderer, MissingBrowserError } from '../render/mermaid-renderer.js';
import { renderAllViews, renderView, VIEW_IDS, type ViewId, type ViewResult } from '../views/index.js';
import { markdownDocument } from '../views/markdown-document.js';

/** The output formats of `journey render`. */
export const RENDER_FORMATS = ['mermaid', 'markdown', 'svg', 'png'] as const;
type RenderFormat = (typeof RENDER_FORMATS)[number];

const EXTENSIONS: Record<RenderFormat, string> = { mermaid: '.mmd', markdown: '.md', svg: '.svg', png: '.png' };

/** The options of `journey render`. */
export interface RenderOptions extends WorkspaceCommandOptions {
    view: ViewId | 'all';
    format: RenderFormat;
    out?: string;
}

/** One file (or stdout chunk) to write. */
interface Output {
    name: string;
    content: string | Uint8Array;
}

/** Adds the `render` verb to the program. */
export function registerRenderCommand(program: Command): void {
    const command = program
        .command('render')
        .summary('draw the views of a journey (Mermaid, Markdown, SVG or PNG)')
        .description('Draws the views of a journey map: journey, emotion, flow, priorities, funnel and blueprint.\n'
            + 'Mermaid text goes to stdout by default; SVG and PNG are rendered by Mermaid in a headless Chromium found on this machine.')
        .argument('<file>', 'the .journey file of the map (or - for stdin)')
        .addOption(new Option('--view <view>', 'which view to draw').choices([...VIEW_IDS, 'all']).default('all'))
        .addOption(new Option('-f, --format <format>', 'output format').choices([...RENDER_FORMATS]).default('mermaid'))
        .option('-o, --out <file or dir>', 'where to write: a file (one view, or markdown), or a folder (one file per view)');
    addWorkspaceOptions(command)
        .addHelpText('after', [
            '',
            'Exit codes: 0 rendered, 1 the map has errors (nothing is written), 2 the command could not run (e.g. no browser for svg/png).',
            '',
            'Examples:',
            '  journey render booking.journey --view flow                  Mermaid text of the flow view',
            '  journey render booking.journey --format markdown --out booking.md',
            '  journey render booking.journey --format svg --out pictures/  one SVG per view',
            '  journey render booking.journey --view journey --format png --out journey.png',
            '',
            'SVG/PNG need Chromium or Chrome: set JOURNEY_CHROMIUM=/path/to/chromium if it is not found.',
        ].join('\n'))
        .action(async (file: string, options: RenderOptions) => {
            process.exitCode = await runRender(file, options);
        });
}

/** Runs `journey render`; returns the exit code. */
export async function runRender(file: string, options: RenderOptions): Promise<number> {
    const workspace = await loadWorkspace([file], { workspace: options.workspace, stdinName: options.stdinName });
    const requested = onlyRequestedFile(workspace, file, 'render draws one map at a time');
    const diagnostics = collectDiagnostics(workspace.requested);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
        process.stderr.write(diagnosticFormats.text({ diagnostics: errors, files: [requested.displayPath], color: colorEnabled(process.stderr) }));
        process.stderr.write(`journey: ${requested.displayPath} has ${errors.length === 1 ? '1 error' : `${errors.length} errors`}: nothing rendered. Fix the map (journey check ${requested.displayPath}) and try again.\n`);
        return ExitCode.problems;
    }
    const { model } = resolveFile(requested);
    if (!model) {
        process.stderr.write(`journey: ${requested.displayPath} holds no journey (only shared personas, channels or teams): nothing to render. Render a file that contains \`journey <id> { … }\`.\n`);
        return ExitCode.problems;
    }
    const views = options.view === 'all' ? renderAllViews(model) : [renderView(model, options.view)];
    const name = path.basename(requested.path, path.extname(requested.path));
    const count = options.format === 'markdown' ? 1 : options.format === 'mermaid' ? views.length : views.filter((view) => view.kind === 'diagram').length;
    await checkDestination(count, options);
    const outputs = await outputsOf(name, views, options.format, model);
    await write(outputs, options);
    return ExitCode.ok;
}

/** What to write for each format. */
async function outputsOf(name: string, views: ViewResult[], format: RenderFormat, model: Parameters<typeof markdownDocument>[0]): Promise<Output[]> {
    if (format === 'markdown') return [{ name: `${name}.md`, content: markdownDocument(model, views) }];
    if (format === 'mermaid') {
        return views.map((view) => ({ name: `${name}-${view.view}.mmd`, content: view.kind === 'diagram' ? view.mermaid : `%% ${view.title}: ${view.message.replace(/\n/g, ' ')}\n` }));
    }
    const drawable = views.filter((view): view is Extract<ViewResult, { kind: 'diagram' }> => view.kind === 'diagram');
    let renderer: MermaidRenderer;
    try {
        renderer = await MermaidRenderer.launch();
    } catch (error) {
        if (error instanceof MissingBrowserError) throw new UsageError(error.message);
        throw error;
    }
    try {
        const outputs: Output[] = [];
        for (const view of drawable) {
            const result = await renderer.render(view.mermaid);
            if (result.error !== undefined) throw new Error(`Mermaid could not draw the ${view.view} view: ${result.error}`);
            const content = format === 'svg' ? result.svg! : await renderer.screenshot();
            outputs.push({ name: `${name}-${view.view}${EXTENSIONS[format]}`, content });
        }
        // After the pictures, so a missing browser or a failed drawing is the only message.
        for (const view of views) if (view.kind === 'empty') process.stderr.write(`journey: ${view.view} view not drawn. ${view.message}\n`);
        return outputs;
    } finally {
        await renderer.close();
    }
}

/** Refuses a destination that cannot hold the output before anything is drawn (the browser takes seconds to start). */
async function checkDestination(count: number, options: RenderOptions): Promise<void> {
    const out = options.out;
    if (out === undefined) {
        if (options.format === 'png') throw new UsageError('PNG is binary: name a file or folder with --out (for example --out pictures/).');
        if (options.format === 'svg' && count > 1) throw new UsageError('several SVG pictures: name a folder with --out (for example --out pictures/), or pick one with --view.');
    } else if (count !== 1 && (await namesOneFile(out))) {
        throw new UsageError(`${count} ${options.format} files to write but --out names one file (${out}): name a folder, pick one view with --view, or use --format markdown.`);
    }
}

/** Writes to stdout, to one file, or to a folder, as `--out` says (checked by `checkDestination`). */
async function write(outputs: Output[], options: RenderOptions): Promise<void> {
    const out = options.out;
    if (out === undefined) {
        process.stdout.write(outputs.map((output) => (typeof output.content === 'string' ? output.content : '')).join('\n'));
        return;
    }
    if (await namesOneFile(out)) {
        await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
        await fs.writeFile(out, outputs[0].content);
        process.stderr.write(`journey: wrote ${out}\n`);
        return;
    }
    await fs.mkdir(out, { recursive: true });
    for (const output of outputs) await fs.writeFile(path.join(out, output.name), output.content);
    process.stderr.write(`journey: wrote ${outputs.length === 1 ? path.join(out, outputs[0].name) : `${outputs.length} files to ${out}`}\n`);
}

/** `--out` names a file (it has an extension and is not an existing folder), not a folder. */
async function namesOneFile(out: string): Promise<boolean> {
    return path.extname(out) !== '' && !(await isFolder(out));
}

async function isFolder(file: string): Promise<boolean> {
    return (await fs.stat(file).catch(() => undefined))?.isDirectory() ?? false;
}

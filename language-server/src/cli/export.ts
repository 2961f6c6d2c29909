/**
 * `journey export <files…> --format csv|json`: hands maps to other tools. CSV is the table
 * `journey import` reads (one row per touchpoint); JSON is the resolved model, as
 * `schema/journey-model.schema.json` (shipped in the package) describes it.
 */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { journeyCsv, notInCsv } from '../export/journey-csv-export.js';
import { journeyJson } from '../export/journey-json-export.js';
import { buildJourneyModel } from '../model/build-model.js';
import type { JourneyModel } from '../model/journey-model.js';
import { collectDiagnostics, diagnosticFormats } from './diagnostic-formats.js';
import { refuseOverwrites } from './output-files.js';
import { colorEnabled } from './terminal.js';
import { ExitCode, UsageError } from './usage-error.js';
import { addWorkspaceOptions, loadWorkspace, withoutJourney, type WorkspaceCommandOptions } from './workspace.js';

/** The formats `journey export` writes. */
export const EXPORT_FORMATS = ['csv', 'json'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The options of `journey export`. */
export interface ExportOptions extends WorkspaceCommandOptions {
    format: ExportFormat;
    out?: string;
    /** Write over files that exist and that journey did not write (never over a map or a file read). */
    force?: boolean;
}

/** Adds the `export` verb to the program. */
export function registerExportCommand(program: Command): void {
    const command = program
        .command('export')
        .summary('write maps as CSV (the table journey import reads) or JSON (the resolved model)')
        .description('Writes journey maps for spreadsheets and other tools. '
            + 'csv: one row per touchpoint (stage, touchpoint, channel, owner, persona, emotion, expected, pain, gain, opportunity, reach, description, moment of truth, backstage, then the ids), '
            + 'the table journey import reads back; what a table cannot hold (KPIs, decisions, outcomes, actions, next links…) is named on stderr. '
            + 'json: the resolved model (ids, labels, order, source ranges), as schema/journey-model.schema.json in the package describes it.')
        .argument('<files...>', 'the .journey files of the maps, folders or globs (or - for stdin)')
        .addOption(new Option('-f, --format <format>', 'what to write').choices([...EXPORT_FORMATS]).makeOptionMandatory())
        .option('-o, --out <file or dir>', 'where to write: a file (one map), or a folder (one file per map); default: stdout')
        .option('--force', 'replace files in the way that journey did not write, such as a CSV (a map, or a file it reads, is never replaced)');
    addWorkspaceOptions(command)
        .addHelpText('after', [
            '',
            'Exit codes: 0 written, 1 a map has errors (nothing is written), 2 the command could not run.',
            '',
            'Examples:',
            '  journey export booking.journey --format csv --out booking.csv',
            '  journey export booking.journey --format json | jq \'.stages[].label\'',
            '  journey export maps/ --format json --out exports/          one JSON file per map',
        ].join('\n'))
        .action(async (files: string[], options: ExportOptions) => {
            process.exitCode = await runExport(files, options);
        });
}

/** Runs `journey export`; returns the exit code. */
export async function runExport(files: string[], options: ExportOptions): Promise<number> {
    const workspace = await loadWorkspace(files, { workspace: options.workspace, stdinName: options.stdinName });
    const errors = collectDiagnostics(workspace.requested).filter((d) => d.severity === 'error');
    if (errors.length > 0) {
        const withErrors = [...new Set(errors.map((error) => error.file))];
        process.stderr.write(diagnosticFormats.text({ diagnostics: errors, files: withErrors, color: colorEnabled(process.stderr) }));
        process.stderr.write(`journey: ${withErrors.join(', ')} ${withErrors.length === 1 ? 'has' : 'have'} errors: nothing exported. Fix them (journey check ${withErrors.join(' ')}) and try again.\n`);
        return ExitCode.problems;
    }
    const maps: Array<{ name: string; display: string; model: JourneyModel }> = [];
    for (const file of workspace.requested) {
        const model = buildJourneyModel(file.document);
        if (model) maps.push({ name: path.basename(file.path, path.extname(file.path)), display: file.displayPath, model });
        else process.stderr.write(`journey: skipped ${file.displayPath} (${withoutJourney(file)}: no journey to export)\n`);
    }
    if (maps.length === 0) return ExitCode.problems;
    const extension = `.${options.format}`;
    const oneFile = options.out !== undefined && path.extname(options.out) !== '' && !(await fs.stat(options.out).catch(() => undefined))?.isDirectory();
    if (maps.length > 1 && (options.out === undefined || oneFile)) {
        throw new UsageError(`${maps.length} maps to export: name a folder with --out (for example --out exports/), which gets one ${extension} file per map.`);
    }
    const out = options.out;
    const planned = maps.map((map) => ({
        map,
        text: options.format === 'csv' ? journeyCsv(map.model) : journeyJson(map.model),
        path: out === undefined ? undefined : oneFile ? out : path.join(out, `${map.name}${extension}`),
    }));
    // Nothing is written when one file in the way is not one journey wrote.
    await refuseOverwrites(planned.flatMap((file) => (file.path === undefined ? [] : [{ path: file.path, content: file.text }])), { inputs: workspace.requested.map((file) => file.path), force: options.force });
    for (const { map, text, path: target } of planned) {
        if (options.format === 'csv') {
            const left = notInCsv(map.model);
            if (left.length > 0) process.stderr.write(`journey: ${map.display}: the CSV holds stages and touchpoints; not in it: ${left.join(', ')} (--format json has everything).\n`);
        }
        if (target === undefined) {
            process.stdout.write(text);
        } else {
            await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true });
            await fs.writeFile(target, text);
            process.stderr.write(`journey: wrote ${target}\n`);
        }
    }
    return ExitCode.ok;
}

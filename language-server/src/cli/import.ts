/**
 * `journey import <file>`: makes .journey maps from Mermaid `journey` diagrams (a `.mmd` file,
 * or the ```mermaid blocks of a Markdown file) or from a CSV table (one row per touchpoint).
 * The maps are written formatted and checked; input that cannot be read is reported with its
 * line (and row and column) and nothing is written; an existing file is kept unless --force.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { formatDocumentText } from '../editor/journey-formatter.js';
import { createJourneyServices } from '../journey-module.js';
import { IssueCodes } from '../language/journey-diagnostics.js';
import { importCsvJourney } from '../import/csv-journey-import.js';
import { IdAllocator, isValidId } from '../import/import-ids.js';
import type { ImportedJourney } from '../import/imported-journey.js';
import type { ImportProblem } from '../import/import-problem.js';
import { fencedBlocks } from '../import/markdown-blocks.js';
import { importMermaidJourney, isJourneyDiagram } from '../import/mermaid-journey-import.js';
import { journeySource } from '../import/journey-source.js';
import { decodeText } from './text-decoding.js';
import { ExitCode, UsageError } from './usage-error.js';

/** The formats `journey import` reads. */
export const IMPORT_FORMATS = ['mermaid', 'markdown', 'csv'] as const;
type ImportFormat = (typeof IMPORT_FORMATS)[number];

const FORMAT_OF_EXTENSION: Record<string, ImportFormat> = { '.mmd': 'mermaid', '.mermaid': 'mermaid', '.md': 'markdown', '.markdown': 'markdown', '.csv': 'csv', '.tsv': 'csv', '.txt': 'csv' };

/** The options of `journey import`. */
export interface ImportOptions {
    from?: ImportFormat;
    out?: string;
    force?: boolean;
    name?: string;
    id?: string;
}

/** A map ready to write: where, and its formatted text. */
interface ImportedMap {
    target: string;
    journey: ImportedJourney;
    text: string;
    warnings: string[];
}

/** Adds the `import` verb to the program. */
export function registerImportCommand(program: Command): void {
    program
        .command('import')
        .summary('make .journey maps from Mermaid journey diagrams or a CSV table')
        .description('Makes .journey maps from what you already have. '
            + 'Mermaid: a .mmd file, or the ```mermaid journey blocks of a Markdown file, one map per block; sections become stages, tasks touchpoints with their score as emotion, actors personas. '
            + 'CSV: one row per touchpoint, with columns stage, touchpoint, channel, owner, persona, emotion, expected, pain, gain, opportunity, reach '
            + '(also description, moment of truth, backstage and their … id columns), headers in any case, comma, semicolon or tab separated, several pains (personas, channels…) in a cell one per line.\n'
            + 'Ids are derived from the labels. The maps are written formatted; a file that cannot be read is reported with its line (and row and column) and nothing is written. '
            + 'An existing file is never replaced without --force.')
        .argument('<file>', 'a .mmd, .md or .csv file')
        .addOption(new Option('--from <format>', 'what the file holds (default: from its extension)').choices([...IMPORT_FORMATS]))
        .option('-o, --out <file or dir>', 'the .journey file to write (- for stdout), or the folder for several maps (default: beside the input, same name)')
        .option('--name <label>', 'the journey\'s label (CSV; default: a Mermaid diagram\'s title, or the file\'s name)')
        .option('--id <id>', 'the journey\'s id (default: derived from its label)')
        .option('--force', 'replace files that already exist')
        .addHelpText('after', [
            '',
            'Exit codes: 0 written, 1 the input has problems (nothing written), 2 the command could not run (e.g. the file exists, without --force).',
            '',
            'Examples:',
            '  journey import booking.csv                       writes booking.journey',
            '  journey import journeys.md --out maps/           one map per ```mermaid journey block',
            '  journey import day.mmd --out - > day.journey',
            '  journey import export.csv --name "Booking a cleaning" --out booking.journey --force',
        ].join('\n'))
        .action(async (file: string, options: ImportOptions) => {
            process.exitCode = await runImport(file, options);
        });
}

/** Runs `journey import`; returns the exit code. */
export async function runImport(file: string, options: ImportOptions, cwd = process.cwd()): Promise<number> {
    const input = path.resolve(cwd, file);
    const format = options.from ?? FORMAT_OF_EXTENSION[path.extname(input).toLowerCase()];
    if (!format) throw new UsageError(`${file}: cannot tell what it holds from its extension. Say it with --from ${IMPORT_FORMATS.join('|')}.`);
    if (options.id !== undefined && !isValidId(options.id)) throw new UsageError(`--id ${options.id}: not a valid id (letters, digits, _ and inner -, starting with a letter or _, not a keyword).`);
    const bytes = await fs.readFile(input).catch((error: NodeJS.ErrnoException) => {
        throw new UsageError(error.code === 'ENOENT' ? `${file}: no such file.` : `${file}: cannot be read (${error.code ?? String(error)}).`);
    });
    const decoded = decodeText(bytes);
    if (decoded.invalidAt) {
        // A spreadsheet saved as "CSV" in a legacy encoding: its accents would silently become �.
        const { line, character } = decoded.invalidAt;
        process.stderr.write(`${file}:${line + 1}:${character + 1}: error: the file is not UTF-8 text (its first invalid byte is here). Save it as UTF-8 (in a spreadsheet: "CSV UTF-8").\n`);
        process.stderr.write(`journey: ${file} could not be imported (1 problem): nothing written.\n`);
        return ExitCode.problems;
    }
    const text = decoded.text;
    const base = path.basename(input, path.extname(input));

    const result = readJourneys(text, format, base, options);
    if (!result.ok) {
        for (const problem of result.problems) process.stderr.write(`${file}:${problem.line}:${problem.column}: error: ${problem.message}\n`);
        process.stderr.write(`journey: ${file} could not be imported (${result.problems.length === 1 ? '1 problem' : `${result.problems.length} problems`}): nothing written.\n`);
        return ExitCode.problems;
    }
    const journeys = result.value;
    const targets = await targetsOf(journeys, input, options, cwd);
    const maps: ImportedMap[] = [];
    for (const [index, journey] of journeys.entries()) {
        try {
            maps.push(await checkedMap(journey, targets[index], `Imported from ${path.basename(input)} by journey import.`));
        } catch (error) {
            if (!(error instanceof ImportClash)) throw error;
            process.stderr.write(`journey: ${file}: ${error.message}\n`);
            return ExitCode.problems;
        }
    }
    if (options.out === '-') {
        process.stdout.write(maps.map((map) => map.text).join('\n'));
    } else {
        for (const map of maps) {
            await fs.mkdir(path.dirname(map.target), { recursive: true });
            await fs.writeFile(map.target, map.text, { flag: options.force ? 'w' : 'wx' });
        }
    }
    for (const map of maps) {
        const shown = options.out === '-' ? 'stdout' : path.relative(cwd, map.target) || map.target;
        const touchpoints = map.journey.stages.reduce((n, stage) => n + stage.touchpoints.length, 0);
        process.stderr.write(`journey: ${options.out === '-' ? 'printed' : 'wrote'} ${shown}: ${plural(map.journey.stages.length, 'stage')}, ${plural(touchpoints, 'touchpoint')}, ${plural(map.journey.personas.length, 'persona')}\n`);
        for (const warning of map.warnings) process.stderr.write(`${shown}:${warning}\n`);
    }
    return ExitCode.ok;
}

/** The journeys of the input, or its problems. */
function readJourneys(text: string, format: ImportFormat, base: string, options: ImportOptions): { ok: true; value: ImportedJourney[] } | { ok: false; problems: ImportProblem[] } {
    if (format === 'csv') {
        // Without --name, the map is named as its file (`Customer Journey Q3.csv` → "Customer Journey Q3"), its id made from that name.
        const result = importCsvJourney(text, { id: options.id ?? (options.name === undefined ? new IdAllocator().allocate(base, 'journey') : undefined), label: options.name ?? base });
        return result.ok ? { ok: true, value: [result.value] } : result;
    }
    const blocks = format === 'mermaid'
        ? [{ text, firstLine: 1 }]
        : fencedBlocks(text).filter((block) => block.language === 'mermaid' && isJourneyDiagram(block.text));
    if (blocks.length === 0) {
        return { ok: false, problems: [{ line: 1, column: 1, message: 'no ```mermaid block holding a journey diagram here: import looks for blocks that start with the word journey.' }] };
    }
    const problems: ImportProblem[] = [];
    const journeys: ImportedJourney[] = [];
    const ids = new IdAllocator();
    for (const block of blocks) {
        const result = importMermaidJourney(block, base);
        if (!result.ok) {
            problems.push(...result.problems);
            continue;
        }
        const journey = result.value;
        if (options.name !== undefined) journey.label = options.name;
        journey.id = blocks.length === 1 && options.id !== undefined ? options.id : ids.allocate(journey.label ?? base, 'journey');
        journeys.push(journey);
    }
    return problems.length > 0 ? { ok: false, problems } : { ok: true, value: journeys };
}

/** Where each journey is written; refuses (before anything is written) a file that exists without --force. */
async function targetsOf(journeys: ImportedJourney[], input: string, options: ImportOptions, cwd: string): Promise<string[]> {
    const out = options.out;
    let targets: string[];
    if (out === '-') {
        return journeys.map((journey) => path.join(path.dirname(input), `${journey.id}.journey`));
    } else if (journeys.length === 1) {
        const named = out === undefined ? undefined : path.resolve(cwd, out);
        const isFolder = named !== undefined && (path.extname(named) === '' || (await fs.stat(named).catch(() => undefined))?.isDirectory());
        targets = [named === undefined
            ? path.join(path.dirname(input), `${path.basename(input, path.extname(input))}.journey`)
            : isFolder ? path.join(named, `${journeys[0].id}.journey`) : named];
    } else {
        const folder = out === undefined ? path.dirname(input) : path.resolve(cwd, out);
        if (out !== undefined && path.extname(folder) === '.journey') {
            throw new UsageError(`${journeys.length} journeys to import (one per diagram) but --out names one file (${out}): name a folder, which gets one .journey file per journey.`);
        }
        targets = journeys.map((journey) => path.join(folder, `${journey.id}.journey`));
    }
    for (const target of targets) {
        if (path.extname(target) !== '.journey') throw new UsageError(`--out ${out}: a map is written to a file whose name ends in .journey.`);
        if (!options.force && (await fs.stat(target).catch(() => undefined))) {
            throw new UsageError(`${path.relative(cwd, target) || target} already exists: nothing written. Add --force to replace it, or choose another file with --out.`);
        }
    }
    return targets;
}

/** An imported map that cannot live beside the maps of its folder (its journey id is taken): nothing is written. */
class ImportClash extends Error {}

/**
 * The formatted text of a journey, checked as the map it will be: beside the other maps of its
 * folder (whose journey ids it must not take). Any other error means the import went wrong (never written).
 */
async function checkedMap(journey: ImportedJourney, target: string, comment: string): Promise<ImportedMap> {
    const services = createJourneyServices(EmptyFileSystem);
    const workspace = services.shared.workspace;
    const neighbours: LangiumDocument[] = [];
    for (const name of await fs.readdir(path.dirname(target)).catch(() => [] as string[])) {
        const file = path.join(path.dirname(target), name);
        if (!name.endsWith('.journey') || file === target) continue;
        const bytes = await fs.readFile(file).catch(() => undefined);
        if (!bytes) continue;
        const neighbour = workspace.LangiumDocumentFactory.fromString(decodeText(bytes).text, URI.file(file));
        workspace.LangiumDocuments.addDocument(neighbour);
        neighbours.push(neighbour);
    }
    const build = async (text: string): Promise<LangiumDocument> => {
        const document = workspace.LangiumDocumentFactory.fromString(text, URI.file(target));
        workspace.LangiumDocuments.addDocument(document);
        await workspace.DocumentBuilder.build([...neighbours, document], { validation: true });
        return document;
    };
    const draft = await build(journeySource(journey, [comment]));
    const text = await formatDocumentText(services.Journey.lsp.Formatter!, draft);
    workspace.LangiumDocuments.deleteDocument(draft.uri);
    const document = await build(text);
    const diagnostics = document.diagnostics ?? [];
    const errors = diagnostics.filter((d) => d.severity === 1);
    const clash = errors.find((d) => (d.data as { code?: string } | undefined)?.code === IssueCodes.DuplicateId && d.range.start.line === text.split('\n').findIndex((line) => line.startsWith('journey ')));
    if (clash) {
        throw new ImportClash(`the journey id '${journey.id}' is already used by another map of ${path.dirname(target)}: nothing written. Choose another with --id (for example --id ${journey.id}_imported).`);
    }
    if (errors.length > 0) {
        const first = errors[0];
        throw new Error(`the imported map ${journey.id} does not check clean (${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message})`);
    }
    const warnings = diagnostics
        .filter((d) => d.severity === 2)
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: warning: ${d.message}`);
    return { target, journey, text, warnings };
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

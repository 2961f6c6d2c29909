/**
 * `journey diff <old> <new>` and `journey diff --git <revision> [paths…]`: what changed in the
 * journeys, element by element, as text, Markdown (for pull requests) or JSON.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import type { LangiumDocument } from 'langium';
import type { JourneyFile } from '../generated/ast.js';
import { buildModelOfJourney, buildSharedDeclarations } from '../model/build-model.js';
import { diffFiles, type FilePair, type FileSide } from '../diff/diff-files.js';
import { diffToJson } from '../diff/diff-json.js';
import { diffToMarkdown, REPORT_MAX_LENGTH } from '../diff/diff-markdown.js';
import { viewPicture } from '../diff/diff-pictures.js';
import { diffToText } from '../diff/diff-text.js';
import type { FileDiff } from '../diff/diff-types.js';
import { gitRoot, journeyFilesAtRevision, journeyFilesInWorkingTree, mergeBase, renamesBetween, requireCommit } from './diff-git.js';
import { ExitCode, UsageError } from './usage-error.js';
import { firstSyntaxDiagnostic, loadTexts, loadWorkspace, onlyRequestedFile } from './workspace.js';
import { withVisibleControls } from '../views/visible-text.js';

/** The output formats of `journey diff`. */
export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;

/** The options of `journey diff`. */
export interface DiffOptions {
    git?: string;
    format: (typeof DIFF_FORMATS)[number];
    exitCode?: boolean;
    pictures: boolean;
}

/** Adds the `diff` verb to the program. */
export function registerDiffCommand(program: Command): void {
    program
        .command('diff')
        .summary('compare two maps, or the maps of a git revision with the working tree')
        .description('Lists what changed between two journey maps, element by element (matched by id): touchpoints, stages, '
            + 'decisions… added, removed, renamed or moved; emotion, reach, channel, owner… changed; pains, gains and '
            + 'opportunities added or removed; next links and branches changed.\n\n'
            + 'With --git, compares every .journey file of a git revision with the working tree (or with another revision: A..B; A...B compares B with the commit where it left A, as git diff does).')
        .argument('[files...]', '<old> <new> map files; with --git, optional files or folders to limit the comparison to')
        .option('-g, --git <revision>', 'compare the .journey files at <revision> with the working tree; <revision>..<other> compares two revisions')
        .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
        .option('--exit-code', 'exit 1 when there are changes, 0 when there are none (like git diff --exit-code)')
        .option('--no-pictures', 'leave the before/after Mermaid pictures out of the Markdown')
        .addHelpText('after', [
            '',
            'Exit codes: 0 compared (changes or not; with --exit-code: 0 no changes, 1 changes), 2 the command could not run.',
            '',
            'Examples:',
            '  journey diff current.journey future.journey               as-is against to-be',
            '  journey diff --git main                                   working tree against the main branch',
            '  journey diff --git HEAD~1..HEAD maps/ --format markdown   the last commit, for a pull-request comment',
        ].join('\n'))
        .action(async (files: string[], options: DiffOptions) => {
            process.exitCode = await runDiff(files, options);
        });
}

/** Runs `journey diff`: prints the report on stdout; returns the exit code. */
export async function runDiff(files: string[], options: DiffOptions): Promise<number> {
    const diffs = options.git === undefined ? await diffTwoFiles(files) : await diffGit(options.git, files);
    const report =
        options.format === 'json'
            ? diffToJson(diffs)
            : options.format === 'markdown'
              ? diffToMarkdown(diffs, { picture: options.pictures ? viewPicture : undefined, maxLength: REPORT_MAX_LENGTH })
              : diffToText(diffs);
    const changed = diffs.some((file) => file.status !== 'unchanged');
    if (options.format === 'text' && !changed) process.stderr.write('no changes\n');
    process.stdout.write(report);
    return options.exitCode && changed ? ExitCode.problems : ExitCode.ok;
}

/** `journey diff <old> <new>`: each file loaded with its own folder, so shared declarations resolve. */
async function diffTwoFiles(files: string[]): Promise<FileDiff[]> {
    if (files.length !== 2) {
        throw new UsageError(`diff needs two files, the old one and the new one (got ${files.length}). Example: journey diff current.journey future.journey, or journey diff --git main.`);
    }
    if (files[0] === '-' && files[1] === '-') {
        throw new UsageError('diff can read only one side from stdin (-): name a file for the other. Example: git show main:booking.journey | journey diff - booking.journey');
    }
    const sides: FileSide[] = [];
    for (const file of files) {
        const workspace = await loadWorkspace([file]);
        const requested = onlyRequestedFile(workspace, file, 'diff compares one old file with one new file', 'Name one file on each side; to compare every map of a repository, use journey diff --git <revision> [folder].');
        warnAboutErrors(requested.displayPath, requested.document);
        sides.push({ path: requested.displayPath, text: requested.decoded.text, models: modelsOf(requested.document), syntaxErrors: syntaxErrorsOf(requested.document), declarations: declarationsOf(requested.document), shared: sharedOf(requested.document) });
    }
    return diffFiles([{ before: sides[0], after: sides[1] }]);
}

/** `journey diff --git <revision>[..<other> | ...<other>] [paths…]`: every map of both sides, each side loaded as one workspace. */
async function diffGit(revision: string, limits: string[]): Promise<FileDiff[]> {
    const cwd = process.cwd();
    const root = gitRoot(cwd);
    const [first, to] = revision.includes('..') ? splitRange(revision) : [revision, undefined];
    requireCommit(root, first);
    if (to !== undefined) requireCommit(root, to);
    // A...B, as in git: what B changed since it left A, compared from their merge base.
    const from = to !== undefined && revision.includes('...') ? mergeBase(root, first, to) : first;
    const oldTexts = journeyFilesAtRevision(root, from);
    const newTexts = to === undefined ? journeyFilesInWorkingTree(root) : journeyFilesAtRevision(root, to);
    const oldSides = await sidesOf(root, oldTexts, false);
    const newSides = await sidesOf(root, newTexts, true);
    const renames = renamesBetween(root, from, to);
    const relativeLimits = limits.map((limit) => path.relative(root, path.resolve(cwd, limit)).split(path.sep).join('/'));
    // A path that names nothing (a typo, a missing folder) must not pass as "no changes".
    relativeLimits.forEach((limit, index) => {
        const matches = limitTo([limit]);
        if (!existsSync(path.resolve(cwd, limits[index])) && ![...oldTexts.keys(), ...newTexts.keys()].some(matches)) {
            throw new UsageError(`${limits[index]}: no such file or folder, and no .journey file of either side is there. Check the path (journey diff --git ${revision} [files or folders]).`);
        }
    });
    const wanted = limitTo(relativeLimits);
    return diffFiles(pairFiles(oldSides, newSides, renames).filter((pair) => wanted(pair.before?.path) || wanted(pair.after?.path)));
}

/** `A..B` or `A...B` → [A, B]; an empty side means HEAD, as in git. */
function splitRange(range: string): [string, string] {
    const [from, to] = range.split(/\.{3}|\.{2}/);
    return [from || 'HEAD', to || 'HEAD'];
}

/** Builds every file of one side as one workspace and returns each file's side of the comparison. */
async function sidesOf(root: string, texts: Map<string, Buffer>, warn: boolean): Promise<Map<string, FileSide>> {
    const documents = await loadTexts(new Map([...texts].map(([file, content]) => [path.join(root, file), content])));
    const sides = new Map<string, FileSide>();
    for (const file of texts.keys()) {
        const document = documents.get(path.join(root, file))!;
        if (warn) warnAboutErrors(file, document);
        sides.set(file, { path: file, text: document.textDocument.getText(), models: modelsOf(document), syntaxErrors: syntaxErrorsOf(document), declarations: declarationsOf(document), shared: sharedOf(document) });
    }
    return sides;
}

/** Old and new files paired by path, by git's renames, then by identical text; the rest added or deleted. */
function pairFiles(oldSides: Map<string, FileSide>, newSides: Map<string, FileSide>, renames: Map<string, string>): FilePair[] {
    const pairs: FilePair[] = [];
    const unpairedOld = new Map(oldSides);
    const unpairedNew = new Map(newSides);
    for (const [file, after] of newSides) {
        const before = oldSides.get(file);
        if (!before) continue;
        pairs.push({ before, after });
        unpairedOld.delete(file);
        unpairedNew.delete(file);
    }
    for (const [oldPath, newPath] of renames) {
        const [before, after] = [unpairedOld.get(oldPath), unpairedNew.get(newPath)];
        if (!before || !after) continue;
        pairs.push({ before, after, renamed: true });
        unpairedOld.delete(oldPath);
        unpairedNew.delete(newPath);
    }
    for (const [newPath, after] of unpairedNew) {
        const match = [...unpairedOld.values()].find((before) => before.text === after.text);
        if (match) {
            pairs.push({ before: match, after, renamed: true });
            unpairedOld.delete(match.path);
            unpairedNew.delete(newPath);
        }
    }
    pairs.push(...[...unpairedNew.values()].map((after): FilePair => ({ after })));
    pairs.push(...[...unpairedOld.values()].map((before): FilePair => ({ before })));
    return pairs.sort((a, b) => ((a.after ?? a.before)!.path < (b.after ?? b.before)!.path ? -1 : 1));
}

/** Whether a path (relative to the root) is one of the limits or inside one; no limits: everything. */
function limitTo(limits: string[]): (file: string | undefined) => boolean {
    return (file) => file !== undefined && (limits.length === 0 || limits.some((limit) => limit === '' || file === limit || file.startsWith(limit.replace(/\/$/, '') + '/')));
}

function modelsOf(document: LangiumDocument): ReturnType<typeof buildModelOfJourney>[] {
    return (document.parseResult.value as JourneyFile).journeys.map(buildModelOfJourney);
}

/** What a file declares besides journeys (personas, channels, teams), as JSON: a comment or a new layout does not change it. */
function declarationsOf(document: LangiumDocument): string {
    const file = document.parseResult.value as JourneyFile;
    return JSON.stringify({
        personas: file.personas.map((p) => [p.name, p.label, p.goals, p.needs, p.frustrations, p.descriptions]),
        channels: file.channels.map((c) => [c.name, c.label, c.mode, c.tone]),
        teams: file.teams.map((t) => [t.name, t.label]),
    });
}

/** The personas, channels and teams declared at the top of a file, compared once for every map that uses them. */
function sharedOf(document: LangiumDocument): FileSide['shared'] {
    return buildSharedDeclarations(document.parseResult.value as JourneyFile, document.uri.toString());
}

function syntaxErrorsOf(document: LangiumDocument): number {
    return document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
}

/** A map with syntax errors is not compared (the report says so), with a warning on stderr. */
function warnAboutErrors(file: string, document: LangiumDocument): void {
    const errors = syntaxErrorsOf(document);
    file = withVisibleControls(file);
    if (errors > 0) {
        const first = firstSyntaxDiagnostic(document);
        const place = first ? `${file}:${first.range.start.line + 1}:${first.range.start.character + 1}` : file;
        const what = first ? ` (${errors === 1 ? '' : 'the first: '}${withVisibleControls(typeof first.message === 'string' ? first.message : first.message.value)})` : '';
        process.stderr.write(`journey: warning: ${place}: ${errors} syntax error${errors === 1 ? '' : 's'}${what}, so this file is not compared (run journey check ${file}).\n`);
    }
}

/**
 * What `journey diff --git` asks git: the repository's root, the `.journey` files of a
 * revision (or of the working tree) with their contents, and the renames git sees between
 * two sides. Runs the `git` program; every failure becomes a plain usage error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './usage-error.js';

/** The pathspec of the files compared. */
const JOURNEY_PATHSPEC = '*.journey';

/** Runs git in `cwd` and returns its stdout; a failure is a usage error quoting git's message. */
function git(cwd: string, args: string[], input?: string): Buffer {
    const result = spawnSync('git', args, { cwd, input, maxBuffer: 1024 * 1024 * 1024 });
    if (result.error) {
        throw new UsageError(`could not run git (${(result.error as NodeJS.ErrnoException).code ?? result.error.message}). Install git, or compare two files: journey diff old.journey new.journey.`);
    }
    if (result.status !== 0) {
        throw new UsageError(`git ${args[0]} failed: ${result.stderr.toString().trim() || `exit code ${result.status}`}`);
    }
    return result.stdout;
}

/** The root folder of the git repository holding `cwd`. */
export function gitRoot(cwd: string): string {
    const result = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd });
    if (result.error || result.status !== 0) {
        throw new UsageError(`${cwd} is not inside a git repository: --git compares with a git revision. Run it inside a repository, or compare two files: journey diff old.journey new.journey.`);
    }
    return result.stdout.toString().trim();
}

/** Checks that `revision` names a commit, with a message naming it when it does not. */
export function requireCommit(root: string, revision: string): void {
    const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], { cwd: root });
    if (result.status !== 0) {
        throw new UsageError(`unknown git revision "${revision}". Give a branch, tag or commit (for example: --git main, --git HEAD~1, --git origin/main); in a shallow CI checkout, fetch the base branch first.`);
    }
}

/** The commit two revisions last had in common (what `A...B` starts from, as in `git diff A...B`). */
export function mergeBase(root: string, a: string, b: string): string {
    const result = spawnSync('git', ['merge-base', a, b], { cwd: root });
    if (result.status !== 0) {
        throw new UsageError(`"${a}" and "${b}" have no commit in common, so ${a}...${b} compares nothing: use ${a}..${b} to compare the two as they are.`);
    }
    return result.stdout.toString().trim();
}

/** The `.journey` files of a revision, by path relative to the root, with their contents. */
export function journeyFilesAtRevision(root: string, revision: string): Map<string, Buffer> {
    // "<mode> <type> <sha>\t<path>" per entry, NUL-separated: any character may be in a path, a line break too.
    const entries = splitNul(git(root, ['ls-tree', '-r', '-z', '--full-tree', revision]))
        .map((entry) => ({ header: entry.slice(0, entry.indexOf('\t')).split(' '), file: entry.slice(entry.indexOf('\t') + 1) }))
        .filter(({ header, file }) => header[1] === 'blob' && isJourneyPath(file));
    const files = new Map<string, Buffer>();
    if (entries.length === 0) return files;
    // One `git cat-file --batch` for every file, asked by object id (never by path): "<sha> blob <size>\n<content>\n" per request.
    const output = git(root, ['cat-file', '--batch'], entries.map(({ header }) => `${header[2]}\n`).join(''));
    let offset = 0;
    for (const { file } of entries) {
        const headerEnd = output.indexOf(0x0a, offset);
        const header = output.subarray(offset, headerEnd).toString();
        const size = Number(header.split(' ')[2]);
        if (!header.includes(' blob ') || !Number.isFinite(size)) {
            throw new UsageError(`git could not read ${JSON.stringify(file)} at ${revision} (${header}).`);
        }
        files.set(file, output.subarray(headerEnd + 1, headerEnd + 1 + size));
        offset = headerEnd + 1 + size + 1;
    }
    return files;
}

/** The `.journey` files of the working tree (tracked, or new and not ignored), by path relative to the root. */
export function journeyFilesInWorkingTree(root: string): Map<string, Buffer> {
    const paths = splitNul(git(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', JOURNEY_PATHSPEC])).filter(isJourneyPath);
    const files = new Map<string, Buffer>();
    for (const file of [...new Set(paths)].sort()) {
        const absolute = path.join(root, file);
        // A tracked file deleted in the working tree is listed but gone: it counts as deleted.
        if (existsSync(absolute)) files.set(file, readFileSync(absolute));
    }
    return files;
}

/** The renames git detects between a revision and another revision (or the working tree): old path → new path. */
export function renamesBetween(root: string, from: string, to: string | undefined): Map<string, string> {
    const output = splitNul(git(root, ['diff', '-z', '--name-status', '-M', from, ...(to === undefined ? [] : [to]), '--', JOURNEY_PATHSPEC]));
    const renames = new Map<string, string>();
    for (let i = 0; i < output.length; ) {
        const status = output[i];
        if (status.startsWith('R') || status.startsWith('C')) {
            if (status.startsWith('R')) renames.set(output[i + 1], output[i + 2]);
            i += 3;
        } else {
            i += 2;
        }
    }
    return renames;
}

function splitNul(output: Buffer): string[] {
    return output.toString('utf8').split('\0').filter((item) => item.length > 0);
}

function isJourneyPath(file: string): boolean {
    return file.endsWith('.journey');
}

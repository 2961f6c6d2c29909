/** `journey format <files…>`: prints, checks or rewrites .journey files in the canonical layout (the editor's formatter). */
import { promises as fs, rmSync } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { formatDocumentText } from '../editor/journey-formatter.js';
import { decodeText } from './text-decoding.js';
import { ExitCode, UsageError } from './usage-error.js';
import { addWorkspaceOptions, firstSyntaxDiagnostic, loadWorkspace, type RequestedFile, type WorkspaceCommandOptions } from './workspace.js';

/** The options of `journey format`. */
export interface FormatOptions extends WorkspaceCommandOptions {
    check?: boolean;
    write?: boolean;
}

/** Adds the `format` verb to the program. */
export function registerFormatCommand(program: Command): void {
    const command = program
        .command('format')
        .summary('lay out .journey files in the one canonical layout')
        .description('Formats .journey files exactly as the editor does: two-space indentation, one fact per line, a blank line between stages.\n'
            + 'Comments and every character of every label are kept. A file with syntax errors is never formatted.\n'
            + 'Without --check or --write, the formatted text of one file is printed on stdout.')
        .argument('<files...>', '.journey files, folders (their .journey files, subfolders included), globs (quote them: "maps/**/*.journey"), or - for stdin')
        .option('-c, --check', 'list the files that are not formatted; exit 1 if there is any')
        .option('--write', 'rewrite the files that are not formatted, in place');
    addWorkspaceOptions(command)
        .addHelpText('after', [
            '',
            'Exit codes: 0 done (or, with --check, every file is formatted), 1 some file is not formatted (--check)',
            'or could not be formatted (syntax errors, changed on disk), 2 the command could not run.',
            '',
            'Examples:',
            '  journey format booking.journey                print the formatted map',
            '  journey format --check "maps/**/*.journey"   in CI: fail when a map is not formatted',
            '  journey format --write "maps/**/*.journey"   format every map in place',
        ].join('\n'))
        .action(async (files: string[], options: FormatOptions) => {
            process.exitCode = await runFormat(files, options);
        });
}

/** Runs `journey format`; returns the exit code. */
export async function runFormat(files: string[], options: FormatOptions, cwd?: string): Promise<number> {
    if (options.check && options.write) {
        throw new UsageError('choose one of --check (report) and --write (rewrite), not both.');
    }
    const workspace = await loadWorkspace(files, { workspace: options.workspace, stdinName: options.stdinName, cwd });
    if (!options.check && !options.write && workspace.requested.length > 1) {
        throw new UsageError(`${workspace.requested.length} files given: printing works for one file. Use --check to list the files that are not formatted, or --write to format them in place.`);
    }
    const formatter = workspace.services.Journey.lsp.Formatter!;
    let failed = false;
    const unformatted: string[] = [];
    for (const file of workspace.requested) {
        const problem = whyNotFormattable(file);
        if (problem) {
            process.stderr.write(`${problem}\n`);
            failed = true;
            continue;
        }
        const original = file.decoded.text;
        const formatted = keepLineEndings(original, await formatDocumentText(formatter, file.document));
        if (!options.check && !options.write) {
            process.stdout.write(formatted);
        } else if (formatted !== original) {
            unformatted.push(file.displayPath);
            if (options.check && file.decoded.encoding !== 'utf-8') {
                // --write would refuse it: say what to do first.
                process.stderr.write(`${file.displayPath}: not formatted, and it is ${file.decoded.encoding} text: convert it to UTF-8 first.\n`);
                failed = true;
                unformatted.pop();
            } else if (options.check) {
                process.stdout.write(`${file.displayPath}\n`);
            } else if (file.fromStdin) {
                process.stdout.write(formatted);
            } else {
                const written = await writeIfUnchanged(file, formatted);
                if (written === true) {
                    process.stdout.write(`formatted ${file.displayPath}\n`);
                } else {
                    process.stderr.write(`${file.displayPath}: not written: ${written}\n`);
                    failed = true;
                }
            }
        }
    }
    if (options.check) {
        const count = unformatted.length;
        const checked = workspace.requested.length;
        process.stderr.write(count > 0
            ? `${count} file${count === 1 ? ' is' : 's are'} not formatted. Run journey format --write on ${count === 1 ? 'it' : 'them'}.\n`
            : failed ? 'Some files could not be formatted (see above).\n' : `${checked} file${checked === 1 ? '' : 's'} checked: all formatted.\n`);
        return count > 0 || failed ? ExitCode.problems : ExitCode.ok;
    }
    return failed ? ExitCode.problems : ExitCode.ok;
}

/** Why a file must not be formatted (syntax errors, undecodable bytes), or undefined when it can be. */
function whyNotFormattable(file: RequestedFile): string | undefined {
    if (file.decoded.invalidAt) {
        const { line, character } = file.decoded.invalidAt;
        return `${file.displayPath}:${line + 1}:${character + 1}: not formatted: the file is not valid UTF-8 text. Save it as UTF-8 first.`;
    }
    const { lexerErrors, parserErrors } = file.document.parseResult;
    if (lexerErrors.length === 0 && parserErrors.length === 0) {
        return undefined;
    }
    const first = firstSyntaxDiagnostic(file.document);
    const where = first ? `${first.range.start.line + 1}:${first.range.start.character + 1}` : '1:1';
    const text = typeof first?.message === 'string' ? first.message : '';
    const sentence = text && !text.includes('\n') ? `: ${text}${/[.?!]$/.test(text) ? '' : '.'}` : '.';
    return `${file.displayPath}:${where}: not formatted: syntax error${sentence} Fix it first (journey check ${file.displayPath} explains every problem).`;
}

/** Files written with Windows line endings keep them. */
function keepLineEndings(original: string, formatted: string): string {
    return original.includes('\r\n') ? formatted.replace(/\r?\n/g, '\r\n') : formatted;
}

/** Temporary files being written: removed if the process is stopped by a signal before they are renamed. */
const pendingTemporaries = new Set<string>();

/** On SIGINT, SIGTERM or SIGHUP, removes the temporary files being written, then lets the signal end the process as usual. */
function removeTemporariesOnSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
        if (process.listeners(signal).includes(onSignal)) continue;
        process.on(signal, onSignal);
    }
}

function onSignal(signal: NodeJS.Signals): void {
    for (const temporary of pendingTemporaries) rmSync(temporary, { force: true });
    pendingTemporaries.clear();
    for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeListener(name, onSignal);
    process.kill(process.pid, signal);
}

/**
 * Writes `text` through a temporary file in the same folder and a rename, keeping the file's mode,
 * owner, group and byte-order mark; a file with several hard links is rewritten in place, so every
 * link keeps showing it. Returns true, or why it did not write (the file is read-only, belongs to
 * someone this user cannot give a file to, or changed on disk since it was read).
 */
export async function writeIfUnchanged(file: RequestedFile, text: string): Promise<true | string> {
    if (file.decoded.encoding !== 'utf-8') {
        return `it is ${file.decoded.encoding} text; convert it to UTF-8 to format it in place.`;
    }
    // Through a symbolic link, the file it points to is rewritten (the link stays a link).
    const target = await fs.realpath(file.path);
    const stat = await fs.stat(target);
    if ((stat.mode & 0o222) === 0) {
        // A rename would replace it anyway (and root may write anything): respect the user's lock.
        return 'it is read-only. Make it writable (chmod u+w) to format it in place, or print the result with journey format <file>.';
    }
    const bytes = Buffer.from((file.decoded.bom ? '\uFEFF' : '') + text, 'utf8');
    const unchanged = async () => {
        const now = decodeText(await fs.readFile(target));
        return now.text === file.decoded.text && now.bom === file.decoded.bom;
    };
    if (stat.nlink > 1) {
        if (!(await unchanged())) return 'it changed on disk while it was being formatted. Run the command again.';
        await fs.writeFile(target, bytes);
        return true;
    }
    removeTemporariesOnSignals();
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
    pendingTemporaries.add(temporary);
    try {
        try {
            await fs.writeFile(temporary, bytes, { mode: stat.mode & 0o7777, flag: 'wx' });
        } catch (error) {
            return `its folder does not accept a temporary file (${(error as NodeJS.ErrnoException).code ?? String(error)}), so it cannot be replaced safely.`;
        }
        try {
            if (stat.uid !== process.getuid?.() || stat.gid !== process.getgid?.()) {
                // The new file must belong to the map's owner and group, as the old one did.
                const owned = await fs.chown(temporary, stat.uid, stat.gid).then(() => true, () => false);
                if (!owned) {
                    await fs.rm(temporary, { force: true });
                    return `it belongs to another user or group (${stat.uid}:${stat.gid}), which this user cannot give the formatted file. Run the command as its owner.`;
                }
            }
            await fs.chmod(temporary, stat.mode & 0o7777);
            if (!(await unchanged())) {
                await fs.rm(temporary, { force: true });
                return 'it changed on disk while it was being formatted. Run the command again.';
            }
            await fs.rename(temporary, target);
            return true;
        } catch (error) {
            await fs.rm(temporary, { force: true });
            throw error;
        }
    } finally {
        pendingTemporaries.delete(temporary);
    }
}

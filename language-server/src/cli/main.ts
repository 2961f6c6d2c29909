/**
 * The `journey` command line. Each verb lives in its own file exporting
 * `register<Verb>Command(program)`; to add a verb, add one import and one call in the
 * list of registrations below. Exit codes: 0 ok, 1 problems found, 2 could not run.
 */
import { Command, CommanderError } from 'commander';
import packageJson from '../../../package.json' with { type: 'json' };
import { registerCheckCommand } from './check.js';
import { registerDiffCommand } from './diff.js';
import { registerExportCommand } from './export.js';
import { registerFormatCommand } from './format.js';
import { registerImportCommand } from './import.js';
import { registerRenderCommand } from './render.js';
import { ExitCode, UsageError } from './usage-error.js';
import { withVisibleControls } from '../views/visible-text.js';

/** Builds the `journey` program with every verb registered. */
export function createProgram(): Command {
    const program = new Command('journey')
        .version(packageJson.version, '-v, --version', 'print the version')
        .description('Customer-journey maps as code: check, render, format, compare, import and export .journey files.')
        .helpOption('-h, --help', 'show help (also: journey <command> --help)')
        .showHelpAfterError('(run journey --help for usage)')
        .exitOverride()
        .addHelpText('after', [
            '',
            'Examples:',
            '  journey check booking.journey          report problems (exit 1 on errors)',
            '  journey check "maps/**/*.journey"      check every map of a folder',
            '  journey check - --stdin-name booking.journey < draft.txt',
            '                                         check text from stdin as if it were booking.journey',
            '',
            'Exit codes: 0 ok, 1 problems found, 2 usage error or unreadable file.',
        ].join('\n'));

    // ── Registrations: one line per verb (cli/<verb>.ts exports register<Verb>Command). ──
    registerCheckCommand(program);
    registerRenderCommand(program);
    registerFormatCommand(program);
    registerDiffCommand(program);
    registerImportCommand(program);
    registerExportCommand(program);
    // ── End of registrations. ──

    // Every verb reports usage errors the same way: a message, then exit 2.
    for (const command of [program, ...program.commands]) {
        command.exitOverride().showHelpAfterError(`(run ${command === program ? 'journey' : `journey ${command.name()}`} --help for usage)`);
    }
    return program;
}

/** Runs the CLI with `argv` (as in process.argv) and sets the process's exit code. */
export async function main(argv: string[]): Promise<void> {
    try {
        await createProgram().parseAsync(argv);
    } catch (error) {
        process.exitCode = exitCodeOf(error);
    }
}

/** Prints an error the way the CLI does and returns its exit code. */
function exitCodeOf(error: unknown): number {
    if (error instanceof CommanderError) {
        // commander has already printed its message (or the help, or the version).
        return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (error instanceof UsageError) {
        // A message may quote a file name or a label: no line break or terminal escape of theirs reaches the terminal.
        process.stderr.write(`journey: ${withVisibleControls(error.message)}\n`);
        return ExitCode.usage;
    }
    const detail = process.env.JOURNEY_DEBUG ? String((error as Error)?.stack ?? error) : String((error as Error)?.message ?? error);
    process.stderr.write(`journey: internal error: ${detail}\nPlease report it with the file that caused it (set JOURNEY_DEBUG=1 for details).\n`);
    return ExitCode.usage;
}

// A reader that stops early (`journey check … | head`) is not an error: the rest of the output is dropped.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});
void main(process.argv);

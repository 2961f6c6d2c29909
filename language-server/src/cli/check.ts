/** `journey check <files…>`: reports the problems of .journey files, as the editor shows them. */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { collectDiagnostics, diagnosticFormats, summaryLine } from './diagnostic-formats.js';
import { colorEnabled, paint } from './terminal.js';
import { ExitCode } from './usage-error.js';
import { addWorkspaceOptions, loadWorkspace, type WorkspaceCommandOptions } from './workspace.js';

/** The options of `journey check`. */
export interface CheckOptions extends WorkspaceCommandOptions {
    format: string;
    quiet?: boolean;
    maxWarnings?: number;
}

/** Adds the `check` verb to the program. */
export function registerCheckCommand(program: Command): void {
    const command = program
        .command('check')
        .summary('report syntax errors, unknown references and other problems')
        .description('Checks .journey files and prints their problems as file:line:column severity message.\n'
            + 'The other .journey files of each file\'s folder are loaded too, so shared personas, channels and teams resolve.')
        .argument('<files...>', '.journey files, folders (their .journey files, subfolders included), globs (quote them: "maps/**/*.journey"), or - for stdin')
        .addOption(new Option('-f, --format <format>', 'output format').choices(Object.keys(diagnosticFormats)).default('text'))
        .option('-q, --quiet', 'report errors only, not warnings, infos or hints')
        .option('--max-warnings <count>', 'exit 1 when there are more than <count> warnings', parseCount);
    addWorkspaceOptions(command)
        .addHelpText('after', [
            '',
            'Exit codes: 0 no errors (warnings allowed), 1 errors found (or too many warnings), 2 the command could not run.',
            '',
            'Examples:',
            '  journey check booking.journey',
            '  journey check "maps/**/*.journey" --format json',
            '  cat booking.journey | journey check - --stdin-name maps/booking.journey',
        ].join('\n'))
        .action(async (files: string[], options: CheckOptions) => {
            process.exitCode = await runCheck(files, options);
        });
}

/** Runs `journey check`: prints the report on stdout and the summary on stderr; returns the exit code. */
export async function runCheck(files: string[], options: CheckOptions): Promise<number> {
    const workspace = await loadWorkspace(files, { workspace: options.workspace, stdinName: options.stdinName });
    const all = collectDiagnostics(workspace.requested);
    const errors = all.filter((d) => d.severity === 'error').length;
    const warnings = all.filter((d) => d.severity === 'warning').length;
    const shown = options.quiet ? all.filter((d) => d.severity === 'error') : all;
    const formatter = diagnosticFormats[options.format];
    process.stdout.write(formatter({ diagnostics: shown, files: workspace.requested.map((f) => f.displayPath), color: colorEnabled(process.stdout) }));

    const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
    const color = colorEnabled(process.stderr);
    let summary = summaryLine(shown, workspace.requested.length);
    if (shown.length < all.length) summary += ` (${all.length - shown.length} more hidden by --quiet)`;
    if (tooManyWarnings) summary += ` (more than --max-warnings ${options.maxWarnings})`;
    process.stderr.write(paint(color, errors > 0 || tooManyWarnings ? 'red' : 'green', summary) + '\n');
    return errors > 0 || tooManyWarnings ? ExitCode.problems : ExitCode.ok;
}

function parseCount(value: string): number {
    if (!/^\d+$/.test(value)) {
        throw new InvalidArgumentError('expected a whole number, such as 0 or 10.');
    }
    return Number(value);
}

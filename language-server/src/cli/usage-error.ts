/** The error every CLI verb throws when it cannot run: a bad option, an unreadable file, no file matched. */

/** A problem with how the command was called (or with its input files); the CLI prints the message and exits 2. */
export class UsageError extends Error {
    override readonly name = 'UsageError';
}

/** The exit codes of every `journey` verb. */
export const ExitCode = {
    /** Done, no errors (warnings allowed). */
    ok: 0,
    /** The input has errors (or more warnings than `--max-warnings`). */
    problems: 1,
    /** The command could not run: usage error, unreadable file, no file matched, internal error. */
    usage: 2,
} as const;

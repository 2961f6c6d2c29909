/** Reads the text a file had at a git revision, for "Compare with HEAD" (runs the `git` program). */
import { execFile } from 'node:child_process';
import * as path from 'node:path';

/** The text of `file` at `revision`; '' when the file did not exist at that revision. Throws an Error with a plain message otherwise. */
export function textAtRevision(file: string, revision: string): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile('git', ['show', `${revision}:./${path.basename(file)}`], { cwd: path.dirname(file), maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
            if (!error) return resolve(stdout.replace(/^\uFEFF/, ''));
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new Error('git is not installed (or not on the PATH): install git to compare with a revision.'));
            if (/not a git repository/i.test(stderr)) return reject(new Error(`${path.basename(file)} is not in a git repository: there is no ${revision} to compare with.`));
            if (/exists on disk, but not in|does not exist in/i.test(stderr)) return resolve('');
            if (/invalid object name|unknown revision|bad revision/i.test(stderr)) return reject(new Error(`git knows no revision "${revision}". Give a branch, tag or commit.`));
            reject(new Error(`git could not read ${path.basename(file)} at ${revision}: ${stderr.trim() || error.message}`));
        });
    });
}

/**
 * The requests by which a language server without a file system of its own (the web worker
 * of vscode.dev and github.dev) reads the workspace through its client, which answers with
 * `vscode.workspace.fs`. Plain types and method names only, shared by both sides.
 */

/** `journey/fs/readFile`: the text of a file (UTF-8). */
export const JOURNEY_FS_READ_FILE = 'journey/fs/readFile';
/** `journey/fs/readDirectory`: the entries of a folder. */
export const JOURNEY_FS_READ_DIRECTORY = 'journey/fs/readDirectory';
/** `journey/fs/stat`: whether a URI is a file, a folder, or nothing. */
export const JOURNEY_FS_STAT = 'journey/fs/stat';

/** Parameters of every `journey/fs/*` request. */
export interface JourneyFsParams {
    uri: string;
}

/** One entry of a folder, or the answer of `journey/fs/stat` (`missing` when nothing is there). */
export interface JourneyFsEntry {
    uri: string;
    isFile: boolean;
    isDirectory: boolean;
    missing?: boolean;
}

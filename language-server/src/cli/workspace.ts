/**
 * The one place where the CLI loads `.journey` documents, shared by every verb.
 *
 * Besides the files asked for, it loads the other `.journey` files of their folders (and of
 * `--workspace <dir>`), so personas, channels and teams shared by the workspace resolve, as
 * they do in the editor. Everything is parsed, linked and validated once; verbs then report
 * on the requested files only.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver';
import type { JourneyFile } from '../generated/ast.js';
import { createJourneyServices } from '../journey-module.js';
import { buildJourneyModel } from '../model/build-model.js';
import type { JourneyModel } from '../model/journey-model.js';
import { decodeText, type DecodedText } from './text-decoding.js';
import { UsageError } from './usage-error.js';
import { withVisibleControls } from '../views/visible-text.js';

/** The extension of the files the CLI loads from folders and globs. */
export const JOURNEY_EXTENSION = '.journey';

/** Folders never searched for `.journey` files. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** How to load a workspace; every field is optional. */
export interface WorkspaceOptions {
    /** Folder that relative paths and globs start from (default: the process's cwd). */
    cwd?: string;
    /** Also load every `.journey` file under this folder (recursively). */
    workspace?: string;
    /** The path `-` (stdin) stands for (default: `stdin.journey`). */
    stdinName?: string;
    /** Where `-` reads from (default: process.stdin). */
    stdin?: AsyncIterable<Uint8Array | string>;
}

/** The options `--workspace` and `--stdin-name` as commander parses them. */
export interface WorkspaceCommandOptions {
    workspace?: string;
    stdinName?: string;
}

/** The first syntax error (lexing or parsing) of a built document, as the editor and `check` report it. */
export function firstSyntaxDiagnostic(document: LangiumDocument): Diagnostic | undefined {
    const syntax = (document.diagnostics ?? []).filter((d) => /^(lexing|parsing)-error$/.test(String((d.data as { code?: unknown } | undefined)?.code)));
    return syntax.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
}

/** Why a file holds no journey, in words: it is empty, or it only declares shared personas, channels or teams. */
export function withoutJourney(file: RequestedFile): string {
    const root = file.document.parseResult.value;
    const shared = (root?.personas?.length ?? 0) + (root?.channels?.length ?? 0) + (root?.teams?.length ?? 0);
    return shared > 0 ? 'only shared personas, channels or teams' : 'it is empty, or holds only comments';
}

/** A file the user asked for, with its built document. */
export interface RequestedFile {
    /** The path shown to the user: relative to cwd, or the stdin name. */
    displayPath: string;
    /** The absolute path (for stdin: the path it stands for, which may not exist). */
    path: string;
    /** Its content came from stdin (`-`). */
    fromStdin: boolean;
    /** The decoded text (byte-order mark removed) and what decoding found. */
    decoded: DecodedText;
    /** The parsed, linked and validated document. */
    document: LangiumDocument<JourneyFile>;
}

/** The loaded workspace: services, every document built, and the requested files in order. */
export interface Workspace {
    services: ReturnType<typeof createJourneyServices>;
    documents: LangiumDocument[];
    requested: RequestedFile[];
}

/** Adds the loading options every verb shares (`--workspace`, `--stdin-name`) to a command. */
export function addWorkspaceOptions(command: Command): Command {
    return command
        .option('-w, --workspace <dir>', 'also load every .journey file under <dir>, so shared personas, channels and teams resolve')
        .option('--stdin-name <path>', 'the file name "-" (stdin) stands for, for messages and for finding the files of its folder', 'stdin.journey');
}

/** Loads the requested files (paths, globs, `-` for stdin) and their workspace, and builds every document once with validation. */
export async function loadWorkspace(files: string[], options: WorkspaceOptions = {}): Promise<Workspace> {
    const cwd = path.resolve(options.cwd ?? process.cwd());
    const stdinName = options.stdinName ?? 'stdin.journey';
    const requestedPaths = await expandArguments(files, cwd, stdinName);
    const stdinPath = path.resolve(cwd, stdinName);

    const texts = new Map<string, { decoded: DecodedText; fromStdin: boolean }>();
    for (const file of requestedPaths) {
        if (texts.has(file)) continue;
        const fromStdin = file === stdinPath && files.includes('-');
        const bytes = fromStdin ? await readAll(options.stdin ?? process.stdin) : await readRequestedFile(file, displayPath(file, cwd));
        texts.set(file, { decoded: decodeText(bytes), fromStdin });
    }

    const companions = new Set<string>();
    for (const folder of new Set(requestedPaths.map((file) => path.dirname(file)))) {
        for (const file of await journeyFilesIn(folder, false)) companions.add(file);
    }
    if (options.workspace) {
        const root = path.resolve(cwd, options.workspace);
        await requireFolder(root, '--workspace');
        for (const file of await journeyFilesIn(root, true)) companions.add(file);
    }
    for (const file of companions) {
        if (texts.has(file)) continue;
        // A companion that cannot be read is skipped with a warning: only requested files must be readable.
        const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
            warn(`${displayPath(file, cwd)} skipped: it cannot be read (${error.code ?? String(error)}); the personas, channels and teams it declares are unknown to the other maps.`);
            return undefined;
        });
        if (bytes) texts.set(file, { decoded: decodeText(bytes), fromStdin: false });
    }

    const services = createJourneyServices(NodeFileSystem);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const documents = new Map<string, LangiumDocument>();
    for (const [file, { decoded }] of texts) {
        const document = factory.fromString(decoded.text, URI.file(file));
        langiumDocuments.addDocument(document);
        documents.set(file, document);
    }
    await services.shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });

    const requested = [...new Set(requestedPaths)].map((file): RequestedFile => {
        const { decoded, fromStdin } = texts.get(file)!;
        return {
            displayPath: fromStdin ? stdinName : displayPath(file, cwd),
            path: file,
            fromStdin,
            decoded,
            document: documents.get(file) as LangiumDocument<JourneyFile>,
        };
    });
    return { services, documents: [...documents.values()], requested };
}

/**
 * Builds texts held in memory (e.g. every .journey file at a git revision), keyed by absolute
 * path, as one workspace with validation; nothing else is read from disk. Used by `journey diff --git`.
 */
export async function loadTexts(texts: ReadonlyMap<string, Uint8Array | string>): Promise<Map<string, LangiumDocument<JourneyFile>>> {
    const services = createJourneyServices(EmptyFileSystem);
    const documents = new Map<string, LangiumDocument<JourneyFile>>();
    for (const [file, content] of texts) {
        const text = typeof content === 'string' ? content : decodeText(content).text;
        const document = services.shared.workspace.LangiumDocumentFactory.fromString<JourneyFile>(text, URI.file(file));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(file, document);
    }
    await services.shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return documents;
}

/** The diagnostics of a requested file: decoding problems first, then the language's own. */
export function diagnosticsOf(file: RequestedFile): Diagnostic[] {
    const diagnostics: Diagnostic[] = [];
    const invalidAt = file.decoded.invalidAt;
    if (invalidAt) {
        diagnostics.push({
            range: { start: invalidAt, end: { line: invalidAt.line, character: invalidAt.character + 1 } },
            severity: 1, // Error
            code: 'invalid-encoding',
            source: 'journey',
            message: 'This file is not valid UTF-8 text: its first invalid byte is here (invalid bytes read as \uFFFD). Save the file with the UTF-8 encoding.',
        });
    }
    const nul = file.decoded.text.indexOf('\u0000');
    const utf16 = nul >= 0 ? utf16WithoutMark(file.decoded.text) : undefined;
    if (utf16) {
        // Text saved as UTF-16 without its byte-order mark reads as every other byte NUL: one message says what it is.
        return [{
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
            severity: 1,
            code: 'invalid-encoding',
            source: 'journey',
            message: `This file looks like ${utf16} text without a byte-order mark: save it with the UTF-8 encoding.`,
        }];
    }
    if (nul >= 0) {
        // A binary file (a picture, an archive saved as .journey) would give thousands of syntax errors: one says what it is.
        const before = file.decoded.text.slice(0, nul);
        const line = (before.match(/\r\n|\r|\n/g) ?? []).length;
        const character = nul - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) - 1;
        return [...diagnostics, {
            range: { start: { line, character }, end: { line, character: character + 1 } },
            severity: 1,
            code: 'not-text',
            source: 'journey',
            message: 'This file is not text (it holds a NUL byte here): it cannot be a map. Check that the right file has the .journey name.',
        }];
    }
    return [...diagnostics, ...(file.document.diagnostics ?? [])];
}

/** 'UTF-16LE' or 'UTF-16BE' when text read as UTF-8 has a NUL in every other character of its start (ASCII saved as UTF-16), else undefined. */
function utf16WithoutMark(text: string): string | undefined {
    const start = text.slice(0, 400);
    if (start.length < 8) return undefined;
    const pairs = Math.floor(start.length / 2);
    let nulSecond = 0;
    let nulFirst = 0;
    for (let i = 0; i + 1 < start.length; i += 2) {
        if (start[i] !== '\u0000' && start[i + 1] === '\u0000') nulSecond++;
        if (start[i] === '\u0000' && start[i + 1] !== '\u0000') nulFirst++;
    }
    if (nulSecond >= pairs * 0.8) return 'UTF-16LE';
    if (nulFirst >= pairs * 0.8) return 'UTF-16BE';
    return undefined;
}

/**
 * The one requested file of a verb that works on one map at a time (`render`, each side of
 * `diff`): a glob or a folder that names several files is a usage error listing them, never
 * a silent choice of the first.
 */
export function onlyRequestedFile(workspace: Workspace, argument: string, what: string, hint = 'Name one file.'): RequestedFile {
    if (workspace.requested.length !== 1) {
        const names = workspace.requested.map((file) => file.displayPath);
        const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')}, …` : names.join(', ');
        throw new UsageError(`${what}, but ${argument} names ${names.length} files (${shown}). ${hint}`);
    }
    return workspace.requested[0];
}

/** The diagnostics and the resolved model of a requested file (the model is undefined when the file holds only shared declarations). */
export function resolveFile(file: RequestedFile): { diagnostics: Diagnostic[]; model: JourneyModel | undefined } {
    return { diagnostics: diagnosticsOf(file), model: buildJourneyModel(file.document) };
}

/** The path as shown to the user: relative to `cwd` when that is shorter to read. */
export function displayPath(file: string, cwd: string): string {
    const relative = path.relative(cwd, file);
    return relative === '' ? '.' : relative;
}

/** Turns the command-line arguments into absolute paths, in order: literal paths as given, globs and folders expanded, `-` as the stdin name. */
async function expandArguments(files: string[], cwd: string, stdinName: string): Promise<string[]> {
    if (files.length === 0) {
        throw new UsageError('no files given. Name .journey files or globs (for example: journey check "maps/**/*.journey"), or - for stdin.');
    }
    const result: string[] = [];
    for (const argument of files) {
        if (argument.trim() === '') {
            throw new UsageError('an empty file name was given (an unset variable in a script?). Name .journey files, folders or globs, or - for stdin.');
        }
        if (argument === '-') {
            result.push(requireJourneyExtension(path.resolve(cwd, stdinName), stdinName, true));
        } else if (isGlob(argument)) {
            result.push(...(await expandGlob(argument, cwd)));
        } else if ((await fs.stat(path.resolve(cwd, argument)).catch(() => undefined))?.isDirectory()) {
            // A folder stands for its .journey files and those of its subfolders, as `journey check .`.
            const inside = await journeyFilesIn(path.resolve(cwd, argument), true);
            if (inside.length === 0) throw new UsageError(`${argument}: this folder holds no ${JOURNEY_EXTENSION} file (node_modules and .git are not searched).`);
            result.push(...inside);
        } else {
            result.push(path.resolve(cwd, argument));
        }
    }
    return result;
}

function isGlob(argument: string): boolean {
    return /[*?[\]{}]/.test(argument);
}

/** The `.journey` files matching a glob, sorted; a glob that matches none is a usage error. */
async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
    const matches: string[] = [];
    const exclude = (name: string) => SKIPPED_FOLDERS.has(path.basename(name));
    // The folder the glob starts from: links found under it are followed inside it only.
    const base = path.resolve(cwd, pattern.split(/[\\/]/).reduce((parts: string[], part, index, all) => (parts.length === index && !isGlob(part) && index < all.length - 1 ? [...parts, part] : parts), []).join('/') || '.');
    for await (const match of fs.glob(pattern, { cwd, exclude })) {
        const file = path.resolve(cwd, match);
        if ((await fs.lstat(file).catch(() => undefined))?.isSymbolicLink() && !(await linksInside(file, base))) continue;
        if (file.endsWith(JOURNEY_EXTENSION) && (await fs.stat(file).catch(() => undefined))?.isFile()) {
            matches.push(file);
        }
    }
    if (matches.length === 0) {
        throw new UsageError(`no .journey file matches ${pattern} (searched from ${cwd}).`);
    }
    return matches.sort();
}

function requireJourneyExtension(file: string, shown: string, fromStdin = false): string {
    if (path.extname(file) !== JOURNEY_EXTENSION) {
        throw new UsageError(fromStdin
            ? `--stdin-name ${shown}: the name of the file stdin stands for must end in ${JOURNEY_EXTENSION} (for example --stdin-name map${JOURNEY_EXTENSION}).`
            : `${shown}: not a ${JOURNEY_EXTENSION} file. Maps are read from files whose names end in ${JOURNEY_EXTENSION}: rename it if it holds a map.`);
    }
    return file;
}

/** Reads a requested file; a missing or unreadable path is a usage error naming the path. */
async function readRequestedFile(file: string, shown: string): Promise<Uint8Array> {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) {
        throw new UsageError(`${shown}: no such file.`);
    }
    requireJourneyExtension(file, shown);
    try {
        return await fs.readFile(file);
    } catch (error) {
        throw new UsageError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
    }
}

async function requireFolder(folder: string, option: string): Promise<void> {
    const stat = await fs.stat(folder).catch(() => undefined);
    if (!stat?.isDirectory()) {
        throw new UsageError(`${option} ${folder}: no such folder.`);
    }
}

/** The `.journey` files of a folder (and, when `recursive`, of its subfolders but node_modules and .git). */
async function journeyFilesIn(folder: string, recursive: boolean, root = folder, visited = new Set<string>()): Promise<string[]> {
    const real = await fs.realpath(folder).catch(() => folder);
    if (visited.has(real)) return [];
    visited.add(real);
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        warn(`${folder} skipped: it cannot be read (${error.code ?? String(error)}).`);
        return [];
    });
    const files: string[] = [];
    for (const entry of entries) {
        const full = path.join(folder, entry.name);
        let kind: 'file' | 'folder' | undefined = entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : undefined;
        if (entry.isSymbolicLink()) {
            // A link is followed inside the folder searched, never out of it.
            if (!(await linksInside(full, root))) continue;
            const stat = await fs.stat(full).catch(() => undefined);
            kind = stat?.isFile() ? 'file' : stat?.isDirectory() ? 'folder' : undefined;
        }
        if (kind === 'file' && entry.name.endsWith(JOURNEY_EXTENSION)) {
            files.push(full);
        } else if (recursive && kind === 'folder' && !SKIPPED_FOLDERS.has(entry.name)) {
            files.push(...(await journeyFilesIn(full, true, root, visited)));
        }
    }
    return files.sort();
}

/** Whether a symbolic link leads inside `root`; when it leads out, a warning says it was skipped. */
async function linksInside(link: string, root: string): Promise<boolean> {
    const [target, base] = await Promise.all([fs.realpath(link).catch(() => undefined), fs.realpath(root).catch(() => root)]);
    if (target === undefined) return false;
    const relative = path.relative(base, target);
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
        warn(`${link} skipped: it is a symbolic link to ${target}, outside ${root}.`);
        return false;
    }
    return true;
}

/** A warning on stderr, with control characters of file names made visible. */
const warned = new Set<string>();
function warn(message: string): void {
    // A folder is searched for the files asked for and again for their companions: each warning once.
    if (warned.has(message)) return;
    warned.add(message);
    process.stderr.write(`journey: warning: ${withVisibleControls(message)}\n`);
}

async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
}

/** The CLI's one workspace loader, in-process: what later verbs (render, format, diff) build on. */
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, test } from 'vitest';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { UsageError } from '../../language-server/src/cli/usage-error.js';
import { CLEAN_MAP, MAP_USING_SHARED, SHARED_DECLARATIONS } from './fixtures.js';
import { makeFolder } from './run-journey.js';

const folders: Array<{ remove: () => void }> = [];
afterEach(() => folders.splice(0).forEach((folder) => folder.remove()));
function folderWith(files: Record<string, string>): string {
    const folder = makeFolder(files);
    folders.push(folder);
    return folder.dir;
}

describe('loadWorkspace', () => {
    test('builds the requested file with the shared files of its folder, and resolves the model through them', async () => {
        const cwd = folderWith({ 'maps/people.journey': SHARED_DECLARATIONS, 'maps/support.journey': MAP_USING_SHARED });
        const workspace = await loadWorkspace(['maps/support.journey'], { cwd });
        expect(workspace.requested.map((file) => file.displayPath)).toEqual([path.join('maps', 'support.journey')]);
        expect(workspace.documents).toHaveLength(2);
        const { diagnostics, model } = resolveFile(workspace.requested[0]);
        expect(diagnostics).toEqual([]);
        expect(model?.id).toBe('support_call');
        expect(model?.personas).toEqual([expect.objectContaining({ id: 'alex', shared: true })]);
        expect(model?.stages[0].steps[0]).toMatchObject({ id: 'calls', personas: ['alex'], channels: ['phone'], owner: 'support' });
    });

    test('reads - from the given stream, under the stdin name, and keeps the byte-order mark flag', async () => {
        const cwd = folderWith({});
        const stdin = Readable.from([Buffer.from('\uFEFF' + CLEAN_MAP)]);
        const workspace = await loadWorkspace(['-'], { cwd, stdin, stdinName: 'piped.journey' });
        const [file] = workspace.requested;
        expect(file).toMatchObject({ displayPath: 'piped.journey', fromStdin: true, path: path.join(cwd, 'piped.journey') });
        expect(file.decoded.bom).toBe(true);
        expect(file.document.textDocument.getText()).toBe(CLEAN_MAP);
        expect(resolveFile(file).model?.id).toBe('booking');
    });

    test('a file named twice (as a path and through a glob) is loaded and reported once', async () => {
        const cwd = folderWith({ 'booking.journey': CLEAN_MAP });
        const workspace = await loadWorkspace(['booking.journey', '*.journey'], { cwd });
        expect(workspace.requested).toHaveLength(1);
    });

    test('a missing file is a UsageError that names it', async () => {
        const cwd = folderWith({});
        await expect(loadWorkspace(['absent.journey'], { cwd })).rejects.toThrow(UsageError);
        await expect(loadWorkspace(['absent.journey'], { cwd })).rejects.toThrow('absent.journey');
    });
});

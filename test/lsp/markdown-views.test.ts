/**
 * `journey/markdownViews`, the request behind ```journey fences in VS Code's Markdown preview,
 * asked of the bundled server (`out/server.cjs --stdio`) by a real LSP client over its pipes:
 * the fence's map resolves the folder's shared declarations, its errors come in the fence's own
 * positions, and the fence never joins the workspace (no diagnostics published for it, no
 * clash with the map file it shows again).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    createProtocolConnection, ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest,
    StreamMessageReader, StreamMessageWriter, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { markdownViews } from '../../language-server/src/views/markdown-document.js';
import { VIEW_IDS } from '../../language-server/src/views/view-types.js';
import { parseJourney } from '../helpers.js';
import { generateMap } from '../support/generate-map.js';
import { JOURNEY_MARKDOWN_VIEWS_METHOD, type JourneyMarkdownViewsParams, type JourneyMarkdownViewsResult } from '../../language-server/src/lsp/journey-markdown-protocol.js';

const server = resolve('out/server.cjs');
const people = 'persona alex "Alex, working parent"\nchannel phone "Phone line" offline\n';
const map = 'journey booking "Booking" {\n  stage discover "Discover" {\n    touchpoint calls "Calls for a quote" {\n      persona alex\n      channel phone\n      emotion 1\n    }\n  }\n}\n';

let child: ChildProcess;
let connection: ProtocolConnection;
let folder: string;
const published: PublishDiagnosticsParams[] = [];

function views(text: string, view = ''): Promise<JourneyMarkdownViewsResult> {
    const params: JourneyMarkdownViewsParams = { text, baseUri: pathToFileURL(join(folder, 'guide.md')).toString(), view };
    return connection.sendRequest(JOURNEY_MARKDOWN_VIEWS_METHOD, params);
}

beforeAll(async () => {
    expect(existsSync(server), 'out/server.cjs is built by npm run build').toBe(true);
    folder = mkdtempSync(join(tmpdir(), 'journey-lsp-md-'));
    writeFileSync(join(folder, 'people.journey'), people);
    writeFileSync(join(folder, 'booking.journey'), map);
    child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => void published.push(params));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(folder).toString(),
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'docs' }],
        capabilities: { workspace: { workspaceFolders: true } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
});

afterAll(async () => {
    if (connection) {
        await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
        await connection.sendNotification(ExitNotification.type).catch(() => undefined);
        connection.dispose();
    }
    if (child && child.exitCode === null) child.kill();
    rmSync(folder, { recursive: true, force: true });
});

describe('journey/markdownViews over stdio', () => {
    test('draws the view the fence names, with the shared channel of the folder, and the same map as booking.journey has no clash', async () => {
        const result = await views(map, 'flow');
        expect(result.diagnostics.filter((d) => d.severity === 1)).toEqual([]);
        expect(result.problem).toBeUndefined();
        expect(result.view).toBe('flow');
        expect(result.title).toBe('Booking');
        expect(result.views).toHaveLength(1);
        expect(result.views[0]).toMatchObject({ view: 'flow', kind: 'diagram' });
        expect(result.views[0].kind === 'diagram' && result.views[0].mermaid).toContain('via Phone line');
        // Without a view name: the first view.
        expect((await views(map)).views[0]?.view).toBe(VIEW_IDS[0]);
    });

    test('lays the view out for GitHub\'s column as journey render does: a wide journey in pieces, a long flow top to bottom', async () => {
        const wide = generateMap(40).text;
        const journey = (await views(wide, 'journey')).views[0];
        expect(journey?.kind).toBe('diagram');
        const pieces = journey?.kind === 'diagram' ? journey.pieces ?? [] : [];
        expect(pieces.length).toBeGreaterThanOrEqual(2);
        expect(pieces.every((piece) => piece.caption !== '' && piece.mermaid.includes('journey'))).toBe(true);
        const flow = (await views(wide, 'flow')).views[0];
        expect(flow?.kind === 'diagram' && flow.mermaid).toMatch(/^flowchart TB$/m);
        // The pictures the Markdown page of the same map holds (`journey render --format markdown`).
        const page = markdownViews(buildJourneyModel(await parseJourney(wide))!).views.find((view) => view.view === 'journey');
        expect(page?.kind === 'diagram' && page.pieces?.map((piece) => piece.mermaid)).toEqual(pieces.map((piece) => piece.mermaid));
    });

    test('gives the errors in the positions of the fence, and draws nothing', async () => {
        const result = await views(map.replace('channel phone', 'channel nowhere'));
        expect(result.views).toEqual([]);
        const [error] = result.diagnostics.filter((d) => d.severity === 1);
        expect(error.message).toMatch(/No channel 'nowhere'/);
        expect(error.range.start).toEqual({ line: 4, character: 14 });
    });

    test('says when the view does not exist or the fence holds no journey', async () => {
        expect((await views(map, 'flows')).problem).toMatch(/^Unknown view 'flows'/);
        expect((await views('persona sam "Sam"\n')).problem).toMatch(/holds no journey/);
    });

    test('publishes no diagnostics for a fence: it never joins the workspace', async () => {
        await views(map.replace('emotion 1', 'emotion 9'));
        await new Promise((done) => setTimeout(done, 500));
        const uris = [...new Set(published.map((p) => p.uri))];
        expect(uris.filter((uri) => !uri.endsWith('/people.journey') && !uri.endsWith('/booking.journey'))).toEqual([]);
        // The real map was never told about a second journey 'booking'.
        expect(published.filter((p) => p.uri.endsWith('/booking.journey')).flatMap((p) => p.diagnostics).map((d) => d.message).join('\n')).not.toMatch(/Another journey/);
    });
});

/**
 * Another LSP editor, for real: headless Neovim (Debian's `neovim`, 0.7 or newer, installed by
 * `scripts/setup-test-tools.sh`) runs `test/lsp/neovim/init.lua`, whose built-in client starts
 * the bundled server (`out/server.cjs --stdio`) on a workspace of two files, and writes what the
 * editor got to a JSON file: diagnostics placed on lines with accents, emoji and CJK text,
 * completion with and without snippet support announced, hover, go to definition, formatting
 * and rename across files, each applied to the buffers the way Neovim applies them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SERVER_BUNDLE } from '../stress/lsp-client.js';

const PEOPLE = 'persona alex "Alex, working parent" {\n  goal "A clean house"\n}\nchannel phone "Phone" offline\n';
const MAP = `// Réservation ☕ 予約
journey booking "Réserver un ménage ☕ 予約" {
  stage discover "Découvrir 🔍 発見" {
    touchpoint calls "Appelle 📞 電話" { persona alex
      channel phone
      emotion 2
    }
    touchpoint pays "Paie 💳 支払い é" { emotion 9 }
    touchpoint waits "待つ 😴 attend" { channel nowhere }
    touchpoint asks "Demande 🙋 質問" {
      
    }
  }
}
`;

interface NeovimResults {
    error?: string;
    diagnostics: Array<{ line: number; text: string; message: string }>;
    completion: Array<{ label: string; insertTextFormat: number; newText: string }>;
    hover: { kind: string; value: string };
    definition: { uri: string; line: number };
    formatted: string[];
    renamedFiles: string[];
    renamed: Record<string, string[]>;
}

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
let folder: string;

/** Runs headless Neovim on booking.journey of a fresh copy of the workspace and returns what it wrote. */
function runNeovim(snippets: boolean): NeovimResults {
    const root = mkdtempSync(join(folder, snippets ? 'snippets-' : 'plain-'));
    writeFileSync(join(root, 'people.journey'), PEOPLE);
    writeFileSync(join(root, 'booking.journey'), MAP);
    const out = join(root, 'results.json');
    const run = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', resolve('test/lsp/neovim/init.lua'), 'booking.journey'], {
        cwd: root,
        encoding: 'utf8',
        timeout: 90_000,
        env: { ...process.env, JOURNEY_OUT: out, JOURNEY_ROOT: root, JOURNEY_NODE: process.execPath, JOURNEY_SERVER: SERVER_BUNDLE, JOURNEY_SNIPPETS: snippets ? '1' : '0' },
    });
    expect(existsSync(out), `Neovim wrote no results (status ${run.status}): ${run.stderr}`).toBe(true);
    const results = JSON.parse(readFileSync(out, 'utf8')) as NeovimResults;
    expect(results.error).toBeUndefined();
    return { ...results, definition: { ...results.definition, uri: results.definition.uri.replace(pathToFileURL(root).toString(), '<root>') } };
}

let plain: NeovimResults;
let withSnippets: NeovimResults;

beforeAll(() => {
    expect(nvim.status, 'nvim is installed by scripts/setup-test-tools.sh (apt-get install -y neovim)').toBe(0);
    expect(existsSync(SERVER_BUNDLE), 'out/server.cjs is built by npm run build').toBe(true);
    folder = mkdtempSync(join(tmpdir(), 'journey-neovim-'));
    plain = runNeovim(false);
    withSnippets = runNeovim(true);
}, 200_000);

afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('headless Neovim with its built-in LSP client', () => {
    test('diagnostics sit on the right characters of lines with accents, emoji and CJK text', () => {
        const lines = MAP.split('\n');
        const emotion = plain.diagnostics.find((d) => d.message.startsWith('Emotion 9'));
        expect(emotion).toMatchObject({ line: lines.findIndex((l) => l.includes('💳')), text: '9' });
        const channel = plain.diagnostics.find((d) => d.message.includes("'nowhere'"));
        expect(channel).toMatchObject({ line: lines.findIndex((l) => l.includes('😴')), text: 'nowhere' });
    });

    test('completion without snippet support announced (Neovim 0.7 default) holds no snippet syntax', () => {
        const labels = plain.completion.map((item) => item.label);
        expect(labels).toEqual(expect.arrayContaining(['emotion', 'pain', 'channel', 'persona']));
        for (const item of plain.completion) {
            expect(item.insertTextFormat, item.label).toBe(1);
            expect(item.newText, item.label).not.toMatch(/\$/);
        }
    });

    test('completion with snippet support announced gets the snippets', () => {
        expect(withSnippets.completion.find((item) => item.label === 'pain')).toEqual({ label: 'pain', insertTextFormat: 2, newText: 'pain "$1"' });
        expect(withSnippets.completion.find((item) => item.label === 'emotion')?.newText).toBe('emotion ${1|1,2,3,4,5|}');
    });

    test('hover on the shared persona shows its label and goals', () => {
        expect(plain.hover.kind).toBe('markdown');
        expect(plain.hover.value).toContain('Alex, working parent');
        expect(plain.hover.value).toContain('- A clean house');
    });

    test('go to definition leads to the shared file', () => {
        expect(plain.definition).toEqual({ uri: '<root>/people.journey', line: 0 });
    });

    test('formatting gives the same text as `journey format`', () => {
        const cli = execFileSync(process.execPath, [resolve('bin/journey.cjs'), 'format', '-'], { input: MAP, encoding: 'utf8' });
        expect(plain.formatted.join('\n') + '\n').toBe(cli);
        expect(plain.formatted).toContain('      persona alex');
    });

    test('rename changes the declaration in the shared file and the use in the map', () => {
        expect(plain.renamedFiles.map((uri) => uri.split('/').pop()).sort()).toEqual(['booking.journey', 'people.journey']);
        expect(plain.renamed['people.journey']![0]).toBe('persona sam "Alex, working parent" {');
        expect(plain.renamed['booking.journey']).toContain('      persona sam');
    });
});

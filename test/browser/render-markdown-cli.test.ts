/**
 * `journey render <Markdown documents> --out <dir>`, run as the real CLI process (out/cli.cjs,
 * made by npm run build): each ```journey fence becomes the Mermaid of its view, which the real
 * Mermaid draws in Chromium; every other byte of the document is kept (CRLF, no final newline);
 * `--format svg` writes pictures beside the copy; `--check` names stale copies; a fence with
 * errors fails with the error's place in the document.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { expectShown, expectStandaloneSvg, saveScreenshot, useMermaidBrowser } from './harness.js';
import { githubHtml } from '../support/github-markdown.js';
import { VIEW_IDS } from '../../language-server/src/views/view-types.js';

/** The view a fence without a view name shows. */
const DEFAULT_VIEW = VIEW_IDS[0];

const cli = resolve('out/cli.cjs');
let dir: string;

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journey-render-md-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function journey(args: string[]) {
    expect(existsSync(cli), 'out/cli.cjs is built by npm run build').toBe(true);
    return spawnSync(process.execPath, [cli, 'render', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

function write(name: string, content: string): void {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
}

const SHARED = 'persona alex "Alex, working parent" {\n  goal "A clean house"\n}\nchannel phone "Phone line" offline\n';
const MAP = [
    'journey coffee "Buying a coffee" {',
    '  stage order "Order" {',
    '    touchpoint queue "Waits in line" {',
    '      persona alex',
    '      channel phone',
    '      emotion 2',
    '    }',
    '  }',
    '}',
];

/** The Mermaid blocks of a Markdown text (their lines without a quote's `> `). */
function mermaidBlocks(markdown: string): string[] {
    return [...markdown.matchAll(/^(>? ?)```mermaid\r?\n([\s\S]*?)^\1```/gm)].map((m) => m[2].split(/\r?\n/).map((line) => line.slice(m[1].length)).join('\n'));
}

describe('journey render on Markdown documents', () => {
    const browser = useMermaidBrowser();

    test('replaces each fence by the Mermaid of its view, keeps every other byte (CRLF, no final newline), and Mermaid draws it', async () => {
        write('docs/people.journey', SHARED);
        const before = '# Guide\r\n\r\nText with ```inline``` code and a `journey` word.\r\n\r\n';
        const between = '\r\n\r\nAnd in a quote:\r\n\r\n';
        const after = '\r\n\r\n```js\r\nconst kept = "```journey";\r\n```\r\nLast line, no newline';
        const quoted = ['> ```journey journey', ...MAP.map((line) => `> ${line}`), '> ```'].join('\r\n');
        write('docs/guide.md', `${before}${['```journey flow', ...MAP, '```'].join('\r\n')}${between}${quoted}${after}`);

        const result = journey(['docs/guide.md', '--out', 'rendered']);
        expect(result.status, result.stderr).toBe(0);
        const copy = readFileSync(join(dir, 'rendered/guide.md'), 'utf8');
        // Everything around the fences, byte for byte.
        expect(copy.startsWith(`${before}\`\`\`mermaid\r\n---\r\nconfig:\r\n`)).toBe(true);
        // The view's pinned settings come first, then the diagram (CRLF like the rest of the document).
        expect(copy).toContain('\r\nflowchart LR\r\n');
        expect(copy).toContain(`\r\n\`\`\`${between}> \`\`\`mermaid\r\n> `);
        expect(copy.endsWith(`\r\n> \`\`\`${after}`)).toBe(true);
        expect(copy.replace(/\r\n/g, '')).not.toMatch(/\n/);
        expect(copy).not.toMatch(/^(> )?```journey/m);

        const [flow, journeyView] = mermaidBlocks(copy);
        const drawnFlow = await browser().render(flow);
        expect(drawnFlow.error).toBeUndefined();
        // The shared channel of docs/people.journey resolved: its label is drawn.
        expectShown(drawnFlow.text!, 'via Phone line', 'flow view of the fence');
        const drawnJourney = await browser().render(journeyView);
        expect(drawnJourney.error).toBeUndefined();
        expectShown(drawnJourney.text!, 'Waits in line', 'journey view of the quoted fence');
        await saveScreenshot(browser(), 'render-markdown-journey-fence');
    });

    test('with --format svg, writes an image link and the SVG beside the copy; a folder keeps its tree', async () => {
        write('docs/people.journey', SHARED);
        write('docs/guide.md', ['Intro', '', '```journey', ...MAP, '```', ''].join('\n'));
        write('docs/sub/plain.md', 'No map here.\n');
        const result = journey(['docs', '--out', 'out', '--format', 'svg']);
        expect(result.status, result.stderr).toBe(0);
        // A fence without a view name shows the first view.
        expect(readFileSync(join(dir, 'out/guide.md'), 'utf8')).toBe(`Intro\n\n![Buying a coffee (${DEFAULT_VIEW} view)](guide-1-${DEFAULT_VIEW}.svg)\n`);
        expect(readFileSync(join(dir, 'out/sub/plain.md'), 'utf8')).toBe('No map here.\n');
        expect(readdirSync(join(dir, 'out')).sort()).toEqual([`guide-1-${DEFAULT_VIEW}.svg`, 'guide.md', 'sub']);
        const svg = readFileSync(join(dir, `out/guide-1-${DEFAULT_VIEW}.svg`), 'utf8');
        await expectStandaloneSvg(browser(), svg, `guide-1-${DEFAULT_VIEW}.svg`);
        expect(svg).toContain('Waits in line');

        // The pictures are drawn the same way each time, so --check can compare them too.
        const check = journey(['docs', '--out', 'out', '--format', 'svg', '--check']);
        expect(check.status, check.stdout).toBe(0);

        const png = journey(['docs/guide.md', '--out', 'pictures', '--format', 'png']);
        expect(png.status, png.stderr).toBe(0);
        expect(readFileSync(join(dir, 'pictures/guide.md'), 'utf8')).toContain(`![Buying a coffee (${DEFAULT_VIEW} view)](guide-1-${DEFAULT_VIEW}.png)`);
        expect(readFileSync(join(dir, `pictures/guide-1-${DEFAULT_VIEW}.png`)).subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    }, 120_000);

    test('a fence in a list item whose view is too wide for GitHub\'s column becomes its pieces, each under its caption, all in the item', async () => {
        const wide = ['journey shop "Shop" {', ...[1, 2, 3, 4].flatMap((s) => [
            `  stage s${s} "Stage ${s}" {`,
            ...[1, 2, 3].flatMap((t) => [`    touchpoint t${s}_${t} "Step ${t} of stage ${s}, told at some length" {`, `      emotion ${1 + ((s + t) % 5)}`, '    }']),
            '  }',
        ]), '}'];
        write('wide.md', ['# Shop', '', '- The journey:', '', '  ```journey journey', ...wide.map((line) => `  ${line}`), '  ```', '- After the map', ''].join('\n'));
        const result = journey(['wide.md', '--out', 'out']);
        expect(result.status, result.stderr).toBe(0);
        const copy = readFileSync(join(dir, 'out', 'wide.md'), 'utf8');
        const html = githubHtml(copy);
        // GitHub sees one list item holding every piece: captions in italics, then a Mermaid block each.
        const item = /<li>\s*<p>The journey:<\/p>([^]*?)<\/li>/.exec(html)?.[1] ?? '';
        const blocks = [...item.matchAll(/<pre><code class="language-mermaid">/g)].length;
        expect(blocks, copy).toBeGreaterThan(1);
        expect([...item.matchAll(/<em>Stage \d[^<]*<\/em>/g)].length, copy).toBe(blocks);
        expect(html).toMatch(/<li>\s*(<p>)?After the map/);
        // Each piece is a journey diagram Mermaid draws, without the map's title (the page names it).
        for (const text of mermaidBlocks(copy.replace(/^ {2}/gm, ''))) {
            const drawn = await browser().render(text);
            expect(drawn.error, text).toBeUndefined();
            expect(text).not.toMatch(/^\s*title /m);
        }
    });

    test('--check exits 1 and names the stale copies, 0 when they are up to date, and writes nothing', () => {
        write('docs/a.md', ['```journey emotion', ...MAP.filter((l) => !/persona|channel/.test(l)), '```', ''].join('\n'));
        write('docs/b.md', '# B\n');
        const missing = journey(['docs/*.md', '--out', 'out', '--check']);
        expect(missing.status).toBe(1);
        expect(missing.stdout).toBe('out/a.md\nout/b.md\n');
        expect(existsSync(join(dir, 'out'))).toBe(false);

        expect(journey(['docs/*.md', '--out', 'out']).status).toBe(0);
        const fresh = journey(['docs/*.md', '--out', 'out', '--check']);
        expect(fresh.status, fresh.stderr).toBe(0);

        write('docs/a.md', readFileSync(join(dir, 'docs/a.md'), 'utf8').replace('emotion 2', 'emotion 4'));
        const stale = journey(['docs/*.md', '--out', 'out', '--check']);
        expect(stale.status).toBe(1);
        expect(stale.stdout).toBe('out/a.md\n');
        expect(stale.stderr).toContain('1 of 2 rendered files is stale');
    });

    test('a document that starts with a byte-order mark and a fence keeps its mark', () => {
        write('bom.md', `\uFEFF\`\`\`journey\n${MAP.filter((l) => !/persona|channel/.test(l)).join('\n')}\n\`\`\`\n`);
        const result = journey(['bom.md', '--out', 'out']);
        expect(result.status, result.stderr).toBe(0);
        const bytes = readFileSync(join(dir, 'out/bom.md'));
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        expect(bytes.subarray(3).toString('utf8')).toMatch(/^```mermaid\n[\s\S]*\n```\n$/);
    });

    test('a fence may show a map of the workspace again, twice in one document, with a ~~~ fence: no id clashes', () => {
        write('docs/coffee.journey', `${SHARED}${MAP.join('\n')}\n`);
        write('docs/twice.md', ['```journey', ...MAP, '```', '', '~~~journey flow', ...MAP, '~~~', ''].join('\n'));
        const result = journey(['docs/twice.md', '--out', 'out']);
        expect(result.status, result.stderr).toBe(0);
        const copy = readFileSync(join(dir, 'out/twice.md'), 'utf8');
        expect(copy).toMatch(/^```mermaid\n[\s\S]*\n```\n\n~~~mermaid\n---\nconfig:\n[\s\S]*\nflowchart LR\n[\s\S]*\n~~~\n$/);
    });

    test('--workspace names another folder whose shared declarations the fences use', () => {
        write('shared/people.journey', SHARED);
        write('docs/guide.md', ['```journey flow', ...MAP, '```', ''].join('\n'));
        const without = journey(['docs/guide.md', '--out', 'out']);
        expect(without.status).toBe(1);
        expect(without.stderr).toMatch(/^docs\/guide\.md:5:15 error No persona 'alex'/);
        const result = journey(['docs/guide.md', '--out', 'out', '--workspace', 'shared']);
        expect(result.status, result.stderr).toBe(0);
        expect(readFileSync(join(dir, 'out/guide.md'), 'utf8')).toContain('via Phone line');
    });

    test('a fence with errors fails with file:line:col inside the document, and nothing is written', () => {
        write('notes.md', [
            'Intro',            // 1
            '',                 // 2
            '- A list item:',   // 3
            '',                 // 4
            '  ```journey',     // 5
            '  journey x {',    // 6
            '    stage s { touchpoint t { channel nowhere } }', // 7
            '  }',              // 8
            '  ```',            // 9
            '',                 // 10
            '```journey flows', // 11
            ...MAP.filter((l) => !/persona|channel/.test(l)),
            '```',
        ].join('\n'));
        const result = journey(['notes.md', '--out', 'out']);
        expect(result.status).toBe(1);
        const lines = result.stderr.split('\n');
        expect(lines[0]).toMatch(/^notes\.md:7:38 error No channel 'nowhere'/);
        expect(lines[1]).toMatch(/^notes\.md:11:12 error Unknown view 'flows'/);
        expect(result.stderr).toContain('notes.md has 2 errors in journey fences: nothing written');
        expect(existsSync(join(dir, 'out'))).toBe(false);
    });

    test('the committed copy of the Markdown example (examples/out/b2b/trial-week.md) is what npm run examples writes', () => {
        const result = spawnSync(process.execPath, [cli, 'render', 'examples/b2b/trial-week.md', '--out', join(dir, 'b2b')], { encoding: 'utf8' });
        expect(result.status, result.stderr).toBe(0);
        expect(readFileSync(join(dir, 'b2b/trial-week.md'), 'utf8')).toBe(readFileSync(resolve('examples/out/b2b/trial-week.md'), 'utf8'));
    });

    test('refuses to write a copy over its own document', () => {
        write('guide.md', '```journey\n' + MAP.join('\n') + '\n```\n');
        const result = journey(['guide.md', '--out', '.']);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('would overwrite guide.md');
        expect(readFileSync(join(dir, 'guide.md'), 'utf8')).toContain('```journey');
    });
});

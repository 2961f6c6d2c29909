/**
 * `journey render`, run as a real process from the built CLI (out/cli.cjs, made by npm run build):
 * Mermaid to stdout, Markdown to a file, SVG and PNG drawn in the real Chromium (and drawn again
 * over the files it drew, but not over a picture someone made), and the refusals: an invalid map
 * (diagnostics, exit 1, nothing written) and a missing browser.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { expectStandaloneSvg, pageOf, useMermaidBrowser } from './harness.js';

const cli = resolve('out/cli.cjs');
const example = resolve('examples/home-cleaning.journey');
let dir: string;

beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'journey-render-'));
});

function journey(args: string[], env: NodeJS.ProcessEnv = {}) {
    expect(existsSync(cli), 'out/cli.cjs is built by npm run build').toBe(true);
    return spawnSync(process.execPath, [cli, 'render', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
}

describe('journey render', () => {
    const browser = useMermaidBrowser();

    test('prints the Mermaid text of one view to stdout', () => {
        const result = journey([example, '--view', 'flow']);
        expect(result.status).toBe(0);
        expect(result.stdout).toMatch(/^---\nconfig:\n[\s\S]*\n---\nflowchart LR\n/);
        expect(result.stdout).toContain('tp_calls["<b>Calls for a quote</b>');
    });

    test('writes a Markdown document with the title, personas, KPIs and each view\'s mermaid blocks, laid out for GitHub\'s column', () => {
        const out = join(dir, 'booking.md');
        const result = journey([example, '--format', 'markdown', '--out', out]);
        expect(result.status, result.stderr).toBe(0);
        const markdown = readFileSync(out, 'utf8');
        expect(markdown).toMatch(/^# Booking a home cleaning\n/);
        expect(markdown).toContain('## Personas');
        expect(markdown).toContain('## KPIs');
        // Seven views, each under its heading; the journey, emotion, funnel and blueprint of this
        // 13-step map are too wide for the column: they come in pieces, one block each.
        expect(markdown.match(/^## (Canvas|Journey|Emotion curve|Flow|Priorities|Funnel|Blueprint)$/gm)).toHaveLength(7);
        const blocks = (heading: string) => markdown.split(`## ${heading}\n`)[1].split(/^## /m)[0].match(/^```mermaid$/gm)?.length;
        expect([blocks('Canvas'), blocks('Flow'), blocks('Priorities')]).toEqual([1, 1, 1]);
        for (const heading of ['Journey', 'Emotion curve', 'Funnel', 'Blueprint']) expect(blocks(heading), heading).toBeGreaterThan(1);
        expect(markdown).toMatch(/## Flow\n\n```mermaid\n---\nconfig:\n[^]*?\n---\nflowchart TB\n/);
        // The first picture is the canvas, laid out for GitHub's 880-pixel column: portrait for this wide map.
        expect(markdown.indexOf('## Canvas')).toBeLessThan(markdown.indexOf('## Journey'));
        expect(markdown).toMatch(/## Canvas\n\n```mermaid\n---\nconfig:\n[^]*?block-beta\n {2}columns [2-6]\n {2}st_awareness\["Awareness"\]:[2-6]\n/);
    });

    test('draws every view as SVG into a folder, and one view as PNG, with the real Mermaid in Chromium', async () => {
        const svg = journey([example, '--format', 'svg', '--out', join(dir, 'pictures')]);
        expect(svg.status, svg.stderr).toBe(0);
        const files = readdirSync(join(dir, 'pictures')).sort();
        expect(files).toEqual(['home-cleaning-blueprint.svg', 'home-cleaning-canvas.svg', 'home-cleaning-emotion.svg', 'home-cleaning-flow.svg', 'home-cleaning-funnel.svg', 'home-cleaning-journey.svg', 'home-cleaning-priorities.svg']);
        const flow = readFileSync(join(dir, 'pictures', 'home-cleaning-flow.svg'), 'utf8');
        expect(flow).toMatch(/^<\?xml[^>]+>\n<svg[^>]+aria-roledescription="flowchart-v2"/);
        expect(flow).toContain('Calls for a quote');
        // Each file stands alone: well-formed XML (HTML labels such as <br> written as XML) that an <img> or a viewer decodes.
        for (const file of files) await expectStandaloneSvg(browser(), readFileSync(join(dir, 'pictures', file), 'utf8'), file);

        const png = journey([example, '--view', 'journey', '--format', 'png', '--out', join(dir, 'journey.png')]);
        expect(png.status, png.stderr).toBe(0);
        expect(readFileSync(join(dir, 'journey.png')).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }, 300_000);

    test('draws SVG and PNG again over the files it drew, keeps a picture someone made unless --force, and its PNG stays one a browser decodes', async () => {
        const out = join(dir, 'pictures');
        const map = join(dir, 'home-cleaning.journey');
        writeFileSync(map, readFileSync(example, 'utf8'));
        expect(journey([map, '--view', 'flow', '--format', 'svg', '--out', out]).status).toBe(0);
        const png = join(dir, 'flow.png');
        expect(journey([map, '--view', 'flow', '--format', 'png', '--out', png]).status).toBe(0);
        const [svgBefore, pngBefore] = [readFileSync(join(out, 'home-cleaning-flow.svg'), 'utf8'), readFileSync(png)];
        // Drawn again after an edit of the map: journey's own files are replaced without a word.
        writeFileSync(map, readFileSync(example, 'utf8').replace('"Calls for a quote"', '"Calls us for a quote"'));
        expect(journey([map, '--view', 'flow', '--format', 'svg', '--out', out]).status).toBe(0);
        const again = journey([map, '--view', 'flow', '--format', 'png', '--out', png]);
        expect(again.status, again.stderr).toBe(0);
        expect(readFileSync(join(out, 'home-cleaning-flow.svg'), 'utf8')).not.toBe(svgBefore);
        expect(readFileSync(png).equals(pngBefore)).toBe(false);
        // The PNG says which program wrote it (a tEXt chunk) and still decodes, at the size drawn.
        const bytes = readFileSync(png);
        expect(bytes.includes(Buffer.from('tEXtSoftware\0journey-maps-as-code', 'latin1'))).toBe(true);
        const size = await pageOf(browser()).evaluate(async (base64) => {
            const image = new Image();
            image.src = `data:image/png;base64,${base64}`;
            await image.decode();
            return { width: image.naturalWidth, height: image.naturalHeight };
        }, bytes.toString('base64'));
        expect(size).toEqual({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });
        expect(size.width).toBeGreaterThan(100);
        // Pictures someone made, under the names journey would write: kept, and nothing written.
        const mine = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n';
        writeFileSync(join(out, 'home-cleaning-flow.svg'), mine);
        const kept = journey([map, '--view', 'flow', '--format', 'svg', '--out', out]);
        expect(kept.status).toBe(2);
        expect(kept.stderr).toContain('already exists and was not written by journey: nothing written. Add --force to replace it');
        expect(readFileSync(join(out, 'home-cleaning-flow.svg'), 'utf8')).toBe(mine);
        const photo = Buffer.from(bytes.toString('latin1').replace('journey-maps-as-code', 'a camera app, -!'), 'latin1');
        writeFileSync(png, photo);
        expect(journey([map, '--view', 'flow', '--format', 'png', '--out', png]).status).toBe(2);
        expect(readFileSync(png)).toEqual(photo);
        const forced = journey([map, '--view', 'flow', '--format', 'svg', '--out', out, '--force']);
        expect(forced.status, forced.stderr).toBe(0);
        expect(readFileSync(join(out, 'home-cleaning-flow.svg'), 'utf8')).toMatch(/<svg id="journey-diagram-1"/);
    }, 300_000);

    test('draws several maps in one command into one folder, skipping the file of shared declarations', () => {
        const result = journey([resolve('examples/b2b'), '--view', 'flow', '--format', 'svg', '--out', join(dir, 'pictures')]);
        expect(result.status, result.stderr).toBe(0);
        expect(result.stderr).toContain('people.journey (only shared personas, channels or teams)');
        expect(readdirSync(join(dir, 'pictures')).sort()).toEqual(['purchase-current-flow.svg', 'purchase-future-flow.svg']);
        expect(readFileSync(join(dir, 'pictures', 'purchase-future-flow.svg'), 'utf8')).toContain('aria-roledescription="flowchart-v2"');
    }, 60_000);

    test('one view with nothing to draw says why and writes nothing', () => {
        const result = journey([resolve('examples/hello.journey'), '--view', 'funnel', '--format', 'png', '--out', join(dir, 'funnel.png')], { JOURNEY_CHROMIUM: '/nowhere/chromium' });
        expect(result.status, result.stderr).toBe(0);
        expect(result.stderr).toContain('journey: funnel view not drawn. Nothing to show yet: give touchpoints a `reach`');
        expect(result.stderr).toContain('journey: nothing drawn.');
        expect(existsSync(join(dir, 'funnel.png'))).toBe(false);
    });

    test('an invalid map prints its diagnostics, exits 1 and writes nothing', () => {
        const bad = join(dir, 'bad.journey');
        writeFileSync(bad, 'journey x {\n  stage a { touchpoint t { next nowhere } }\n}\n');
        const result = journey([bad, '--format', 'markdown', '--out', join(dir, 'out')]);
        expect(result.status).toBe(1);
        expect(result.stderr).toMatch(/bad\.journey:2:\d+ error .*nowhere/);
        expect(result.stderr).toContain('nothing rendered');
        expect(existsSync(join(dir, 'out'))).toBe(false);
    });

    test('a file of shared declarations only has nothing to render', () => {
        const shared = join(dir, 'people.journey');
        writeFileSync(shared, 'persona alex "Alex"\n');
        const result = journey([shared]);
        expect(result.status).toBe(1);
        expect(result.stderr).toContain('holds no journey');
    });

    test('a destination that cannot hold the pictures is refused at once, before a browser is looked for', () => {
        const noBrowser = { JOURNEY_CHROMIUM: '/nowhere/chromium' };
        const png = journey([example, '--format', 'png'], noBrowser);
        expect(png.status).toBe(2);
        expect(png.stderr).toContain('PNG is binary: name a file or folder with --out');
        const svg = journey([example, '--format', 'svg', '--out', join(dir, 'one.svg')], noBrowser);
        expect(svg.status).toBe(2);
        expect(svg.stderr).toContain('7 svg files to write but --out names one file');
        expect(existsSync(join(dir, 'one.svg'))).toBe(false);
    });

    test('without a browser, SVG fails with a message naming what is missing and how to install it', () => {
        const result = journey([example, '--format', 'svg', '--out', join(dir, 'pictures')], { JOURNEY_CHROMIUM: '/nowhere/chromium' });
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('JOURNEY_CHROMIUM is /nowhere/chromium, which does not exist');
        expect(result.stderr).toContain('apt-get install chromium');
        expect(existsSync(join(dir, 'pictures'))).toBe(false);
    });

    test('views with nothing to show are named after the pictures are drawn, and only then', () => {
        const small = join(dir, 'small.journey');
        writeFileSync(small, 'journey small "Small" {\n  stage visit "Visit" {\n    touchpoint look "Looks" {\n      emotion 4\n    }\n  }\n}\n');
        const drawn = journey([small, '--format', 'svg', '--out', join(dir, 'pictures')]);
        expect(drawn.status, drawn.stderr).toBe(0);
        expect(drawn.stderr).toContain('journey: priorities view not drawn. Nothing to show yet: add an `action`');
        expect(readdirSync(join(dir, 'pictures'))).toContain('small-journey.svg');

        const noBrowser = journey([small, '--format', 'svg', '--out', join(dir, 'more')], { JOURNEY_CHROMIUM: '/nowhere/chromium' });
        expect(noBrowser.status).toBe(2);
        expect(noBrowser.stderr).toContain('JOURNEY_CHROMIUM is /nowhere/chromium');
        expect(noBrowser.stderr).not.toContain('view not drawn');
    }, 60_000);
});

/** The sections of `npm run bench`: each measures something and returns a Markdown table. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { benchActivation } from './activation.bench.js';
import { benchBatch } from './cli.bench.js';
import { benchDiff } from './diff.bench.js';
import { benchHeap, benchLanguageServer, benchServerProcess } from './language-server.bench.js';
import { benchPreview } from './preview.bench.js';
import { benchBeside, benchTyping } from './typing.bench.js';
import { benchViews } from './views.bench.js';
import { bytes, ms, ratio, table } from './stats.js';

/** One benchmark section. */
export interface Section {
    id: string;
    title: string;
    run(sizes: number[]): Promise<string>;
}

const server: Section = {
    id: 'server',
    title: 'Language server (in process, real services)',
    async run(sizes) {
        const rows: string[][] = [];
        const viewRows: string[][] = [];
        for (const size of sizes) {
            const r = await benchLanguageServer(size);
            viewRows.push([
                `${size}`,
                ms(r.floor.p50),
                `${ms(r.model.p50)} (${ratio(r.model.p50, r.floor.p50)})`,
                `${ms(r.views.p50)} / ${ms(r.views.p95)} (${ratio(r.views.p50, r.floor.p50)})`,
                `${ms(r.model.p50 + r.views.p50)} (${ratio(r.model.p50 + r.views.p50, r.floor.p50)})`,
                `${r.viewCount} diagrams, ${r.mermaidChars} chars of Mermaid`,
            ]);
            rows.push([
                `${size}`,
                `${r.lines}`,
                ms(r.floor.p50),
                `${ms(r.coldBuild.p50)} (${ratio(r.coldBuild.p50, r.floor.p50)})`,
                `${ms(r.rebuild.p50)} / ${ms(r.rebuild.p95)} (${ratio(r.rebuild.p50, r.floor.p50)})`,
                `${ms(r.completion.p50)} / ${ms(r.completion.p95)} (${ratio(r.completion.p95, r.floor.p50)})`,
                `${r.errors}`,
            ]);
            console.error(`  server: ${size} touchpoints done`);
        }
        return [
            table(['touchpoints', 'lines', 'floor: bare parse p50', 'cold build p50 (× floor)', 'rebuild after 1-line edit p50 / p95 (× floor)', 'completion p50 / p95 (p95 × floor)', 'errors'], rows),
            '',
            'Floor = `services.parser.LangiumParser.parse(text)` of the same grammar and text: no document, no linking, no validation. ' +
                'Cold build = a fresh workspace, `DocumentBuilder.build([doc], { validation: true })`. Rebuild = the text of one `emotion` line in the middle changes ' +
                '(`TextDocuments.set` + `DocumentBuilder.update`, what the server does on `didChange`, without its debounce). Completion = `CompletionProvider.getCompletion` at seeded random offsets.',
            '',
            '#### Model and every view',
            '',
            table(['touchpoints', 'floor: bare parse p50', 'model p50 (× floor)', 'all 6 views p50 / p95 (× floor)', 'model + views p50 (× floor)', 'output'], viewRows),
        ].join('\n');
    },
};

const memory: Section = {
    id: 'memory',
    title: 'Memory',
    async run(sizes) {
        const size = Math.max(...sizes);
        const heap = await benchHeap(size);
        const server = await benchServerProcess(size);
        return [
            table(['what', 'value'], [
                [`heap of a workspace holding the built ${size}-touchpoint map (in this process, after GC)`, bytes(heap.heapAfter - heap.heapBefore)],
                ['the language server process (`out/server.cjs --stdio`), idle after initialize: resident memory', server.idle === undefined ? 'not measured (needs /proc)' : bytes(server.idle)],
                [`the same process with the ${size}-touchpoint map open and checked (${server.diagnostics} diagnostics)`, server.withMap === undefined ? 'not measured (needs /proc)' : `${bytes(server.withMap)} (${ratio(server.withMap, server.idle ?? Number.NaN)} idle)`],
            ]),
            '',
            'The heap row builds the map with the real services in the benchmark\'s own process; the server rows start the bundled server as editors do, open the map through a real LSP client and read the process\'s resident memory (VmRSS) once its diagnostics are published.',
        ].join('\n');
    },
};

const typing: Section = {
    id: 'typing',
    title: 'Typing in a big map: completion while edits arrive (real server over stdio)',
    async run(sizes) {
        const size = sizes.includes(1000) ? 1000 : Math.max(...sizes);
        const edits = Number(process.env.BENCH_TYPING_EDITS ?? 1000);
        const r = await benchTyping(size, edits);
        const flat = r.memoryEarly !== undefined && r.memoryEnd !== undefined ? r.memoryEnd / r.memoryEarly : Number.NaN;
        const beside = [];
        for (const big of [6000, 18000]) beside.push(await benchBeside(big));
        return [
            table(['what', 'value'], [
                ['map / edits', `${size} touchpoints, ${r.edits} one-character edits, a completion request after each`],
                ['floor: bare parse of the map p50', ms(r.floor.p50)],
                ['completion while edits arrive p50 / p95 (request → answer)', `${ms(r.completion.p50)} / ${ms(r.completion.p95)} (${ratio(r.completion.p95, r.floor.p50)} the floor; target p95 < 50 ms: ${r.completion.p95 < 50 ? 'met' : 'not met'})`],
                ['requests answered with an error', `${r.failedRequests}`],
                ['last edit → its diagnostics published', `${ms(r.settle)} (${ratio(r.settle, r.floor.p50)} the floor)`],
                ...beside.map((b) => [
                    `completion in a 10-touchpoint map while a ${(b.chars / 1e6).toFixed(1)} MB map is opened beside it and checked (${ms(b.bigChecked)}): longest / median wait`,
                    `${ms(b.worst)} / ${ms(b.median)} (${b.answers} answers)`,
                ]),
                ['server resident memory: idle / at a pause after a tenth of the edits / at the end', `${bytes(r.idle ?? Number.NaN)} / ${bytes(r.memoryEarly ?? Number.NaN)} / ${bytes(r.memoryEnd ?? Number.NaN)} (end ÷ early ${Number.isFinite(flat) ? flat.toFixed(2) : 'n/a'}; target flat ± 10 %: ${Math.abs(flat - 1) <= 0.1 ? 'met' : 'not met'})`],
            ]),
            '',
            'The bundled server as editors start it, through a real LSP client: each edit is a `didChange` with a one-character range (an emotion score in the middle of the map), ' +
                'followed at once by `textDocument/completion` after `persona ` a few lines below, which waits for the server to know the names of the new text; the next edit is sent when it is answered. ' +
                'Memory is read at two pauses of 3 s (the server gives memory back once quiet): after a tenth of the edits and after the last one. ' +
                'Beside a big map: a fresh server, a small map open, then an untitled map of 6,000 or 18,000 touchpoints opened; completion is asked in the small map every 20 ms until the big one\'s diagnostics arrive.',
        ].join('\n');
    },
};

/** The page may add at most this much to a bare `mermaid.render` (issue #16, item 3). */
const PREVIEW_OVERHEAD_TARGET = 1.2;

const preview: Section = {
    id: 'preview',
    title: 'Preview: edit → new SVG on screen (real webview page in Chromium)',
    async run(sizes) {
        const chosen = sizes.filter((size) => size === 100 || size === 1000);
        if (chosen.length === 0) return 'Not run: BENCH_SIZES has neither 100 nor 1000.';
        const rows: string[][] = [];
        const unchangedRows: string[][] = [];
        const phaseRows: string[][] = [];
        const target = (value: number, reference: number) => value <= PREVIEW_OVERHEAD_TARGET * reference ? 'met' : 'not met';
        /** The browser's own work to show the picture: parse, styles, layout (p50 of each, ms). */
        const browser = (p: Record<string, number>) => (p.insert ?? 0) + (p.styles ?? 0) + (p.layout ?? 0);
        for (const size of chosen) {
            const samples = size >= 1000 ? 8 : 20;
            const r = await benchPreview(size, samples);
            rows.push([
                `${size} (${samples} edits)`,
                `${r.mermaidChars}`,
                `${ms(r.server.p50)} / ${ms(r.server.p95)}`,
                `${ms(r.webview.p50)} / ${ms(r.webview.p95)}`,
                `${ms(r.total.p50)} / ${ms(r.total.p95)}`,
                `${ms(r.bare.p50)} / ${ms(r.bare.p95)}`,
                `${ratio(r.webview.p50, r.bare.p50)} / ${ratio(r.webview.p95, r.bare.p95)} (p50 ≤ ${PREVIEW_OVERHEAD_TARGET}×: ${target(r.webview.p50, r.bare.p50)})`,
                `${ratio(r.total.p50, r.bare.p50)} / ${ratio(r.total.p95, r.bare.p95)}`,
                r.shows,
            ]);
            unchangedRows.push([
                `${size} (${r.unchanged.webview.n} edits)`,
                `${r.unchanged.mermaidRenders} (drawn again: ${r.unchanged.drawn})`,
                `${ms(r.unchanged.webview.p50)} / ${ms(r.unchanged.webview.p95)}`,
                `${ms(r.unchanged.total.p50)} / ${ms(r.unchanged.total.p95)}`,
                `${ms(r.webview.p50)} / ${ms(r.total.p50)}`,
            ]);
            const p = r.phases;
            const around = Object.entries(p).filter(([name]) => name !== 'mermaid.render').reduce((sum, [, value]) => sum + value, 0);
            phaseRows.push([
                `${size}`,
                ms(p['mermaid.render'] ?? Number.NaN),
                ...['outside render()', 'prepare', 'insert', 'link', 'styles', 'label', 'layout', 'trim', 'fit'].map((name) => ms(p[name] ?? 0)),
                ms(around),
                ratio(browser(p), p['mermaid.render'] ?? Number.NaN),
            ]);
            console.error(`  preview: ${size} touchpoints done`);
        }
        return [
            table(['touchpoints', 'journey view Mermaid chars', 'server: rebuild + views p50 / p95', 'webview: update → SVG shown p50 / p95', 'edit → SVG total p50 / p95', 'reference: bare mermaid.render p50 / p95', 'webview overhead (× bare) p50 / p95', 'edit → SVG (× bare) p50 / p95', 'shows'], rows),
            '',
            'One `emotion` line changes per iteration. Server = `TextDocuments.set` + `DocumentBuilder.update` + the `journey/views` handler (`viewsOfDocument`), in process. ' +
                'Webview = the real preview page (`previewPageHtml`, its CSP, `extension/media/webview.js`) in Chromium, showing the journey view: from `postMessage(update)` to the page posting `rendered` for that version, timed inside the page. ' +
                'Bare = `mermaid.render` of the same text in the same page, before the page renders it on every other edit and after it on the others (whichever comes first on a new text is slower). The webview overhead compares what the page adds around Mermaid; edit → SVG compares the whole path (server and page) with drawing alone. With 8 edits, p95 is the slowest one. Not included: the VS Code host hop (JSON-RPC from server to extension, `webview.postMessage`) and the server debounce.',
            '',
            '#### An edit that changes no view',
            '',
            table(['touchpoints', 'mermaid.render calls (all edits)', 'webview: update → rendered p50 / p95', 'edit → picture kept, total p50 / p95', 'for comparison: an edit that changes the view, webview / total p50'], unchangedRows),
            '',
            'After each edit above, a comment is typed at the end of the map: the server rebuilds and computes the views again, the page receives a new version with the same Mermaid text, ' +
                'keeps the picture on screen (counted by the page: `rendered.drawn` is false, `draws` unchanged, `skips` + 1) and links it to the new source map.',
            '',
            '#### Where the page spends its time (p50, ms)',
            '',
            table(['touchpoints', 'mermaid.render (in the page)', 'outside render(): message', 'prepare', 'browser: parse the SVG, replacing the old picture (innerHTML)', 'link source map', 'browser: styles (first style read)', 'label size', 'browser: layout (first layout read)', 'trim margins', 'fit', 'all but mermaid.render', 'the browser\'s parse + styles + layout ÷ mermaid.render'], phaseRows),
            '',
            'Timed inside the page (`rendered.timing`). Outside render() = from `postMessage(update)` to the render\'s start and from its report to the harness: the update\'s structured clone (the journey view\'s Mermaid text and source map, every other view only its tab, as the host sends it: `viewsForUpdate`). ' +
                'The steps that only write (insert, natural size, source map links) run before the first read of styles and of layout, so the browser computes each once: those two reads are timed on their own (`styles`, `layout`), apart from the page\'s steps that then read them (the labels\' font size, the drawing\'s box to trim margins). ' +
                'Parsing, styles and layout are the browser\'s work to show any picture of that size (a bare `mermaid.render` leaves its SVG as a string); painting it comes after the report and is in neither time.',
        ].join('\n');
    },
};

const cli: Section = {
    id: 'cli',
    title: 'CLI: 50 example-sized maps to SVG in one command',
    async run() {
        const r = await benchBatch(50, 15, Number(process.env.BENCH_PER_FILE_SAMPLE ?? 8));
        return [
            table(['what', 'value'], [
                ['maps / Mermaid texts (every view)', `${r.maps} / ${r.texts}`],
                ['one command: `journey render <folder> --format svg --out <folder>` (one Chromium for all, one page per core)', `${ms(r.batchMs)} (${ms(r.batchMs / r.texts)} per text)`],
                ['the same command one diagram at a time (`--jobs 1`)', `${ms(r.oneAtATimeMs)} → parallel speed-up ${ratio(r.oneAtATimeMs, r.batchMs)} (target ≥ 1.6× on 2 cores: ${r.oneAtATimeMs >= 1.6 * r.batchMs ? 'met' : 'not met'})`],
                ['both wrote the same files, byte for byte', r.sameOutput ? 'yes' : '**no**'],
                [`one fresh browser per text (mermaid-cli style), mean of ${r.perFileSample}`, `${ms(r.perFileMeanMs)} per text → ${ms(r.perFileEstimateMs)} for all`],
                ['speed-up of the batch', ratio(r.perFileEstimateMs, r.batchMs)],
                ['exit code of the command', `${r.exitCode} (every SVG written)`],
            ]),
            '',
            'The batch is the real command, started as a process and timed from start to exit (Node start, loading and checking the 50 maps, the views, Chromium, writing the files). ' +
                'The per-file reference launches, renders and closes a Chromium for each of the same Mermaid texts, in this process (so without the Node start a per-file command would add); ' +
                'it runs on a seeded sample (BENCH_PER_FILE_SAMPLE=0 runs all) and is extrapolated by its mean.',
        ].join('\n');
    },
};

const sizesSection: Section = {
    id: 'size',
    title: 'Bundles and package',
    async run() {
        const rows = [
            ['out/server.cjs (language server, as built)', 'out/server.cjs'],
            ['extension/out/extension.cjs', 'extension/out/extension.cjs'],
            ['extension/out/server.cjs', 'extension/out/server.cjs'],
            ['extension/out/extension-browser.js (web extension: vscode.dev, github.dev)', 'extension/out/extension-browser.js'],
            ['extension/out/server-browser.js (language server in a web worker)', 'extension/out/server-browser.js'],
            ['extension/media/webview.js', 'extension/media/webview.js'],
            ['extension/media/mermaid.min.js', 'extension/media/mermaid.min.js'],
            ['out/cli.cjs', 'out/cli.cjs'],
        ].map(([label, file]) => [label!, existsSync(file!) ? bytes(statSync(file!).size) : 'missing (run npm run build)']);
        rows.push(['.vsix (vsce package, minified bundles)', await vsixSize()]);
        return [table(['file', 'size'], rows), '', 'Bundles as `npm run build` leaves them (not minified, with source maps beside them); the `.vsix` is built by `vsce package`, whose prepublish step minifies.'].join('\n');
    },
};

/** Packages the extension into a temporary .vsix and returns its size (or why not). */
async function vsixSize(): Promise<string> {
    const folder = mkdtempSync(path.join(tmpdir(), 'journey-vsix-'));
    try {
        const vsce = path.resolve('node_modules/@vscode/vsce/vsce');
        const out = path.join(folder, 'journey.vsix');
        const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], {
            cwd: 'extension', encoding: 'utf8', timeout: 180_000,
            env: { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}` },
        });
        if (!existsSync(out)) return `not built: ${(result.stderr || result.stdout || String(result.error)).trim().split('\n').slice(-2).join(' ')}`;
        return bytes(statSync(out).size);
    } finally {
        rmSync(folder, { recursive: true, force: true });
        // vsce's prepublish minified the bundles: build them again as the rest of the tools expect.
        spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8', timeout: 180_000 });
    }
}

const activation: Section = {
    id: 'activation',
    title: 'Extension activation in a real VS Code',
    async run() {
        const r = await benchActivation(Number(process.env.BENCH_ACTIVATION_RUNS ?? 3));
        const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
        return [
            table(['what', 'median', 'each run'], [
                ['activation as VS Code shows it (Developer: Show Running Extensions)', ms(median(r.shown)), r.shown.map((v) => `${v} ms`).join(', ')],
                ['activation start → language server ready (the workspace is checked)', ms(median(r.untilServerReady)), r.untilServerReady.map((v) => `${v} ms`).join(', ')],
            ]),
            '',
            `VS Code ${r.vscodeVersion} (the VS Code server of code-server) in Chromium, a fresh server, browser and user-data folder per run; the extension loads from \`extension/\` as built, activated by opening \`hello.journey\` (\`onLanguage:journey\`). ` +
                'VS Code\'s number is code loading + the `activate` call; it does not include the language server process coming up, which `activate` awaits. ' +
                'The second row is read from the logs: from VS Code\'s `_doActivateExtension journey-maps.journey-maps` line to the server\'s `Journey language server ready` line in Output → Journey Language Server, written once the workspace is checked (log timestamps, 1 ms resolution).',
        ].join('\n');
    },
};

const views: Section = {
    id: 'views',
    title: 'Each view: model → Mermaid and Mermaid → SVG (real Mermaid in Chromium)',
    async run(sizes) {
        // The canvas is timed at 100 and 1,000 touchpoints next to the other views; smaller sizes given run too.
        const chosen = [...new Set([...sizes.filter((size) => size <= 1000), 100, 1000])].sort((a, b) => a - b);
        const rows: string[][] = [];
        for (const size of chosen) {
            for (const timing of await benchViews(size, size >= 1000 ? 5 : 20)) {
                rows.push([
                    String(size),
                    timing.view,
                    timing.toMermaid ? `${ms(timing.toMermaid.p50)} / ${ms(timing.toMermaid.p95)}` : 'nothing to draw',
                    timing.chars ? timing.chars.toLocaleString('en-US') : '',
                    typeof timing.toSvg === 'number' ? ms(timing.toSvg) : timing.toSvg ?? '',
                ]);
            }
        }
        return [
            table(['touchpoints', 'view', 'model → Mermaid p50 / p95', 'Mermaid chars', 'Mermaid → SVG (one render)'], rows),
            '',
            'Model → Mermaid: the view function alone on a built model (20 runs, 5 at 1,000 touchpoints, after one warm-up). ' +
                'Mermaid → SVG: one `mermaid.render` of that text in headless Chromium through `MermaidRenderer` (as `journey render` draws), with the renderer\'s limits (1,000,000 characters), not the preview\'s. ' +
                `A render longer than ${Math.round(RENDER_BUDGET_MS_FOR_DOCS / 1000)} s is stopped (VIEWS_RENDER_BUDGET_MS). ` +
                'Mermaid\'s block diagram (the canvas) measures every cell and every empty slot one by one, so its time grows with the cells of the grid (steps × lanes).',
        ].join('\n');
    },
};

const diff: Section = {
    id: 'diff',
    title: 'Diff: every touchpoint of one stage reordered',
    async run(sizes) {
        const rows = sizes.map((size) => {
            const r = benchDiff(size);
            console.error(`  diff: ${size} touchpoints done`);
            const within = r.diff.rss <= 2 * r.build.rss ? 'met' : 'not met';
            return [
                `${size}`,
                `${bytes(r.build.rss)} / ${ms(r.build.ms)}`,
                `${bytes(r.diff.rss)} / ${ms(r.diff.ms)}`,
                `${ratio(r.diff.rss, r.build.rss)} (target ≤ 2×: ${within})`,
                `${r.moved}`,
            ];
        });
        return [
            table(['touchpoints', 'reference: `journey check a b` peak RSS / time', '`journey diff a b --format json` peak RSS / time', 'diff memory (× reference)', 'moves reported'], rows),
            '',
            'Both maps have every touchpoint in one stage; the second has them in a seeded random order, so nearly every touchpoint moved. ' +
                'Both commands run as processes of the real CLI; peak resident memory is read by `/usr/bin/time -f %M`. Moves are found as the touchpoints outside a longest increasing subsequence of old positions (O(n log n), linear memory).',
        ].join('\n');
    },
};

const RENDER_BUDGET_MS_FOR_DOCS = Number(process.env.VIEWS_RENDER_BUDGET_MS ?? 120_000);

/** Every section, in the order they run. */
export const sections: Section[] = [server, memory, typing, views, preview, cli, diff, sizesSection, activation];

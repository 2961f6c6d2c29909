/** The sections of `npm run bench`: each measures something and returns a Markdown table. */
import { benchHeap, benchLanguageServer } from './language-server.bench.js';
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
        for (const size of sizes) {
            const r = await benchLanguageServer(size);
            rows.push([
                `${size}`,
                `${r.lines}`,
                ms(r.floor.p50),
                `${ms(r.coldBuild.p50)} (${ratio(r.coldBuild.p50, r.floor.p50)})`,
                `${ms(r.rebuild.p50)} / ${ms(r.rebuild.p95)} (${ratio(r.rebuild.p50, r.floor.p50)})`,
                `${ms(r.completion.p50)} / ${ms(r.completion.p95)} (${ratio(r.completion.p95, r.floor.p50)})`,
                `${ms(r.model.p50)} (${ratio(r.model.p50, r.floor.p50)})`,
                `${r.errors}`,
            ]);
            console.error(`  server: ${size} touchpoints done`);
        }
        return [
            table(['touchpoints', 'lines', 'floor: bare parse p50', 'cold build p50 (× floor)', 'rebuild after 1-line edit p50 / p95 (× floor)', 'completion p50 / p95 (p95 × floor)', 'model p50 (× floor)', 'errors'], rows),
            '',
            'Floor = `services.parser.LangiumParser.parse(text)` of the same grammar and text: no document, no linking, no validation. ' +
                'Cold build = a fresh workspace, `DocumentBuilder.build([doc], { validation: true })`. Rebuild = the text of one `emotion` line in the middle changes ' +
                '(`TextDocuments.set` + `DocumentBuilder.update`, what the server does on `didChange`, without its debounce). Completion = `CompletionProvider.getCompletion` at seeded random offsets.',
        ].join('\n');
    },
};

const memory: Section = {
    id: 'memory',
    title: 'Memory',
    async run(sizes) {
        const size = Math.max(...sizes);
        const heap = await benchHeap(size);
        return table(['what', 'value'], [
            [`heap of a workspace holding the built ${size}-touchpoint map (after GC)`, bytes(heap.heapAfter - heap.heapBefore)],
            ['process heap used after that build', bytes(heap.heapAfter)],
            ['process RSS', bytes(heap.rss)],
        ]);
    },
};

/** Every section, in the order they run. */
export const sections: Section[] = [server, memory];

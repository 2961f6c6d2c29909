/**
 * Entry of `npm run bench`: runs the benchmark sections, prints Markdown tables with absolute
 * numbers and ratios to a reference measured in the same run, keeps each section's latest result
 * in test-output/bench-sections/, and (with BENCH_WRITE=1) rewrites the generated part of
 * bench/RESULTS.md from them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { machineDescription } from './machine.js';
import { sections, type Section } from './sections.js';

const sizes = (process.env.BENCH_SIZES ?? '10,100,1000,10000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const chosen: Section[] = sections.filter((section) => !only || only.includes(section.id));

/** Where each section keeps its latest result, so sections can be re-run one at a time (BENCH_ONLY). */
const SECTIONS = process.env.BENCH_SECTIONS_DIR ?? 'test-output/bench-sections';
const failed: string[] = [];
const started = Date.now();
const parts: string[] = ['Machine:', '', await machineDescription()];
console.log(parts.join('\n'));
mkdirSync(SECTIONS, { recursive: true });
for (const section of chosen) {
    console.log(`\n## ${section.title}\n`);
    const sectionStart = Date.now();
    let text: string;
    try {
        text = await section.run(sizes);
    } catch (error) {
        text = `Not measured: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
        failed.push(section.id);
    }
    const took = `_Section run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, sizes ${sizes.join(', ')}, in ${Math.round((Date.now() - sectionStart) / 1000)} s._`;
    console.log(text);
    writeFileSync(path.join(SECTIONS, `${section.id}.md`), `### ${section.title}\n\n${text}\n\n${took}\n`);
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\nbench: ${chosen.length} sections in ${seconds} s`);

// The latest result of every section (this run's, or an earlier run's for sections not run now).
const latest = sections.filter((section) => existsSync(path.join(SECTIONS, `${section.id}.md`))).map((section) => readFileSync(path.join(SECTIONS, `${section.id}.md`), 'utf8'));
const report = [parts.join('\n'), '', ...latest].join('\n');
writeFileSync(path.join(SECTIONS, '..', 'bench-results.md'), report);
if (process.env.BENCH_WRITE === '1') {
    const file = 'bench/RESULTS.md';
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : `# Results\n\n${start}\n${end}\n`;
    const before = previous.includes(start) ? previous.slice(0, previous.indexOf(start)) : previous + '\n';
    const after = previous.includes(end) ? previous.slice(previous.indexOf(end) + end.length) : '\n';
    writeFileSync(file, `${before}${start}\n${report}\n${end}${after}`);
    console.log(`bench: wrote ${file}`);
}
if (failed.length > 0) {
    console.error(`bench: not measured: ${failed.join(', ')} (see above)`);
    process.exitCode = 1;
}

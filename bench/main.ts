/**
 * Entry of `npm run bench`: runs the benchmark sections, prints Markdown tables with absolute
 * numbers and ratios to a reference measured in the same run, and (with BENCH_WRITE=1)
 * rewrites the generated part of bench/RESULTS.md.
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { machineDescription } from './machine.js';
import { sections, type Section } from './sections.js';

const sizes = (process.env.BENCH_SIZES ?? '10,100,1000,10000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const chosen: Section[] = sections.filter((section) => !only || only.includes(section.id));

const started = Date.now();
const parts: string[] = [`_Run on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, sizes ${sizes.join(', ')} touchpoints._`, '', await machineDescription()];
console.log(parts.join('\n'));
for (const section of chosen) {
    console.log(`\n## ${section.title}\n`);
    let text: string;
    try {
        text = await section.run(sizes);
    } catch (error) {
        text = `Not measured: ${error instanceof Error ? error.stack ?? error.message : String(error)}`;
    }
    console.log(text);
    parts.push(`### ${section.title}`, '', text, '');
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\nbench: ${chosen.length} sections in ${seconds} s`);
parts.push(`_The whole run took ${seconds} s._`);

mkdirSync('test-output', { recursive: true });
writeFileSync('test-output/bench-results.md', parts.join('\n') + '\n');
if (process.env.BENCH_WRITE === '1') {
    const file = 'bench/RESULTS.md';
    const start = '<!-- bench:start -->';
    const end = '<!-- bench:end -->';
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : `# Results\n\n${start}\n${end}\n`;
    const before = previous.includes(start) ? previous.slice(0, previous.indexOf(start)) : previous + '\n';
    const after = previous.includes(end) ? previous.slice(previous.indexOf(end) + end.length) : '\n';
    writeFileSync(file, `${before}${start}\n${parts.join('\n')}\n${end}${after}`);
    console.log(`bench: wrote ${file}`);
}

/** Appends what a fuzz property ran to test-output/fuzz-results.jsonl, for bench/RESULTS.md. */
import { appendFileSync, mkdirSync } from 'node:fs';

/** One property's run: how many cases, how many of them validated cleanly (or passed), which seed. */
export interface FuzzRecord {
    property: string;
    cases: number;
    clean: number;
    seed: number;
    /** Anything else worth keeping (answers, memory…). */
    note?: string;
}

/** Records a finished, passing property run. */
export function recordFuzzRun(record: FuzzRecord): void {
    mkdirSync('test-output', { recursive: true });
    appendFileSync('test-output/fuzz-results.jsonl', JSON.stringify({ ...record, at: new Date().toISOString() }) + '\n');
}

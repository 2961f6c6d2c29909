/** Timing and statistics helpers of the benchmarks: percentiles, ratios and Markdown tables. */
import { performance } from 'node:perf_hooks';

/** The value at percentile `p` (0..100) of `samples`, by nearest rank. */
export function percentile(samples: number[], p: number): number {
    if (samples.length === 0) return Number.NaN;
    const sorted = [...samples].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
    return sorted[rank];
}

/** The median, 95th percentile and count of `samples`. */
export function summary(samples: number[]): { p50: number; p95: number; n: number } {
    return { p50: percentile(samples, 50), p95: percentile(samples, 95), n: samples.length };
}

/** Runs `action` `warmup` times untimed, then `iterations` times timed; returns the durations in ms. */
export async function measure(iterations: number, action: (index: number) => unknown, warmup = 1): Promise<number[]> {
    for (let i = 0; i < warmup; i++) await action(-1 - i);
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) {
        const start = performance.now();
        await action(i);
        samples.push(performance.now() - start);
    }
    return samples;
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
    if (!Number.isFinite(value)) return 'n/a';
    if (value >= 100) return `${Math.round(value)} ms`;
    if (value >= 10) return `${value.toFixed(1)} ms`;
    return `${value.toFixed(2)} ms`;
}

/** A ratio such as `3.4×`. */
export function ratio(value: number, reference: number): string {
    if (!Number.isFinite(value) || !Number.isFinite(reference) || reference <= 0) return 'n/a';
    const r = value / reference;
    return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

/** Bytes as KiB or MiB. */
export function bytes(value: number): string {
    if (!Number.isFinite(value)) return 'n/a';
    if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MiB`;
    return `${(value / 1024).toFixed(1)} KiB`;
}

/** A Markdown table. */
export function table(headers: string[], rows: string[][]): string {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
    return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Runs the garbage collector when Node was started with `--expose-gc`. */
export function collectGarbage(): void {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
        gc();
        gc();
    }
}

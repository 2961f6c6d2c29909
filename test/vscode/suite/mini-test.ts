/** A tiny mocha-style test runner for the extension host: `test(name, async fn)`, results as JSON. */

/** One test's outcome. */
export interface TestResult {
    name: string;
    passed: boolean;
    durationMs: number;
    error?: string;
    /** Why the rest of the test was skipped (it needs something this run lacks). */
    skipped?: string;
}

/** Thrown to skip the rest of a test; what ran before it still counts. */
export class SkipTest extends Error {}

const tests: { name: string; fn: () => Promise<void> }[] = [];
let prefix = '';

/** Groups tests under a name. */
export function describe(name: string, body: () => void): void {
    const outer = prefix;
    prefix = outer ? `${outer} › ${name}` : name;
    body();
    prefix = outer;
}

/** Declares a test; tests run in declaration order, each after the previous one finished. */
export function test(name: string, fn: () => Promise<void>): void {
    tests.push({ name: prefix ? `${prefix} › ${name}` : name, fn });
}

/** Runs every declared test (or those whose name contains `only`), with a time limit each; returns the results. */
export async function runTests(timeoutMs: number, onResult: (result: TestResult) => void = () => {}, only?: string): Promise<TestResult[]> {
    const results: TestResult[] = [];
    for (const { name, fn } of tests.filter((t) => !only || t.name.toLowerCase().includes(only.toLowerCase()))) {
        const started = Date.now();
        let error: string | undefined;
        let skipped: string | undefined;
        try {
            await withTimeout(fn(), timeoutMs, name);
        } catch (e) {
            if (e instanceof SkipTest) skipped = e.message;
            else error = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
        }
        const result: TestResult = { name, passed: error === undefined, durationMs: Date.now() - started, error, skipped };
        results.push(result);
        onResult(result);
    }
    return results;
}

/** Fails with `message` unless `condition` holds. */
export function assert(condition: unknown, message: string): asserts condition {
    if (!condition) throw new Error(message);
}

/** Waits until `probe` returns a truthy value (polling), or fails with `what`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
        try {
            const value = await probe();
            if (value) return value;
        } catch (e) {
            last = e;
        }
        await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

function withTimeout<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`"${name}" took longer than ${ms} ms`)), ms);
        promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
    });
}

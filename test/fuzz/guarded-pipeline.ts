/**
 * Runs each fuzz case in a worker thread (test/fuzz/pipeline-worker.ts, bundled by esbuild)
 * with a time limit: a case that takes longer, whether it awaits forever or loops without
 * yielding, fails with its input and the worker is replaced by a fresh one.
 */
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PipelineResult } from './pipeline.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Bundles the pipeline worker (the worker thread cannot load TypeScript) and returns its file. */
export async function buildPipelineWorker(): Promise<string> {
    const outfile = path.join(ROOT, 'out', 'test', 'fuzz', 'pipeline-worker.mjs');
    await esbuild.build({
        entryPoints: [path.join(ROOT, 'test', 'fuzz', 'pipeline-worker.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node22',
        packages: 'external',
        logLevel: 'warning',
    });
    return outfile;
}

/** A pipeline whose cases each get at most `limitMs`; `workerFile` answers `{ id, text }` messages. */
export class GuardedPipeline {
    private worker: Worker | undefined;
    private counter = 0;

    constructor(private readonly workerFile: string, private readonly limitMs: number) {}

    /** Runs one case; rejects with the broken invariant, or when the case takes longer than the limit. */
    run(text: string): Promise<PipelineResult> {
        const worker = (this.worker ??= new Worker(this.workerFile));
        const id = ++this.counter;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                cleanUp();
                this.worker = undefined;
                void worker.terminate();
                reject(new Error(`the case did not finish within ${this.limitMs} ms (a hang), on the input ${JSON.stringify(text.length > 400 ? `${text.slice(0, 400)}…` : text)}`));
            }, this.limitMs);
            const onMessage = (message: { id: number; result?: PipelineResult; error?: string }) => {
                if (message.id !== id) return;
                cleanUp();
                if (message.error !== undefined) reject(new Error(message.error));
                else resolve(message.result!);
            };
            const onError = (error: Error) => {
                cleanUp();
                this.worker = undefined;
                reject(error);
            };
            const onExit = (code: number) => onError(new Error(`the pipeline worker exited (code ${code}) during the input ${JSON.stringify(text.slice(0, 400))}`));
            const cleanUp = () => {
                clearTimeout(timer);
                worker.off('message', onMessage);
                worker.off('error', onError);
                worker.off('exit', onExit);
            };
            worker.on('message', onMessage);
            worker.on('error', onError);
            worker.on('exit', onExit);
            worker.postMessage({ id, text });
        });
    }

    /** Ends the worker. */
    async close(): Promise<void> {
        await this.worker?.terminate();
        this.worker = undefined;
    }
}

/**
 * The fuzz pipeline in a worker thread: the test's main thread sends it texts and can end it
 * when a case runs too long, even in a synchronous loop that no promise timeout would stop.
 * Messages in: `{ id, text }`; out: `{ id, result }` or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { Pipeline } from './pipeline.js';

const pipeline = new Pipeline();
parentPort!.on('message', async ({ id, text }: { id: number; text: string }) => {
    try {
        parentPort!.postMessage({ id, result: await pipeline.run(text) });
    } catch (error) {
        parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
});

/** The preview's update policy: first render at once, then throttled, deduplicated by version, never stale. */
import { describe, expect, it } from 'vitest';
import { UpdateScheduler, type SchedulerTimers } from '../../extension/src/preview/journey-update-scheduler.js';

/** Timers that only fire when the test says so. */
function manualTimers(): SchedulerTimers & { fire(): void; pending(): number } {
    let callbacks: (() => void)[] = [];
    return {
        setTimeout: (callback) => { callbacks.push(callback); return callback; },
        clearTimeout: (handle) => { callbacks = callbacks.filter((c) => c !== handle); },
        fire: () => { const now = callbacks; callbacks = []; now.forEach((c) => c()); },
        pending: () => callbacks.length,
    };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('UpdateScheduler', () => {
    it('runs the first update at once and throttles the next ones', async () => {
        const timers = manualTimers();
        const seen: number[] = [];
        const scheduler = new UpdateScheduler(async (v) => void seen.push(v), () => 300, timers);
        scheduler.request(1);
        expect(seen).toEqual([1]);
        scheduler.request(2);
        scheduler.request(3);
        await tick();
        expect(seen).toEqual([1]);
        timers.fire();
        await tick();
        expect(seen).toEqual([1, 3]);
    });

    it('never asks twice for the same version', async () => {
        const timers = manualTimers();
        const seen: number[] = [];
        const scheduler = new UpdateScheduler(async (v) => void seen.push(v), () => 300, timers);
        scheduler.request(4);
        scheduler.request(4);
        await tick();
        scheduler.request(4);
        expect(timers.pending()).toBe(0);
        expect(seen).toEqual([4]);
    });

    it('runs one update at a time and then the newest waiting version', async () => {
        const timers = manualTimers();
        const seen: number[] = [];
        let finish: () => void = () => {};
        const scheduler = new UpdateScheduler((v) => { seen.push(v); return new Promise<void>((r) => { finish = r; }); }, () => 300, timers);
        scheduler.request(1);
        scheduler.request(2);
        scheduler.request(3);
        expect(seen).toEqual([1]);
        finish();
        await tick();
        expect(seen).toEqual([1]);
        timers.fire();
        await tick();
        expect(seen).toEqual([1, 3]);
    });

    it('drops an answer older than one already shown', () => {
        const scheduler = new UpdateScheduler(async () => {}, () => 0, manualTimers());
        expect(scheduler.accept(5)).toBe(true);
        expect(scheduler.accept(4)).toBe(false);
        expect(scheduler.accept(6)).toBe(true);
    });

    it('runs at once again after a reset (another document), as soon as the running update ends', async () => {
        const timers = manualTimers();
        const seen: number[] = [];
        const scheduler = new UpdateScheduler(async (v) => void seen.push(v), () => 300, timers);
        scheduler.request(7);
        scheduler.reset();
        scheduler.request(1);
        await tick();
        expect(seen).toEqual([7, 1]);
    });

    it('runs a version that was waiting for the throttle when it is asked again at once after a reset', async () => {
        const timers = manualTimers();
        const seen: number[] = [];
        const scheduler = new UpdateScheduler(async (v) => void seen.push(v), () => 300, timers);
        scheduler.request(1);
        await tick();
        scheduler.request(2);
        scheduler.reset();
        scheduler.request(2, true);
        await tick();
        expect(seen).toEqual([1, 2]);
    });
});

describe('UpdateScheduler when the document is opened again', () => {
    it('follows versions that start again from 1, at once, in a new epoch; the old epoch\'s answers can be told apart', async () => {
        const timers = manualTimers();
        const seen: number[] = [];
        const scheduler = new UpdateScheduler(async (v) => void seen.push(v), () => 300, timers);
        scheduler.request(56);
        expect(scheduler.accept(56)).toBe(true);
        expect(scheduler.epoch).toBe(0);
        // VS Code numbers a reopened document from 1 again.
        scheduler.request(1);
        await tick();
        expect(seen).toEqual([56, 1]);
        expect(scheduler.epoch).toBe(1);
        expect(scheduler.accept(1)).toBe(true);
        // Later versions of the new numbering are throttled as usual, in the same epoch.
        scheduler.request(2);
        await tick();
        expect(seen).toEqual([56, 1]);
        timers.fire();
        await tick();
        expect(seen).toEqual([56, 1, 2]);
        expect(scheduler.epoch).toBe(1);
    });
});

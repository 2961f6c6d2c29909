/**
 * When the preview asks for new views, as VS Code's Markdown preview does: the first update
 * runs at once, later ones at most once per delay, never twice for the same document version,
 * never two at a time, and an answer older than one already shown is dropped.
 */

/** Timer functions, replaceable in tests. */
export interface SchedulerTimers {
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

/** Throttles and deduplicates updates by document version. */
export class UpdateScheduler {
    private lastStarted = -1;
    private lastShown = -1;
    private pending: number | undefined;
    private timer: unknown;
    private running = false;
    private urgent = false;
    private disposed = false;
    private epochs = 0;

    /** `update(version)` fetches and shows that version; `delay()` gives the throttle delay in ms. */
    constructor(
        private readonly update: (version: number) => Promise<void>,
        private readonly delay: () => number,
        private readonly timers: SchedulerTimers = { setTimeout: (c, ms) => setTimeout(c, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    ) {}

    /**
     * Asks for an update to `version`; `immediate` skips the throttle (first render, document switch).
     * A version below the last one asked for means the document was closed and opened again (VS
     * Code numbers a reopened document from 1 again): its versions are followed from there on,
     * at once, in a new `epoch`.
     */
    request(version: number, immediate = false): void {
        if (this.disposed) return;
        if (version < this.lastStarted) {
            this.reset();
            this.epochs++;
        }
        if (version === this.lastStarted) return;
        this.pending = version;
        if (immediate || this.lastStarted < 0) this.urgent = true;
        if (this.running) return;
        if (this.urgent) {
            this.cancelTimer();
            void this.flush();
        } else if (this.timer === undefined) {
            this.timer = this.timers.setTimeout(() => {
                this.timer = undefined;
                void this.flush();
            }, this.delay());
        }
    }

    /** How many times the document's versions started again (see `request`): an answer asked for in an earlier epoch is of the old numbering. */
    get epoch(): number {
        return this.epochs;
    }

    /** Forgets the versions seen, so the next request runs at once (after a document switch or a settings change). */
    reset(): void {
        this.cancelTimer();
        this.lastStarted = -1;
        this.lastShown = -1;
    }

    /** True when an answer for `version` may be shown: nothing newer has been shown yet. Records it as shown. */
    accept(version: number): boolean {
        if (version < this.lastShown) return false;
        this.lastShown = version;
        return true;
    }

    /** Stops all future updates. */
    dispose(): void {
        this.disposed = true;
        this.cancelTimer();
    }

    private async flush(): Promise<void> {
        const version = this.pending;
        if (version === undefined || this.disposed) return;
        this.pending = undefined;
        this.urgent = false;
        this.lastStarted = version;
        this.running = true;
        try {
            await this.update(version);
        } catch {
            // The caller reports its own errors; a failed update must not stop later ones.
        } finally {
            this.running = false;
        }
        if (this.pending !== undefined && this.urgent && !this.disposed) {
            this.cancelTimer();
            void this.flush();
        } else if (this.pending !== undefined && this.timer === undefined && !this.disposed) {
            this.timer = this.timers.setTimeout(() => {
                this.timer = undefined;
                void this.flush();
            }, this.delay());
        }
    }

    private cancelTimer(): void {
        if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
        this.timer = undefined;
    }
}

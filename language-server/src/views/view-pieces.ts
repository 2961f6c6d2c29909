/**
 * Views cut into pieces that read at a page's width. A Markdown page (GitHub's column is 880
 * pixels) shrinks a wide picture until it fits, so a journey view of a dozen touchpoints showed
 * its labels at 2–7 pixels. The views whose columns are the journey's steps (journey, emotion,
 * funnel, blueprint) are drawn instead as several pictures, one under the other, each a run of
 * consecutive steps (whole stages where they fit, a stage's steps in turn where one stage alone
 * is too wide), each no wider than the page can show with labels of 11 pixels or more.
 *
 * The other views lay themselves out for the width (the canvas turns portrait, the flow runs
 * top to bottom) or have a fixed size (priorities). The preview keeps the whole
 * picture: it zooms and pans.
 */
import type { JourneyModel, StageModel } from '../model/journey-model.js';
import { sliceToSteps } from '../model/stage-slice.js';
import { renderView } from './index.js';
import type { DiagramPiece, ViewId, ViewOptions, ViewResult } from './view-types.js';
import { estimateDrawingSize, readableAt } from './view-width.js';

/** The views drawn in pieces when they are too wide for the page. */
export const VIEWS_IN_PIECES: ReadonlySet<ViewId> = new Set(['journey', 'emotion', 'funnel', 'blueprint']);

/**
 * `view` with `pieces` when it is one of VIEWS_IN_PIECES, its whole picture would show its
 * labels under 11 px at `availableWidth`, and the journey has more than one step to cut at;
 * otherwise `view` as it is. `options` are the ones the whole view was drawn with.
 */
export function withPieces(model: JourneyModel, view: ViewResult, availableWidth: number, options: ViewOptions = {}): ViewResult {
    if (view.kind !== 'diagram' || !VIEWS_IN_PIECES.has(view.view) || view.part) return view;
    if (readableAt(estimateDrawingSize(view.mermaid), availableWidth)) return view;
    const pieces = cutIntoPieces(model, view.view, availableWidth, options);
    return pieces.length > 1 ? { ...view, pieces } : view;
}

/** Every view of `views` with its pieces for `availableWidth` (see `withPieces`). */
export function viewsWithPieces(model: JourneyModel, views: readonly ViewResult[], availableWidth: number, options: ViewOptions = {}): ViewResult[] {
    return views.map((view) => withPieces(model, view, availableWidth, options));
}

/** A run of consecutive steps (their ids) drawn as one piece. */
type Run = string[];

/** The picture of one piece: the view of the journey's `steps` alone, without the journey's title. */
export function drawRun(model: JourneyModel, view: ViewId, steps: readonly string[], availableWidth: number, options: ViewOptions = {}): ViewResult {
    return renderView(sliceToSteps(model, new Set(steps)), view, { ...options, availableWidth, withoutTitle: true });
}

/**
 * Cuts the journey's steps into runs that read at `availableWidth`: stages are added to a run
 * while its picture still reads; a stage too wide alone is cut between its steps (a single
 * step too wide is a piece of its own: nothing narrower can be drawn). Pieces with nothing to
 * draw (no emotion in a run, for the journey view) are left out.
 */
function cutIntoPieces(model: JourneyModel, view: ViewId, availableWidth: number, options: ViewOptions): DiagramPiece[] {
    const drawn = new Map<string, ViewResult>();
    const draw = (steps: readonly string[]): ViewResult => {
        const key = steps.join('\u0000');
        let result = drawn.get(key);
        if (!result) drawn.set(key, (result = drawRun(model, view, steps, availableWidth, options)));
        return result;
    };
    const fits = (steps: readonly string[]): boolean => {
        const result = draw(steps);
        return result.kind !== 'diagram' || readableAt(estimateDrawingSize(result.mermaid), availableWidth);
    };
    const runs: Run[] = [];
    let current: string[] = [];
    const close = () => {
        if (current.length > 0) runs.push(current);
        current = [];
    };
    for (const stage of model.stages) {
        const steps = stage.steps.map((step) => step.id);
        if (steps.length === 0) continue;
        if (fits([...current, ...steps])) {
            current = [...current, ...steps];
            continue;
        }
        close();
        if (fits(steps)) {
            current = steps;
            continue;
        }
        for (const step of steps) {
            if (current.length > 0 && !fits([...current, step])) close();
            current = [...current, step];
        }
    }
    close();
    const drawable = runs.flatMap((run) => {
        const result = draw(run);
        return result.kind === 'diagram' ? [{ run, mermaid: result.mermaid }] : [];
    });
    const captions = captionsOf(model.stages, drawable.map(({ run }) => run));
    return drawable.map(({ run, mermaid }, index) => ({ caption: captions[index], steps: run, mermaid }));
}

/**
 * What each piece shows, named by its stages: "Awareness – Consideration", or for a stage cut
 * between its steps, "Choose (1/2)" and "Choose (2/2)".
 */
function captionsOf(stages: readonly StageModel[], runs: readonly Run[]): string[] {
    const runsOf = new Map<string, number[]>();
    const stageOf = new Map(stages.flatMap((stage) => stage.steps.map((step) => [step.id, stage] as const)));
    runs.forEach((run, index) => {
        for (const stage of new Set(run.map((id) => stageOf.get(id)!))) runsOf.set(stage.id, [...(runsOf.get(stage.id) ?? []), index]);
    });
    return runs.map((run, index) => {
        const names = [...new Set(run.map((id) => stageOf.get(id)!))].map((stage) => {
            const shared = runsOf.get(stage.id) ?? [];
            return shared.length > 1 ? `${stage.label} (${shared.indexOf(index) + 1}/${shared.length})` : stage.label;
        });
        return names.length <= 2 ? names.join(' – ') : `${names[0]} – ${names[names.length - 1]}`;
    });
}

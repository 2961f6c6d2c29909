/**
 * Views too large to draw whole: instead of only a message, one stage of the journey is drawn
 * (the one asked for, or the one at a source line), with the list of stages to pick another.
 */
import type { JourneyModel } from '../model/journey-model.js';
import { sliceToStage, stageAtLine } from '../model/stage-slice.js';
import { renderView } from './index.js';
import { diagramSize, exceedsLimits, MERMAID_DEFAULT_LIMITS } from './view-size.js';
import type { DiagramLimits, ViewOptions, ViewResult } from './view-types.js';

/** Which stage to draw of a view too large: `stage` by id, else the stage at `line`, else the first. */
export interface StageFocus {
    stage?: string;
    line?: number;
}

/** Draws one view of one stage (the view function of `renderView`). */
export type DrawView = (model: JourneyModel, options: ViewOptions) => ViewResult;

/**
 * The view as drawn, or, when it is over `limits` and the journey has more than one stage, the
 * same view of the focused stage alone, marked with `part`. A stage alone still over the
 * limits is returned as it is (the caller says it is too large).
 */
export function fitViewToLimits(model: JourneyModel, whole: ViewResult, draw: DrawView, limits: DiagramLimits, focus: StageFocus = {}, options: ViewOptions = {}): ViewResult {
    if (whole.kind !== 'diagram' || model.stages.length < 2) return whole;
    const size = diagramSize(whole.mermaid);
    if (!exceedsLimits(size, limits)) return whole;
    const stage = model.stages.find((s) => s.id === focus.stage)
        ?? (focus.line !== undefined ? stageAtLine(model, focus.line) : undefined)
        ?? model.stages[0];
    const sliced = sliceToStage(model, stage.id);
    const part = sliced ? draw(sliced, options) : undefined;
    if (!part || part.kind !== 'diagram' || exceedsLimits(diagramSize(part.mermaid), limits)) return whole;
    return {
        ...part,
        title: whole.title,
        part: { stage: stage.id, stages: model.stages.map((s) => ({ id: s.id, label: s.label, range: s.range })), whole: size },
    };
}

/** Every stage's own drawing of a view (for `journey render`): undefined for a stage with nothing to draw or still over the limits. */
export function viewByStage(model: JourneyModel, draw: DrawView, limits: DiagramLimits, options: ViewOptions = {}): { stage: string; label: string; view: ViewResult | undefined }[] {
    return model.stages.map((stage) => {
        const sliced = sliceToStage(model, stage.id);
        const view = sliced ? draw(sliced, options) : undefined;
        const drawable = view?.kind === 'diagram' && !exceedsLimits(diagramSize(view.mermaid), limits);
        return { stage: stage.id, label: stage.label, view: drawable ? view : undefined };
    });
}

/** Views to write to files (`journey render`, Save as Markdown), with the over-large ones replaced by one view per stage, and what to tell the user. */
export interface SplitViews {
    views: ViewResult[];
    /** One line per view split or skipped, without the `journey: ` prefix. */
    notes: string[];
}

/** Replaces every view over `limits` by the same view of each stage (marked with `part`, titled with the stage). */
export function splitOversizedViews(model: JourneyModel, views: readonly ViewResult[], limits: DiagramLimits = MERMAID_DEFAULT_LIMITS, options: ViewOptions = {}): SplitViews {
    const out: ViewResult[] = [];
    const notes: string[] = [];
    for (const view of views) {
        const size = view.kind === 'diagram' ? diagramSize(view.mermaid) : undefined;
        if (view.kind !== 'diagram' || !size || !exceedsLimits(size, limits)) {
            out.push(view);
            continue;
        }
        const why = `the ${view.view} view is too large for Mermaid (${size.characters} characters, ${size.links} links; Mermaid and GitHub draw up to ${limits.maxTextSize} and ${limits.maxEdges})`;
        if (model.stages.length < 2) {
            notes.push(`${why}: skipped (the journey has one stage). Split the journey into several maps.`);
            continue;
        }
        const stages = model.stages.map((s) => ({ id: s.id, label: s.label, range: s.range }));
        const parts = viewByStage(model, (m, o) => renderView(m, view.view, o), limits, options);
        const drawn = parts.flatMap((p) => (p.view?.kind === 'diagram' ? [{ ...p.view, title: `${view.title}: ${p.label}`, part: { stage: p.stage, stages, whole: size } }] : []));
        const skipped = parts.filter((p) => p.view === undefined).map((p) => p.stage);
        out.push(...drawn);
        notes.push(`${why}: split into ${drawn.length} stage${drawn.length === 1 ? '' : 's'}${skipped.length > 0 ? `; skipped ${skipped.length} (nothing to draw, or too large even alone: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''})` : ''}.`);
    }
    return { views: out, notes };
}

/**
 * Views too large to draw whole: instead of only a message, one stage of the journey is drawn
 * (the one asked for, or the one at a source line), with the list of stages to pick another.
 */
import type { JourneyModel } from '../model/journey-model.js';
import { sliceToStage, stageAtLine } from '../model/stage-slice.js';
import { diagramSize, exceedsLimits } from './view-size.js';
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

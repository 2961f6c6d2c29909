/** The views of a journey: one pure function per view, model → Mermaid text and source map. */
import type { JourneyModel } from '../model/journey-model.js';
import { blueprintView } from './blueprint-view.js';
import { canvasView } from './canvas-view.js';
import { emotionView } from './emotion-view.js';
import { flowView } from './flow-view.js';
import { funnelView } from './funnel-view.js';
import { journeyView } from './journey-view.js';
import { pinConfig } from './mermaid-config.js';
import { prioritiesView } from './priorities-view.js';
import { VIEW_IDS, type ViewId, type ViewOptions, type ViewResult } from './view-types.js';

export * from './view-types.js';

const VIEWS: Record<ViewId, (model: JourneyModel, options?: ViewOptions) => ViewResult> = {
    canvas: canvasView,
    journey: journeyView,
    emotion: emotionView,
    flow: flowView,
    priorities: prioritiesView,
    funnel: funnelView,
    blueprint: blueprintView,
};

/** One view of a journey: its Mermaid text (with the Mermaid settings it depends on pinned) and source map, or what to add when it has nothing to show. */
export function renderView(model: JourneyModel, view: ViewId, options: ViewOptions = {}): ViewResult {
    const result = VIEWS[view](model, options);
    return result.kind === 'diagram' ? { ...result, mermaid: pinConfig(result.mermaid) } : result;
}

/** Every view of a journey, in the order of `VIEW_IDS`. */
export function renderAllViews(model: JourneyModel, options: ViewOptions = {}): ViewResult[] {
    return VIEW_IDS.map((view) => renderView(model, view, options));
}

/** True when `name` is the id of a view. */
export function isViewId(name: string): name is ViewId {
    return (VIEW_IDS as readonly string[]).includes(name);
}

/**
 * `journey render` and views too large for Mermaid: a view over Mermaid's default limits (which
 * GitHub keeps too) is drawn once per stage instead, and the command says which views it split,
 * and which stages it skipped because even alone they are too large.
 */
import type { JourneyModel } from '../model/journey-model.js';
import { renderView, type ViewResult } from '../views/index.js';
import { diagramSize, exceedsLimits, MERMAID_DEFAULT_LIMITS } from '../views/view-size.js';
import { viewByStage } from '../views/view-split.js';
import type { DiagramLimits } from '../views/view-types.js';

/** The views to write, with the over-large ones replaced by one view per stage, and what to tell the user. */
export interface SplitViews {
    views: ViewResult[];
    /** One line per view split or skipped, without the `journey: ` prefix. */
    notes: string[];
}

/** Replaces every view over `limits` by the same view of each stage (marked with `part`, titled with the stage). */
export function splitOversizedViews(model: JourneyModel, views: readonly ViewResult[], limits: DiagramLimits = MERMAID_DEFAULT_LIMITS): SplitViews {
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
        const parts = viewByStage(model, (m, o) => renderView(m, view.view, o), limits);
        const drawn = parts.flatMap((p) => (p.view?.kind === 'diagram' ? [{ ...p.view, title: `${view.title}: ${p.label}`, part: { stage: p.stage, stages, whole: size } }] : []));
        const skipped = parts.filter((p) => p.view === undefined).map((p) => p.stage);
        out.push(...drawn);
        notes.push(`${why}: split into ${drawn.length} stage${drawn.length === 1 ? '' : 's'}${skipped.length > 0 ? `; skipped ${skipped.length} (nothing to draw, or too large even alone: ${skipped.slice(0, 5).join(', ')}${skipped.length > 5 ? ', …' : ''})` : ''}.`);
    }
    return { views: out, notes };
}

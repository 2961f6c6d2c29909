/** Small read-only questions the views ask of a resolved journey model. */
import type { DecisionModel, JourneyModel, ModelElement, TouchpointModel } from '../model/journey-model.js';
import type { EmptyView, SourceMapEntry, ViewId } from './view-types.js';

/** Every touchpoint of the journey in document order, stage by stage. */
export function touchpointsOf(model: JourneyModel): TouchpointModel[] {
    return model.stages.flatMap((stage) => stage.steps.filter((step): step is TouchpointModel => step.kind === 'touchpoint'));
}

/** Every decision of the journey in document order. */
export function decisionsOf(model: JourneyModel): DecisionModel[] {
    return model.stages.flatMap((stage) => stage.steps.filter((step): step is DecisionModel => step.kind === 'decision'));
}

/** A lookup from id to label for personas, channels and teams. */
export function labelsOf(elements: readonly ModelElement[]): (id: string) => string {
    const labels = new Map(elements.map((element) => [element.id, element.label]));
    return (id) => labels.get(id) ?? id;
}

/** A source map entry for a model element. */
export function mapEntry(element: ModelElement, kind: SourceMapEntry['kind'], diagramId: string): SourceMapEntry {
    return { elementId: element.id, kind, diagramId, range: element.range };
}

/** An explicit "nothing to show" result that says what to add. */
export function emptyView(view: ViewId, title: string, message: string): EmptyView {
    return { view, title, kind: 'empty', message };
}

/** True when the element is highlighted by the options. */
export function isHighlighted(highlight: ReadonlySet<string> | undefined, id: string): boolean {
    return highlight?.has(id) ?? false;
}

/** What every view returns: Mermaid text and a source map, or an explicit "nothing to show". */
import type { SourceRange } from '../model/journey-model.js';

/** The views of a journey, in the order a picker shows them. */
export const VIEW_IDS = ['canvas', 'journey', 'emotion', 'flow', 'priorities', 'funnel', 'blueprint'] as const;

/** One of the views of a journey. */
export type ViewId = (typeof VIEW_IDS)[number];

/** Ties something drawn in the diagram to the element (and source range) it came from. */
export interface SourceMapEntry {
    /** The model element's id (touchpoint, stage, decision, outcome, action…). */
    elementId: string;
    /** The model element's kind. */
    kind: 'journey' | 'stage' | 'touchpoint' | 'decision' | 'outcome' | 'action' | 'persona' | 'channel' | 'team' | 'kpi';
    /** The id (or text) by which the element can be found in the rendered diagram. */
    diagramId: string;
    range: SourceRange;
}

/** A view that has something to draw. */
export interface DiagramView {
    view: ViewId;
    title: string;
    kind: 'diagram';
    mermaid: string;
    sourceMap: SourceMapEntry[];
    /** A table shown beside the picture (the priorities view's ranking), in the preview and in Markdown. */
    table?: ViewTable;
}

/** A table of plain text shown beside a picture; each row leads to the element it is about. */
export interface ViewTable {
    caption: string;
    columns: string[];
    rows: Array<{ cells: string[]; elementId: string; range: SourceRange }>;
    /** A line under the table (e.g. the actions it could not rank). */
    note?: string;
}

/** A view with nothing to draw, saying what to add to the map. */
export interface EmptyView {
    view: ViewId;
    title: string;
    kind: 'empty';
    message: string;
}

/** The result of one view. */
export type ViewResult = DiagramView | EmptyView;

/** Options every view accepts. */
export interface ViewOptions {
    /** Element ids to highlight (e.g. what a diff changed). */
    highlight?: ReadonlySet<string>;
    /**
     * The width in CSS pixels of where the picture will be shown (a preview pane, a Markdown
     * page). Views that can lay themselves out for it do (the canvas turns portrait when its
     * labels would be shown under 11 px); without it they draw at their natural size.
     */
    availableWidth?: number;
}

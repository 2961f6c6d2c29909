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
    /** Set when the whole view is over the size limits and this is one stage of it. */
    part?: ViewPart;
    /** A table shown beside the picture (the priorities view's ranking), in the preview and in Markdown. */
    table?: ViewTable;
    /**
     * The same view cut into pictures that read at a page's width, drawn one under the other
     * where a page cannot zoom (Markdown: `view-pieces.ts`); `mermaid` stays the whole picture.
     */
    pieces?: DiagramPiece[];
}

/** One picture of a view cut to a page's width: a run of the journey's steps. */
export interface DiagramPiece {
    /** The stages it shows: "Awareness – Consideration", "Choose (1/2)". */
    caption: string;
    /** The ids of the steps (touchpoints, decisions) it shows, in journey order. */
    steps: string[];
    mermaid: string;
}

/** A stage of a journey, as a picker of stages lists it. */
export interface StageChoice {
    id: string;
    label: string;
    range: SourceRange;
}

/** Which stage of a view too large to draw whole is drawn, and why. */
export interface ViewPart {
    /** The id of the stage drawn. */
    stage: string;
    /** Every stage of the journey, in order (for a stage picker). */
    stages: StageChoice[];
    /** The size of the whole view. */
    whole: DiagramSize;
}

/** How large a Mermaid diagram is, in the units of Mermaid's limits `maxTextSize` and `maxEdges`. */
export interface DiagramSize {
    characters: number;
    links: number;
}

/** The largest diagram drawn whole (Mermaid's own defaults, also GitHub's). */
export interface DiagramLimits {
    maxTextSize: number;
    maxEdges: number;
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
    /**
     * The picture is shown under a heading that names the map (a piece of a view cut to a
     * page's width): views that write the map's title inside the picture leave it out.
     */
    withoutTitle?: boolean;
}

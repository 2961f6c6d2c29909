/**
 * The structured result of comparing two journey models: a flat list of changes, each
 * naming the element it concerns by id. Plain, JSON-serialisable data (the `--format json`
 * output), the single input of the text and Markdown reports and of the preview's highlight.
 */
import type { JourneyModel, SourceRange } from '../model/journey-model.js';

/** The kinds of elements a diff compares. */
export type ElementKind = 'journey' | 'persona' | 'channel' | 'team' | 'stage' | 'kpi' | 'touchpoint' | 'decision' | 'outcome' | 'action';

/** A property value as compared: a number, a text, a flag or a list of ids. */
export type PropertyValue = string | number | boolean | string[] | undefined;

/** The lists of texts whose items are reported one by one. */
export type ItemList = 'pain' | 'gain' | 'opportunity' | 'backstage' | 'data' | 'goal' | 'need' | 'frustration';

/** What every element change says about its element. */
export interface ElementRef {
    kind: ElementKind;
    /** The element's id (after the change; before it for a removal). */
    id: string;
    /** The element's label (after the change; before it for a removal). */
    label: string;
    /** The stage holding the element (touchpoints, decisions, KPIs), after the change or before a removal. */
    stage?: string;
    /** Where the element is written: in the new map, or in the old one for a removal. */
    range?: SourceRange;
}

/** An element that exists only in the new map. */
export interface AddedChange extends ElementRef {
    change: 'added';
}

/** An element that exists only in the old map. */
export interface RemovedChange extends ElementRef {
    change: 'removed';
}

/** An element whose id changed while everything else stayed the same. */
export interface RenamedChange extends ElementRef {
    change: 'renamed';
    previousId: string;
}

/** An element whose label changed. */
export interface RelabelledChange extends ElementRef {
    change: 'relabelled';
    before: string;
    after: string;
}

/** Where an element sits: its stage (for steps and KPIs) and its position in its list. */
export interface Placement {
    stage?: string;
    index: number;
}

/** An element that moved to another stage, or was reordered inside its list. */
export interface MovedChange extends ElementRef {
    change: 'moved';
    from: Placement;
    to: Placement;
}

/** A property of an element that changed value. */
export interface PropertyChange extends ElementRef {
    change: 'property';
    /** The property as written in the language: `emotion`, `expected`, `reach`, `channel`, `owner`, `target`, `emotion for alex`… */
    property: string;
    before: PropertyValue;
    after: PropertyValue;
    /** For numbers: whether the value went up or down. */
    direction?: 'up' | 'down';
}

/** A pain, gain, opportunity, backstage note, goal, need or frustration added or removed. */
export interface ItemChange extends ElementRef {
    change: 'item-added' | 'item-removed';
    list: ItemList;
    text: string;
}

/** A `next` link or decision branch added, removed or relabelled. */
export interface FlowChange {
    change: 'flow-added' | 'flow-removed' | 'flow-relabelled';
    kind: 'flow';
    edge: 'next' | 'branch';
    from: string;
    to: string;
    /** The branch's answer (its label after the change for a relabelling). */
    label?: string;
    /** The branch's answer before a relabelling. */
    previousLabel?: string;
}

/** One change between two maps. */
export type JourneyChange = AddedChange | RemovedChange | RenamedChange | RelabelledChange | MovedChange | PropertyChange | ItemChange | FlowChange;

/** The changes that turn one journey (or nothing) into another (or nothing), with the two models compared. */
export interface JourneyDiff {
    before?: JourneyModel;
    after?: JourneyModel;
    changes: JourneyChange[];
}

/** Which journey a side of a diff is (how the JSON output names it). */
export interface JourneySummary {
    id: string;
    label: string;
    state: JourneyModel['state'];
}

/** How a file changed between two sets of files. */
export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'unchanged';

/** The diff of one file: the journeys it holds, compared. */
export interface FileDiff {
    /** The file's path (the new path, or the old one for a deleted file), relative to the compared root. */
    path: string;
    /** The old path of a renamed file. */
    previousPath?: string;
    status: FileStatus;
    journeys: JourneyDiff[];
    /** Set when a side does not parse: its syntax errors by side, and no journey is compared (the report says so instead of listing phantom changes). */
    syntaxErrors?: { before?: number; after?: number };
}

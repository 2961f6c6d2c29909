/**
 * `journey/diff`, the request behind "Journey: Compare with HEAD" and "Compare with…":
 * plain types and the method name only, so the extension can import them without bundling
 * any server code.
 */
import type { ChangeSection } from '../diff/diff-sections.js';
import type { JourneyChange } from '../diff/diff-types.js';
import type { ViewResult } from '../views/view-types.js';

/** `journey/diff`: compares a document with an older text of it, or with another document. */
export const JOURNEY_DIFF_METHOD = 'journey/diff';

/** Parameters of `journey/diff`: the new side is `uri`; the old side is `baseUri` or `baseText`. */
export interface JourneyDiffParams {
    uri: string;
    /** The editor's version of the document; the server answers once it has built it. */
    version?: number;
    /** Another document of the workspace (e.g. the as-is map, to compare a to-be map with). */
    baseUri?: string;
    /** An older text of the document (e.g. the file at git HEAD), read with the workspace's shared declarations. */
    baseText?: string;
    /** How to name the old side: "HEAD", "current.journey"… */
    baseLabel?: string;
}

/** One side of the comparison, drawn. */
export interface JourneyDiffSide {
    /** "HEAD", "working tree", a file name… */
    label: string;
    journeyId?: string;
    title?: string;
    state?: 'current' | 'future';
    /** Every view, in the order of `VIEW_IDS`; the new side's highlight what changed. */
    views: ViewResult[];
}

/** The answer of `journey/diff`. */
export interface JourneyDiffResult {
    uri: string;
    version: number;
    /** True when the server knows no such document (or no base document). */
    missing?: boolean;
    /** "Booking a home cleaning: current → future". */
    title: string;
    /** "3 touchpoints changed, mean emotion in Consideration 2.0 → 3.5, 1 new pain". */
    summary: string;
    before: JourneyDiffSide;
    after: JourneyDiffSide;
    /** The changes grouped by stage, in words. */
    sections: ChangeSection[];
    /** The changes as data. */
    changes: JourneyChange[];
    /** The ids highlighted in the new side's views. */
    highlight: string[];
}

/**
 * A journey read from another format (Mermaid, CSV), before it is written as .journey text:
 * plain data holding only what those formats can say, with ids already chosen.
 */

/** An element with its id and, when the source gave one, the label people read. */
export interface ImportedElement {
    id: string;
    /** Absent when the source gave only an id (the map then shows the id). */
    label?: string;
}

/** A touchpoint: one Mermaid task, or one CSV row. */
export interface ImportedTouchpoint extends ImportedElement {
    description?: string;
    /** Persona ids. */
    personas: string[];
    /** Channel ids. */
    channels: string[];
    /** A team id. */
    owner?: string;
    emotion?: number;
    expected?: number;
    pains: string[];
    gains: string[];
    opportunities: string[];
    reach?: number;
    momentOfTruth: boolean;
    backstage: string[];
}

/** A stage: a Mermaid section, or the rows of a CSV that name it. */
export interface ImportedStage extends ImportedElement {
    touchpoints: ImportedTouchpoint[];
}

/** A whole imported journey. */
export interface ImportedJourney extends ImportedElement {
    description?: string;
    personas: ImportedElement[];
    channels: ImportedElement[];
    teams: ImportedElement[];
    stages: ImportedStage[];
    /** Words of the source that have no place in a map (a Mermaid `%%` comment): kept as comments at its top. */
    notes?: string[];
}

/** A touchpoint with nothing but its id and label. */
export function emptyTouchpoint(id: string, label?: string): ImportedTouchpoint {
    return { id, label, personas: [], channels: [], pains: [], gains: [], opportunities: [], momentOfTruth: false, backstage: [] };
}

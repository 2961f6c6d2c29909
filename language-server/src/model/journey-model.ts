/**
 * The resolved journey model: plain, JSON-serialisable data, the single input of every
 * view, of the diff, of the CLI and of the preview. It never holds AST nodes.
 *
 * Every element has a stable `id` (what references, diffs and previews use), a `label`
 * (what people read; the id when no label was written) and the `range` of its source.
 */

/** A position in a text document: zero-based line and character (UTF-16), as in LSP. */
export interface SourcePosition {
    line: number;
    character: number;
}

/** Where an element was written. `uri` is set when it lives in another file (a shared persona, channel or team). */
export interface SourceRange {
    start: SourcePosition;
    end: SourcePosition;
    uri?: string;
}

/** What every element of the model has. */
export interface ModelElement {
    id: string;
    /** The label as written, or the id when none was written. */
    label: string;
    /** True when the label was written in the source (false when `label` is the id). */
    hasLabel: boolean;
    range: SourceRange;
}

/** A whole journey map, resolved. */
export interface JourneyModel extends ModelElement {
    uri: string;
    state: 'current' | 'future';
    /** The language of the words the views add (`lang fr`), as written; absent means English. Labels are never translated. */
    lang?: string;
    description?: string;
    personas: PersonaModel[];
    channels: ChannelModel[];
    teams: TeamModel[];
    stages: StageModel[];
    outcomes: OutcomeModel[];
    actions: ActionModel[];
    flow: FlowModel;
}

/** A fictional customer. `shared` when declared outside the journey (top of a file, maybe another file). */
export interface PersonaModel extends ModelElement {
    shared: boolean;
    description?: string;
    goals: string[];
    needs: string[];
    frustrations: string[];
}

/** Where touchpoints happen. */
export interface ChannelModel extends ModelElement {
    shared: boolean;
    mode?: 'online' | 'offline';
    /** The voice and tone to use on this channel. */
    tone?: string;
}

/** Who owns touchpoints and actions. */
export interface TeamModel extends ModelElement {
    shared: boolean;
}

/** An ordered phase of the journey. */
export interface StageModel extends ModelElement {
    description?: string;
    kpis: KpiModel[];
    /** Touchpoints and decisions, in document order. */
    steps: StepModel[];
}

/** An indicator of a stage. */
export interface KpiModel extends ModelElement {
    target?: number;
    /** The measured value, read against the target. */
    actual?: number;
    unit?: string;
}

/** A step of a stage. */
export type StepModel = TouchpointModel | DecisionModel;

/** A score (emotion or expected), overall or for one persona. */
export interface ScoreModel {
    score: number;
    /** The persona's id; absent for the overall score. */
    persona?: string;
    range: SourceRange;
}

/** An interaction between the customer and the company. */
export interface TouchpointModel extends ModelElement {
    kind: 'touchpoint';
    stage: string;
    description?: string;
    personas: string[];
    channels: string[];
    owner?: string;
    /** The overall emotion score 1..5, if given. */
    emotion?: number;
    /** The overall expected score 1..5, if given. */
    expected?: number;
    /** Every emotion score written, overall and per persona. */
    emotions: ScoreModel[];
    /** Every expected score written, overall and per persona. */
    expectations: ScoreModel[];
    pains: string[];
    gains: string[];
    opportunities: string[];
    reach?: number;
    momentOfTruth: boolean;
    backstage: string[];
    /** The voice and tone to use at this touchpoint (adjusted to the situation and the customer's emotional state). */
    tone?: string;
    /** The data points this touchpoint captures or uses to personalise the experience. */
    data: string[];
    /** Explicit `next` targets (flow node ids); empty when the touchpoint follows document order. */
    next: string[];
}

/** A crossroads with labelled branches. */
export interface DecisionModel extends ModelElement {
    kind: 'decision';
    stage: string;
    branches: BranchModel[];
}

/** One branch of a decision. `target` is a flow node id (a stage target is resolved to its first step). */
export interface BranchModel {
    label?: string;
    target: string;
    range: SourceRange;
}

/** An end of a path that is not a touchpoint. */
export interface OutcomeModel extends ModelElement {
    kind: 'outcome';
}

/** An acquisition or improvement action. */
export interface ActionModel extends ModelElement {
    description?: string;
    improves: string[];
    impact?: number;
    effort?: number;
    owner?: string;
}

/** One link of the customers' path, between flow node ids (touchpoints, decisions, outcomes). */
export interface FlowEdgeModel {
    from: string;
    to: string;
    kind: 'order' | 'next' | 'branch';
    label?: string;
}

/** The customers' path: where it starts and every link, in document order. */
export interface FlowModel {
    start?: string;
    edges: FlowEdgeModel[];
}

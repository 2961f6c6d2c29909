/**
 * The diagnostics of the .journey language: their stable codes (quick fixes and the CLI rely
 * on them) and the small wording helpers every rule shares.
 */
import { DocumentValidator, type AstNode } from 'langium';

/** Stable codes of the diagnostics of the .journey language (also in `data.code`, for quick fixes). */
export const IssueCodes = {
    /** Two elements share an id (in a journey, across shared files, or two journeys). data: `{ id }`. */
    DuplicateId: 'duplicate-id',
    /** A journey-local persona, channel or team has the id of a shared one. data: `{ id }`. */
    HidesShared: 'hides-shared',
    /** A reference to nothing (Langium's linking error, with our message). */
    UnresolvedReference: DocumentValidator.LinkingError,
    /** An emotion, expected, impact or effort outside 1..5. data: `{ value }` = the clamped score. */
    ScoreOutOfRange: 'score-out-of-range',
    /** An emotion, expected, impact or effort that is not a whole number. data: `{ value }` = the rounded score. */
    ScoreNotWhole: 'score-not-whole',
    /** A reach that is negative or not whole. data: `{ value }` = the nearest valid reach. */
    InvalidReach: 'invalid-reach',
    /** A reach larger than what can arrive from the touchpoints before. data: `{ max }`. */
    ReachExceedsInflow: 'reach-exceeds-inflow',
    /** A journey with no stage. */
    NoStages: 'no-stages',
    /** A stage with no touchpoint. */
    EmptyStage: 'empty-stage',
    /** A touchpoint or decision no path leads to. */
    UnreachableStep: 'unreachable-step',
    /** A decision with fewer than two branches. */
    TooFewBranches: 'too-few-branches',
    /** A decision branch without a label. data: `{ target }`. */
    MissingLabel: 'missing-label',
    /** `""` or a label of spaces only. data: `{ id }` (absent on branches). */
    EmptyLabel: 'empty-label',
    /** A loop that customers can never leave. data: `{ loop }` = the ids, first one repeated at the end. */
    TrappingLoop: 'trapping-loop',
    /** A persona nothing refers to. data: `{ id }`. */
    UnusedPersona: 'unused-persona',
    /** A fact that may be written once is written again. data: `{ firstLine }` (1-based). */
    DuplicateFact: 'duplicate-fact',
    /** A second journey in one file. */
    MultipleJourneys: 'multiple-journeys',
    /** A written fact (description, goal, need, frustration, pain, gain, opportunity, backstage note, unit) that is empty or only spaces. */
    EmptyFact: 'empty-fact',
    /** A `next` link or a branch to a stage that has no step to lead to. */
    LinkToEmptyStage: 'link-to-empty-stage',
    /** A backslash in a label before a letter or digit that makes no escape (`\q`, `\u12`): the backslash is lost. */
    UnknownEscape: 'unknown-escape',
    /** An emotion or expected score `for` a persona that the touchpoint does not list. data: `{ persona }`. */
    PersonaNotOnTouchpoint: 'persona-not-on-touchpoint',
    /** A `lang` the views do not speak (they use English). data: `{ language }` = the code as written. */
    UnknownLanguage: 'unknown-language',
    /** The last diagnostic of a file with more than can be shown: how many more there are. data: `{ count }`. */
    TooManyProblems: 'too-many-problems',
} as const;

/** One of the stable diagnostic codes. */
export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];

/** The `code` and `data` of a diagnostic. */
export function issue(code: IssueCode, data: Record<string, unknown> = {}): { code: IssueCode; data: Record<string, unknown> } {
    return { code, data: { code, ...data } };
}

/** The plain word for a kind of element ("touchpoint", "moment of truth"). */
export function kindOf(node: AstNode): string {
    switch (node.$type) {
        case 'Kpi': return 'KPI';
        case 'MomentOfTruth': return 'moment of truth';
        default: return node.$type.toLowerCase();
    }
}

/** False for a node whose id could not be read (a syntax error is already reported there). */
export function hasName(node: AstNode & { name?: string }): boolean {
    return typeof node.name === 'string' && node.name.length > 0;
}

/** The 1-based line where a node starts, as people read it. */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/** 'a', 'a and b', 'a, b and c'. */
export function joinAnd(parts: string[]): string {
    return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * "a, b and c" for a few items, "a, b, c, d, e and 7 more" past `max`: only the items named are
 * described, so a message about thousands of copies stays one short line.
 */
export function joinSome<T>(items: readonly T[], describe: (item: T) => string, max = 5): string {
    if (items.length <= max) return joinAnd(items.map(describe));
    return `${items.slice(0, max).map(describe).join(', ')} and ${items.length - max} more`;
}

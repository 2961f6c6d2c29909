/**
 * Validation rules of the .journey language: one `checkX(node, accept)` method per rule,
 * registered as a table. Messages are written for the people who write maps (marketers,
 * CX designers): they say what exists and what to do. Each diagnostic carries a stable
 * `code` (see `IssueCodes`) and `data` for quick fixes. Flow rules use `journey-flow.ts`.
 */
import {
    AstUtils, CstUtils, GrammarUtils, UriUtils, isLeafCstNode,
    type AstNode, type AstNodeDescription, type CstNode, type AstNodeLocator, type IndexManager, type Properties,
    type LangiumCoreServices, type URI, type ValidationAcceptor, type ValidationChecks, type ValidationRegistry,
} from 'langium';
import { DiagnosticTag, type Range } from 'vscode-languageserver';
import {
    isJourneyFile, isStage, isTouchpoint,
    type Action, type Branch, type Channel, type Decision, type Emotion, type Expected, type Journey,
    type JourneyAstType, type JourneyFile, type Lang, type Persona, type Stage, type Team, type Touchpoint,
} from '../generated/ast.js';
import { IssueCodes, hasName, issue, joinSome, kindOf, lineOf } from './journey-diagnostics.js';
import { computeFlow, journeySteps, reachableNodes, trappingLoops } from './journey-flow.js';
import { hasBrokenLinks, reportReachAboveInflow, reportTrap, validReach } from './journey-validation-flow.js';
import { LANGUAGES, languageOf } from './journey-languages.js';
import { unknownEscapes } from './journey-value-converter.js';

export { IssueCodes, type IssueCode } from './journey-diagnostics.js';

/** Registers the validation checks of the .journey language. */
export function registerValidationChecks(registry: ValidationRegistry, validator: JourneyValidator): void {
    const label = validator.checkLabel;
    const checks: ValidationChecks<JourneyAstType> = {
        JourneyFile: [validator.checkOneJourneyPerFile, validator.checkEscapes],
        Journey: [
            label, validator.checkJourneyIdUnique, validator.checkIdsUnique, validator.checkHasStages,
            validator.checkFlow, validator.checkLocalPersonasUsed, validator.checkJourneyFacts, validator.checkTextFacts,
        ],
        Persona: [label, validator.checkSharedId, validator.checkSharedPersonaUsed, validator.checkPersonaFacts, validator.checkTextFacts],
        Channel: [label, validator.checkSharedId, validator.checkTextFacts],
        Lang: [validator.checkLanguage],
        Team: [label, validator.checkSharedId],
        Stage: [label, validator.checkStageHasTouchpoints, validator.checkStageFacts, validator.checkTextFacts],
        Kpi: [label, validator.checkTextFacts],
        Touchpoint: [label, validator.checkReachValues, validator.checkTouchpointFacts, validator.checkTextFacts, validator.checkNextLeadsSomewhere],
        Emotion: [validator.checkScore, validator.checkScorePersona],
        Expected: [validator.checkScore, validator.checkScorePersona],
        Decision: [label, validator.checkDecisionBranches],
        Branch: [validator.checkBranchLabel, validator.checkBranchLeadsSomewhere],
        Outcome: [label],
        Action: [label, validator.checkActionScores, validator.checkActionFacts, validator.checkTextFacts],
    };
    registry.register(checks, validator);
    registry.registerBeforeDocument(validator.forgetWorkspaceNames, validator);
}

type Named = AstNode & { name: string; label?: string };

/** The checks of the .journey language, one `checkX(node, accept)` method per rule. */
export class JourneyValidator {
    private readonly indexManager: IndexManager;
    private readonly locator: AstNodeLocator;
    /** Names declared in the workspace, by type, computed once per validation of a file. */
    private readonly workspaceNames = new WeakMap<AstNode, Map<string, Map<string, AstNodeDescription[]>>>();

    constructor(services: LangiumCoreServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.locator = services.workspace.AstNodeLocator;
    }

    /** Drops the names remembered from an earlier validation of this file (other files may have changed). */
    forgetWorkspaceNames(root: AstNode): void {
        this.workspaceNames.delete(root);
    }

    // ---- ids -------------------------------------------------------------------------

    /** Rule: one journey map per file. */
    checkOneJourneyPerFile(file: JourneyFile, accept: ValidationAcceptor): void {
        const [first, ...others] = file.journeys;
        for (const journey of others.filter(hasName)) {
            accept('error', `One map per file: move journey '${journey.name}' to its own .journey file (this file already holds '${first.name}').`,
                { node: journey, property: 'name', ...issue(IssueCodes.MultipleJourneys) });
        }
    }

    /** Rule: a backslash in a label makes a known escape; `C:\Users` would silently read as `C:Users`. */
    checkEscapes(file: JourneyFile, accept: ValidationAcceptor): void {
        const root = file.$cstNode;
        if (!root) return;
        const text = AstUtils.getDocument(file).textDocument;
        const content = text.getText();
        // From backslash to backslash: most maps have none, and the tree is not walked for them.
        const labels = new Set<CstNode>();
        for (let at = content.indexOf('\\'); at >= 0; at = content.indexOf('\\', at + 1)) {
            const leaf = CstUtils.findLeafNodeAtOffset(root, at);
            if (leaf && isLeafCstNode(leaf) && leaf.tokenType.name === 'STRING') labels.add(leaf);
        }
        for (const leaf of labels) {
            for (const escape of unknownEscapes(leaf.text.slice(1, -1))) {
                const start = leaf.offset + 1 + escape.offset;
                const why = escape.text.startsWith('\\u') ? ' (\\u takes four hex digits, \\u00e9, or braces, \\u{1F600})' : '';
                accept('warning', `'${escape.text}' is not an escape${why}, so the backslash is lost and this reads as '${escape.reads}'. Write \\\\ for a backslash.`,
                    { node: leaf.astNode, range: { start: text.positionAt(start), end: text.positionAt(start + escape.text.length) }, ...issue(IssueCodes.UnknownEscape) });
            }
        }
    }

    /** Rule: two journeys of the workspace never share an id. */
    checkJourneyIdUnique(journey: Journey, accept: ValidationAcceptor): void {
        const others = this.otherDeclarations(journey, 'Journey');
        if (others.length > 0) {
            accept('error', `Another journey also has the id '${journey.name}' (${this.places(journey, others)}). Rename one: each map needs its own id.`,
                { node: journey, property: 'name', ...issue(IssueCodes.DuplicateId, { id: journey.name }) });
        }
    }

    /** Rule: ids are unique in a journey, per kind; stages, touchpoints, decisions and outcomes share one set of ids. */
    checkIdsUnique(journey: Journey, accept: ValidationAcceptor): void {
        const flow = [...journey.stages, ...journeySteps(journey), ...journey.outcomes];
        const groups: Array<[Named[], string]> = [
            [journey.personas, 'each persona needs its own id'],
            [journey.channels, 'each channel needs its own id'],
            [journey.teams, 'each team needs its own id'],
            [flow, 'next links and branches must know where to go'],
            [journey.stages.flatMap((stage) => stage.kpis), 'each KPI needs its own id'],
            [journey.actions, 'each action needs its own id'],
        ];
        for (const [nodes, why] of groups) {
            for (const same of duplicates(nodes)) {
                for (const node of same) {
                    const others = joinSome(same.filter((other) => other !== node), (other) => `the ${kindOf(other)} on line ${lineOf(other)}`);
                    accept('error', `The id '${node.name}' is also used by ${others}. Rename one: ${why}.`,
                        { node, property: 'name', ...issue(IssueCodes.DuplicateId, { id: node.name }) });
                }
            }
        }
    }

    /** Rule: shared personas, channels and teams have ids unique in the workspace; a local one should not hide a shared one. */
    checkSharedId(node: Persona | Channel | Team, accept: ValidationAcceptor): void {
        const kind = kindOf(node);
        if (isJourneyFile(node.$container)) {
            const others = this.otherDeclarations(node, node.$type);
            if (others.length > 0) {
                accept('error', `${capitalize(kind)} '${node.name}' is also declared ${this.places(node, others)}. Shared personas, channels and teams need ids that are unique in the workspace: rename or remove one.`,
                    { node, property: 'name', ...issue(IssueCodes.DuplicateId, { id: node.name }) });
            }
        } else {
            const shared = this.namesInWorkspace(node, node.$type).get(node.name) ?? [];
            if (shared.length > 0) {
                accept('warning', `This ${kind} hides the shared ${kind} '${node.name}' declared ${this.places(node, shared)}: in this journey, '${node.name}' now means this one. Rename it, or remove it to use the shared one.`,
                    { node, property: 'name', ...issue(IssueCodes.HidesShared, { id: node.name }) });
            }
        }
    }

    // ---- personas ----------------------------------------------------------------------

    /** Rule: a shared persona that no map of the workspace uses (hint). */
    checkSharedPersonaUsed(persona: Persona, accept: ValidationAcceptor): void {
        if (!isJourneyFile(persona.$container) || !hasName(persona)) return;
        // A persona declared twice is already an error; the maps use only one of the copies.
        if (this.otherDeclarations(persona, persona.$type).length > 0) return;
        const references = this.indexManager.findAllReferences(persona, this.locator.getAstNodePath(persona));
        if (references.isEmpty()) {
            accept('hint', `Shared persona '${persona.name}' is not used by any map of the workspace yet. Add 'persona ${persona.name}' to a touchpoint, or remove it.`,
                { node: persona, property: 'name', tags: [DiagnosticTag.Unnecessary], ...issue(IssueCodes.UnusedPersona, { id: persona.name }) });
        }
    }

    /** Rule: a persona declared inside a journey that none of its touchpoints uses (warning). */
    checkLocalPersonasUsed(journey: Journey, accept: ValidationAcceptor): void {
        if (journey.personas.length === 0) return;
        const used = new Set<AstNode | undefined>();
        for (const step of journeySteps(journey)) {
            if (!isTouchpoint(step)) continue;
            step.personas.forEach((reference) => used.add(reference.ref));
            [...step.emotions, ...step.expectations].forEach((score) => used.add(score.persona?.ref));
        }
        for (const persona of journey.personas) {
            if (!used.has(persona) && hasName(persona)) {
                accept('warning', `Persona '${persona.name}' is not used by any touchpoint of this journey. Add 'persona ${persona.name}' to a touchpoint, or remove it.`,
                    { node: persona, property: 'name', tags: [DiagnosticTag.Unnecessary], ...issue(IssueCodes.UnusedPersona, { id: persona.name }) });
            }
        }
    }

    /** Rule: an emotion or expected score `for` a persona should be for one of the touchpoint's personas. */
    checkScorePersona(score: Emotion | Expected, accept: ValidationAcceptor): void {
        const touchpoint = score.$container;
        const persona = score.persona?.$refText;
        // A persona that does not exist is already a linking error on the same spot.
        if (!persona || !score.persona?.ref || touchpoint.personas.length === 0) return;
        if (touchpoint.personas.some((reference) => reference.$refText === persona)) return;
        const listed = touchpoint.personas.map((reference) => reference.$refText).join(', ');
        accept('warning', `'${persona}' is not among this touchpoint's personas (${listed}). Add 'persona ${persona}' to the touchpoint, or give this score to one of its personas.`,
            { node: score, property: 'persona', ...issue(IssueCodes.PersonaNotOnTouchpoint, { persona }) });
    }

    // ---- scores and reach --------------------------------------------------------------

    /** Rule: emotion and expected scores are whole numbers from 1 to 5. */
    checkScore(score: Emotion | Expected, accept: ValidationAcceptor): void {
        const what = score.$type === 'Emotion' ? 'Emotion' : 'Expected score';
        reportScore(score.score, what, '1 = angry … 5 = delighted', accept, { node: score, property: 'score' });
    }

    /** Rule: an action's impact and effort are whole numbers from 1 to 5. */
    checkActionScores(action: Action, accept: ValidationAcceptor): void {
        action.impacts.forEach((value, index) =>
            reportScore(value, 'Impact', '1 = small … 5 = large', accept, { node: action, property: 'impacts', index }));
        action.efforts.forEach((value, index) =>
            reportScore(value, 'Effort', '1 = easy … 5 = hard', accept, { node: action, property: 'efforts', index }));
    }

    /** Rule: a reach is a whole number of customers, 0 or more. */
    checkReachValues(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        touchpoint.reaches.forEach((value, index) => {
            if (!validReach(value)) {
                accept('error', `Reach ${value} must be a whole number of customers, 0 or more.`,
                    { node: touchpoint, property: 'reaches', index, ...issue(IssueCodes.InvalidReach, { value: Math.max(0, Math.round(value)) }) });
            }
        });
    }

    // ---- structure ---------------------------------------------------------------------

    /** Rule: a journey has stages. A warning, not an error: a map is often started with its personas. */
    checkHasStages(journey: Journey, accept: ValidationAcceptor): void {
        if (journey.stages.length === 0 && hasName(journey)) {
            accept('warning', `Journey '${journey.name}' has no stages yet, so the map is empty. Add one, e.g. stage awareness "Awareness" { touchpoint … }.`,
                { node: journey, property: 'name', ...issue(IssueCodes.NoStages) });
        }
    }

    /** Rule: a stage has at least one touchpoint. */
    checkStageHasTouchpoints(stage: Stage, accept: ValidationAcceptor): void {
        if (!stage.steps.some(isTouchpoint) && hasName(stage)) {
            accept('warning', `Stage '${stage.name}' has no touchpoints yet. Add a touchpoint inside it, or remove the stage.`,
                { node: stage, property: 'name', ...issue(IssueCodes.EmptyStage) });
        }
    }

    /** Rule: a decision has at least two branches. */
    checkDecisionBranches(decision: Decision, accept: ValidationAcceptor): void {
        const count = decision.branches.length;
        if (count < 2 && hasName(decision)) {
            const has = count === 0 ? 'has no branches' : 'has only one branch';
            accept('error', `Decision '${decision.name}' ${has}: give it at least two answers, e.g. "yes" -> somewhere and "no" -> elsewhere. For a single way on, use next on a touchpoint.`,
                { node: decision, property: 'name', ...issue(IssueCodes.TooFewBranches) });
        }
    }

    /** Rule: a branch says which answer it stands for. */
    checkBranchLabel(branch: Branch, accept: ValidationAcceptor): void {
        // A branch the parser recovered without a target already has a syntax error.
        if (!branch.target) return;
        const target = branch.target.$refText;
        if (branch.label === undefined) {
            accept('warning', `This branch has no label. Write the answer that sends customers to '${target}' before the arrow, e.g. "yes" -> ${target}.`,
                { node: branch, ...issue(IssueCodes.MissingLabel, { target }) });
        } else if (branch.label.trim() === '') {
            accept('warning', `This branch label is ${branch.label === '' ? 'empty' : 'only spaces'}. Write the answer that sends customers to '${target}'.`,
                { node: branch, property: 'label', ...issue(IssueCodes.EmptyLabel) });
        }
    }

    /** Rule: a `next` link to a stage leads to its first step, so the stage must have one. */
    checkNextLeadsSomewhere(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        touchpoint.next.forEach((link, index) => {
            const stage = link?.ref;
            if (isStage(stage) && stage.steps.length === 0) {
                accept('warning', emptyStageLink(stage), { node: touchpoint, property: 'next', index, ...issue(IssueCodes.LinkToEmptyStage) });
            }
        });
    }

    /** Rule: a branch to a stage leads to its first step, so the stage must have one. */
    checkBranchLeadsSomewhere(branch: Branch, accept: ValidationAcceptor): void {
        const stage = branch.target?.ref;
        if (isStage(stage) && stage.steps.length === 0) {
            accept('warning', emptyStageLink(stage), { node: branch, property: 'target', ...issue(IssueCodes.LinkToEmptyStage) });
        }
    }

    /** Rule: a label is either absent (the id shows) or has text. */
    checkLabel(node: Named, accept: ValidationAcceptor): void {
        if (node.label === undefined || node.label.trim() !== '' || !hasName(node)) return;
        const what = node.label === '' ? 'empty' : 'only spaces';
        accept('warning', `This label is ${what}: write a label, or remove the quotes to show the id '${node.name}'.`,
            { node, property: 'label', ...issue(IssueCodes.EmptyLabel, { id: node.name }) });
    }

    // ---- facts written twice -------------------------------------------------------------

    /** Rule: a journey has one state and one description. */
    checkJourneyFacts(journey: Journey, accept: ValidationAcceptor): void {
        reportRepeated(journey, 'states', 'a state', accept);
        reportRepeated(journey, 'descriptions', 'a description', accept);
        reportRepeated(journey, 'languages', 'a language', accept);
    }

    /** Rule: `lang` names a language the views speak; any other falls back to English. */
    checkLanguage(lang: Lang, accept: ValidationAcceptor): void {
        if (typeof lang.code !== 'string' || lang.code === '' || languageOf(lang.code)) return;
        accept('warning', `The views have no words in '${lang.code}': they use English. Known languages: ${LANGUAGES.join(', ')}. (Labels you write are never translated.)`,
            { node: lang, property: 'code', ...issue(IssueCodes.UnknownLanguage, { language: lang.code }) });
    }

    /** Rule: a persona has one description. */
    checkPersonaFacts(persona: Persona, accept: ValidationAcceptor): void {
        reportRepeated(persona, 'descriptions', 'a description', accept);
    }

    /** Rule: a stage has one description. */
    checkStageFacts(stage: Stage, accept: ValidationAcceptor): void {
        reportRepeated(stage, 'descriptions', 'a description', accept);
    }

    /** Rule: a touchpoint has one description, owner, reach, moment of truth, emotion and expected score (per persona). */
    checkTouchpointFacts(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        reportRepeated(touchpoint, 'descriptions', 'a description', accept);
        reportRepeated(touchpoint, 'owners', 'an owner', accept);
        reportRepeated(touchpoint, 'reaches', 'a reach', accept);
        reportRepeated(touchpoint, 'tones', 'a tone', accept);
        touchpoint.momentsOfTruth.slice(1).forEach((moment) => {
            accept('error', `This touchpoint is already marked as a moment of truth (line ${lineOf(touchpoint.momentsOfTruth[0])}); keep one.`,
                { node: moment, ...issue(IssueCodes.DuplicateFact, { firstLine: lineOf(touchpoint.momentsOfTruth[0]) }) });
        });
        reportRepeatedScores(touchpoint.emotions, 'an emotion', accept);
        reportRepeatedScores(touchpoint.expectations, 'an expected score', accept);
        reportRepeatedReferences(touchpoint, 'personas', 'Persona', accept);
        reportRepeatedReferences(touchpoint, 'channels', 'Channel', accept);
    }

    /** Rule: an action has one description, impact, effort and owner. */
    checkActionFacts(action: Action, accept: ValidationAcceptor): void {
        reportRepeated(action, 'descriptions', 'a description', accept);
        reportRepeated(action, 'impacts', 'an impact', accept);
        reportRepeated(action, 'efforts', 'an effort', accept);
        reportRepeated(action, 'owners', 'an owner', accept);
    }

    /** Rule: a written fact (`pain "…"`, `goal "…"`, `unit "…"`) says something: an empty one shows as a blank line in every view. */
    checkTextFacts(node: AstNode, accept: ValidationAcceptor): void {
        for (const [property, word] of TEXT_FACTS) {
            const value = (node as unknown as Record<string, unknown>)[property];
            const texts = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
            texts.forEach((text: unknown, index) => {
                if (typeof text !== 'string' || text.trim() !== '') return;
                accept('warning', `This ${word} is ${text === '' ? 'empty' : 'only spaces'}: write it, or remove the line.`,
                    { node, property: property as Properties<AstNode>, ...(Array.isArray(value) ? { index } : {}), ...issue(IssueCodes.EmptyFact) });
            });
        }
    }

    // ---- the path ----------------------------------------------------------------------

    /** Rules on the path (see journey-flow.ts): unreachable steps, loops that trap customers, reach larger than the inflow. */
    checkFlow(journey: Journey, accept: ValidationAcceptor): void {
        if (hasBrokenLinks(journey) || !journeySteps(journey).every(hasName)) {
            return; // the linking or syntax errors say what to fix; a path with holes would only add noise
        }
        const graph = computeFlow(journey);
        const reachable = reachableNodes(graph);
        for (const step of journeySteps(journey)) {
            if (!reachable.has(step)) {
                accept('warning', `No path from the start of the journey leads to ${kindOf(step)} '${step.name}'. Point a next link or a decision branch at it, or remove it.`,
                    { node: step, property: 'name', ...issue(IssueCodes.UnreachableStep, { id: step.name }) });
            }
        }
        for (const trap of trappingLoops(graph)) {
            reportTrap(trap, graph, accept);
        }
        reportReachAboveInflow(graph, accept);
    }

    // ---- workspace index ---------------------------------------------------------------

    /** The declarations of `type` in the workspace index, by name (exported ones: journeys and shared declarations). */
    private namesInWorkspace(node: AstNode, type: string): Map<string, AstNodeDescription[]> {
        const root = AstUtils.findRootNode(node);
        let byType = this.workspaceNames.get(root);
        if (!byType) {
            byType = new Map();
            this.workspaceNames.set(root, byType);
        }
        let byName = byType.get(type);
        if (!byName) {
            byName = new Map();
            // Files in the order of their paths, so messages list them the same whatever order the files were built in.
            const byFile = this.indexManager.allElements(type).toArray().sort((a, b) => {
                const [x, y] = [a.documentUri.toString(), b.documentUri.toString()];
                return x < y ? -1 : x > y ? 1 : 0;
            });
            for (const description of byFile) {
                const same = byName.get(description.name);
                if (same) same.push(description);
                else byName.set(description.name, [description]);
            }
            byType.set(type, byName);
        }
        return byName;
    }

    /** The other declarations of the workspace with the type and name of `node`. */
    private otherDeclarations(node: Named, type: string): AstNodeDescription[] {
        const uri = AstUtils.getDocument(node).uri.toString();
        const path = this.locator.getAstNodePath(node);
        return (this.namesInWorkspace(node, type).get(node.name) ?? [])
            .filter((description) => description.documentUri.toString() !== uri || description.path !== path);
    }

    /** Where declarations are, as read from `node`'s file: "on line 3 of this file", "in shared/personas.journey (line 2)". */
    private places(node: AstNode, descriptions: AstNodeDescription[]): string {
        const uri = AstUtils.getDocument(node).uri;
        return joinSome(descriptions, (description) => {
            const line = (description.nameSegment?.range.start.line ?? 0) + 1;
            return description.documentUri.toString() === uri.toString()
                ? `on line ${line} of this file`
                : `in ${relativePath(uri, description.documentUri)} (line ${line})`;
        });
    }
}

// ---- helpers ---------------------------------------------------------------------------

/** The properties that hold written facts, with the word for one of them. */
const TEXT_FACTS: ReadonlyArray<[string, string]> = [
    ['descriptions', 'description'], ['goals', 'goal'], ['needs', 'need'], ['frustrations', 'frustration'],
    ['pains', 'pain'], ['gains', 'gain'], ['opportunities', 'opportunity'], ['backstage', 'backstage note'], ['unit', 'unit'],
    ['tone', 'tone'], ['tones', 'tone'], ['data', 'data point'],
];

/** The message on a link to a stage without steps: customers would go nowhere. */
function emptyStageLink(stage: Stage): string {
    return `Stage '${stage.name}' has no touchpoint or decision yet, so customers sent there go nowhere. Add a touchpoint to it, or link to a step.`;
}

/** Errors on a score outside 1..5 or not whole; `data.value` is the nearest valid score. */
function reportScore<N extends AstNode>(value: number, what: string, scale: string, accept: ValidationAcceptor,
    location: { node: N; property: Properties<N>; index?: number }): void {
    if (typeof value !== 'number') return; // a score the parser could not read already has a syntax error
    const clamped = Math.min(5, Math.max(1, Math.round(value)));
    if (value < 1 || value > 5) {
        accept('error', `${what} ${value} is outside 1..5 (${scale}).`, { ...location, ...issue(IssueCodes.ScoreOutOfRange, { value: clamped }) });
    } else if (!Number.isInteger(value)) {
        accept('error', `${what} ${value} must be a whole number from 1 to 5 (${scale}).`, { ...location, ...issue(IssueCodes.ScoreNotWhole, { value: clamped }) });
    }
}

/** Errors on the second and later values of a single-valued fact such as `reach` or `owner`. */
function reportRepeated<N extends AstNode>(node: N, property: Properties<N> & string, noun: string, accept: ValidationAcceptor): void {
    const values = node[property as keyof N];
    if (!Array.isArray(values) || values.length < 2) return;
    const firstLine = (GrammarUtils.findNodeForProperty(node.$cstNode, property, 0)?.range.start.line ?? 0) + 1;
    for (let index = 1; index < values.length; index++) {
        const range = factRange(node, property, index);
        accept('error', `This ${kindOf(node)} already has ${noun} (line ${firstLine}); keep one.`,
            { node, range, ...issue(IssueCodes.DuplicateFact, { firstLine }) });
    }
}

/** Warns on a persona (or channel) written again on the same touchpoint: it counts once. */
function reportRepeatedReferences(touchpoint: Touchpoint, property: 'personas' | 'channels', noun: string, accept: ValidationAcceptor): void {
    const first = new Map<string, number>();
    touchpoint[property].forEach((reference, index) => {
        const id = reference.$refText;
        const earlier = first.get(id);
        if (earlier === undefined) {
            first.set(id, index);
            return;
        }
        const firstLine = (GrammarUtils.findNodeForProperty(touchpoint.$cstNode, property, earlier)?.range.start.line ?? 0) + 1;
        accept('warning', `${noun} '${id}' is already listed on this touchpoint (line ${firstLine}); remove the repetition.`,
            { node: touchpoint, range: factRange(touchpoint, property, index), ...issue(IssueCodes.DuplicateFact, { firstLine }) });
    });
}

/** Errors on a second emotion (or expected score) overall, or for the same persona. */
function reportRepeatedScores(scores: Array<Emotion | Expected>, noun: string, accept: ValidationAcceptor): void {
    const first = new Map<string, Emotion | Expected>();
    for (const score of scores) {
        const persona = score.persona?.$refText ?? '';
        const earlier = first.get(persona);
        if (!earlier) {
            first.set(persona, score);
            continue;
        }
        const forWhom = persona ? ` for ${persona}` : '';
        accept('error', `This touchpoint already has ${noun}${forWhom} (line ${lineOf(earlier)}); keep one.`,
            { node: score, ...issue(IssueCodes.DuplicateFact, { firstLine: lineOf(earlier) }) });
    }
}

/** The range of a written fact, from its keyword to its value (`reach 2000`). */
function factRange(node: AstNode, property: string, index: number): Range | undefined {
    const value = GrammarUtils.findNodeForProperty(node.$cstNode, property, index);
    if (!value) return undefined;
    const siblings = value.container?.content ?? [];
    let position = siblings.indexOf(value) - 1;
    while (position >= 0 && siblings[position].hidden) position--;
    return { start: (position >= 0 ? siblings[position] : value).range.start, end: value.range.end };
}

/** Groups of nodes with the same name (only groups of two or more). */
function duplicates(nodes: Named[]): Named[][] {
    const byName = new Map<string, Named[]>();
    for (const node of nodes) {
        if (!hasName(node)) continue;
        const same = byName.get(node.name);
        if (same) same.push(node);
        else byName.set(node.name, [node]);
    }
    return [...byName.values()].filter((same) => same.length > 1);
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The path of `target` as seen from the folder of `from` ("personas.journey", "../shared/teams.journey"). */
function relativePath(from: URI, target: URI): string {
    return UriUtils.relative(UriUtils.dirname(from), target);
}


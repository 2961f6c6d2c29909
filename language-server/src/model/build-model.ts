/**
 * Builds the resolved `JourneyModel` from a parsed and linked document. Pure: it reads the
 * AST (and, through resolved references, shared declarations of other files) and returns
 * plain data. Unresolved references are left out, so consumers never see dangling ids.
 */
import { AstUtils, type AstNode, type LangiumDocument, type Reference } from 'langium';
import {
    type Action, type Channel, type Decision, type Emotion, type Expected, type Journey, type JourneyFile,
    type Kpi, type Persona, type Stage, type Team, type Touchpoint,
} from '../generated/ast.js';
import { computeFlow, resolveFlowTarget } from '../language/journey-flow.js';
import type {
    ActionModel, DecisionModel, FlowModel, JourneyModel, KpiModel, ModelElement, OutcomeModel,
    PersonaModel, ScoreModel, SourceRange, StageModel, StepModel, TeamModel, TouchpointModel,
} from './journey-model.js';

/** The model of the first journey of a document, or undefined when the file holds only shared declarations. */
export function buildJourneyModel(document: LangiumDocument): JourneyModel | undefined {
    const file = document.parseResult.value as JourneyFile;
    const journey = file.journeys[0];
    return journey && hasName(journey) ? buildModelOfJourney(journey) : undefined;
}

/** The model of one journey. */
export function buildModelOfJourney(journey: Journey): JourneyModel {
    const uri = AstUtils.getDocument(journey).uri.toString();
    const file = journey.$container;
    const context = new ModelContext(uri);
    const personas = named(unique([...journey.personas, ...file.personas, ...referencedPersonas(journey)]));
    const channels = named(unique([...journey.channels, ...file.channels, ...referencedChannels(journey)]));
    const teams = named(unique([...journey.teams, ...file.teams, ...referencedTeams(journey)]));
    return {
        ...context.element(journey),
        uri,
        state: journey.states[0] ?? 'current',
        ...(journey.languages[0]?.code ? { lang: journey.languages[0].code } : {}),
        description: journey.descriptions[0],
        personas: personas.map((persona) => context.persona(persona, journey)),
        channels: channels.map((channel) => ({ ...context.element(channel), shared: !isInside(channel, journey), mode: channel.mode, ...(channel.tone === undefined ? {} : { tone: channel.tone }) })),
        teams: teams.map((team): TeamModel => ({ ...context.element(team), shared: !isInside(team, journey) })),
        stages: named(journey.stages).map((stage) => context.stage(stage)),
        outcomes: named(journey.outcomes).map((outcome): OutcomeModel => ({ kind: 'outcome', ...context.element(outcome) })),
        actions: named(journey.actions).map((action) => context.action(action)),
        flow: flowModel(journey),
    };
}

/** Turns AST nodes into model elements; knows the journey's own document to mark foreign ranges. */
class ModelContext {
    constructor(private readonly uri: string) {}

    element(node: AstNode & { name: string; label?: string }): ModelElement {
        return { id: node.name, label: node.label || node.name, hasLabel: Boolean(node.label), range: this.range(node) };
    }

    range(node: AstNode): SourceRange {
        const range = node.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const uri = AstUtils.getDocument(node).uri.toString();
        const result: SourceRange = { start: { ...range.start }, end: { ...range.end } };
        if (uri !== this.uri) result.uri = uri;
        return result;
    }

    persona(persona: Persona, journey: Journey): PersonaModel {
        return {
            ...this.element(persona),
            shared: !isInside(persona, journey),
            description: persona.descriptions[0],
            goals: [...persona.goals],
            needs: [...persona.needs],
            frustrations: [...persona.frustrations],
        };
    }

    stage(stage: Stage): StageModel {
        return {
            ...this.element(stage),
            description: stage.descriptions[0],
            kpis: named(stage.kpis).map((kpi) => this.kpi(kpi)),
            steps: named(stage.steps).map((step): StepModel => (step.$type === 'Touchpoint' ? this.touchpoint(step, stage) : this.decision(step, stage))),
        };
    }

    kpi(kpi: Kpi): KpiModel {
        return { ...this.element(kpi), target: kpi.target, ...(kpi.actual === undefined ? {} : { actual: kpi.actual }), unit: kpi.unit };
    }

    touchpoint(touchpoint: Touchpoint, stage: Stage): TouchpointModel {
        const emotions = touchpoint.emotions.filter(isScoreResolved).map((score) => this.score(score));
        const expectations = touchpoint.expectations.filter(isScoreResolved).map((score) => this.score(score));
        return {
            kind: 'touchpoint',
            ...this.element(touchpoint),
            stage: stage.name,
            description: touchpoint.descriptions[0],
            personas: ids(touchpoint.personas),
            channels: ids(touchpoint.channels),
            owner: ids(touchpoint.owners)[0],
            emotion: emotions.find((score) => score.persona === undefined)?.score,
            expected: expectations.find((score) => score.persona === undefined)?.score,
            emotions,
            expectations,
            pains: [...touchpoint.pains],
            gains: [...touchpoint.gains],
            opportunities: [...touchpoint.opportunities],
            reach: touchpoint.reaches[0],
            momentOfTruth: touchpoint.momentsOfTruth.length > 0,
            backstage: [...touchpoint.backstage],
            ...(touchpoint.tones[0] === undefined ? {} : { tone: touchpoint.tones[0] }),
            data: [...touchpoint.data],
            next: touchpoint.next.flatMap((link) => {
                const target = resolveFlowTarget(link?.ref);
                return target ? [target.name] : [];
            }),
        };
    }

    score(score: Emotion | Expected): ScoreModel {
        const persona = score.persona?.ref?.name;
        return { score: score.score, ...(persona === undefined ? {} : { persona }), range: this.range(score) };
    }

    decision(decision: Decision, stage: Stage): DecisionModel {
        return {
            kind: 'decision',
            ...this.element(decision),
            stage: stage.name,
            branches: decision.branches.flatMap((branch) => {
                const target = resolveFlowTarget(branch.target?.ref);
                return target ? [{ label: branch.label, target: target.name, range: this.range(branch) }] : [];
            }),
        };
    }

    action(action: Action): ActionModel {
        return {
            ...this.element(action),
            description: action.descriptions[0],
            improves: ids(action.improves),
            impact: action.impacts[0],
            effort: action.efforts[0],
            owner: ids(action.owners)[0],
        };
    }
}

/** A score counts when it is overall or its persona resolves. */
function isScoreResolved(score: Emotion | Expected): boolean {
    return !score.persona || score.persona.ref !== undefined;
}

function flowModel(journey: Journey): FlowModel {
    const graph = computeFlow(journey);
    return {
        start: graph.start?.name,
        edges: graph.edges.filter((edge) => hasName(edge.from) && hasName(edge.to)).map((edge) => ({
            from: edge.from.name,
            to: edge.to.name,
            kind: edge.kind,
            ...(edge.label === undefined ? {} : { label: edge.label }),
        })),
    };
}

/** True when the parser gave the node a name (error recovery can leave it without one). */
function hasName(node: { name?: string }): boolean {
    return typeof node.name === 'string' && node.name.length > 0;
}

/** The nodes that have a name: elements the parser recovered without one are left out of the model. */
function named<T extends { name?: string }>(nodes: T[]): T[] {
    return nodes.filter(hasName);
}

function ids(references: Array<Reference<AstNode & { name: string }>>): string[] {
    return references.flatMap((reference) => (reference?.ref ? [reference.ref.name] : []));
}

function unique<T>(items: T[]): T[] {
    return [...new Set(items)];
}

function isInside(node: AstNode, journey: Journey): boolean {
    return AstUtils.getContainerOfType(node, (n): n is Journey => n === journey) !== undefined;
}

function touchpointsOf(journey: Journey): Touchpoint[] {
    return journey.stages.flatMap((stage) => stage.steps.filter((step): step is Touchpoint => step.$type === 'Touchpoint'));
}

function referencedPersonas(journey: Journey): Persona[] {
    return touchpointsOf(journey).flatMap((touchpoint) => [
        ...resolved(touchpoint.personas),
        ...resolved([...touchpoint.emotions, ...touchpoint.expectations].flatMap((score) => (score.persona ? [score.persona] : []))),
    ]);
}

function referencedChannels(journey: Journey): Channel[] {
    return touchpointsOf(journey).flatMap((touchpoint) => resolved(touchpoint.channels));
}

function referencedTeams(journey: Journey): Team[] {
    return [...touchpointsOf(journey).flatMap((touchpoint) => resolved(touchpoint.owners)), ...journey.actions.flatMap((action) => resolved(action.owners))];
}

function resolved<T extends AstNode>(references: Array<Reference<T>>): T[] {
    return references.flatMap((reference) => (reference?.ref ? [reference.ref] : []));
}

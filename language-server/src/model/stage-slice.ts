/**
 * One stage of a journey, or a run of its steps, as a journey of its own: what the preview and
 * `journey render` draw when a whole view is too large for Mermaid, or too wide for a page.
 * The result is an ordinary `JourneyModel`, so every view draws it unchanged.
 */
import type { FlowEdgeModel, JourneyModel, StageModel } from './journey-model.js';

/**
 * The journey restricted to the stage `stageId`: its steps, the links between them and to
 * outcomes, those outcomes, the actions that improve its touchpoints, and the personas,
 * channels and teams it uses. Links to other stages are left out. Undefined when the journey
 * has no such stage.
 */
export function sliceToStage(model: JourneyModel, stageId: string): JourneyModel | undefined {
    const stage = model.stages.find((candidate) => candidate.id === stageId);
    return stage ? sliceToSteps(model, new Set(stage.steps.map((step) => step.id)), new Set([stage.id])) : undefined;
}

/**
 * The journey restricted to the steps `stepIds` (touchpoints and decisions), in the stages that
 * hold them (and the `keepStages` given, even without any of the steps), with the links between
 * those steps and to outcomes, those outcomes, the actions that improve its touchpoints, and the
 * personas, channels and teams it uses. What a picture cut to fit a page's width draws as one piece.
 */
export function sliceToSteps(model: JourneyModel, stepIds: ReadonlySet<string>, keepStages: ReadonlySet<string> = new Set()): JourneyModel {
    const steps = stepIds;
    const outcomeIds = new Set(model.outcomes.map((outcome) => outcome.id));
    const keptOutcomes = new Set<string>();
    /** A link target inside the slice: one of the steps, or an outcome (which is then kept). */
    const inside = (target: string) => {
        if (steps.has(target)) return true;
        if (!outcomeIds.has(target)) return false;
        keptOutcomes.add(target);
        return true;
    };
    const edges: FlowEdgeModel[] = model.flow.edges.filter((edge) => steps.has(edge.from) && inside(edge.to));
    const slicedStages: StageModel[] = model.stages
        .filter((stage) => keepStages.has(stage.id) || stage.steps.some((step) => steps.has(step.id)))
        .map((stage) => ({
            ...stage,
            steps: stage.steps.filter((step) => steps.has(step.id)).map((step) => (step.kind === 'touchpoint'
                ? { ...step, next: step.next.filter(inside) }
                : { ...step, branches: step.branches.filter((branch) => inside(branch.target)) })),
        }));
    const touchpoints = slicedStages.flatMap((stage) => stage.steps.flatMap((step) => (step.kind === 'touchpoint' ? [step] : [])));
    const touchpointIds = new Set(touchpoints.map((touchpoint) => touchpoint.id));
    const actions = model.actions
        .filter((action) => action.improves.some((id) => touchpointIds.has(id)))
        .map((action) => ({ ...action, improves: action.improves.filter((id) => touchpointIds.has(id)) }));
    const personas = new Set(touchpoints.flatMap((t) => [...t.personas, ...[...t.emotions, ...t.expectations].flatMap((s) => (s.persona ? [s.persona] : []))]));
    const channels = new Set(touchpoints.flatMap((t) => t.channels));
    const teams = new Set([...touchpoints.flatMap((t) => (t.owner ? [t.owner] : [])), ...actions.flatMap((a) => (a.owner ? [a.owner] : []))]);
    const firstStep = slicedStages.flatMap((stage) => stage.steps)[0]?.id;
    return {
        ...model,
        personas: model.personas.filter((persona) => personas.has(persona.id)),
        channels: model.channels.filter((channel) => channels.has(channel.id)),
        teams: model.teams.filter((team) => teams.has(team.id)),
        stages: slicedStages,
        outcomes: model.outcomes.filter((outcome) => keptOutcomes.has(outcome.id)),
        actions,
        flow: { start: model.flow.start && steps.has(model.flow.start) ? model.flow.start : firstStep, edges },
    };
}

/** The stage whose source holds `line` (zero-based), if any. */
export function stageAtLine(model: JourneyModel, line: number): StageModel | undefined {
    return model.stages.find((stage) => !stage.range.uri && stage.range.start.line <= line && line <= stage.range.end.line);
}

/** The labels of the model each view must show, written from the model (not from the views' code). */
import type { JourneyModel, TouchpointModel } from '../../language-server/src/model/journey-model.js';
import type { ViewId } from '../../language-server/src/views/index.js';

function touchpoints(model: JourneyModel): TouchpointModel[] {
    return model.stages.flatMap((stage) => stage.steps.filter((step): step is TouchpointModel => step.kind === 'touchpoint'));
}

function label(elements: ReadonlyArray<{ id: string; label: string }>, id: string | undefined): string[] {
    const found = elements.find((element) => element.id === id);
    return found ? [found.label] : [];
}

/** Every label the view draws for this model: titles, steps, people, channels, teams, answers. */
export function labelsDrawnBy(model: JourneyModel, view: ViewId): string[] {
    const all = touchpoints(model);
    switch (view) {
        case 'canvas':
            return [
                ...model.stages.map((stage) => stage.label),
                ...model.stages.flatMap((stage) => stage.kpis.map((kpi) => kpi.label)),
                ...model.stages.flatMap((stage) => stage.steps.map((step) => step.label)),
                ...model.stages.flatMap((stage) => stage.steps.flatMap((step) => (step.kind === 'decision' ? step.branches.flatMap((branch) => (branch.label ? [branch.label] : [])) : []))),
                ...model.outcomes.map((outcome) => outcome.label),
                ...all.flatMap((tp) => [
                    ...tp.personas.flatMap((id) => label(model.personas, id)),
                    ...tp.channels.flatMap((id) => label(model.channels, id)),
                    ...label(model.teams, tp.owner),
                    ...tp.pains, ...tp.gains, ...tp.opportunities, ...tp.backstage,
                    ...(tp.description ? [tp.description] : []),
                ]),
            ];
        case 'journey': {
            const scored = all.filter((tp) => tp.emotions.length > 0);
            return [
                model.label,
                ...model.stages.filter((stage) => stage.steps.some((step) => step.kind === 'touchpoint' && step.emotions.length > 0)).map((stage) => stage.label),
                ...scored.map((tp) => tp.label),
                ...scored.flatMap((tp) => [...tp.personas, ...tp.emotions.flatMap((score) => (score.persona ? [score.persona] : []))].flatMap((id) => label(model.personas, id))),
            ];
        }
        case 'emotion': {
            const scored = all.filter((tp) => tp.emotions.length > 0);
            return [model.label, ...scored.map((tp) => tp.label), ...scored.flatMap((tp) => tp.emotions.flatMap((score) => label(model.personas, score.persona)))];
        }
        case 'flow':
            return [
                ...model.stages.map((stage) => stage.label),
                ...model.stages.flatMap((stage) => stage.steps.map((step) => step.label)),
                ...model.stages.flatMap((stage) => stage.steps.flatMap((step) => (step.kind === 'decision' ? step.branches.flatMap((branch) => (branch.label ? [branch.label] : [])) : []))),
                ...model.outcomes.map((outcome) => outcome.label),
                ...all.flatMap((tp) => [...tp.channels.flatMap((id) => label(model.channels, id)), ...label(model.teams, tp.owner)]),
            ];
        case 'priorities':
            return model.actions.filter((action) => action.impact !== undefined && action.effort !== undefined).map((action) => action.label);
        case 'funnel':
            return all.filter((tp) => tp.reach !== undefined).map((tp) => tp.label);
        case 'blueprint':
            return [
                ...all.map((tp) => tp.label),
                ...all.flatMap((tp) => tp.pains),
                ...all.flatMap((tp) => tp.backstage),
                ...all.flatMap((tp) => [...tp.channels.flatMap((id) => label(model.channels, id)), ...label(model.teams, tp.owner)]),
                ...model.stages.filter((stage) => stage.steps.some((step) => step.kind === 'touchpoint')).map((stage) => stage.label),
            ];
    }
}

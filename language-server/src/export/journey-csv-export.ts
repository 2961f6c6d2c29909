/**
 * A journey as a table (one row per touchpoint, the columns of `model/csv-columns.ts`), the
 * table `journey import` reads back into the same stages, touchpoints, personas, channels and
 * teams. A stage without touchpoints is a row with only its stage. What a table cannot hold
 * (KPIs, decisions, outcomes, actions, `next` links, scores per persona, the journey's own
 * facts, personas' goals…) is listed by `notInCsv`.
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_COLUMNS, type CsvColumn } from '../model/csv-columns.js';
import type { JourneyModel, ModelElement, TouchpointModel } from '../model/journey-model.js';

/** The CSV text of a journey: a header row, then one row per touchpoint (comma-separated, quoted where needed, lines ending in CRLF as RFC 4180 says). */
export function journeyCsv(model: JourneyModel): string {
    const label = (element: ModelElement | undefined) => (element?.hasLabel ? element.label : '');
    const find = <T extends ModelElement>(list: T[], id: string | undefined) => list.find((element) => element.id === id);
    const rows: string[][] = [CSV_COLUMNS.slice()];
    for (const stage of model.stages) {
        const touchpoints = stage.steps.filter((step): step is TouchpointModel => step.kind === 'touchpoint');
        if (touchpoints.length === 0) {
            rows.push(CSV_COLUMNS.map((column) => (column === 'stage' ? label(stage) : column === 'stage id' ? stage.id : '')));
        }
        for (const touchpoint of touchpoints) {
            const personas = touchpoint.personas.map((id) => find(model.personas, id));
            const channels = touchpoint.channels.map((id) => find(model.channels, id));
            const owner = find(model.teams, touchpoint.owner);
            const cells: Record<CsvColumn, string> = {
                stage: label(stage),
                touchpoint: label(touchpoint),
                channel: lines(channels.map(label)),
                owner: label(owner),
                persona: lines(personas.map(label)),
                emotion: touchpoint.emotion?.toString() ?? '',
                expected: touchpoint.expected?.toString() ?? '',
                pain: lines(touchpoint.pains),
                gain: lines(touchpoint.gains),
                opportunity: lines(touchpoint.opportunities),
                reach: touchpoint.reach?.toString() ?? '',
                description: touchpoint.description ?? '',
                'moment of truth': touchpoint.momentOfTruth ? 'yes' : '',
                backstage: lines(touchpoint.backstage),
                'stage id': stage.id,
                'touchpoint id': touchpoint.id,
                'channel id': lines(touchpoint.channels),
                'owner id': touchpoint.owner ?? '',
                'persona id': lines(touchpoint.personas),
            };
            rows.push(CSV_COLUMNS.map((column) => cells[column]));
        }
    }
    // Any cell with a line break is quoted (spreadsheets and parsers that read LF as a row break need it).
    return stringify(rows, { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** What the CSV of a journey leaves out, as short phrases ("2 KPIs", "1 decision"); empty when it holds everything. */
export function notInCsv(model: JourneyModel): string[] {
    const touchpoints = model.stages.flatMap((stage) => stage.steps.filter((step): step is TouchpointModel => step.kind === 'touchpoint'));
    const count = (n: number, one: string, many = `${one}s`) => (n === 0 ? [] : [`${n} ${n === 1 ? one : many}`]);
    const personaFacts = model.personas.reduce((n, persona) => n + persona.goals.length + persona.needs.length + persona.frustrations.length + (persona.description ? 1 : 0), 0);
    const used = new Set(touchpoints.flatMap((touchpoint) => [...touchpoint.personas, ...touchpoint.channels, ...(touchpoint.owner ? [touchpoint.owner] : [])]));
    return [
        ...(model.description !== undefined ? ['the journey\'s description'] : []),
        ...(model.state === 'future' ? ['its state (future)'] : []),
        ...count(model.stages.reduce((n, stage) => n + stage.kpis.length, 0), 'KPI'),
        ...count(model.stages.filter((stage) => stage.description !== undefined).length, 'stage description'),
        ...count(model.stages.reduce((n, stage) => n + stage.steps.filter((step) => step.kind === 'decision').length, 0), 'decision'),
        ...count(model.outcomes.length, 'outcome'),
        ...count(model.actions.length, 'action'),
        ...count(touchpoints.reduce((n, touchpoint) => n + touchpoint.next.length, 0), '`next` link'),
        ...count(touchpoints.reduce((n, touchpoint) => n + touchpoint.emotions.filter((score) => score.persona).length + touchpoint.expectations.filter((score) => score.persona).length, 0), 'score per persona', 'scores per persona'),
        ...count(personaFacts, 'persona goal, need or frustration', 'persona goals, needs and frustrations'),
        ...count(model.channels.filter((channel) => channel.mode !== undefined).length, 'channel mode (online/offline)', 'channel modes (online/offline)'),
        ...count(multiValueTexts(model, touchpoints).filter((text) => /[\r\n]/.test(text)).length, 'line break inside a persona, channel, pain, gain, opportunity or backstage text (written as a space)', 'line breaks inside persona, channel, pain, gain, opportunity or backstage texts (written as spaces)'),
        ...count([...model.personas, ...model.channels, ...model.teams].filter((element) => !used.has(element.id)).length, 'persona, channel or team no touchpoint uses', 'personas, channels or teams no touchpoint uses'),
    ];
}

/** The texts written in cells that hold one value per line. */
function multiValueTexts(model: JourneyModel, touchpoints: TouchpointModel[]): string[] {
    const labelled = (list: ModelElement[]) => list.filter((element) => element.hasLabel).map((element) => element.label);
    return [...labelled(model.personas), ...labelled(model.channels), ...touchpoints.flatMap((t) => [...t.pains, ...t.gains, ...t.opportunities, ...t.backstage])];
}

/** Several values in one cell, one per line (a line break inside a value becomes a space: `notInCsv` says so). */
function lines(values: string[]): string {
    return values.map((value) => value.replace(/\r\n|\r|\n/g, ' ')).join('\n');
}

/**
 * Property: for random maps holding what a table can hold (stages, touchpoints with personas,
 * channels, owners, scores, pains, gains, opportunities, reach, moments of truth, backstage
 * notes, with or without labels, labels full of separators, quotes and line breaks), exporting
 * to CSV and importing the CSV back gives the same model: the same ids, labels, order and facts.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { journeyCsv } from '../../language-server/src/export/journey-csv-export.js';
import { importCsvJourney } from '../../language-server/src/import/csv-journey-import.js';
import { journeySource } from '../../language-server/src/import/journey-source.js';
import { quoteString } from '../../language-server/src/language/journey-value-converter.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel, ModelElement, TouchpointModel } from '../../language-server/src/model/journey-model.js';
import { createTestServices, parseJourney } from '../helpers.js';

async function modelOf(text: string): Promise<JourneyModel> {
    const document = await parseJourney(text, { services: createTestServices(), uri: 'file:///csv-property/map.journey' });
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1);
    expect(errors.map((e) => e.message), text).toEqual([]);
    return buildJourneyModel(document)!;
}

const CHARS = ['a', 'Z', 'é', 'ß', '☕', '😀', '早', 'مرحبا', ' ', ',', ';', '\t', '"', "'", ':', '#', '=', '1', '\\'];
/** A label as people write them: not empty, no space at either end (cells are trimmed). */
const text = (lineBreaks: boolean) => fc.array(fc.constantFrom(...CHARS, ...(lineBreaks ? ['\n'] : [])), { minLength: 1, maxLength: 6 })
    .map((parts) => parts.join(''))
    .filter((value) => value.trim() === value && value !== '');
const label = fc.option(text(true), { nil: undefined });
/** Persona and channel labels share a cell with others, one per line: a line break in them becomes a space (the export says so). */
const listedLabel = fc.option(text(false), { nil: undefined });
const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

const touchpoint = (id: string) => fc.record({
    id: fc.constant(id),
    label,
    description: fc.option(text(true), { nil: undefined }),
    personas: fc.subarray(ids('p', 3)),
    channels: fc.subarray(ids('c', 3)),
    owner: fc.option(fc.constantFrom(...ids('t', 2)), { nil: undefined }),
    emotion: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    expected: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    pains: fc.array(text(false), { maxLength: 3 }),
    gains: fc.array(text(false), { maxLength: 2 }),
    opportunities: fc.array(text(false), { maxLength: 2 }),
    reach: fc.option(fc.nat(1_000_000), { nil: undefined }),
    momentOfTruth: fc.boolean(),
    backstage: fc.array(text(false), { maxLength: 2 }),
});

/** A random map in the table's reach, written as .journey text. */
const tableMap = fc.record({
    people: fc.tuple(listedLabel, listedLabel, listedLabel),
    channels: fc.tuple(listedLabel, listedLabel, listedLabel),
    teams: fc.tuple(label, label),
    stages: fc.array(fc.record({ label, count: fc.nat(3) }), { minLength: 1, maxLength: 4 }),
}).chain((shape) => {
    let next = 0;
    const stages = shape.stages.map((stage, index) => fc.record({
        id: fc.constant(`s${index}`),
        label: fc.constant(stage.label),
        touchpoints: fc.tuple(...Array.from({ length: stage.count }, () => touchpoint(`tp${next++}`))),
    }));
    return fc.tuple(fc.constant(shape), fc.tuple(...stages));
}).map(([shape, stages]) => {
    const used = new Set(stages.flatMap((stage) => stage.touchpoints.flatMap((t) => [...t.personas, ...t.channels, ...(t.owner ? [t.owner] : [])])));
    const declare = (keyword: string, prefix: string, labels: Array<string | undefined>) => labels
        .map((l, index) => ({ id: `${prefix}${index}`, label: l }))
        .filter((element) => used.has(element.id))
        .map((element) => `  ${keyword} ${element.id}${element.label === undefined ? '' : ` ${quoteString(element.label)}`}`);
    return journeySource({ id: 'j', label: undefined, personas: [], channels: [], teams: [], stages }, [])
        .replace('journey j {\n', ['journey j {', ...declare('persona', 'p', shape.people), ...declare('channel', 'c', shape.channels), ...declare('team', 't', shape.teams), ''].join('\n'));
});

/** The model as the table holds it: stages and touchpoints in order, and the personas, channels and teams they use. */
function tablePart(model: JourneyModel): unknown {
    const element = (e: ModelElement) => ({ id: e.id, label: e.label, hasLabel: e.hasLabel });
    const byId = (list: ModelElement[]) => list.map(element).sort((a, b) => a.id.localeCompare(b.id));
    return {
        personas: byId(model.personas),
        channels: byId(model.channels),
        teams: byId(model.teams),
        stages: model.stages.map((stage) => ({
            ...element(stage),
            touchpoints: stage.steps.filter((step): step is TouchpointModel => step.kind === 'touchpoint').map((t) => ({
                ...element(t),
                description: t.description, personas: t.personas, channels: t.channels, owner: t.owner, emotion: t.emotion, expected: t.expected,
                pains: t.pains, gains: t.gains, opportunities: t.opportunities, reach: t.reach, momentOfTruth: t.momentOfTruth, backstage: t.backstage,
            })),
        })),
    };
}

describe('export to CSV, then import', () => {
    test('gives back the same stages, touchpoints, personas, channels and teams', async () => {
        await fc.assert(
            fc.asyncProperty(tableMap, async (source) => {
                const original = await modelOf(source);
                const csv = journeyCsv(original);
                const imported = importCsvJourney(csv, { id: 'j' });
                expect(imported.ok ? [] : imported.problems, csv).toEqual([]);
                if (!imported.ok) return;
                const back = await modelOf(journeySource(imported.value));
                expect(tablePart(back), `${source}\n---\n${csv}`).toEqual(tablePart(original));
            }),
            { numRuns: 150 },
        );
    }, 120_000);
});

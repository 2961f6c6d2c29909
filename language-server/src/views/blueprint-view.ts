/**
 * The blueprint view: a service blueprint drawn as a Mermaid `block-beta` grid, so every
 * lane is one row across all stages. The first column names the lanes; then one column per
 * touchpoint, in journey order, under a header row where each stage spans its touchpoints:
 *   Customer actions (the touchpoint, and each of its pains marked ⚠)
 *   ┄ line of interaction ┄
 *   Frontstage · channel (its channels, with the tone to use there, in italics)
 *   ┄ line of visibility ┄
 *   Backstage (each `backstage` note, then each data point it captures or uses, its own box)
 *   Owner team (its owner)
 * An empty cell shows "—". The lane and line names and the words added (Tone, Data)
 * follow the map's `lang` (view-words.ts). Block diagrams do not wrap text, so labels are broken into
 * lines here (`label-lines.ts`); the grid's colours are the theme's (no fill of its own).
 *
 * Escaping: block labels are `["…"]` strings: `mermaidText` as in the flow view; ids are
 * generated (`bp_c_calls`, `st_awareness`), so no keyword is ever an id.
 * Highlight: highlighted touchpoints, channels, teams and stages get the `highlight` class.
 */
import type { JourneyModel, TouchpointModel } from '../model/journey-model.js';
import { mermaidText, safeId } from './escape.js';
import { wrappedText } from './label-lines.js';
import { emptyView, mapEntry, touchpointsOf } from './model-queries.js';
import type { SourceMapEntry, ViewOptions, ViewResult } from './view-types.js';
import { viewWords, type ViewWords } from './view-words.js';

/** The lanes of the blueprint, top to bottom (in English; a map's `lang` gives its own words). */
export const BLUEPRINT_LANES = viewWords('en').lanes;

/** The lines drawn between lanes: after the customer's lane, and after the frontstage (in English). */
export const BLUEPRINT_LINES = viewWords('en').blueprintLines;

/** Characters per line in a cell (block diagrams widen every column to the widest cell). */
const CELL_WIDTH = 28;

/** The blueprint view of a model. */
export function blueprintView(model: JourneyModel, options: ViewOptions = {}): ViewResult {
    const words = viewWords(model.lang);
    const title = words.titles.blueprint;
    const touchpoints = touchpointsOf(model);
    if (touchpoints.length === 0) {
        return emptyView('blueprint', title, words.nothingYet(words.hints.blueprint, words.hints.blueprintPurpose));
    }
    const channels = new Map(model.channels.map((channel) => [channel.id, channel]));
    const teams = new Map(model.teams.map((team) => [team.id, team]));
    const taken = new Set<string>(['lane_0', 'lane_1', 'lane_2', 'lane_3', 'line_0', 'line_1', 'corner']);
    const sourceMap: SourceMapEntry[] = [];
    const highlighted: string[] = [];
    const empty: string[] = [];
    const columns = touchpoints.length + 1;
    const mark = (elementId: string, kind: SourceMapEntry['kind'], element: Parameters<typeof mapEntry>[0], id: string): void => {
        sourceMap.push(mapEntry(element, kind, id));
        if (options.highlight?.has(elementId)) highlighted.push(id);
    };
    const cell = (prefix: string, touchpoint: TouchpointModel, text: string | undefined): string => {
        const id = safeId(prefix, touchpoint.id, taken);
        if (text === undefined) empty.push(id);
        return `${id}["${text ?? '—'}"]`;
    };
    const lane = (i: number): string => `lane_${i}["<b>${mermaidText(words.lanes[i])}</b>"]`;
    const line = (i: number): string => `line_${i}["┄┄ ${mermaidText(words.blueprintLines[i])} ┄┄"]:${columns}`;

    // The header: each stage spans its touchpoints.
    const header = ['corner[" "]'];
    for (const stage of model.stages) {
        const span = stage.steps.filter((step) => step.kind === 'touchpoint').length;
        if (span === 0) continue;
        const id = safeId('st', stage.id, taken);
        mark(stage.id, 'stage', stage, id);
        header.push(`${id}["<b>${wrappedText(stage.label, CELL_WIDTH * span)}</b>"]:${span}`);
    }
    const customers = [lane(0)];
    const frontstage = [lane(1)];
    const backstage: string[] = [lane(2)];
    const owners = [lane(3)];
    for (const touchpoint of touchpoints) {
        const customer = cell('bp_c', touchpoint, [`<b>${wrappedText(touchpoint.label, CELL_WIDTH)}</b>`, ...touchpoint.pains.map((pain) => wrappedText(`⚠ ${pain}`, CELL_WIDTH))].join('<br/>'));
        mark(touchpoint.id, 'touchpoint', touchpoint, customer.slice(0, customer.indexOf('[')));
        customers.push(customer);

        const shown = touchpoint.channels.flatMap((id) => (channels.has(id) ? [channels.get(id)!] : []));
        const tone = (text: string): string => `<i>${wrappedText(`${words.tone}${words.colon} ${text}`, CELL_WIDTH)}</i>`;
        const frontLines = [
            ...shown.map((channel) => wrappedText(channel.label, CELL_WIDTH) + (channel.tone ? `<br/>${tone(channel.tone)}` : '')),
            ...(touchpoint.tone ? [tone(touchpoint.tone)] : []),
        ];
        const front = cell('bp_f', touchpoint, frontLines.length > 0 ? frontLines.join('<br/>') : undefined);
        if (shown[0]) mark(shown[0].id, 'channel', shown[0], front.slice(0, front.indexOf('[')));
        frontstage.push(front);

        backstage.push(notes(touchpoint, words, taken, empty));

        const team = touchpoint.owner ? teams.get(touchpoint.owner) : undefined;
        const owner = cell('bp_t', touchpoint, team ? wrappedText(team.label, CELL_WIDTH) : undefined);
        if (team) mark(team.id, 'team', team, owner.slice(0, owner.indexOf('[')));
        owners.push(owner);
    }
    const lines = [
        'block-beta',
        `    columns ${columns}`,
        `    ${header.join(' ')}`,
        `    ${customers.join(' ')}`,
        `    ${line(0)}`,
        `    ${frontstage.join(' ')}`,
        `    ${line(1)}`,
        ...backstage.map((entry) => `    ${entry}`),
        `    ${owners.join(' ')}`,
        // No fill of their own: the theme's colours (light, dark, high contrast) show through.
        '    classDef lane font-weight:bold',
        '    classDef line fill:none,stroke-dasharray:6 4',
        '    classDef empty opacity:0.6',
        '    classDef highlight stroke:#d97706,stroke-width:5px',
        '    class lane_0,lane_1,lane_2,lane_3 lane',
        '    class line_0,line_1 line',
    ];
    if (empty.length > 0) lines.push(`    class ${empty.join(',')} empty`);
    if (highlighted.length > 0) lines.push(`    class ${highlighted.join(',')} highlight`);
    return { view: 'blueprint', title, kind: 'diagram', mermaid: `${lines.join('\n')}\n`, sourceMap };
}

/** The backstage cell of a touchpoint: "—", one item, or a column of one box per item (its notes, then its data points). */
function notes(touchpoint: TouchpointModel, words: ViewWords, taken: Set<string>, empty: string[]): string {
    const id = safeId('bp_b', touchpoint.id, taken);
    const items = [...touchpoint.backstage, ...touchpoint.data.map((item) => `${words.data}${words.colon} ${item}`)];
    if (items.length === 0) {
        empty.push(id);
        return `${id}["—"]`;
    }
    if (items.length === 1) return `${id}["${wrappedText(items[0], CELL_WIDTH)}"]`;
    const boxes = items.map((note, i) => `${safeId(`bp_n${i + 1}`, touchpoint.id, taken)}["${wrappedText(note, CELL_WIDTH)}"]`);
    return `block:${id}:1\n        columns 1\n        ${boxes.join(' ')}\n    end`;
}

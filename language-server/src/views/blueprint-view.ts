/**
 * The blueprint view: a service blueprint drawn as a Mermaid `flowchart LR` grid. The
 * first column names the four lanes; then one column per touchpoint, in journey order,
 * with its cells stacked in lane order:
 *   customer (the touchpoint and its pains, marked ⚠) / frontstage (its channels, with the
 *   tone to use there, in italics) / backstage (its notes, then the data it captures or uses) / owner team.
 * The lane names and the words added (Tone, Data) follow the map's `lang` (view-words.ts).
 * Columns are subgraphs titled with their stage (on the stage's first column) and linked
 * left to right; cells are joined with invisible links so each column keeps lane order.
 * An empty cell shows "—".
 *
 * Escaping: as the flow view (flowchart strings, `mermaidText`, generated ids).
 * Highlight: highlighted touchpoints, channels and teams get the `highlight` class.
 */
import type { JourneyModel } from '../model/journey-model.js';
import { mermaidText, safeId } from './escape.js';
import { emptyView, mapEntry, touchpointsOf } from './model-queries.js';
import type { SourceMapEntry, ViewOptions, ViewResult } from './view-types.js';
import { viewWords } from './view-words.js';

/** The lanes of the blueprint, top to bottom (in English; a map's `lang` gives its own words). */
export const BLUEPRINT_LANES = viewWords('en').lanes;

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
    const taken = new Set<string>(['lanes', 'lane_0', 'lane_1', 'lane_2', 'lane_3']);
    const sourceMap: SourceMapEntry[] = [];
    const highlighted: string[] = [];
    const empty: string[] = [];
    const lines = [
        'flowchart LR',
        '    subgraph lanes[" "]',
        '        direction TB',
        `        ${words.lanes.map((lane, i) => `lane_${i}["<b>${mermaidText(lane)}</b>"]`).join(' ~~~ ')}`,
        '    end',
    ];
    const columns: string[] = [];
    const stagesSeen = new Set<string>();
    for (const touchpoint of touchpoints) {
        const column = safeId('col', touchpoint.id, taken);
        columns.push(column);
        const stage = model.stages.find((candidate) => candidate.id === touchpoint.stage);
        const heading = stage && !stagesSeen.has(stage.id) ? mermaidText(stage.label) : ' ';
        if (stage) stagesSeen.add(stage.id);
        const cell = (suffix: string, text: string | undefined, element?: { id: string; kind: SourceMapEntry['kind'] } & Parameters<typeof mapEntry>[0]): string => {
            const id = safeId(`bp_${suffix}`, touchpoint.id, taken);
            if (text === undefined) empty.push(id);
            if (element) {
                sourceMap.push(mapEntry(element, element.kind, id));
                if (options.highlight?.has(element.id)) highlighted.push(id);
            }
            return `${id}["${text ?? '—'}"]`;
        };
        const channelCells = touchpoint.channels.flatMap((id) => (channels.has(id) ? [channels.get(id)!] : []));
        const team = touchpoint.owner ? teams.get(touchpoint.owner) : undefined;
        const cells = [
            cell('c', [`<b>${mermaidText(touchpoint.label)}</b>`, ...touchpoint.pains.map((pain) => `⚠ ${mermaidText(pain)}`)].join('<br/>'), { ...touchpoint, kind: 'touchpoint' }),
            cell('f', orUndefined([...channelCells.map((channel) => mermaidText(channel.label) + (channel.tone ? `<br/><i>${mermaidText(`${words.tone}${words.colon} ${channel.tone}`)}</i>` : '')), ...(touchpoint.tone ? [`<i>${mermaidText(`${words.tone}${words.colon} ${touchpoint.tone}`)}</i>`] : [])]), channelCells[0] && { ...channelCells[0], kind: 'channel' }),
            cell('b', orUndefined([...touchpoint.backstage.map(mermaidText), ...touchpoint.data.map((item) => mermaidText(`${words.data}${words.colon} ${item}`))])),
            cell('t', team ? mermaidText(team.label) : undefined, team && { ...team, kind: 'team' }),
        ];
        if (stage) sourceMap.push(mapEntry(stage, 'stage', column));
        lines.push(`    subgraph ${column}["${heading}"]`, '        direction TB', `        ${cells.join(' ~~~ ')}`, '    end');
    }
    lines.push(`    lanes ~~~ ${columns.join(' --> ')}`);
    lines.push('    classDef lane fill:#e3f2fd,stroke:#1565c0,color:#000', '    classDef empty fill:#fafafa,stroke:#bdbdbd,color:#9e9e9e', '    classDef highlight stroke:#d97706,stroke-width:5px');
    lines.push('    class lane_0,lane_1,lane_2,lane_3 lane');
    if (empty.length > 0) lines.push(`    class ${empty.join(',')} empty`);
    if (highlighted.length > 0) lines.push(`    class ${highlighted.join(',')} highlight`);
    return { view: 'blueprint', title, kind: 'diagram', mermaid: `${lines.join('\n')}\n`, sourceMap };
}

/** The lines of a cell joined, or undefined (an empty cell) when there are none. */
function orUndefined(lines: readonly string[]): string | undefined {
    return lines.length > 0 ? lines.join('<br/>') : undefined;
}

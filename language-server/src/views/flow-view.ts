/**
 * The flow view: a Mermaid `flowchart LR` of the customers' path. One subgraph per stage;
 * touchpoints are boxes (with their channel and owner team on a second line), decisions
 * are diamonds whose branches carry their answers, outcomes are rounded ends. Links are
 * the model's flow: `next` links, decision branches, and document order otherwise.
 * A touchpoint with pains is drawn red with a "⚠ n pains" line; a moment of truth is drawn
 * with a thick border and a "★ moment of truth" line. A stage's KPIs that have an `actual`
 * are written under its name, against their target (`Bookings: 1,200 / 1,500 (80%)`).
 * The words the view adds follow the map's `lang` (view-words.ts).
 *
 * Escaping (flowchart): node and subgraph labels are `["…"]` strings and edge labels
 * `|"…"|`; inside, `"` ends the string, `#…;` is an entity, `<…>` is HTML, `$$` is KaTeX
 * and edge labels are Markdown (`*`, `_`, a leading `-`). `mermaidText` writes all of them
 * as entity codes. Line breaks between the parts of a label are our own `<br/>`.
 * Node ids are generated (`tp_calls`, `dc_choose`, `oc_lost`, `st_awareness`): only
 * letters, digits and `_`, unique, so a Mermaid keyword never appears as an id.
 *
 * Highlight: highlighted elements get the `highlight` class (thick amber border).
 */
import type { JourneyModel, TouchpointModel } from '../model/journey-model.js';
import { mermaidText, safeId } from './escape.js';
import { kpiActualText } from './kpi-text.js';
import { emptyView, labelsOf, mapEntry } from './model-queries.js';
import type { SourceMapEntry, ViewOptions, ViewResult } from './view-types.js';
import { flowchartForWidth } from './view-width.js';
import { viewWords, type ViewWords } from './view-words.js';

/**
 * The Mermaid classes of the flow view. Fills are translucent tints over the theme's own
 * colours (a light red on a light page, a dark red on a dark one) and text keeps the
 * theme's colour, so no box glares in a dark or high-contrast theme.
 */
export const FLOW_CLASSES = [
    'classDef pain fill:#c6282829,stroke:#c62828',
    'classDef truth stroke:#6a1b9a,stroke-width:4px',
    'classDef outcome fill:#75757533,stroke:#757575',
    'classDef empty fill:none,stroke:#9e9e9e,stroke-dasharray:4 3,font-style:italic',
    'classDef highlight stroke:#d97706,stroke-width:5px,stroke-dasharray:0',
];

/** The height of a KPI line (`<small>`) under a stage's name, in pixels. */
const KPI_LINE_HEIGHT = 20;

/** The flow view of a model. */
export function flowView(model: JourneyModel, options: ViewOptions = {}): ViewResult {
    const words = viewWords(model.lang);
    const title = words.titles.flow;
    const steps = model.stages.flatMap((stage) => stage.steps);
    if (steps.length === 0) {
        return emptyView('flow', title, words.nothingYet(words.hints.flow, words.hints.flowPurpose));
    }
    const channel = labelsOf(model.channels);
    const team = labelsOf(model.teams);
    const taken = new Set<string>();
    const nodeIds = new Map<string, string>();
    const sourceMap: SourceMapEntry[] = [];
    const classes = new Map<string, string[]>();
    const addClass = (name: string, id: string): void => void classes.set(name, [...(classes.get(name) ?? []), id]);
    const highlight = (elementId: string, diagramId: string): void => {
        if (options.highlight?.has(elementId)) addClass('highlight', diagramId);
    };
    const lines = ['flowchart LR'];
    // KPIs with a measured value are read against their target under the stage's name.
    const kpiTexts = new Map(model.stages.map((stage) => [stage, stage.kpis.flatMap((kpi) => kpiActualText(kpi, words) ?? [])]));
    // Mermaid leaves room for one line of a stage's title: the KPI lines under its name need more.
    const kpiLines = Math.max(0, ...[...kpiTexts.values()].map((texts) => texts.length));
    for (const stage of model.stages) {
        const stageId = safeId('st', stage.id, taken);
        sourceMap.push(mapEntry(stage, 'stage', stageId));
        highlight(stage.id, stageId);
        const kpis = kpiTexts.get(stage)!.map((text) => `<br/><small>${mermaidText(text)}</small>`);
        lines.push(`    subgraph ${stageId}["${mermaidText(stage.label)}${kpis.join('')}"]`);
        for (const step of stage.steps) {
            const id = safeId(step.kind === 'touchpoint' ? 'tp' : 'dc', step.id, taken);
            nodeIds.set(step.id, id);
            sourceMap.push(mapEntry(step, step.kind, id));
            highlight(step.id, id);
            if (step.kind === 'touchpoint') {
                lines.push(`        ${id}["${touchpointLabel(step, channel, team, words)}"]`);
                if (step.pains.length > 0) addClass('pain', id);
                if (step.momentOfTruth) addClass('truth', id);
            } else {
                lines.push(`        ${id}{"${mermaidText(step.label)}"}`);
            }
        }
        if (stage.steps.length === 0) {
            const id = safeId('empty', stage.id, taken);
            addClass('empty', id);
            lines.push(`        ${id}["${mermaidText(words.noStepsYet)}"]`);
        }
        lines.push('    end');
    }
    for (const outcome of model.outcomes) {
        const id = safeId('oc', outcome.id, taken);
        nodeIds.set(outcome.id, id);
        sourceMap.push(mapEntry(outcome, 'outcome', id));
        highlight(outcome.id, id);
        addClass('outcome', id);
        lines.push(`    ${id}(["${mermaidText(outcome.label)}"])`);
    }
    for (const edge of model.flow.edges) {
        const from = nodeIds.get(edge.from);
        const to = nodeIds.get(edge.to);
        if (!from || !to) continue;
        const label = edge.label ? `|"${mermaidText(edge.label)}"|` : '';
        lines.push(`    ${from} -->${label} ${to}`);
    }
    lines.push(...FLOW_CLASSES.map((line) => `    ${line}`));
    // Highlight last: the class written last wins over pain and moment-of-truth styles.
    const ordered = [...classes].sort(([a], [b]) => Number(a === 'highlight') - Number(b === 'highlight'));
    for (const [name, ids] of ordered) lines.push(`    class ${ids.join(',')} ${name}`);
    const config = kpiLines > 0 ? ['---', 'config:', '  flowchart:', `    subGraphTitleMargin: { top: 0, bottom: ${KPI_LINE_HEIGHT * kpiLines + 8} }`, '---'] : [];
    // Top to bottom where the page is too narrow for a readable left-to-right flow.
    return { view: 'flow', title, kind: 'diagram', mermaid: flowchartForWidth(`${[...config, ...lines].join('\n')}\n`, options.availableWidth), sourceMap };
}

/** A touchpoint's box: its label, then channel · owner, then its marks. */
function touchpointLabel(touchpoint: TouchpointModel, channel: (id: string) => string, team: (id: string) => string, words: ViewWords): string {
    const parts = [`<b>${mermaidText(touchpoint.label)}</b>`];
    const where: string[] = [];
    if (touchpoint.channels.length > 0) where.push(`${mermaidText(words.via)} ${touchpoint.channels.map((id) => mermaidText(channel(id))).join(' + ')}`);
    if (touchpoint.owner) where.push(`${mermaidText(words.owner)} ${mermaidText(team(touchpoint.owner))}`);
    if (where.length > 0) parts.push(where.join(' · '));
    const marks: string[] = [];
    if (touchpoint.momentOfTruth) marks.push(`★ ${mermaidText(words.momentOfTruth)}`);
    if (touchpoint.pains.length > 0) marks.push(`⚠ ${mermaidText(words.pains(touchpoint.pains.length))}`);
    if (marks.length > 0) parts.push(marks.join(' · '));
    return parts.join('<br/>');
}

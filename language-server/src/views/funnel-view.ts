/**
 * The funnel view: how many customers reach each touchpoint and where they are lost,
 * from the `reach` figures (see `funnel-links.ts` for the arithmetic).
 *
 * Drawn as a Mermaid `sankey` whenever every name fits it. Mermaid's sankey grammar only
 * reads printable ASCII (no accents, emoji, CJK or right-to-left letters, and no entity
 * codes either, since they become non-ASCII placeholders), and it passes names through an
 * HTML sanitiser (so `<…>` and `&` do not survive). A label outside that set cannot be
 * written exactly in a sankey, and we never show a label other than as written: such a
 * funnel is drawn as a `flowchart LR` instead, with the customer counts on the links
 * (their width follows the count) and losses as red dotted links.
 *
 * Escaping (sankey): CSV; a name is always double-quoted and `"` doubles (`""`).
 * Same-name nodes would merge, so a name used twice gets its id appended. Sankey needs
 * a graph without cycles: the links only go forward (see `funnel-links.ts`).
 *
 * Highlight: sankey nodes are coloured amber through the `nodeColors` setting; flowchart
 * nodes get the `highlight` class.
 */
import type { JourneyModel } from '../model/journey-model.js';
import { mermaidText, safeId } from './escape.js';
import { funnelLinks, type FunnelLink, type FunnelNode } from './funnel-links.js';
import { emptyView, mapEntry, touchpointsOf } from './model-queries.js';
import { sankeyLayout, sankeyLine } from './sankey-layout.js';
import type { SourceMapEntry, ViewOptions, ViewResult } from './view-types.js';
import { formatNumber, viewWords, type ViewWords } from './view-words.js';

/** The name (in English) of the node that collects customers lost where no outcome says where they went. */
export const LOST = viewWords('en').lost;

/** True when Mermaid's sankey can show `label` exactly as written. */
export function fitsSankey(label: string): boolean {
    return /^[\x20-\x7E]+$/.test(label) && !/[<>&]/.test(label) && !/#\w+;/.test(label) && !/%%/.test(label) && label.trim() === label;
}

/** The sankey's node colours, in turn, and the colour of the customers lost. */
const SANKEY_COLOURS = ['#4e79a7', '#59a14f', '#f28e2c', '#76b7b2', '#af7aa1', '#9c755f', '#2e86de', '#16a085'];
const LOST_COLOUR = '#c62828';

/** The funnel view of a model. */
export function funnelView(model: JourneyModel, options: ViewOptions = {}): ViewResult {
    const words = viewWords(model.lang);
    const title = words.titles.funnel;
    const links = funnelLinks(model);
    if (links.length === 0) {
        const some = touchpointsOf(model).some((tp) => tp.reach !== undefined);
        const hint = some ? words.hints.funnelSome : words.hints.funnelNone;
        return emptyView('funnel', title, words.nothingYet(hint, words.hints.funnelPurpose));
    }
    const nodes = nodesOf(links);
    return nodes.every((node) => fitsSankey(node ? node.label : words.lost)) ? sankey(links, nodes, options, words) : flowchart(links, nodes, options, words);
}

/** The distinct ends of the links, in order of appearance (undefined is "lost"). */
function nodesOf(links: FunnelLink[]): Array<FunnelNode | undefined> {
    return [...new Set(links.flatMap((link) => [link.from, link.to]))];
}

function sankey(links: FunnelLink[], nodes: Array<FunnelNode | undefined>, options: ViewOptions, words: ViewWords): ViewResult {
    const names = new Map<FunnelNode | undefined, string>();
    const used = new Set<string>();
    for (const node of nodes) {
        let name = node ? node.label : words.lost;
        if (used.has(name)) name = `${name} (${node ? node.id : 'lost'})`;
        for (let n = 2; used.has(name); n++) name = `${name} ${n}`;
        used.add(name);
        names.set(node, name);
    }
    const yaml = (name: string): string => `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    const highlighted = nodes.filter((node): node is FunnelNode => node !== undefined && (options.highlight?.has(node.id) ?? false));
    // Every node gets a mid-tone colour that reads on a light page and on a dark one (Mermaid's own palette has a glaring yellow); highlighted ones amber.
    const colours = ['    nodeColors:', ...nodes.map((node, i) => `      ${yaml(names.get(node)!)}: "${node && highlighted.includes(node) ? '#d97706' : node ? SANKEY_COLOURS[i % SANKEY_COLOURS.length] : LOST_COLOUR}"`)];
    // As wide as its labels need, each written right of its node on a halo; as tall as its columns need (sankey-layout.ts).
    const bands = links.map((link) => ({ from: names.get(link.from)!, to: names.get(link.to)!, value: link.value }));
    const { width, height } = sankeyLayout(bands);
    const config = ['---', 'config:', '  sankey:', `    width: ${width}`, `    height: ${height}`, '    labelStyle: outlined', ...colours, '---'];
    const lines = [...config, 'sankey', '', ...bands.map(sankeyLine)];
    const sourceMap: SourceMapEntry[] = nodes.flatMap((node) => (node ? [mapEntry(node, kindOf(node), names.get(node)!)] : []));
    return { view: 'funnel', title: words.titles.funnel, kind: 'diagram', mermaid: `${lines.join('\n')}\n`, sourceMap };
}

function flowchart(links: FunnelLink[], nodes: Array<FunnelNode | undefined>, options: ViewOptions, words: ViewWords): ViewResult {
    const taken = new Set<string>();
    const ids = new Map<FunnelNode, string>();
    const lines = ['flowchart LR', '    %% a sankey cannot show some of these labels exactly (non-ASCII, < > or &): the funnel is drawn as a flowchart'];
    const sourceMap: SourceMapEntry[] = [];
    for (const node of nodes) {
        if (!node) continue;
        const id = safeId(node.kind === 'outcome' ? 'oc' : 'tp', node.id, taken);
        ids.set(node, id);
        const reach = node.kind === 'touchpoint' && node.reach !== undefined ? `<br/>${words.customers(formatNumber(node.reach, words))}` : '';
        lines.push(node.kind === 'outcome' ? `    ${id}(["${mermaidText(node.label)}"])` : `    ${id}["${mermaidText(node.label)}${reach}"]`);
        sourceMap.push(mapEntry(node, kindOf(node), id));
    }
    // Customers lost where no outcome says where they went: a "Lost" end right after the step.
    const lostIds: string[] = [...ids.entries()].filter(([node]) => node.kind === 'outcome').map(([, id]) => id);
    const targets = links.map((link) => {
        if (link.to) return ids.get(link.to)!;
        const id = safeId('lost', link.from.id, taken);
        lostIds.push(id);
        lines.push(`    ${id}(["${mermaidText(words.lost)}"])`);
        return id;
    });
    const max = Math.max(...links.map((link) => link.value));
    links.forEach((link, index) => {
        const arrow = link.kind === 'lost' ? '-.->' : '-->';
        lines.push(`    ${ids.get(link.from)} ${arrow}|"${formatNumber(link.value, words)}"| ${targets[index]}`);
    });
    links.forEach((link, index) => {
        const width = 1 + Math.round((link.value / max) * 11);
        lines.push(`    linkStyle ${index} stroke-width:${width}px${link.kind === 'lost' ? ',stroke:#c62828' : ''}`);
    });
    lines.push('    classDef lost fill:#c6282829,stroke:#c62828', '    classDef highlight stroke:#d97706,stroke-width:5px');
    if (lostIds.length > 0) lines.push(`    class ${lostIds.join(',')} lost`);
    const highlighted = [...ids.entries()].filter(([node]) => options.highlight?.has(node.id)).map(([, id]) => id);
    if (highlighted.length > 0) lines.push(`    class ${highlighted.join(',')} highlight`);
    return { view: 'funnel', title: words.titles.funnel, kind: 'diagram', mermaid: `${lines.join('\n')}\n`, sourceMap };
}

function kindOf(node: FunnelNode): SourceMapEntry['kind'] {
    return node.kind;
}

/**
 * The Mermaid settings every picture depends on, pinned in its text (front-matter `config:`),
 * so the same map gives the same picture in the preview, in `journey render`, on GitHub and
 * after a Mermaid upgrade that changes a default:
 * - `look: classic` and `layout: dagre`: the shapes and the layout engine;
 * - `deterministicIds` and `handDrawnSeed`: ids and the rounded shapes' paths are the same
 *   on every run (byte-identical SVG; without a seed Mermaid draws rounded boxes at random);
 * - `htmlLabels: true` and, in flowcharts, `wrappingWidth`: labels are laid out by the
 *   browser and wrap at the same width everywhere (the written SVG files turn them into
 *   SVG text: see `render/standalone-svg.ts`).
 * The theme itself (light, dark, high contrast) is left to whoever draws the picture.
 */

/** The settings pinned in every view, as `key: value` lines of the front matter's `config:`. */
export const PINNED_CONFIG: ReadonlyArray<readonly [string, string]> = [
    ['look', 'classic'],
    ['layout', 'dagre'],
    ['deterministicIds', 'true'],
    ['handDrawnSeed', '1'],
    ['htmlLabels', 'true'],
];

/** The settings pinned in flowchart views (flow, blueprint, funnel drawn as a flowchart). */
export const PINNED_FLOWCHART_CONFIG: ReadonlyArray<readonly [string, string]> = [
    ['htmlLabels', 'true'],
    ['wrappingWidth', '260'],
];

const FRONT_MATTER = /^---\nconfig:\n([\s\S]*?)\n---\n/;

/** Mermaid text with the pinned settings in its front matter (added to the view's own settings, which win). */
export function pinConfig(mermaid: string): string {
    const match = FRONT_MATTER.exec(mermaid);
    const own = match ? match[1] : '';
    const body = match ? mermaid.slice(match[0].length) : mermaid;
    const ownKeys = new Set([...own.matchAll(/^ {2}([A-Za-z]+):/gm)].map((found) => found[1]));
    const pinned = PINNED_CONFIG.filter(([key]) => !ownKeys.has(key)).map(([key, value]) => `  ${key}: ${value}`);
    let ownLines = own ? own.split('\n') : [];
    if (/^\s*flowchart\b/m.test(firstStatement(body))) {
        const at = ownLines.indexOf('  flowchart:');
        if (at < 0) {
            pinned.push('  flowchart:', ...PINNED_FLOWCHART_CONFIG.map(([key, value]) => `    ${key}: ${value}`));
        } else {
            // The view's own flowchart settings, with the pinned ones it does not set.
            let end = at + 1;
            while (end < ownLines.length && ownLines[end].startsWith('    ')) end++;
            const set = new Set(ownLines.slice(at + 1, end).map((line) => line.trim().split(':')[0]));
            const added = PINNED_FLOWCHART_CONFIG.filter(([key]) => !set.has(key)).map(([key, value]) => `    ${key}: ${value}`);
            ownLines = [...ownLines.slice(0, at + 1), ...added, ...ownLines.slice(at + 1)];
        }
    }
    return ['---', 'config:', ...pinned, ...ownLines, '---', body].join('\n');
}

/** The diagram's first statement (its type), after comments and blank lines. */
function firstStatement(body: string): string {
    return body.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('%%')) ?? '';
}

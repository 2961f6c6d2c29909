/** The size of a Mermaid diagram against Mermaid's limits (`maxTextSize`, `maxEdges`). */
import type { DiagramLimits, DiagramSize } from './view-types.js';

/** Mermaid's default limits, which GitHub and most Mermaid hosts keep. */
export const MERMAID_DEFAULT_LIMITS: DiagramLimits = { maxTextSize: 50_000, maxEdges: 500 };

/** The characters and links of a Mermaid text (links counted by their arrows, as Mermaid's `maxEdges` counts edges). */
export function diagramSize(mermaid: string): DiagramSize {
    return { characters: mermaid.length, links: (mermaid.match(/--+>|==+>|-\.+->|---|-->>|->>/g) ?? []).length };
}

/** True when a diagram of this size is over the limits. */
export function exceedsLimits(size: DiagramSize, limits: DiagramLimits): boolean {
    return size.characters > limits.maxTextSize || size.links > limits.maxEdges;
}

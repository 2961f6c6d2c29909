/**
 * The colours of the canvas's cells, as Mermaid `classDef` styles. Every coloured cell sets
 * its own text colour (dark on light fills, white on the stage header), so it keeps its
 * contrast whatever the theme draws around it (light, dark or high contrast). The emotion
 * scale runs from red (angry) through yellow (neutral) to green (delighted); the face and
 * the word say the same without colour.
 */

/** Style of each cell class, in the order they are applied (the highlight last, so its border wins). */
export const CANVAS_CLASSES: Readonly<Record<string, string>> = {
    gap: 'fill:none,stroke:none',
    lane: 'fill:#e8eef5,stroke:#78909c,color:#102a43',
    stage: 'fill:#1e3a5f,stroke:#1e3a5f,color:#ffffff,font-weight:bold',
    kpi: 'fill:#dbe7f3,stroke:#1e3a5f,color:#102a43',
    step: 'fill:#ffffff,stroke:#1e3a5f,color:#000000,font-weight:bold',
    decision: 'fill:#fff8e1,stroke:#8d6e00,color:#000000,font-weight:bold',
    outcome: 'fill:#eceff1,stroke:#455a64,color:#000000,font-weight:bold',
    emotion1: 'fill:#f4a6a6,stroke:#b71c1c,color:#000000',
    emotion2: 'fill:#f9cb9c,stroke:#e65100,color:#000000',
    emotion3: 'fill:#fff0a8,stroke:#8d6e00,color:#000000',
    emotion4: 'fill:#cdeab8,stroke:#33691e,color:#000000',
    emotion5: 'fill:#8fd694,stroke:#1b5e20,color:#000000',
    pain: 'fill:#fde2e2,stroke:#c62828,color:#000000',
    gain: 'fill:#e3f5e1,stroke:#2e7d32,color:#000000',
    opportunity: 'fill:#fff6d5,stroke:#b58900,color:#000000',
    moment: 'fill:#ede3f7,stroke:#6a1b9a,color:#000000',
    backstage: 'fill:#eeeeee,stroke:#757575,color:#000000',
    highlight: 'stroke:#d97706,stroke-width:5px',
};

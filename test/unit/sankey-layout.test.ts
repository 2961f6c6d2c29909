/**
 * The funnel's sankey layout, worked out as Mermaid's sankey (d3-sankey, aligned `justify`, labels
 * `outlined`) places nodes and labels: which column each node takes, which side its label is
 * written on, and the width that leaves every label room. Chromium checks the drawn result for
 * every example (test/browser/funnel-labels.test.ts); these cases are the ones the examples lack.
 */
import { describe, expect, test } from 'vitest';
import { readSankeyLine, SANKEY_LABEL_PX, sankeyLabelText, sankeyLayout, sankeyLine } from '../../language-server/src/views/sankey-layout.js';
import { textWidth } from '../../language-server/src/views/text-width.js';

const label = (name: string, value: number) => textWidth(sankeyLabelText(name, value), SANKEY_LABEL_PX);

describe('the sankey layout of a funnel', () => {
    test('the biggest node first: every label right of its bar, the last column\'s past the width', () => {
        const layout = sankeyLayout([
            { from: 'Finds us in search results', to: 'Visits the website', value: 120 },
            { from: 'Finds us in search results', to: 'Lost', value: 280 },
            { from: 'Visits the website', to: 'Calls', value: 30 },
        ]);
        expect(layout.left).toBe(0);
        // Columns: search 0, website 1, Calls and Lost (they lead nowhere) 2.
        expect(layout.right).toBe(6 + Math.max(label('Calls', 30), label('Lost', 280)));
        // Every gap holds the widest label written into a gap: the first column's.
        const gap = (layout.width - 10) / 2 - 10;
        expect(gap).toBeGreaterThanOrEqual(6 + label('Finds us in search results', 400));
    });

    test('a node that leads nowhere goes to the last column, whatever its depth', () => {
        const withLostEarly = sankeyLayout([
            { from: 'A', to: 'B', value: 50 },
            { from: 'A', to: 'Lost early with a long name', value: 50 },
            { from: 'B', to: 'C', value: 20 },
        ]);
        expect(withLostEarly.right).toBe(6 + label('Lost early with a long name', 50));
    });

    test('the biggest node after the first column: the columns before it write their labels on the left', () => {
        // Two entries merge into a bigger step: Mermaid's central column is the merge's.
        const layout = sankeyLayout([
            { from: 'Trade show visitors', to: 'Webinar', value: 100 },
            { from: 'Newsletter readers of the month', to: 'Webinar', value: 300 },
            { from: 'Webinar', to: 'Demo', value: 50 },
        ]);
        expect(layout.left).toBe(6 + Math.max(label('Trade show visitors', 100), label('Newsletter readers of the month', 300)));
        expect(layout.right).toBe(6 + label('Demo', 50));
    });

    test('of two nodes of the same value, the first written is the biggest, as in Mermaid', () => {
        // A and B both carry 100: A (column 0) is the central one, so no label is written on the left.
        expect(sankeyLayout([{ from: 'A', to: 'B', value: 100 }]).left).toBe(0);
    });

    test('no links: the narrowest sankey', () => {
        expect(sankeyLayout([])).toEqual({ width: 600, height: 520, left: 0, right: 0 });
    });
    test('a band written as a CSV line reads back the same, quotes and commas in its names included', () => {
        const band = { from: 'Attends a webinar: "Cut fuel costs, 12%"', to: 'Lost', value: 300 };
        expect(sankeyLine(band)).toBe('"Attends a webinar: ""Cut fuel costs, 12%""","Lost",300');
        expect(readSankeyLine(sankeyLine(band))).toEqual(band);
        expect(readSankeyLine('sankey')).toBeUndefined();
    });
});

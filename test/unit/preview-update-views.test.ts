/**
 * What an update of the preview carries (`viewsForUpdate`): the view on screen whole, every empty
 * view whole (it is only its message), every other diagram as its tab, in the picker's order.
 */
import { describe, expect, test } from 'vitest';
import { viewsForUpdate } from '../../extension/src/preview/journey-preview-views.js';
import type { ViewResult } from '../../language-server/src/views/index.js';

const diagram = (view: 'canvas' | 'journey' | 'flow'): ViewResult => ({ view, title: view, kind: 'diagram', mermaid: `flowchart LR\n  ${view}`, sourceMap: [] });
const VIEWS: ViewResult[] = [diagram('canvas'), diagram('journey'), { view: 'funnel', title: 'Funnel', kind: 'empty', message: 'Add reach' }, diagram('flow')];

describe('an update carries the picture of the view on screen only', () => {
    test('the view shown whole, the other diagrams as tabs, the empty view whole, in order', () => {
        expect(viewsForUpdate(VIEWS, 'flow')).toEqual([
            { view: 'canvas', title: 'canvas', kind: 'tab' },
            { view: 'journey', title: 'journey', kind: 'tab' },
            VIEWS[2],
            VIEWS[3],
        ]);
    });

    test('without a view chosen, or with one the map does not have, the first view is whole (the one the page shows then)', () => {
        for (const shown of [undefined, 'blueprint' as const]) {
            expect(viewsForUpdate(VIEWS, shown).map((v) => v.kind)).toEqual(['diagram', 'tab', 'empty', 'tab']);
        }
    });

    test('no views, no tabs', () => {
        expect(viewsForUpdate([], 'journey')).toEqual([]);
    });
});

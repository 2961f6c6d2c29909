/** How the preview finds the SVG elements of a source map entry (extension/webview/preview-source-map.ts). */
import { describe, expect, test } from 'vitest';
import { indexDiagram } from '../../extension/webview/preview-source-map.js';

/** A tiny stand-in for an SVG DOM: just what the lookup reads. */
class FakeElement {
    children: FakeElement[] = [];
    parent?: FakeElement;
    constructor(readonly tag: string, readonly attributes: Record<string, string> = {}, readonly ownText = '', readonly classes: string[] = []) {}
    get id(): string {
        return this.attributes.id ?? '';
    }
    get textContent(): string {
        return this.ownText + this.children.map((c) => c.textContent).join('');
    }
    getAttribute(name: string): string | null {
        return this.attributes[name] ?? null;
    }
    get classList(): { contains(name: string): boolean } {
        return { contains: (name) => this.classes.includes(name) };
    }
    append(...children: FakeElement[]): this {
        for (const child of children) {
            child.parent = this;
            this.children.push(child);
        }
        return this;
    }
    closest(selector: string): FakeElement | null {
        const classes = selector.split(',').map((s) => s.trim());
        for (let el: FakeElement | undefined = this; el; el = el.parent) {
            if (classes.some((c) => (c.startsWith('.') ? el!.classes.includes(c.slice(1)) : el!.tag === c))) return el;
        }
        return null;
    }
    queries = 0;
    querySelectorAll(selector: string): FakeElement[] {
        this.queries++;
        const all: FakeElement[] = [];
        const walk = (el: FakeElement) => el.children.forEach((c) => (all.push(c), walk(c)));
        walk(this);
        return all.filter((el) => {
            if (selector === '[data-id]') return el.attributes['data-id'] !== undefined;
            if (selector === 'g[id], rect[id]') return (el.tag === 'g' || el.tag === 'rect') && el.attributes.id !== undefined;
            return ['text', 'tspan', 'span'].includes(el.tag);
        });
    }
}

function lookup(svg: FakeElement) {
    return indexDiagram(svg as unknown as Element) as unknown as (id: string) => FakeElement[];
}

describe('finding the elements of a source map entry in the SVG', () => {
    test('by data-id first, leaving out edges', () => {
        const node = new FakeElement('g', { 'data-id': 'pay' });
        const edge = new FakeElement('path', { 'data-id': 'pay' });
        const svg = new FakeElement('svg').append(node, new FakeElement('g', {}, '', ['edgePaths']).append(edge));
        expect(lookup(svg)('pay')).toEqual([node]);
    });

    test("by Mermaid's generated ids: <svg id>-flowchart-<id>-<n>, a subgraph's own id, ids with dashes", () => {
        const pay = new FakeElement('g', { id: 'journey-svg-3-flowchart-pay-12' });
        const stage = new FakeElement('g', { id: 'checkout' });
        const dashed = new FakeElement('g', { id: 'journey-svg-3-flowchart-pay-now-4' });
        const svg = new FakeElement('svg').append(pay, stage, dashed);
        const find = lookup(svg);
        expect(find('pay')).toEqual([pay]);
        expect(find('checkout')).toEqual([stage]);
        expect(find('pay-now')).toEqual([dashed]);
        expect(find('now')).toEqual([dashed]);
        expect(find('ay')).toEqual([]);
    });

    test('by a whole label, as the group that holds it, for diagrams without ids', () => {
        const label = new FakeElement('text', {}, '  Pay   online ');
        const group = new FakeElement('g').append(label);
        const other = new FakeElement('g').append(new FakeElement('text', {}, 'Pay online later'));
        const svg = new FakeElement('svg').append(group, other);
        expect(lookup(svg)('Pay online')).toEqual([group]);
    });

    test('linking every entry of a big map reads the SVG a fixed number of times, not once per entry', () => {
        const svg = new FakeElement('svg');
        for (let i = 0; i < 2000; i++) svg.append(new FakeElement('g').append(new FakeElement('text', {}, `Touchpoint ${i}`)));
        const find = lookup(svg);
        for (let i = 0; i < 2000; i++) expect(find(`Touchpoint ${i}`)).toHaveLength(1);
        expect(svg.queries).toBe(3);
    });
});

/**
 * The views of the examples, as readable Mermaid snapshot files (test/unit/snapshots/views/),
 * and their source maps: every entry points at the element it came from, and its diagram
 * id is something the rendered diagram really has.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import type { JourneyModel, SourceRange } from '../../language-server/src/model/journey-model.js';
import { renderAllViews, renderView, VIEW_IDS, type SourceMapEntry } from '../../language-server/src/views/index.js';
import { markdownDocument, markdownViews } from '../../language-server/src/views/markdown-document.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Example {
    name: string;
    file: string;
    text: string;
    model: JourneyModel;
}

let examples: Example[] = [];

beforeAll(async () => {
    const workspace = await loadWorkspace(['examples/**/*.journey'], { cwd: ROOT });
    examples = workspace.requested.flatMap((file) => {
        const { model } = resolveFile(file);
        return model ? [{ name: path.basename(file.path, '.journey'), file: file.path, text: file.decoded.text, model }] : [];
    });
});

/** The text a range covers, in the journey's file or in the shared file it names. */
function textAt(example: Example, range: SourceRange): string {
    const text = range.uri ? readFileSync(fileURLToPath(range.uri), 'utf8') : example.text;
    const lines = text.split(/\r?\n/);
    const selected = lines.slice(range.start.line, range.end.line + 1);
    selected[selected.length - 1] = selected[selected.length - 1].slice(0, range.end.line === range.start.line ? range.end.character : range.end.character);
    selected[0] = selected[0].slice(range.start.character);
    return selected.join('\n');
}

/** The keyword that starts the declaration of each kind of element. */
const KEYWORD: Record<SourceMapEntry['kind'], string> = {
    journey: 'journey', stage: 'stage', touchpoint: 'touchpoint', decision: 'decision', outcome: 'outcome',
    action: 'action', persona: 'persona', channel: 'channel', team: 'team', kpi: 'kpi',
};

describe('views of the examples', () => {
    test('match their readable snapshot files', async () => {
        expect(examples.length).toBeGreaterThanOrEqual(5);
        for (const { name, model } of examples) {
            for (const view of renderAllViews(model)) {
                const text = view.kind === 'diagram' ? view.mermaid : `%% ${view.title}: nothing to show\n%% ${view.message}\n`;
                await expect(text).toMatchFileSnapshot(`snapshots/views/${name}-${view.view}.mmd`);
            }
        }
    });

    test('the committed Markdown of each example (examples/out/<name>.md) is what `npm run examples` writes', async () => {
        for (const { name, model } of examples) {
            await expect(markdownDocument(model, markdownViews(model).views)).toMatchFileSnapshot(`../../examples/out/${name}.md`);
        }
    });

    test('source maps point at the declaration of the element each entry names', () => {
        let checked = 0;
        for (const example of examples) {
            for (const view of renderAllViews(example.model)) {
                if (view.kind !== 'diagram') continue;
                for (const entry of view.sourceMap) {
                    const declared = textAt(example, entry.range);
                    const keyword = KEYWORD[entry.kind];
                    expect(declared, `${example.name} ${view.view} ${entry.kind} ${entry.elementId}`).toMatch(new RegExp(`^${keyword}\\s+${entry.elementId}\\b`));
                    checked++;
                }
            }
        }
        expect(checked).toBeGreaterThan(100);
    });

    test('flowchart diagram ids are the node ids written in the Mermaid text, unique per view', () => {
        for (const { name, model } of examples) {
            for (const id of ['canvas', 'flow', 'blueprint'] as const) {
                const view = renderView(model, id);
                if (view.kind !== 'diagram') continue;
                const ids = view.sourceMap.map((entry) => entry.diagramId);
                for (const diagramId of ids) {
                    expect(diagramId, `${name} ${id}`).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
                    expect(view.mermaid, `${name} ${id} ${diagramId}`).toMatch(new RegExp(`(^|\\s)${diagramId}(\\[|\\{|\\(|\\s|$)`, 'm'));
                }
                const nodes = view.sourceMap.filter((entry) => entry.kind === 'touchpoint');
                expect(new Set(nodes.map((entry) => entry.diagramId)).size).toBe(nodes.length);
            }
        }
    });

    test('journey tasks are found by their text: every touchpoint has an entry whose text is its label', () => {
        const booking = examples.find((example) => example.model.id === 'booking')!.model;
        const view = renderView(booking, 'journey');
        expect(view.kind).toBe('diagram');
        if (view.kind !== 'diagram') return;
        const calls = view.sourceMap.find((entry) => entry.elementId === 'calls')!;
        expect(calls).toMatchObject({ kind: 'touchpoint', diagramId: 'Calls for a quote' });
        expect(view.mermaid).toContain('      Calls for a quote: 1:');
    });

    test('every view id gives a result for every example', () => {
        for (const { model } of examples) {
            expect(renderAllViews(model).map((view) => view.view)).toEqual([...VIEW_IDS]);
        }
    });
});

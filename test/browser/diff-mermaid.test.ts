/**
 * The Mermaid blocks of `journey diff --format markdown` render in a real Chromium with the
 * product's Mermaid, before and after, and the "after" pictures keep their highlights:
 * what a reviewer sees when GitHub draws the pull-request comment.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadWorkspace } from '../../language-server/src/cli/workspace.js';
import { diffFiles } from '../../language-server/src/diff/diff-files.js';
import { diffToMarkdown } from '../../language-server/src/diff/diff-markdown.js';
import { viewPicture } from '../../language-server/src/diff/diff-pictures.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { MermaidRenderer } from '../../language-server/src/render/mermaid-renderer.js';
import { parseJourney } from '../helpers.js';

const EXAMPLES = path.resolve(import.meta.dirname, '..', '..', 'examples');

async function example(file: string): Promise<JourneyModel> {
    const workspace = await loadWorkspace([path.join(EXAMPLES, file)]);
    return buildJourneyModel(workspace.requested[0].document)!;
}

/**
 * The report's Mermaid blocks, each with the heading it sits under ("Before" or "After …"); a
 * view too wide for GitHub's column has several (its pieces, each under its caption).
 */
function mermaidBlocks(markdown: string): Array<{ side: 'before' | 'after'; view: string; text: string }> {
    const blocks: Array<{ side: 'before' | 'after'; view: string; text: string }> = [];
    for (const match of markdown.matchAll(/<summary>(\w+) view[^]*?<\/details>/g)) {
        for (const side of match[0].split(/(?=\*\*(?:Before|After)\*\*)/).slice(1)) {
            for (const block of side.matchAll(/\n(`{3,})mermaid\n([^]*?)\n\1\n/g)) {
                blocks.push({ side: side.startsWith('**Before**') ? 'before' : 'after', view: match[1].toLowerCase(), text: block[2] });
            }
        }
    }
    return blocks;
}

/** One block per view and side: the first of each (a view in pieces has several). */
function firstOfEach(blocks: ReturnType<typeof mermaidBlocks>): string[] {
    return [...new Set(blocks.map((block) => `${block.view} ${block.side}`))];
}

let renderer: MermaidRenderer;
beforeAll(async () => {
    renderer = await MermaidRenderer.launch();
}, 120_000);
afterAll(async () => renderer?.close());

describe('the diff report\'s pictures in a real browser', () => {
    test('as-is against to-be (B2B example): every before and after picture renders, highlights included', async () => {
        const before = await example('b2b/purchase-current.journey');
        const after = await example('b2b/purchase-future.journey');
        const files = diffFiles([{ before: { path: 'current.journey', text: 'a', models: [before] }, after: { path: 'future.journey', text: 'b', models: [after] } }]);
        const blocks = mermaidBlocks(diffToMarkdown(files, { picture: viewPicture }));
        expect(firstOfEach(blocks)).toEqual(['canvas before', 'canvas after', 'journey before', 'journey after', 'flow before', 'flow after']);
        // The journey of eight stages is too wide for GitHub's column: it comes in pieces.
        expect(blocks.filter((block) => block.view === 'journey' && block.side === 'after').length).toBeGreaterThan(1);
        for (const block of blocks) {
            const result = await renderer.render(block.text);
            expect(result.error, `${block.view} ${block.side} did not render:\n${block.text}`).toBeUndefined();
            expect(result.svg).toContain('<svg');
        }
        expect(renderer.dialogs).toEqual([]);
    });

    test('the highlighted "after" pictures still parse, and show the changed touchpoint marked', async () => {
        const text = readFileSync(path.join(EXAMPLES, 'home-cleaning.journey'), 'utf8');
        const edited = text.replace('emotion 1\n', 'emotion 3\n');
        expect(edited).not.toBe(text);
        const [before, after] = await Promise.all([text, edited].map(async (source, i) => buildJourneyModel(await parseJourney(source, { uri: `file:///diff-browser-${i}.journey` }))!));
        const files = diffFiles([{ before: { path: 'home.journey', text, models: [before] }, after: { path: 'home.journey', text: edited, models: [after] } }]);
        const blocks = mermaidBlocks(diffToMarkdown(files, { picture: viewPicture }));
        // The journey view is in pieces for GitHub's column: only the changed stage's piece is shown, before and after.
        const journeys = blocks.filter((block) => block.view === 'journey');
        expect(journeys.map((block) => block.side)).toEqual(['before', 'after']);
        // (home-cleaning's pieces: Awareness – Consideration, Purchase – Retention, Advocacy.)
        expect(journeys.every((block) => /section Consideration\n/.test(block.text) && !/section Purchase\n/.test(block.text))).toBe(true);
        const journeyAfter = journeys[1];
        const flowAfter = blocks.find((block) => block.view === 'flow' && block.side === 'after')!;
        const journeyResult = await renderer.render(journeyAfter.text);
        expect(journeyResult.error).toBeUndefined();
        expect(journeyResult.text).toContain('★ Calls for a quote');
        const flowResult = await renderer.render(flowAfter.text);
        expect(flowResult.error).toBeUndefined();
        // The flow view marks changed nodes with its `highlight` class: Mermaid keeps it on the node.
        expect(flowResult.svg).toMatch(/class="[^"]*\bhighlight\b[^"]*"/);
        const flowBefore = await renderer.render(blocks.find((block) => block.view === 'flow' && block.side === 'before')!.text);
        expect(flowBefore.svg).not.toMatch(/class="node[^"]*\bhighlight\b/);
        // The canvas (laid out for GitHub's column) marks the changed touchpoint's own cell, only after.
        const canvasAfter = await renderer.render(blocks.find((block) => block.view === 'canvas' && block.side === 'after')!.text);
        expect(canvasAfter.error).toBeUndefined();
        expect(canvasAfter.svg).toMatch(/<g class="node step highlight[^"]*"[^>]*id="[^"]*-tp_calls"/);
        const canvasBefore = await renderer.render(blocks.find((block) => block.view === 'canvas' && block.side === 'before')!.text);
        expect(canvasBefore.svg).not.toMatch(/class="node[^"]*\bhighlight\b/);
    });

    test('a new map: only "after" pictures, which render', async () => {
        const model = await example('online-shop.journey');
        const files = diffFiles([{ after: { path: 'shop.journey', text: '', models: [model] } }]);
        const blocks = mermaidBlocks(diffToMarkdown(files, { picture: viewPicture }));
        expect(firstOfEach(blocks)).toEqual(['canvas after', 'journey after', 'flow after']);
        for (const block of blocks) expect((await renderer.render(block.text)).error).toBeUndefined();
    });
});

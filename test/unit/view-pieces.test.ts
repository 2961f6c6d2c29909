/**
 * Views cut into pieces for a page's width (view-pieces.ts), the run of steps each piece draws
 * (sliceToSteps), and the flowchart turned top to bottom (view-width.ts). What the pieces look
 * like on screen is measured in test/browser/markdown-readable.test.ts; here, what they hold.
 */
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { sliceToSteps } from '../../language-server/src/model/stage-slice.js';
import { renderView } from '../../language-server/src/views/index.js';
import { MARKDOWN_PAGE_WIDTH, markdownDocument, markdownViews } from '../../language-server/src/views/markdown-document.js';
import { VIEWS_IN_PIECES, withPieces } from '../../language-server/src/views/view-pieces.js';
import { estimateDrawingSize, flowchartForWidth, readableAt } from '../../language-server/src/views/view-width.js';
import { parseJourney } from '../helpers.js';
import { generateMap } from '../support/generate-map.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function example(name: string): Promise<JourneyModel> {
    const workspace = await loadWorkspace(['examples/**/*.journey'], { cwd: ROOT });
    const file = workspace.requested.find((f) => path.basename(f.path) === `${name}.journey`)!;
    return resolveFile(file).model!;
}

const steps = (model: JourneyModel) => model.stages.flatMap((stage) => stage.steps.map((step) => step.id));

describe('views cut into pieces for GitHub\'s column', () => {
    test('every step of the map is in exactly one piece, in journey order, and each piece is estimated to read', async () => {
        const home = await example('home-cleaning');
        for (const view of VIEWS_IN_PIECES) {
            const options = { availableWidth: MARKDOWN_PAGE_WIDTH };
            const cut = withPieces(home, renderView(home, view, options), MARKDOWN_PAGE_WIDTH, options);
            expect(cut.kind === 'diagram' && cut.pieces, view).toBeTruthy();
            if (cut.kind !== 'diagram' || !cut.pieces) continue;
            expect(cut.pieces.flatMap((piece) => piece.steps), view).toEqual(steps(home));
            for (const piece of cut.pieces) {
                if (piece.steps.length > 1) expect(readableAt(estimateDrawingSize(piece.mermaid), MARKDOWN_PAGE_WIDTH), `${view} ${piece.caption}`).toBe(true);
                // A piece is named by its stages and has no title of its own (the page's headings name the map).
                expect(piece.mermaid, view).not.toContain('Booking a home cleaning');
            }
            // The whole picture stays as it was: the preview zooms and pans it.
            expect(cut.mermaid).toBe((renderView(home, view, options) as { mermaid: string }).mermaid);
        }
    });

    test('pieces are named by their stages; a stage too wide alone is cut between its steps, "(1/2)"', async () => {
        const home = await example('home-cleaning');
        const journey = withPieces(home, renderView(home, 'journey'), MARKDOWN_PAGE_WIDTH);
        expect(journey.kind === 'diagram' && journey.pieces?.map((piece) => piece.caption)).toEqual(['Awareness – Consideration', 'Purchase – Retention', 'Advocacy']);
        // One stage of 12 touchpoints: no two of its touchpoints' boxes fit side by side at 300 px.
        const wide = buildJourneyModel(await parseJourney(generateMap(12, { touchpointsPerStage: 12 }).text))!;
        const cut = withPieces(wide, renderView(wide, 'journey'), 300);
        expect(cut.kind === 'diagram' && cut.pieces && cut.pieces.length).toBeGreaterThan(1);
        if (cut.kind !== 'diagram' || !cut.pieces) return;
        const stage = wide.stages[0].label;
        expect(cut.pieces.map((piece) => piece.caption)).toEqual(cut.pieces.map((_, i) => `${stage} (${i + 1}/${cut.pieces!.length})`));
        // Every touchpoint with an emotion is drawn once (a decision alone draws nothing in this view).
        const scored = wide.stages.flatMap((s) => s.steps.filter((step) => step.kind === 'touchpoint' && step.emotions.length > 0).map((step) => step.id));
        expect(cut.pieces.flatMap((piece) => piece.steps).filter((id) => scored.includes(id))).toEqual(scored);
    });

    test('a picture that reads at the width is not cut, and the Markdown page writes each piece under its caption', async () => {
        const hello = await example('hello');
        for (const view of markdownViews(hello).views) expect(view.kind === 'diagram' && view.pieces, view.view).toBeFalsy();
        const home = await example('home-cleaning');
        const markdown = markdownDocument(home, markdownViews(home).views);
        expect(markdown).toMatch(/## Journey\n\n<em>Awareness – Consideration<\/em>\n\n```mermaid\n---\nconfig:[\s\S]*?\n---\njourney\n    section Awareness\n/);
        expect(markdown).toMatch(/## Emotion curve\n\n<em>Awareness – Consideration<\/em>\n\n```mermaid\n/);
    });

    test('a run of steps keeps the links between them and to outcomes, and what its touchpoints use', async () => {
        const home = await example('home-cleaning');
        const consideration = home.stages.find((stage) => stage.id === 'consideration')!;
        const run = sliceToSteps(home, new Set(consideration.steps.map((step) => step.id)));
        expect(run.stages.map((stage) => stage.id)).toEqual(['consideration']);
        expect(run.flow.edges.every((edge) => steps(run).includes(edge.from))).toBe(true);
        expect(run.outcomes.map((outcome) => outcome.id)).toEqual(['lost']);
        expect(run.flow.start).toBe(consideration.steps[0].id);
        const used = new Set(run.stages.flatMap((stage) => stage.steps.flatMap((step) => (step.kind === 'touchpoint' ? step.channels : []))));
        expect(run.channels.map((channel) => channel.id).sort()).toEqual([...used].sort());
    });
});

describe('the flow for a page\'s width', () => {
    test('runs top to bottom where left to right would not read, and stays left to right where it does', async () => {
        const home = await example('home-cleaning');
        expect(renderView(home, 'flow', { availableWidth: MARKDOWN_PAGE_WIDTH }).kind === 'diagram' && renderView(home, 'flow', { availableWidth: MARKDOWN_PAGE_WIDTH })).toMatchObject({ mermaid: expect.stringMatching(/^flowchart TB$/m) });
        expect(renderView(home, 'flow')).toMatchObject({ mermaid: expect.stringMatching(/^flowchart LR$/m) });
        const hello = await example('hello');
        expect(renderView(hello, 'flow', { availableWidth: MARKDOWN_PAGE_WIDTH })).toMatchObject({ mermaid: expect.stringMatching(/^flowchart LR$/m) });
        expect(flowchartForWidth('journey\n', 10)).toBe('journey\n');
    });
});

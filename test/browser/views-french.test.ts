/**
 * A French map (`lang fr`) drawn by the real Mermaid in a real Chromium: the text a person
 * sees in every view holds no English view word, the French words are drawn (quadrants,
 * axes, lanes, lines of the emotion chart), and every label the user wrote is shown as
 * written. Screenshots land in test-output/screenshots/french-<view>.png.
 */
import * as path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { renderAllViews } from '../../language-server/src/views/index.js';
import { parseJourney } from '../helpers.js';
import { englishWordsIn } from '../support/view-words.js';
import { expectShown, saveScreenshot, useMermaidBrowser } from './harness.js';
import { labelsDrawnBy } from './view-labels.js';

const EXAMPLE = path.resolve(import.meta.dirname, '..', '..', 'examples', 'parcours-client.journey');

/** French words each view must draw (a sample: one or more per view). */
const FRENCH_WORDS: Record<string, string[]> = {
    canvas: ['Indicateurs', 'Canal', 'Ton', 'Données', 'cible', 'hors ligne'],
    emotion: ['Ensemble', 'Attendu', 'en colère', 'ravi'],
    flow: ['par Comparateur en ligne', 'responsable Marketing', 'moment de vérité', 'irritant', 'Contrats signés'],
    priorities: ['Gains rapides', 'Grands projets', 'Effort faible', 'Impact élevé', 'priorités'],
    funnel: ['clients'],
    blueprint: ['Actions du client', 'Back office', 'Équipe responsable', 'Ton', 'Données'],
};

describe('the French example in a real browser', () => {
    const browser = useMermaidBrowser();

    test('every view shows French view words, no English one, and every label as written', async () => {
        const document = await parseJourney(readFileSync(EXAMPLE, 'utf8'));
        const model = buildJourneyModel(document)!;
        expect(model.lang).toBe('fr');
        for (const view of renderAllViews(model)) {
            if (view.kind === 'empty') throw new Error(`${view.view} has nothing to show: ${view.message}`);
            const result = await browser().render(view.mermaid);
            expect(result.error, `${view.view}: Mermaid error`).toBeUndefined();
            await saveScreenshot(browser(), `french-${view.view}`);
            const shown = result.text!;
            expect(englishWordsIn(shown), `${view.view} shows English view words`).toEqual([]);
            for (const word of FRENCH_WORDS[view.view] ?? []) expectShown(shown, word, `french ${view.view}`);
            for (const label of labelsDrawnBy(model, view.view)) expectShown(shown, label, `french ${view.view}`);
        }
    }, 120_000);
});

/**
 * The canvas holds the facts the articles ask for and speaks the map's language: a lane for
 * the tone to use (the touchpoint's, else its channels') and one for the data points, each
 * KPI's actual against its target in the stage's header, and lane names, emotion words and
 * numbers in French for a `lang fr` map.
 */
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { renderView } from '../../language-server/src/views/index.js';
import { parseJourney } from '../helpers.js';

const MAP = `journey j "Booking" {
  channel phone "Phone" offline tone "Warm and patient"
  channel site "Website" online
  stage buy "Purchase" {
    kpi bookings "Bookings" target 1500 actual 1200 unit "bookings/month"
    touchpoint calls "Calls for a quote" {
      channel phone
      emotion 2
    }
    touchpoint books "Books online" {
      channel site
      emotion 4
      tone "Reassuring"
      data "Birthday"
      data "Pets at home"
    }
  }
}
`;

async function canvasOf(text: string): Promise<string> {
    const document = await parseJourney(text);
    const model: JourneyModel = buildJourneyModel(document)!;
    const view = renderView(model, 'canvas');
    if (view.kind !== 'diagram') throw new Error(view.message);
    return view.mermaid;
}

/** The cells of the row a lane name starts, as text. */
function row(mermaid: string, lane: string): string {
    const line = mermaid.split('\n').find((l) => l.includes(`["${lane}"]`));
    if (!line) throw new Error(`no lane ${lane} in\n${mermaid}`);
    return line.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/<br\/>/g, ' ');
}

describe('the canvas shows tone, data and KPI actuals', () => {
    test('a Tone lane: the touchpoint\'s own tone, else its channel\'s; a Data lane with each data point', async () => {
        const mermaid = await canvasOf(MAP);
        const tone = row(mermaid, 'Tone');
        expect(tone).toContain('Warm and patient');
        expect(tone).toContain('Reassuring');
        expect(row(mermaid, 'Data')).toMatch(/Birthday.*Pets at home/);
    });

    test('the KPI header reads the actual against the target', async () => {
        expect(row(await canvasOf(MAP), 'KPIs')).toContain('Bookings · 1,200 / target 1,500 bookings/month (80%)');
    });

    test('without tone or data, the lanes are left out', async () => {
        const mermaid = await canvasOf(MAP.replace(/ tone "[^"]*"/g, '').replace(/\n\s*tone "[^"]*"/g, '').replace(/\n\s*data "[^"]*"/g, ''));
        expect(mermaid).not.toContain('["Tone"]');
        expect(mermaid).not.toContain('["Data"]');
    });

    test('in a French map, the lanes, emotion words, KPI words and numbers are French; labels stay as written', async () => {
        const mermaid = await canvasOf(MAP.replace('journey j "Booking" {', 'journey j "Booking" {\n  lang fr'));
        const shown = mermaid.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/<br\/>/g, ' ');
        for (const lane of ['Phase', 'Indicateurs', 'Étapes', 'Canal', 'Ton', 'Émotion', 'Données']) expect(shown).toContain(`["${lane}"]`);
        expect(row(mermaid, 'Indicateurs')).toContain('Bookings · 1\u202f200 / cible 1\u202f500 bookings/month (80\u00a0%)');
        expect(row(mermaid, 'Émotion')).toMatch(/mécontent · 2.*content · 4/);
        expect(row(mermaid, 'Canal')).toContain('Phone · hors ligne');
        expect(mermaid).toContain('Calls for a quote');
    });
});

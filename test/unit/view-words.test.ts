/**
 * The words the views add follow the map's language (`lang fr`): no English view word is
 * left in any view of a French map (titles, pictures, tables, notes, Markdown), and the
 * labels the user wrote are the same, character for character, in both languages.
 */
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { mermaidText } from '../../language-server/src/views/escape.js';
import { renderAllViews, type ViewResult } from '../../language-server/src/views/index.js';
import { markdownDocument } from '../../language-server/src/views/markdown-document.js';
import { VIEW_WORDS, viewWords } from '../../language-server/src/views/view-words.js';
import { parseJourney } from '../helpers.js';
import { englishWordsIn } from '../support/view-words.js';

/** A French map that makes every view add every word it has: pains (one and several), a moment of truth, a stage without steps, lost customers, an action without scores… */
const FRENCH = `journey mutuelle "Souscrire une complémentaire santé" {
  lang fr
  description "Une famille change de mutuelle"
  persona claire "Claire, mère de famille" {
    goal "Être bien remboursée"
    need "Comparer sans jargon"
  }
  channel site "Site web" online tone "Simple et direct"
  channel agence "Agence de quartier" offline
  team conseil "Conseillers en agence"
  stage decouverte "Découverte" {
    kpi visites "Visites" target 20000 actual 17500 unit "visites/mois"
    touchpoint compare "Compare les offres à la loupe" {
      persona claire
      channel site
      owner conseil
      emotion 2
      emotion 3 for claire
      expected 4
      pain "Prix « à partir de »"
      reach 20000
    }
    touchpoint rdv "Rendez-vous en agence" {
      persona claire
      channel agence
      owner conseil
      emotion 4
      expected 4
      pain "Attente"
      pain "Parking"
      moment of truth
      tone "Rassurant"
      data "Devis simulé"
      backstage "Le conseiller relit le devis"
      reach 1500
    }
  }
  stage plus_tard "Plus tard" {
  }
  action auto "Résilier pour le client" {
    improves rdv
    impact 4
    effort 2
  }
  action prix "Afficher le vrai prix" {
    improves compare
    impact 4
    effort 2
  }
  action idee "Une idée sans notes"
  action vague "Action sans point de contact" {
    impact 2
    effort 4
  }
}
`;

async function modelOf(text: string): Promise<JourneyModel> {
    const document = await parseJourney(text);
    expect((document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => d.message)).toEqual([]);
    return buildJourneyModel(document)!;
}

/** Everything a view shows: its title, its Mermaid text or note (without the `keyword` spans, which are the language's own words), its table. */
function shownText(view: ViewResult): string {
    const parts = [view.title];
    if (view.kind === 'empty') parts.push(view.message.replace(/`[^`]*`/g, ''));
    else {
        // Entities back to characters, as Mermaid draws them; the diagram's own syntax words are not shown.
        const drawn = view.mermaid.split('\n').filter((line) => !/^\s*(classDef|class|linkStyle)\s/.test(line)).join('\n');
        parts.push(drawn.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))));
        if (view.table) parts.push(view.table.caption, ...view.table.columns, ...view.table.rows.flatMap((row) => row.cells), view.table.note ?? '');
    }
    return parts.join('\n');
}


describe('a French map (lang fr)', () => {
    test('no view shows an English view word: titles, pictures, tables and notes', async () => {
        const model = await modelOf(FRENCH);
        const views = renderAllViews(model);
        expect(views.filter((view) => view.kind !== 'diagram').map((view) => view.view), 'views with nothing to draw').toEqual([]);
        for (const view of views) expect(englishWordsIn(shownText(view)), view.view).toEqual([]);
        // The same map in English does show them: the list above is what the views really add.
        const english = renderAllViews(await modelOf(FRENCH.replace('lang fr', 'lang en'))).map(shownText).join('\n');
        // (The words of the Markdown document and of empty views are checked in their own tests below.)
        const drawnInEnglish = [
            'Journey', 'Emotion curve', 'Flow', 'Priorities', 'Funnel', 'Blueprint', 'Overall', 'Expected', 'angry', 'delighted',
            'via', 'owner', 'moment of truth', 'pains', 'no steps yet', 'Low effort', 'High impact', 'Quick wins', 'Major projects',
            'Rank', 'Closeness to the sale', 'Score', 'Lost', 'customers', 'Customer actions', 'Backstage', 'Owner team', 'Tone', 'Data',
        ];
        expect(englishWordsIn(english)).toEqual(expect.arrayContaining(drawnInEnglish));
    });

    test('its views with nothing to show say so in French', async () => {
        const views = renderAllViews(await modelOf('journey vide "Vide" {\n  lang fr\n}\n'));
        for (const view of views) {
            expect(view.kind).toBe('empty');
            expect(englishWordsIn(shownText(view)), view.view).toEqual([]);
            expect(view.kind === 'empty' && view.message).toMatch(/^Rien à montrer pour l'instant : /);
        }
    });

    test('its Markdown document has no English heading, column or note', async () => {
        const model = await modelOf(FRENCH);
        const markdown = markdownDocument(model, renderAllViews(model))
            .replace(/```mermaid[\s\S]*?```/g, '') // the pictures are checked above
            .replace(/`[^`]*`/g, '');
        expect(englishWordsIn(markdown)).toEqual([]);
        // Numbers as French writes them: a narrow no-break space between thousands, a no-break space before %.
        expect(markdown).toContain('| Découverte | Visites | 20\u202f000 visites/mois | 17\u202f500 visites/mois (88\u00a0% de la cible) |');
    });

    test('labels the user wrote are never translated: each one is drawn the same in both languages', async () => {
        const french = await modelOf(FRENCH);
        const english = await modelOf(FRENCH.replace('lang fr', 'lang en'));
        const labels = [french.label, ...french.personas, ...french.channels, ...french.teams, ...french.stages, ...french.stages.flatMap((s) => [...s.steps, ...s.kpis]), ...french.actions]
            .map((element) => (typeof element === 'string' ? element : element.label));
        const [fr, en] = [renderAllViews(french), renderAllViews(english)];
        fr.forEach((view, i) => {
            const other = en[i]!;
            if (view.kind !== 'diagram' || other.kind !== 'diagram') throw new Error(`${view.view} has nothing to draw`);
            for (const label of labels) expect(view.mermaid.includes(mermaidText(label)), `${view.view}: ${label}`).toBe(other.mermaid.includes(mermaidText(label)));
            expect(view.table?.rows.map((row) => row.cells[1])).toEqual(other.table?.rows.map((row) => row.cells[1]));
        });
        // The flow view draws every touchpoint and stage label, as written.
        const flow = fr.find((view) => view.view === 'flow')!;
        for (const label of ['Compare les offres à la loupe', 'Rendez-vous en agence', 'Découverte', 'Plus tard']) expect(flow.kind === 'diagram' && flow.mermaid).toContain(mermaidText(label));
    });

    test('a language written in capitals or with a region is the same language; an unknown one falls back to English', () => {
        expect(viewWords('FR')).toBe(VIEW_WORDS.fr);
        expect(viewWords('fr-CA')).toBe(VIEW_WORDS.fr);
        expect(viewWords('de')).toBe(VIEW_WORDS.en);
        expect(viewWords(undefined)).toBe(VIEW_WORDS.en);
    });

    test('every language of the table has every word (a new language cannot leave one out)', () => {
        const shape = (value: unknown): unknown => (value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)])) : typeof value);
        for (const words of Object.values(VIEW_WORDS)) expect(shape(words)).toEqual(shape(VIEW_WORDS.en));
    });
});

/**
 * The words the views add to the pictures (view titles, lane and axis names, "Lost",
 * "customers", "via", "owner", "moment of truth", emotion words…), in the map's language
 * (`lang fr`). English and French are built in; another language is one more entry of
 * `VIEW_WORDS`. Labels the user wrote are never translated: only these words are.
 *
 * Words are plain text: letters (accents included), digits, spaces and `'`. The views write
 * them as they are in places that are not quoted (quadrant and axis names), so a word never
 * holds `:` `,` `;` `#` `"` or brackets (nor `<`, `>` or `&`), and never starts with `-`.
 */

import { languageOf, type LanguageCode } from '../language/journey-languages.js';

/** The words of one language. Functions build the words that hold a number. */
export interface ViewWords {
    /** The language's code (`en`, `fr`), also its locale for numbers. */
    code: string;
    /** What goes between a name and what it introduces (`Tone: calm`; French puts a no-break space before the colon). */
    colon: string;
    titles: { journey: string; emotion: string; flow: string; priorities: string; funnel: string; blueprint: string; canvas: string };
    /** What "Nothing to show yet: … to draw …" says, around a view's hint. */
    nothingYet: (hint: string, purpose: string) => string;
    hints: {
        journeyNoTouchpoint: string;
        journeyNoEmotion: string;
        journeyPurpose: string;
        emotion: string;
        emotionPurpose: string;
        flow: string;
        flowPurpose: string;
        prioritiesNoAction: string;
        prioritiesNoScore: string;
        prioritiesPurpose: string;
        funnelSome: string;
        funnelNone: string;
        funnelPurpose: string;
        blueprint: string;
        blueprintPurpose: string;
        canvas: string;
        canvasPurpose: string;
    };
    /** The five emotion scores' words, 1 to 5. */
    emotions: readonly [string, string, string, string, string];
    /** The emotion chart: its title suffix, axis name, and the overall and expected lines. */
    emotionTitle: string;
    emotionAxis: string;
    overall: string;
    expected: string;
    /** How the emotion curve draws its lines, as its legend says: Overall, Expected, a persona. */
    lineStyles: { solid: string; dotted: string; thick: string };
    /** The flow view's boxes. */
    via: string;
    owner: string;
    momentOfTruth: string;
    pains: (count: number) => string;
    noStepsYet: string;
    /** The priorities view. */
    prioritiesTitle: string;
    lowEffort: string;
    highEffort: string;
    lowImpact: string;
    highImpact: string;
    quadrants: { 1: string; 2: string; 3: string; 4: string };
    /** The ranking table beside the quadrant. */
    ranking: { caption: string; rank: string; action: string; impact: string; effort: string; closeness: string; score: string; notRanked: string; noTouchpoint: string };
    /** The funnel view. */
    lost: string;
    customers: (count: string) => string;
    /** The blueprint's lanes, top to bottom, the lines between them (interaction, visibility), and its marks for tone and data. */
    lanes: readonly [string, string, string, string];
    blueprintLines: readonly [string, string];
    tone: string;
    data: string;
    /** The canvas: its lane names, the header over the outcomes, and the words of its cells. */
    canvas: {
        lanes: {
            stage: string; kpis: string; steps: string; about: string; personas: string; channel: string; owner: string; emotion: string;
            expected: string; tone: string; data: string; pains: string; gains: string; opportunities: string; moments: string; backstage: string;
            reach: string; paths: string;
        };
        outcomes: string;
        hoped: string;
        target: string;
        online: string;
        offline: string;
        hint: string;
        purpose: string;
    };
    /** The Markdown document. */
    markdown: {
        current: string;
        future: string;
        personas: string;
        goal: string;
        need: string;
        frustration: string;
        kpis: string;
        stage: string;
        kpi: string;
        target: string;
        actual: string;
        ofTarget: (percent: string) => string;
        voice: string;
        where: string;
        dataHeading: string;
        touchpoint: string;
    };
}

const EN: ViewWords = {
    code: 'en',
    colon: ':',
    titles: { journey: 'Journey', emotion: 'Emotion curve', flow: 'Flow', priorities: 'Priorities', funnel: 'Funnel', blueprint: 'Blueprint', canvas: 'Canvas' },
    nothingYet: (hint, purpose) => `Nothing to show yet: ${hint} to ${purpose}.`,
    hints: {
        journeyNoTouchpoint: 'add a `stage` with a `touchpoint` and its `emotion` (1..5)',
        journeyNoEmotion: 'give touchpoints an `emotion` score (1..5, e.g. `emotion 4`)',
        journeyPurpose: 'draw the journey',
        emotion: 'give touchpoints an `emotion` score (1..5, e.g. `emotion 2` or `emotion 2 for alex`)',
        emotionPurpose: 'draw the emotion curve',
        flow: 'add a `stage` with a `touchpoint` or a `decision`',
        flowPurpose: 'draw the flow',
        prioritiesNoAction: 'add an `action` with `impact` and `effort` (1..5)',
        prioritiesNoScore: 'give the actions an `impact` and an `effort` (1..5)',
        prioritiesPurpose: 'place them on the priority matrix',
        funnelSome: 'give a `reach` to at least two touchpoints that follow each other on the path',
        funnelNone: 'give touchpoints a `reach` (how many customers get there, e.g. `reach 2000`)',
        funnelPurpose: 'draw the funnel',
        blueprint: 'add touchpoints (with a `channel`, `backstage` notes and an `owner`)',
        blueprintPurpose: 'draw the service blueprint',
        canvas: 'add a `stage` with a `touchpoint` (its `channel`, `owner`, `emotion`, `pain`…)',
        canvasPurpose: 'draw the journey-map canvas',
    },
    emotions: ['angry', 'unhappy', 'neutral', 'happy', 'delighted'],
    emotionTitle: 'emotion',
    emotionAxis: 'Emotion',
    overall: 'Overall',
    expected: 'Expected',
    lineStyles: { solid: 'solid', dotted: 'dotted', thick: 'thick' },
    via: 'via',
    owner: 'owner',
    momentOfTruth: 'moment of truth',
    pains: (count) => `${count} ${count === 1 ? 'pain' : 'pains'}`,
    noStepsYet: 'no steps yet',
    prioritiesTitle: 'priorities',
    lowEffort: 'Low effort',
    highEffort: 'High effort',
    lowImpact: 'Low impact',
    highImpact: 'High impact',
    quadrants: { 1: 'Major projects', 2: 'Quick wins', 3: 'Fill-ins', 4: 'Thankless tasks' },
    ranking: {
        caption: 'Actions ranked by impact, effort and closeness to the sale',
        rank: 'Rank', action: 'Action', impact: 'Impact', effort: 'Effort', closeness: 'Closeness to the sale', score: 'Score',
        notRanked: 'Not ranked (no impact or effort)', noTouchpoint: 'improves no touchpoint',
    },
    lost: 'Lost',
    customers: (count) => `${count} customers`,
    lanes: ['Customer actions', 'Frontstage · channel', 'Backstage', 'Owner team'],
    blueprintLines: ['line of interaction', 'line of visibility'],
    tone: 'Tone',
    data: 'Data',
    canvas: {
        lanes: {
            stage: 'Stage', kpis: 'KPIs', steps: 'Steps', about: 'About', personas: 'Personas', channel: 'Channel', owner: 'Owner team', emotion: 'Emotion',
            expected: 'Expected', tone: 'Tone', data: 'Data', pains: 'Pains', gains: 'Gains', opportunities: 'Opportunities', moments: 'Moments of truth',
            backstage: 'Backstage', reach: 'Reach', paths: 'Leads to',
        },
        outcomes: 'Outcomes',
        hoped: 'hoped',
        target: 'target',
        online: 'online',
        offline: 'offline',
        hint: 'add a `stage` with a `touchpoint` (its `channel`, `owner`, `emotion`, `pain`…)',
        purpose: 'draw the journey-map canvas',
    },
    markdown: {
        current: 'Current journey (as-is)',
        future: 'Future journey (to-be)',
        personas: 'Personas',
        goal: 'Goal',
        need: 'Need',
        frustration: 'Frustration',
        kpis: 'KPIs',
        stage: 'Stage',
        kpi: 'KPI',
        target: 'Target',
        actual: 'Actual',
        ofTarget: (percent) => `${percent} of target`,
        voice: 'Voice and tone',
        where: 'Where',
        dataHeading: 'Data used to personalise',
        touchpoint: 'Touchpoint',
    },
};

const FR: ViewWords = {
    code: 'fr',
    colon: '\u00a0:',
    titles: { journey: 'Parcours', emotion: 'Courbe des émotions', flow: 'Enchaînement', priorities: 'Priorités', funnel: 'Entonnoir', blueprint: 'Plan de service', canvas: 'Canevas' },
    nothingYet: (hint, purpose) => `Rien à montrer pour l'instant : ${hint} pour ${purpose}.`,
    hints: {
        journeyNoTouchpoint: 'ajoutez un `stage` avec un `touchpoint` et son `emotion` (1..5)',
        journeyNoEmotion: 'donnez aux points de contact une note `emotion` (1..5, par exemple `emotion 4`)',
        journeyPurpose: 'dessiner le parcours',
        emotion: 'donnez aux points de contact une note `emotion` (1..5, par exemple `emotion 2` ou `emotion 2 for alex`)',
        emotionPurpose: 'dessiner la courbe des émotions',
        flow: 'ajoutez un `stage` avec un `touchpoint` ou une `decision`',
        flowPurpose: "dessiner l'enchaînement",
        prioritiesNoAction: 'ajoutez une `action` avec `impact` et `effort` (1..5)',
        prioritiesNoScore: 'donnez aux actions un `impact` et un `effort` (1..5)',
        prioritiesPurpose: 'les placer sur la matrice des priorités',
        funnelSome: 'donnez un `reach` à au moins deux points de contact qui se suivent sur le chemin',
        funnelNone: 'donnez aux points de contact un `reach` (combien de clients y arrivent, par exemple `reach 2000`)',
        funnelPurpose: "dessiner l'entonnoir",
        blueprint: 'ajoutez des points de contact (avec un `channel`, des notes `backstage` et un `owner`)',
        blueprintPurpose: 'dessiner le plan de service',
        canvas: 'ajoutez un `stage` avec un `touchpoint` (son `channel`, son `owner`, son `emotion`, ses `pain`…)',
        canvasPurpose: 'dessiner le canevas du parcours',
    },
    emotions: ['en colère', 'mécontent', 'neutre', 'content', 'ravi'],
    emotionTitle: 'émotion',
    emotionAxis: 'Émotion',
    overall: 'Ensemble',
    expected: 'Attendu',
    lineStyles: { solid: 'trait plein', dotted: 'pointillé', thick: 'trait épais' },
    via: 'par',
    owner: 'responsable',
    momentOfTruth: 'moment de vérité',
    pains: (count) => `${count} ${count === 1 ? 'irritant' : 'irritants'}`,
    noStepsYet: "pas encore d'étape",
    prioritiesTitle: 'priorités',
    lowEffort: 'Effort faible',
    highEffort: 'Effort élevé',
    lowImpact: 'Impact faible',
    highImpact: 'Impact élevé',
    quadrants: { 1: 'Grands projets', 2: 'Gains rapides', 3: "Tâches d'appoint", 4: 'Tâches ingrates' },
    ranking: {
        caption: "Actions classées par impact, effort et proximité de l'achat",
        rank: 'Rang', action: 'Action', impact: 'Impact', effort: 'Effort', closeness: "Proximité de l'achat", score: 'Note',
        notRanked: "Non classées (sans impact ou sans effort)", noTouchpoint: "n'améliore aucun point de contact",
    },
    lost: 'Perdus',
    customers: (count) => `${count} clients`,
    lanes: ['Actions du client', 'Front office · canal', 'Back office', 'Équipe responsable'],
    blueprintLines: ["ligne d'interaction", 'ligne de visibilité'],
    tone: 'Ton',
    data: 'Données',
    canvas: {
        lanes: {
            stage: 'Phase', kpis: 'Indicateurs', steps: 'Étapes', about: 'Description', personas: 'Personas', channel: 'Canal', owner: 'Équipe responsable', emotion: 'Émotion',
            expected: 'Attendu', tone: 'Ton', data: 'Données', pains: 'Irritants', gains: 'Satisfactions', opportunities: 'Pistes', moments: 'Moments de vérité',
            backstage: 'Back office', reach: 'Portée', paths: 'Mène à',
        },
        outcomes: 'Issues',
        hoped: 'espéré',
        target: 'cible',
        online: 'en ligne',
        offline: 'hors ligne',
        hint: 'ajoutez une `stage` avec un `touchpoint` (son `channel`, son `owner`, son `emotion`, ses `pain`…)',
        purpose: 'dessiner le canevas du parcours',
    },
    markdown: {
        current: 'Parcours actuel',
        future: 'Parcours cible',
        personas: 'Personas',
        goal: 'Objectif',
        need: 'Besoin',
        frustration: 'Frustration',
        kpis: 'Indicateurs',
        stage: 'Étape',
        kpi: 'Indicateur',
        target: 'Cible',
        actual: 'Mesuré',
        ofTarget: (percent) => `${percent} de la cible`,
        voice: 'Ton et voix',
        where: 'Où',
        dataHeading: 'Données utilisées pour personnaliser',
        touchpoint: 'Point de contact',
    },
};

/**
 * The built-in languages, by code. A new language is one more code in `LANGUAGES`
 * (language/journey-languages.ts) and its entry here (the type asks for both).
 */
export const VIEW_WORDS: Readonly<Record<LanguageCode, ViewWords>> = { en: EN, fr: FR };

/** The words of a map's language (`model.lang`: `fr`, `FR`, `fr-CA` → French); English when it names no built-in language. */
export function viewWords(lang: string | undefined): ViewWords {
    const language = languageOf(lang);
    return language ? VIEW_WORDS[language] : EN;
}

/** A number as the language writes it (`12,000` in English, `12 000` in French). */
export function formatNumber(value: number, words: ViewWords): string {
    return value.toLocaleString(words.code === 'fr' ? 'fr-FR' : 'en-US');
}

/** The words the views add in English, to prove a map in another language shows none of them. */

/** Every word the views add in English (those that French writes differently). */
export const ENGLISH_VIEW_WORDS = [
    'Journey', 'Emotion curve', 'Flow', 'Priorities', 'Funnel', 'Blueprint', 'Canvas',
    'Overall', 'Expected', 'Emotion', 'emotion', 'angry', 'unhappy', 'neutral', 'happy', 'delighted',
    'via', 'owner', 'moment of truth', 'pain', 'pains', 'no steps yet',
    'priorities', 'Low effort', 'High effort', 'Low impact', 'High impact', 'Major projects', 'Quick wins', 'Fill-ins', 'Thankless tasks',
    'ranked', 'Rank', 'Closeness to the sale', 'Score', 'Not ranked', 'improves no touchpoint',
    'Lost', 'customers', 'Customer actions', 'Frontstage', 'channel', 'Backstage', 'Owner team', 'Tone', 'Data',
    'Nothing to show yet', 'to draw', 'Goal', 'Need', 'KPIs', 'KPI', 'Stage', 'Target', 'Actual', 'of target',
    'Voice and tone', 'Where', 'Touchpoint', 'Current journey', 'Future journey', 'as-is', 'to-be', 'personalise',
    // The blueprint's lines and the emotion chart's line styles (grid layouts).
    'line of interaction', 'line of visibility', 'solid', 'dotted', 'thick',
    // The canvas's lanes and words.
    'Steps', 'About', 'Channel', 'Pains', 'Opportunities', 'Moments of truth', 'Reach', 'Leads to', 'Outcomes', 'hoped', 'target', 'actual', 'online', 'offline',
];

/** The English view words found in `text`, as whole words. */
export function englishWordsIn(text: string): string[] {
    return ENGLISH_VIEW_WORDS.filter((word) => new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(text));
}

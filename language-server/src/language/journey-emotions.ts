/** The emotion scale of the .journey language (the one Mermaid's journey diagram uses). */

/** One step of the 1..5 scale: its word and its face. */
export interface EmotionLevel {
    score: number;
    meaning: string;
    face: string;
}

/** The five scores, from 1 = angry to 5 = delighted. */
export const EMOTION_SCALE: readonly EmotionLevel[] = [
    { score: 1, meaning: 'angry', face: '😡' },
    { score: 2, meaning: 'unhappy', face: '😟' },
    { score: 3, meaning: 'neutral', face: '😐' },
    { score: 4, meaning: 'happy', face: '🙂' },
    { score: 5, meaning: 'delighted', face: '😄' },
];

/** The level of a score (rounded), or undefined when it is outside 1..5. */
export function emotionLevel(score: number | undefined): EmotionLevel | undefined {
    if (score === undefined || !Number.isFinite(score)) return undefined;
    return EMOTION_SCALE.find((level) => level.score === Math.round(score));
}

/** `3 😐 neutral`: a score as people read it. */
export function describeScore(score: number | undefined): string {
    if (score === undefined) return '(no score)';
    const level = emotionLevel(score);
    return level ? `${score} ${level.face} ${level.meaning}` : `${score} (outside 1..5)`;
}

/** The 1..5 scale of actions' impact and effort. */
export const IMPACT_EFFORT_SCALE: readonly string[] = ['very low', 'low', 'medium', 'high', 'very high'];

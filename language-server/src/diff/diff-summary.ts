/**
 * The one-sentence summary of a journey diff, for reviewers: "3 touchpoints changed,
 * mean emotion in Consideration 2.0 → 3.5, 1 new pain".
 */
import type { JourneyModel, StageModel } from '../model/journey-model.js';
import { kindWord, listWord } from './diff-describe.js';
import type { ElementKind, FileDiff, ItemList, JourneyChange, JourneyDiff } from './diff-types.js';

const KIND_ORDER: ElementKind[] = ['stage', 'touchpoint', 'decision', 'outcome', 'action', 'persona', 'channel', 'team', 'kpi'];
const ITEM_ORDER: ItemList[] = ['pain', 'gain', 'opportunity', 'backstage', 'data', 'goal', 'need', 'frustration'];

/** What a report says of a file that does not parse: "the new version has 2 syntax errors: it was not compared". */
export function unparsedSentence(file: FileDiff): string {
    const errors = file.syntaxErrors ?? {};
    const sides = [errors.before ? `the old version has ${plural(errors.before, 'syntax error')}` : '', errors.after ? `the new version has ${plural(errors.after, 'syntax error')}` : ''].filter(Boolean);
    return `${sides.join(' and ')}, so this map was not compared (journey check ${file.path} explains each error)`;
}

/** The summary sentence of one journey's diff (without a final full stop). */
export function summarizeDiff(diff: JourneyDiff): string {
    if (!diff.before && diff.after) return `new map: ${contentsOf(diff.after)}`;
    if (diff.before && !diff.after) return `map deleted (it had ${contentsOf(diff.before)})`;
    if (diff.changes.length === 0) return 'no changes';
    const parts = [...journeyParts(diff.changes), ...elementParts(diff.changes), ...emotionParts(diff), ...itemParts(diff.changes)];
    const flow = diff.changes.filter((change) => change.kind === 'flow').length;
    if (flow > 0) parts.push(plural(flow, 'flow link') + ' changed');
    return parts.join(', ');
}

/** "3 stages, 7 touchpoints, mean emotion 3.2". */
function contentsOf(model: JourneyModel): string {
    const touchpoints = model.stages.flatMap((stage) => stage.steps).filter((step) => step.kind === 'touchpoint');
    const parts = [plural(model.stages.length, 'stage'), plural(touchpoints.length, 'touchpoint')];
    const mean = meanEmotion(model.stages);
    if (mean !== undefined) parts.push(`mean emotion ${mean.toFixed(1)}`);
    return parts.join(', ');
}

function journeyParts(changes: JourneyChange[]): string[] {
    const state = changes.find((change) => change.kind === 'journey' && change.change === 'property' && change.property === 'state');
    return state && state.change === 'property' ? [`state ${String(state.before)} → ${String(state.after)}`] : [];
}

/** "1 touchpoint added, 2 touchpoints removed, 3 touchpoints changed" per kind. */
function elementParts(changes: JourneyChange[]): string[] {
    const parts: string[] = [];
    for (const kind of KIND_ORDER) {
        const ofKind = changes.filter((change) => change.kind === kind);
        const ids = (filter: (change: JourneyChange) => boolean) => new Set(ofKind.filter(filter).map((change) => ('id' in change ? change.id : ''))).size;
        const added = ids((change) => change.change === 'added');
        const removed = ids((change) => change.change === 'removed');
        const changed = ids((change) => change.change !== 'added' && change.change !== 'removed');
        if (added) parts.push(`${plural(added, kindWord(kind))} added`);
        if (removed) parts.push(`${plural(removed, kindWord(kind))} removed`);
        if (changed) parts.push(`${plural(changed, kindWord(kind))} changed`);
    }
    return parts;
}

/** "mean emotion in Consideration 2.0 → 3.5" for each stage (present on both sides) whose mean changed. */
function emotionParts(diff: JourneyDiff): string[] {
    if (!diff.before || !diff.after) return [];
    const previousIds = new Map(diff.changes.flatMap((change) => (change.kind === 'stage' && change.change === 'renamed' ? [[change.id, change.previousId] as const] : [])));
    const parts: string[] = [];
    for (const stage of diff.after.stages) {
        const old = diff.before.stages.find((candidate) => candidate.id === (previousIds.get(stage.id) ?? stage.id));
        if (!old) continue;
        const [before, after] = [meanEmotion([old]), meanEmotion([stage])];
        if (before === undefined || after === undefined || before.toFixed(1) === after.toFixed(1)) continue;
        parts.push(`mean emotion in ${stage.label} ${before.toFixed(1)} → ${after.toFixed(1)}`);
    }
    return parts;
}

/** The mean of the overall emotion scores of the touchpoints of some stages. */
export function meanEmotion(stages: StageModel[]): number | undefined {
    const scores = stages.flatMap((stage) => stage.steps).flatMap((step) => (step.kind === 'touchpoint' && step.emotion !== undefined ? [step.emotion] : []));
    return scores.length === 0 ? undefined : scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

/** "1 new pain, 2 opportunities removed". */
function itemParts(changes: JourneyChange[]): string[] {
    const parts: string[] = [];
    for (const list of ITEM_ORDER) {
        const added = changes.filter((change) => change.change === 'item-added' && change.list === list).length;
        const removed = changes.filter((change) => change.change === 'item-removed' && change.list === list).length;
        if (added) parts.push(`${added} new ${pluralWord(added, listWord(list))}`);
        if (removed) parts.push(`${plural(removed, listWord(list))} removed`);
    }
    return parts;
}

/** "1 touchpoint", "2 touchpoints", "2 opportunities". */
export function plural(count: number, word: string): string {
    return `${count} ${pluralWord(count, word)}`;
}

function pluralWord(count: number, word: string): string {
    if (count === 1) return word;
    if (word.endsWith('y') && !/[aeiou]y$/.test(word)) return word.slice(0, -1) + 'ies';
    return word.endsWith('s') ? word + 'es' : word + 's';
}

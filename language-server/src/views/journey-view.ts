/**
 * The journey view: a Mermaid `journey` diagram. Stages are sections, touchpoints are
 * tasks, the emotion is the task's score and the touchpoint's personas are its actors.
 *
 * Per-persona emotions: a Mermaid task has one score, so a touchpoint whose personas feel
 * differently becomes several tasks, one per score: `Calls for a quote` (overall score,
 * actors without a score of their own) and `Calls for a quote (Alex)` (Alex's score).
 * Mermaid draws a face for every task (a missing score is drawn as the angriest face), so
 * a touchpoint without any emotion is left out of this view (named in a `%%` comment)
 * rather than given a made-up score; the flow and blueprint views still show it.
 *
 * Escaping (journey): a task line is `text: score: actor, actor`, so `:` ends the text
 * and `,` separates actors; `title` and `section` start keyword lines; `#` and
 * `%%` are entity and comment markers. `mermaidText` writes all of them as entity codes,
 * and `lineText` escapes a first word that reads as a keyword.
 *
 * Layout: the legend of personas wraps their names between words, at 120 pixels or the
 * longest word (Mermaid would cut a longer word with "-", changing the text and perhaps an
 * entity code), and sits in a left margin of 80 pixels plus the widest line (Mermaid's
 * default of 150 left a wide empty strip on both sides, as it adds the margin twice). Every task
 * box has the same size, and Mermaid clips a text that does not fit its box, so the boxes
 * are as wide as the longest task text (or stage name) needs to fit on three lines
 * (`taskWidth`), from 160 up to 640 pixels. They cannot be taller: Mermaid draws the
 * timeline at four times the box height and the faces at fixed heights below it, so a box
 * taller than 70 pixels would run into them. The room between tasks grows when the title
 * needs it (`titleMargin`): Mermaid sizes the picture from the tasks alone.
 *
 * Highlight: journey tasks cannot be styled, so a highlighted touchpoint's task text
 * starts with "★ " (and its source map entry uses that text).
 */
import type { JourneyModel, TouchpointModel } from '../model/journey-model.js';
import { lineText, mermaidText } from './escape.js';
import { emptyView, labelsOf, mapEntry, touchpointsOf } from './model-queries.js';
import { longestWordWidth, mermaidMeasuredText, textWidth } from './text-width.js';
import type { SourceMapEntry, ViewOptions, ViewResult } from './view-types.js';
import { viewWords } from './view-words.js';

/** Words that start a keyword line of a journey (`accTitle:`/`accDescr{` cannot start one: `:` and `{` are always entities). */
const KEYWORDS = ['title', 'section'];
/** The mark put in front of a highlighted task's text. */
export const JOURNEY_HIGHLIGHT_MARK = '★ ';

/** The journey view of a model. */
export function journeyView(model: JourneyModel, options: ViewOptions = {}): ViewResult {
    const words = viewWords(model.lang);
    const title = words.titles.journey;
    const all = touchpointsOf(model);
    if (!all.some((touchpoint) => touchpoint.emotions.length > 0)) {
        const hint = all.length === 0 ? words.hints.journeyNoTouchpoint : words.hints.journeyNoEmotion;
        return emptyView('journey', title, words.nothingYet(hint, words.hints.journeyPurpose));
    }
    const persona = labelsOf(model.personas);
    const sections = model.stages
        .map((stage) => ({ stage, touchpoints: stage.steps.filter((step): step is TouchpointModel => step.kind === 'touchpoint' && step.emotions.length > 0) }))
        .filter((section) => section.touchpoints.length > 0)
        .map((section) => ({ ...section, tasks: section.touchpoints.flatMap((touchpoint) => tasksOf(touchpoint, persona, options.highlight?.has(touchpoint.id) ?? false).map((task) => ({ touchpoint, task }))) }));
    const width = taskWidth(sections.map((section) => ({ name: section.stage.label, tasks: section.tasks.map(({ task }) => task.text) })));
    const tasks = sections.reduce((count, section) => count + section.tasks.length, 0);
    const margin = options.withoutTitle ? taskMargin(width) : Math.max(taskMargin(width), titleMargin(model.label, tasks, width));
    const actors = sections.flatMap((section) => section.tasks.flatMap(({ task }) => task.actors));
    const config = ['---', 'config:', '  journey:', `    leftMargin: ${LEFT_MARGIN}`, `    maxLabelWidth: ${legendWidth(actors)}`, `    width: ${width}`, `    height: ${TASK_HEIGHT}`, `    taskMargin: ${margin}`, `    diagramMarginX: ${margin}`, '---'];
    const lines = [...config, 'journey', ...(options.withoutTitle ? [] : [`    title ${mermaidText(model.label)}`])];
    const sourceMap: SourceMapEntry[] = options.withoutTitle ? [] : [mapEntry(model, 'journey', model.label)];
    for (const { stage, tasks } of sections) {
        lines.push(`    section ${mermaidText(stage.label)}`);
        sourceMap.push(mapEntry(stage, 'stage', stage.label));
        for (const { touchpoint, task } of tasks) {
            const actors = task.actors.map((actor) => mermaidText(actor)).join(', ');
            lines.push(`      ${lineText(task.text, KEYWORDS)}: ${clampScore(task.score)}${actors ? `: ${actors}` : ''}`);
            sourceMap.push(mapEntry(touchpoint, 'touchpoint', task.text));
        }
    }
    const unscored = all.filter((touchpoint) => touchpoint.emotions.length === 0);
    if (unscored.length > 0) lines.push(`    %% not drawn (no emotion): ${unscored.map((touchpoint) => touchpoint.id).join(' ')}`);
    return { view: 'journey', title, kind: 'diagram', mermaid: `${lines.join('\n')}\n`, sourceMap };
}

/** Mermaid's journey settings the box size depends on. */
const TASK_HEIGHT = 70; // the tallest box that stays clear of the timeline and the faces
const TASK_FONT = 16; // the task text (an HTML label in the page's font size)
const TASK_LINES = 3; // lines of text a 70-pixel box holds
const TASK_PADDING = 16;
const MIN_WIDTH = 160;
const MAX_WIDTH = 640;
const LEFT_MARGIN = 80; // Mermaid's leftMargin (150 by default), added to the widest line of the personas' legend
/** The font of the personas' legend (Mermaid's default text). */
const LEGEND_FONT = 16;
/** The width at which the legend's names wrap, unless a word is longer. */
const LEGEND_WRAP = 120;

/**
 * The width at which the personas' names wrap in the legend: 120 pixels, or the longest word
 * (with room to spare), so that Mermaid breaks names between words and never inside one.
 */
export function legendWidth(actors: readonly string[]): number {
    // Mermaid measures an entity-coded character (`,` is `#44;`) as a wide placeholder.
    return Math.ceil(Math.max(LEGEND_WRAP, ...actors.map((actor) => longestWordWidth(mermaidMeasuredText(mermaidText(actor)), LEGEND_FONT) + 8)));
}

/**
 * The width of the task boxes: enough for every task text, and every stage name over its
 * section's tasks, to wrap into three lines (a browser wraps at spaces, so a line may end
 * a word early: the longest word is added once), within 160..640 pixels.
 */
export function taskWidth(sections: ReadonlyArray<{ name: string; tasks: readonly string[] }>): number {
    const needed = (text: string): number => Math.max(longestWordWidth(text, TASK_FONT), (textWidth(text, TASK_FONT) + longestWordWidth(text, TASK_FONT)) / TASK_LINES) + TASK_PADDING;
    let width = MIN_WIDTH;
    for (const section of sections) {
        for (const task of section.tasks) width = Math.max(width, needed(task));
        const count = section.tasks.length;
        width = Math.max(width, (needed(section.name) - taskMargin(MIN_WIDTH) * (count - 1)) / count);
    }
    return Math.ceil(Math.min(MAX_WIDTH, width));
}

/**
 * The room between two tasks (taskMargin), which is also the room Mermaid counts between
 * two tasks of a section box (diagramMarginX): 30 pixels (Mermaid's 50 made a piece of two
 * touchpoints, each with a score of its own for a persona, too wide to read in GitHub's
 * column), more for wide boxes. Mermaid makes the picture `leftMargin + 4 × diagramMarginX`
 * wider than where the last task starts, whatever the box width, so a wide last box would be
 * cut off without it.
 */
export function taskMargin(width: number): number {
    return Math.max(MIN_TASK_MARGIN, Math.ceil((width + 30 - LEFT_MARGIN) / 4));
}

const MIN_TASK_MARGIN = 30;

/** The title: Mermaid's `titleFontSize` (4ex, bold) in pixels, as wide as the estimate allows. */
const TITLE_FONT = 34;

/**
 * The task margin that makes the picture wide enough for the title. Mermaid does not count the
 * title when it sizes the picture (`2 × leftMargin + (tasks − 1) × (width + margin) + 4 ×
 * margin`), and draws it from `leftMargin` on, so a title wider than the tasks was cut off.
 */
export function titleMargin(title: string, tasks: number, width: number): number {
    const needed = textWidth(title, TITLE_FONT) + 20;
    return Math.ceil((needed - LEFT_MARGIN - Math.max(0, tasks - 1) * width) / (Math.max(1, tasks) + 3));
}

interface Task {
    text: string;
    score: number;
    actors: string[];
}

/** The tasks of one touchpoint: the overall score, then one task per persona with a score of its own. */
function tasksOf(touchpoint: TouchpointModel, persona: (id: string) => string, highlighted: boolean): Task[] {
    const mark = highlighted ? JOURNEY_HIGHLIGHT_MARK : '';
    const personal = touchpoint.emotions.filter((score) => score.persona !== undefined);
    const withOwnScore = new Set(personal.map((score) => score.persona!));
    const others = touchpoint.personas.filter((id) => !withOwnScore.has(id));
    const tasks: Task[] = [];
    if (touchpoint.emotion !== undefined) {
        tasks.push({ text: mark + touchpoint.label, score: touchpoint.emotion, actors: others.map(persona) });
    }
    for (const score of personal) {
        const name = persona(score.persona!);
        tasks.push({ text: `${mark}${touchpoint.label} (${name})`, score: score.score, actors: [name] });
    }
    return tasks;
}

/** Mermaid draws faces for 1..5; other numbers are kept within the scale. */
function clampScore(score: number): number {
    return Math.min(5, Math.max(1, Math.round(score)));
}

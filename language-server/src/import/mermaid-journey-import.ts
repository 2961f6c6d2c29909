/**
 * Reads Mermaid `journey` diagrams (a `.mmd` file, or the ```mermaid blocks of a Markdown file):
 * the title becomes the journey's label, sections stages, tasks touchpoints with their score as
 * emotion, and actors personas. Ids are derived from the labels, unique and valid.
 *
 * Mermaid's syntax, as its journey grammar reads it: a `title` line, `section` lines, task lines
 * `text: score: actor, actor`; `accTitle:`/`accDescr:` lines; `%%` comments and `%%{…}%%`
 * directives; a front matter between `---` lines (whose `title:` is the title too). Entity codes
 * (`#58;` for `:`, `#amp;`) stand for their characters; `#` and `;` end a text otherwise.
 */
import type { ImportedElement, ImportedJourney, ImportedStage } from './imported-journey.js';
import { emptyTouchpoint } from './imported-journey.js';
import { IdAllocator } from './import-ids.js';
import type { ImportProblem, ImportResult } from './import-problem.js';

/** A Mermaid diagram's text and the 1-based line of the input file it starts on. */
export interface MermaidBlock {
    text: string;
    firstLine: number;
}

/** The named entities Mermaid decodes in labels (besides numeric codes `#58;`). */
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', semi: ';', num: '#', comma: ',' };

/** True when a Mermaid diagram's first statement is `journey`. */
export function isJourneyDiagram(text: string): boolean {
    const lines = withoutFrontMatter(text.split(/\r?\n/)).lines;
    const first = lines.find((line) => line.trim() !== '' && !line.trim().startsWith('%%'));
    return first !== undefined && /^\s*journey\s*$/.test(first);
}

/** Reads one Mermaid journey diagram; `fallbackName` names the journey when it has no title. */
export function importMermaidJourney(block: MermaidBlock, fallbackName: string): ImportResult<ImportedJourney> {
    const problems: ImportProblem[] = [];
    const all = block.text.split(/\r?\n/);
    const { lines, skipped, title: frontTitle } = withoutFrontMatter(all);
    const at = (index: number, column: number, message: string) => problems.push({ line: block.firstLine + skipped + index, column, message });

    let title = frontTitle;
    let description: string | undefined;
    const flow = new IdAllocator();
    const personaIds = new IdAllocator();
    const personas = new Map<string, ImportedElement>();
    const stages: ImportedStage[] = [];
    let seenJourney = false;
    let inDescription: string[] | undefined;

    const notes: string[] = [];
    lines.forEach((raw, index) => {
        // A comment is the author's words too: kept as a comment of the map (a %%{…}%% directive is only settings).
        if (!inDescription && raw.trim().startsWith('%%')) {
            const note = raw.trim().slice(2).trim();
            if (note && !note.startsWith('{')) notes.push(note);
            return;
        }
        if (inDescription) {
            const end = raw.indexOf('}');
            inDescription.push(end >= 0 ? raw.slice(0, end) : raw);
            if (end >= 0) {
                description = inDescription.map((line) => line.trim()).filter(Boolean).join('\n');
                inDescription = undefined;
            }
            return;
        }
        const { text, entities } = protectEntities(raw);
        for (const statement of statementsOf(text)) {
            const content = statement.text.trim();
            const column = statement.start + (statement.text.length - statement.text.trimStart().length) + 1;
            if (content === '' || content.startsWith('%%')) continue;
            const restore = (value: string) => restoreEntities(value, entities).trim();
            if (!seenJourney) {
                if (content !== 'journey') {
                    at(index, column, `a Mermaid journey starts with the word journey on its own line; found '${restore(content)}'.`);
                    return;
                }
                seenJourney = true;
                continue;
            }
            let match: RegExpExecArray | null;
            if ((match = /^title(?:\s+(.*))?$/.exec(content))) {
                title = restore(match[1] ?? '');
            } else if ((match = /^accTitle\s*:(.*)$/.exec(content))) {
                const accessible = restore(match[1]);
                if (title === undefined) title = accessible;
                else if (accessible !== title) notes.push(`accTitle: ${accessible}`);
            } else if ((match = /^accDescr\s*:(.*)$/.exec(content))) {
                description = restore(match[1]);
            } else if ((match = /^accDescr\s*\{(.*)$/.exec(content))) {
                const rest = match[1];
                const end = rest.indexOf('}');
                if (end >= 0) description = restore(rest.slice(0, end));
                else inDescription = [rest];
            } else if ((match = /^section(?:\s+(.*))?$/.exec(content))) {
                const label = restore(match[1] ?? '');
                stages.push({ id: flow.allocate(label, 'stage'), label: label || undefined, touchpoints: [] });
            } else if (content.includes(':')) {
                const [name, score, actors] = splitTask(content);
                const label = restore(name);
                const scoreText = restore(score);
                if (!/^[1-5]$/.test(scoreText)) {
                    const scoreColumn = column + name.length + 1 + (score.length - score.trimStart().length);
                    at(index, scoreColumn, scoreText === ''
                        ? `the task '${label}' has no score: write one from 1 (angry) to 5 (delighted) after its colon, e.g. '${label}: 3'.`
                        : `the score of '${label}' is '${scoreText}': a score is a whole number from 1 (angry) to 5 (delighted).`);
                    return;
                }
                if (stages.length === 0) stages.push({ id: flow.allocate('', 'stage'), label: undefined, touchpoints: [] });
                const touchpoint = emptyTouchpoint(flow.allocate(label, 'touchpoint'), label || undefined);
                touchpoint.emotion = Number(scoreText);
                for (const actor of (actors ?? '').split(',').map(restore).filter(Boolean)) {
                    let persona = personas.get(actor);
                    if (!persona) {
                        persona = { id: personaIds.allocate(actor, 'persona'), label: actor };
                        personas.set(actor, persona);
                    }
                    if (!touchpoint.personas.includes(persona.id)) touchpoint.personas.push(persona.id);
                }
                stages[stages.length - 1].touchpoints.push(touchpoint);
            } else {
                at(index, column, `'${restore(content)}' is not a line of a Mermaid journey: write title <text>, section <name>, or a task as <text>: <score>: <actors>.`);
            }
        }
    });
    if (!seenJourney && problems.length === 0) problems.push({ line: block.firstLine, column: 1, message: 'no Mermaid journey here: it starts with the word journey on its own line.' });
    if (problems.length > 0) return { ok: false, problems };
    const label = title?.trim() || undefined;
    const journey: ImportedJourney = {
        id: new IdAllocator().allocate(label ?? fallbackName, 'journey'),
        label: label ?? undefined,
        description,
        personas: [...personas.values()],
        channels: [],
        teams: [],
        stages,
        notes,
    };
    return { ok: true, value: journey };
}

/** The lines after a front matter (`---` … `---` at the very top), how many lines it took, and its `title:`. */
function withoutFrontMatter(lines: string[]): { lines: string[]; skipped: number; title?: string } {
    if (lines[0]?.trim() !== '---') return { lines, skipped: 0 };
    const end = lines.findIndex((line, index) => index > 0 && line.trim() === '---');
    if (end < 0) return { lines, skipped: 0 };
    const titleLine = lines.slice(1, end).find((line) => /^title\s*:/.test(line));
    const title = titleLine?.replace(/^title\s*:\s*/, '').replace(/^(["'])(.*)\1$/, '$2').trim();
    return { lines: lines.slice(end + 1), skipped: end + 1, title };
}

/** Replaces each entity code (`#58;`, `#amp;`) by a private character, so that `:`, `,` and `;` inside it stay text. */
function protectEntities(line: string): { text: string; entities: string[] } {
    const entities: string[] = [];
    const text = line.replace(/#(?:(\d+)|([a-zA-Z]+));/g, (whole, code: string | undefined, name: string | undefined) => {
        const character = code !== undefined ? safeCodePoint(Number(code)) : NAMED_ENTITIES[name!.toLowerCase()];
        if (character === undefined) return whole;
        entities.push(character);
        // One character per entity keeps columns close to the source's (only entity codes shrink).
        return String.fromCharCode(0xe000 + entities.length - 1);
    });
    return { text, entities };
}

function restoreEntities(text: string, entities: string[]): string {
    return text.replace(/[\ue000-\uf8ff]/g, (character) => entities[character.charCodeAt(0) - 0xe000] ?? character);
}

function safeCodePoint(code: number): string | undefined {
    return code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/** The statements of a line: Mermaid ends one at `;` as at a line break (`#` only starts an entity). */
function statementsOf(line: string): Array<{ text: string; start: number }> {
    if (line.trim().startsWith('%%')) return [];
    const statements: Array<{ text: string; start: number }> = [];
    let start = 0;
    for (const part of line.split(';')) {
        statements.push({ text: part, start });
        start += part.length + 1;
    }
    return statements;
}

/** A task line's text, score and actors (`Make tea: 5: Me, Cat`). */
function splitTask(content: string): [string, string, string | undefined] {
    const first = content.indexOf(':');
    const name = content.slice(0, first);
    const rest = content.slice(first + 1);
    const second = rest.indexOf(':');
    return second < 0 ? [name, rest, undefined] : [name, rest.slice(0, second), rest.slice(second + 1)];
}

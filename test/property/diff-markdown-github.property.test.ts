/**
 * The pull-request report (`journey diff --format markdown`) rendered as GitHub renders a
 * comment (GitHub-flavoured Markdown, GitHub's HTML allow-list): for any labels and file
 * names (fast-check), the report has the same structure as the same report with plain
 * labels and names (headings, tables, cells, details, code spans, one hidden marker), GitHub
 * would find no mention, no reference and no image in it, and it never exceeds the 65,536
 * characters of a GitHub comment.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffFiles } from '../../language-server/src/diff/diff-files.js';
import { COMMENT_MARKER, diffToMarkdown, GITHUB_COMMENT_LIMIT, REPORT_MAX_LENGTH, type PictureRenderer } from '../../language-server/src/diff/diff-markdown.js';
import { viewPicture } from '../../language-server/src/diff/diff-pictures.js';
import type { FileDiff } from '../../language-server/src/diff/diff-types.js';
import { quoteString } from '../../language-server/src/language/journey-value-converter.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { MARKDOWN_PAGE_WIDTH } from '../../language-server/src/views/markdown-document.js';
import { drawRun } from '../../language-server/src/views/view-pieces.js';
import { FUZZ_SEED } from '../fuzz/arbitraries.js';
import { parseJourney } from '../helpers.js';
import { githubHtml, githubRawHtml, mentionsIn, referencesIn, structureOf } from '../support/github-markdown.js';

/** Pieces of text that mean something to Markdown, HTML, GitHub or a terminal. */
const HOSTILE_PIECES = [
    '<!--', '-->', '<details><summary>Fake</summary>', '</details>', '<img src="https://evil.example/x.png">', '![x](https://evil.example/x.png)', '[link](https://evil.example)',
    '@acme', ' @acme-team', '@org/team', '#123', ' #9', 'owner/repo#2', 'GH-7', '\n', '\r\n', '\n# Heading\n', '\n### Fake map\n', '| a | b |', '\n| --- | --- |\n', '`', '``', '```', '~~~',
    '\\', '*', '**', '_', '[', ']', '(', ')', '&lt;', '&#64;', ':smile:', '\u001b[2J', '\u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007', '\u2028', '\u0085', '1. ', '- ', '> ', '    ',
    '<script>alert(1)</script>', '</table>', '\t', '$$x$$', 'No journey map changed.', '<br>', '<b>', 'é', '😀', 'Ω', 'x', ' ', '#', '@', '<', '>', '&', '|', '=', '===', '---', '***',
];
const hostile = fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')).filter((text) => text.trim() !== '');

/** A map whose every label is a parameter: before and after differ in emotions, a pain, a touchpoint, and (when the labels differ) labels. */
function mapText(labels: string[], after: boolean): string {
    const q = (i: number) => quoteString(labels[i]);
    return `journey j ${q(0)} {
  persona p ${q(1)}
  channel c ${q(2)} online
  stage s1 ${q(3)} {
    touchpoint t1 ${q(4)} {
      persona p
      channel c
      emotion ${after ? 4 : 2}
      pain ${q(after ? 5 : 6)}
    }
    decision d ${q(7)} {
      ${q(8)} -> t2
      ${q(9)} -> o
    }
  }
  stage s2 ${q(10)} {
    touchpoint t2 ${q(11)} { emotion 3 }
${after ? `    touchpoint t3 ${q(12)} { emotion 5 gain ${q(13)} }\n` : ''}  }
  outcome o ${q(14)}
}
`;
}
const LABELS = 15;

let counter = 0;
async function modelOf(text: string): Promise<JourneyModel> {
    const document = await parseJourney(text, { uri: `file:///github-property-${counter++}.journey` });
    expect(document.parseResult.parserErrors, text).toEqual([]);
    expect(document.parseResult.lexerErrors, text).toEqual([]);
    return buildJourneyModel(document)!;
}

/** The report of one map edited (before → after labels) in a file renamed from one name to another. */
async function report(before: string[], after: string[], names: [string, string], picture: PictureRenderer = viewPicture): Promise<string> {
    const files = diffFiles([{
        before: { path: names[0], text: 'old', models: [await modelOf(mapText(before, false))] },
        after: { path: names[1], text: 'new', models: [await modelOf(mapText(after, true))] },
        renamed: true,
    }]);
    return diffToMarkdown(files, { picture, maxLength: REPORT_MAX_LENGTH });
}

/**
 * The pictures a report drew, by view and side, and a renderer that cuts the report of plain
 * labels into the same pieces, with plain captions: long hostile labels make a view too wide for
 * GitHub's column (so it comes in pieces) where plain ones do not, which is not a label changing
 * the report's structure. Each plain piece is the plain map's own picture of the same steps, so
 * a hostile label that broke out of its piece's block would change the structure.
 */
function samePictures(): { recording: PictureRenderer; replay: PictureRenderer } {
    const drawn = new Map<string, ReturnType<PictureRenderer>>();
    const key = (view: string, highlight: ReadonlySet<string>) => `${view} ${highlight.size > 0 ? 'after' : 'before'}`;
    return {
        recording: (model, view, highlight) => {
            const picture = viewPicture(model, view, highlight);
            drawn.set(key(view, highlight), picture);
            return picture;
        },
        replay: (model, view, highlight) => {
            const picture = drawn.get(key(view, highlight));
            if (typeof picture !== 'object') return viewPicture(model, view, highlight);
            return picture.map((piece, i) => {
                const plain = drawRun(model, view, piece.steps, MARKDOWN_PAGE_WIDTH, { highlight });
                expect(plain.kind, `${view} piece ${piece.steps.join(' ')}`).toBe('diagram');
                return { caption: `plain caption ${i}`, steps: piece.steps, mermaid: plain.kind === 'diagram' ? plain.mermaid : '' };
            });
        },
    };
}

/** The same texts with each distinct one replaced by a plain word, so equal texts stay equal. */
function plainOf(texts: string[]): string[] {
    const words = new Map<string, string>();
    return texts.map((text) => words.get(text) ?? words.set(text, `plain${words.size}`).get(text)!);
}

describe('the Markdown report as GitHub renders it', () => {
    test('no label or file name changes its structure, or makes a mention, a reference or an image', async () => {
        const labels = fc.array(hostile, { minLength: LABELS * 2, maxLength: LABELS * 2 });
        await fc.assert(fc.asyncProperty(labels, hostile, hostile, async (texts, oldName, newName) => {
            const names: [string, string] = [`${oldName}.journey`, `${newName}.journey`];
            const pictures = samePictures();
            const markdown = await report(texts.slice(0, LABELS), texts.slice(LABELS), names, pictures.recording);
            const plainTexts = plainOf([...texts, ...names]);
            const plain = await report(plainTexts.slice(0, LABELS), plainTexts.slice(LABELS, LABELS * 2), [plainTexts[LABELS * 2], plainTexts[LABELS * 2 + 1]], pictures.replay);
            const [raw, expected] = [structureOf(githubRawHtml(markdown)), structureOf(githubRawHtml(plain))];
            expect(raw.elements, markdown).toEqual(expected.elements);
            expect(raw.comments, markdown).toEqual([` ${COMMENT_MARKER.slice(5, -4)} `]);
            const shown = structureOf(githubHtml(markdown));
            expect(shown.elements, markdown).toEqual(structureOf(githubHtml(plain)).elements);
            expect(mentionsIn(shown.linkableText), markdown).toEqual([]);
            expect(referencesIn(shown.linkableText), markdown).toEqual([]);
            expect(shown.images, markdown).toEqual([]);
            expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
        }), {
            numRuns: 60, seed: FUZZ_SEED,
            // Labels long enough for the journey view to come in pieces, each trying to end its block.
            examples: [[Array.from({ length: LABELS * 2 }, (_, i) => `step ${i}\n\`\`\`\n# Heading ${'and a long line of words '.repeat(3)}`), 'old', 'new']],
        });
    }, 120_000);

    test('every label is shown whole: the page text holds each one, line breaks as spaces', async () => {
        await fc.assert(fc.asyncProperty(fc.array(hostile, { minLength: LABELS * 2, maxLength: LABELS * 2 }), async (texts) => {
            const markdown = await report(texts.slice(0, LABELS), texts.slice(LABELS), ['a.journey', 'b.journey']);
            const shown = structureOf(githubHtml(markdown)).text.replace(/\u2060/g, '').replace(/\s+/g, ' ');
            // Labels of the new map that the report names: the title, the changed touchpoint, the new pain and the new touchpoint.
            for (const index of [LABELS + 0, LABELS + 4, LABELS + 5, LABELS + 12]) {
                const label = texts[index].replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, ' ');
                // eslint-disable-next-line no-control-regex
                const visible = label.replace(/[\u0000-\u001f\u007f]/g, (c) => String.fromCharCode(0x2400 + (c === '\u007f' ? 0x21 : c.charCodeAt(0))))
                    .replace(/[\u0080-\u009f]/g, (c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`).replace(/\s+/g, ' ').trim();
                expect(shown, `${JSON.stringify(texts[index])} in\n${markdown}`).toContain(visible);
            }
        }), { numRuns: 30, seed: FUZZ_SEED });
    }, 120_000);

    test('however many maps change and however long their labels, the report fits in one GitHub comment and keeps its marker', async () => {
        const long = fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 120 }).map((parts) => parts.join(''));
        await fc.assert(fc.asyncProperty(fc.array(long, { minLength: LABELS * 2, maxLength: LABELS * 2 }), fc.integer({ min: 1, max: 60 }), long, async (texts, count, name) => {
            const base = diffFiles([{
                before: { path: 'a', text: 'old', models: [await modelOf(mapText(texts.slice(0, LABELS), false))] },
                after: { path: 'b', text: 'new', models: [await modelOf(mapText(texts.slice(LABELS), true))] },
            }])[0];
            const files: FileDiff[] = Array.from({ length: count }, (_, i) => ({ ...base, path: `${name}${i}.journey` }));
            const markdown = diffToMarkdown(files, { picture: viewPicture, maxLength: REPORT_MAX_LENGTH });
            expect(markdown.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
            expect(markdown.startsWith(`${COMMENT_MARKER}\n## Journey map changes\n`)).toBe(true);
            const shown = structureOf(githubHtml(markdown));
            expect(mentionsIn(shown.linkableText)).toEqual([]);
            expect(shown.images).toEqual([]);
        }), { numRuns: 8, seed: FUZZ_SEED });
    }, 300_000);
});

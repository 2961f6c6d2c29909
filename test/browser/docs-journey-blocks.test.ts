/**
 * The docs cannot drift from the language: every ```journey block of the README and of docs/*.md
 * is read by the real parser. A whole map (or a file of shared declarations) must check without
 * errors, and every view of it must draw in Mermaid in a real Chromium. A block marked
 * ```journey fragment is a piece of a map (a touchpoint, a stage, a few facts, `…` for what is
 * left out): it must parse at the top of a file or inside a journey, a stage or a touchpoint. A block marked
 * ```journey broken shows a mistake on purpose: it must really have an error.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fencedBlocks } from '../../language-server/src/import/markdown-blocks.js';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import { renderAllViews } from '../../language-server/src/views/index.js';
import { createTestServices, parseJourney } from '../helpers.js';
import { useMermaidBrowser } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PAGES = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];

/** Every ```journey block of the docs, named by page and line. */
const blocks = PAGES.flatMap((page) => fencedBlocks(readFileSync(path.join(ROOT, page), 'utf8'))
    .filter((block) => block.language === 'journey')
    .map((block) => ({ ...block, where: `${page}:${block.firstLine - 1}`, kind: block.info.split(/\s+/)[1] ?? 'map' })));

/** Where a fragment may sit: at the top of a file, inside a journey, a stage, or a touchpoint. */
const CONTEXTS = [
    (text: string) => text,
    (text: string) => `journey doc {\n${text}\n}\n`,
    (text: string) => `journey doc {\nstage doc_stage {\n${text}\n}\n}\n`,
    (text: string) => `journey doc {\nstage doc_stage {\ntouchpoint doc_touchpoint {\n${text}\n}\n}\n}\n`,
];

const syntaxErrors = (document: Awaited<ReturnType<typeof parseJourney>>) =>
    [...document.parseResult.lexerErrors.map((e) => e.message), ...document.parseResult.parserErrors.map((e) => e.message)];

describe('the ```journey blocks of the docs', () => {
    const browser = useMermaidBrowser();

    test('there are blocks of each kind, and no other kind', () => {
        expect(blocks.filter((block) => block.kind === 'map').length).toBeGreaterThanOrEqual(3);
        expect(blocks.filter((block) => block.kind === 'fragment').length).toBeGreaterThanOrEqual(5);
        expect(blocks.filter((block) => !['map', 'fragment', 'broken'].includes(block.kind)).map((block) => block.where)).toEqual([]);
    });

    test.each(blocks.filter((block) => block.kind === 'map').map((block) => [block.where, block] as const))('%s is a map that checks and draws', async (where, block) => {
        const document = await parseJourney(block.text, { services: createTestServices(), uri: 'file:///docs/block.journey' });
        const errors = (document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
        expect(errors, where).toEqual([]);
        const model = buildJourneyModel(document);
        if (!model) return; // shared declarations only: nothing to draw
        for (const view of renderAllViews(model).filter((v) => v.kind === 'diagram')) {
            const result = await browser().render(view.kind === 'diagram' ? view.mermaid : '');
            expect(result.error, `${where}: the ${view.view} view`).toBeUndefined();
            expect(result.svg, `${where}: the ${view.view} view`).toContain('<svg');
        }
    }, 60_000);

    test.each(blocks.filter((block) => block.kind === 'fragment').map((block) => [block.where, block] as const))('%s is a fragment that parses in a map', async (where, block) => {
        const text = block.text.replace(/…/g, '');
        const tried: string[] = [];
        for (const wrap of CONTEXTS) {
            const errors = syntaxErrors(await parseJourney(wrap(text), { services: createTestServices() }));
            if (errors.length === 0) return;
            tried.push(errors[0]);
        }
        expect.fail(`${where}: this fragment does not parse inside a journey, a stage or a touchpoint:\n${tried.join('\n')}`);
    });

    test.each(blocks.filter((block) => block.kind === 'broken').map((block) => [block.where, block] as const))('%s is broken on purpose, and really is', async (where, block) => {
        const document = await parseJourney(block.text, { services: createTestServices() });
        expect((document.diagnostics ?? []).filter((d) => d.severity === 1).length, where).toBeGreaterThan(0);
    });
});

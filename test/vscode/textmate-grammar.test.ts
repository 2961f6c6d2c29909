/** The TextMate grammar the extension contributes, generated from the Langium grammar. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tm = JSON.parse(readFileSync(path.join(root, 'extension/syntaxes/journey.tmLanguage.json'), 'utf8'));
const grammarKeywords = new Set([...readFileSync(path.join(root, 'grammar/journey.langium'), 'utf8')
    .split('\n').filter((line) => !/^\s*(hidden\s+)?terminal/.test(line)).join('\n')
    .matchAll(/'([a-zA-Z]+)'/g)].map((m) => m[1]));
const regex = (name: string) => new RegExp(tm.repository[name].match, 'g');
const generated = !!tm.$comment?.includes('scripts/generate-textmate.mjs');

describe.runIf(generated)('the TextMate grammar', () => {
    it('colours every keyword of the Langium grammar', () => {
        const all = ['declarations', 'references', 'values', 'keywords'].map((n) => tm.repository[n].match as string).join('\n');
        for (const keyword of grammarKeywords) expect(all, keyword).toMatch(new RegExp(`[(|:]${keyword}[|)]`));
    });

    it('colours a declared name and a referenced name', () => {
        expect([...'    touchpoint calls "Calls"'.matchAll(regex('declarations'))][0]?.slice(1, 3)).toEqual(['touchpoint', 'calls']);
        expect([...'      owner sales'.matchAll(regex('references'))][0]?.slice(1, 3)).toEqual(['owner', 'sales']);
        expect([...'  "books online" -> books'.matchAll(regex('references'))][0]?.[2]).toBe('books');
    });

    it('does not colour keywords inside identifiers such as stage-one or journeys', () => {
        expect('next stage-one'.match(regex('keywords'))).toBeNull();
        expect('improves journeys_kpi state_of_mind'.match(regex('keywords'))).toBeNull();
        expect('  state current'.match(regex('keywords'))).toEqual(['state']);
    });

    it('ends an unclosed string at the end of its line, as the STRING terminal does', () => {
        for (const pattern of tm.repository.strings.patterns) expect(pattern.end).toMatch(/\|\$$/);
    });

    it('colours numbers, but not digits inside identifiers', () => {
        expect('emotion 4 reach 1200.5 target -3'.match(regex('numbers'))).toEqual(['4', '1200.5', '-3']);
        expect('touchpoint t0_12'.match(regex('numbers'))).toBeNull();
    });
});

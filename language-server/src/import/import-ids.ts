/**
 * Ids for imported elements: derived from their labels (`"Calls for a quote"` → `calls_for_a_quote`),
 * always valid in the .journey language (never a keyword the grammar reserves) and unique in
 * the scope they are allocated in (`calls_2` for a second one).
 */
import { AstUtils, GrammarAST } from 'langium';
import { JourneyMapsGrammar } from '../generated/grammar.js';
import { labelStem } from './label-stem.js';

/** What an id looks like in the grammar (terminal ID). */
const ID_PATTERN = /^[_a-zA-Z](?:[\w-]*\w)?$/;

let reserved: Set<string> | undefined;

/** The keywords that cannot be ids: every keyword of the grammar but those the `Id` rule accepts. */
export function reservedWords(): Set<string> {
    if (reserved) return reserved;
    const grammar = JourneyMapsGrammar();
    const all = new Set<string>();
    for (const node of AstUtils.streamAllContents(grammar)) {
        if (GrammarAST.isKeyword(node) && /^[a-z]+$/i.test(node.value)) all.add(node.value);
    }
    const idRule = grammar.rules.find((rule) => rule.name === 'Id');
    const allowed = new Set<string>();
    if (idRule) {
        for (const node of AstUtils.streamAllContents(idRule)) {
            if (GrammarAST.isKeyword(node)) allowed.add(node.value);
        }
    }
    reserved = new Set([...all].filter((word) => !allowed.has(word)));
    return reserved;
}

/** True when `id` can be written as an id in a .journey file. */
export function isValidId(id: string): boolean {
    return ID_PATTERN.test(id) && !reservedWords().has(id);
}

/** The id a label suggests: its stem (see `labelStem`), with `_` after a keyword the grammar reserves (`stage_`). */
export function idFromLabel(label: string, fallback: string): string {
    const id = labelStem(label, fallback);
    return reservedWords().has(id) ? `${id}_` : id;
}

/** Hands out unique ids within one scope (a journey's flow elements, its personas…). */
export class IdAllocator {
    private readonly taken = new Set<string>();

    /** Marks `id` as used (an id the source gave explicitly). Returns false when it already was. */
    claim(id: string): boolean {
        if (this.taken.has(id)) return false;
        this.taken.add(id);
        return true;
    }

    /** A new unique id for `label`: the label's id, or with `_2`, `_3`… when it is taken. */
    allocate(label: string, fallback: string): string {
        const first = idFromLabel(label, fallback);
        // A keyword's id ends in `_` (journey_); its next ones are journey_2, journey_3…
        const base = first.endsWith('_') && reservedWords().has(first.slice(0, -1)) ? first.slice(0, -1) : first;
        let id = first;
        for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
        this.taken.add(id);
        return id;
    }
}

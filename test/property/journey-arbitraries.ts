/**
 * Random valid .journey maps for property tests, and a printer that writes them in a random,
 * messy but valid layout (odd spacing, line breaks, single or double quotes, comments anywhere
 * a comment may go), so the formatter meets the texts people really write.
 */
import fc from 'fast-check';
import { quoteString } from '../../language-server/src/language/journey-value-converter.js';

/** A fact or a nested element: its words, and its children for blocks. */
export interface Element {
    words: Word[];
    children?: Element[];
}
/** A word: a keyword or id (`kw`), a number, or a label (printed with a random quote style). */
export type Word = { kw: string } | { label: string };

const ID_POOL = ['alex', 'sam', 'web', 'phone', 'sales', 'ops', 'a1', 'b_2', 'c-3', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's2', 't2', 'u2', 'v2', 'w2', 'x2'];
const LABEL_CHARS = ['a', 'Z', ' ', 'é', 'ß', '☕', '😀', '👩‍👩‍👧', '早', 'مرحبا', "'", '"', '\\', '//', '/*', '*/', '{', '}', '->', '#', ':', ';', '\t', '\n', '1'];

const label = fc.array(fc.constantFrom(...LABEL_CHARS), { maxLength: 6 }).map((parts) => parts.join(''));
const optionalLabel = fc.option(label, { nil: undefined });
const score = fc.integer({ min: 1, max: 5 });

/** A random valid map: one journey, with shared declarations before it. */
export const journeyFile: fc.Arbitrary<Element[]> = fc
    .uniqueArray(fc.constantFrom(...ID_POOL), { minLength: 16, maxLength: 24 })
    .chain((ids) => {
        const [persona, channel, team, stage1, stage2, tp1, tp2, tp3, decision, outcome, action, kpi, journey, sharedPersona, ...rest] = ids as [string, ...string[]];
        void rest;
        const touchpoint = (id: string, others: string[]) =>
            fc.record({
                label: optionalLabel,
                facts: fc.subarray([
                    fc.constant([{ kw: 'persona' }, { kw: persona! }]),
                    fc.constant([{ kw: 'persona' }, { kw: sharedPersona! }]),
                    fc.constant([{ kw: 'channel' }, { kw: channel! }]),
                    fc.constant([{ kw: 'owner' }, { kw: team! }]),
                    score.map((s) => [{ kw: 'emotion' }, { kw: String(s) }]),
                    score.map((s) => [{ kw: 'expected' }, { kw: String(s) }, { kw: 'for' }, { kw: persona! }]),
                    label.map((l) => [{ kw: 'pain' }, { label: l }]),
                    label.map((l) => [{ kw: 'gain' }, { label: l }]),
                    label.map((l) => [{ kw: 'opportunity' }, { label: l }]),
                    fc.nat(100000).map((n) => [{ kw: 'reach' }, { kw: String(n) }]),
                    fc.constant([{ kw: 'moment' }, { kw: 'of' }, { kw: 'truth' }]),
                    label.map((l) => [{ kw: 'backstage' }, { label: l }]),
                    label.map((l) => [{ kw: 'tone' }, { label: l }]),
                    label.map((l) => [{ kw: 'data' }, { label: l }]),
                    label.map((l) => [{ kw: 'data' }, { label: l }]),
                    fc.constantFrom(...others).map((o) => [{ kw: 'next' }, { kw: o }]),
                ].map((arb) => arb), { minLength: 0 }),
            }).chain(({ label: l, facts }) => fc.tuple(...facts).map((words): Element => ({
                words: [{ kw: 'touchpoint' }, { kw: id }, ...(l === undefined ? [] : [{ label: l }])],
                children: words.map((w) => ({ words: w as Word[] })),
            })));
        return fc.record({
            sharedLabel: optionalLabel,
            journeyLabel: optionalLabel,
            state: fc.option(fc.constantFrom('current', 'future'), { nil: undefined }),
            goals: fc.array(label, { maxLength: 2 }),
            t1: touchpoint(tp1!, [tp2!, outcome!, stage2!]),
            t2: touchpoint(tp2!, [tp3!, decision!]),
            t3: touchpoint(tp3!, [outcome!]),
            branchLabel: optionalLabel,
            kpiTarget: fc.option(fc.nat(1000), { nil: undefined }),
            kpiActual: fc.option(fc.oneof(fc.nat(1000), fc.constant(2.5)), { nil: undefined }),
            channelTone: fc.option(label, { nil: undefined }),
            lang: fc.option(fc.constantFrom('en', 'fr', 'FR', 'de'), { nil: undefined }),
            impact: score,
        }).map((r): Element[] => [
            { words: [{ kw: 'persona' }, { kw: sharedPersona! }, ...(r.sharedLabel === undefined ? [] : [{ label: r.sharedLabel }])] },
            {
                words: [{ kw: 'journey' }, { kw: journey! }, ...(r.journeyLabel === undefined ? [] : [{ label: r.journeyLabel }])],
                children: [
                    ...(r.state ? [{ words: [{ kw: 'state' }, { kw: r.state }] }] : []),
                    ...(r.lang ? [{ words: [{ kw: 'lang' }, { kw: r.lang }] }] : []),
                    { words: [{ kw: 'persona' }, { kw: persona! }], children: r.goals.map((g) => ({ words: [{ kw: 'goal' }, { label: g }] })) },
                    { words: [{ kw: 'channel' }, { kw: channel! }, { kw: 'online' }, ...(r.channelTone === undefined ? [] : [{ kw: 'tone' }, { label: r.channelTone }])] },
                    { words: [{ kw: 'team' }, { kw: team! }] },
                    {
                        words: [{ kw: 'stage' }, { kw: stage1! }],
                        children: [
                            { words: [{ kw: 'kpi' }, { kw: kpi! }, ...(r.kpiTarget === undefined ? [] : [{ kw: 'target' }, { kw: String(r.kpiTarget) }]), ...(r.kpiActual === undefined ? [] : [{ kw: 'actual' }, { kw: String(r.kpiActual) }])] },
                            r.t1,
                            { words: [{ kw: 'decision' }, { kw: decision! }], children: [
                                { words: [...(r.branchLabel === undefined ? [] : [{ label: r.branchLabel }]), { kw: '->' }, { kw: tp3! }] },
                                { words: [{ label: 'other' }, { kw: '->' }, { kw: outcome! }] },
                            ] },
                        ],
                    },
                    { words: [{ kw: 'stage' }, { kw: stage2! }], children: [r.t2, r.t3] },
                    { words: [{ kw: 'outcome' }, { kw: outcome! }] },
                    { words: [{ kw: 'action' }, { kw: action! }], children: [
                        { words: [{ kw: 'improves' }, { kw: tp1! }] },
                        { words: [{ kw: 'impact' }, { kw: String(r.impact) }] },
                    ] },
                ],
            },
        ]);
    });

/** Choices for the messy printer: spacing between words and facts, quote styles, comments. */
export interface Layout {
    spaces: string[];
    breaks: string[];
    singleQuotes: boolean[];
    comments: boolean[];
}

export const layout: fc.Arbitrary<Layout> = fc.record({
    spaces: fc.array(fc.constantFrom(' ', '  ', '\t', '\n', ' \n\n  '), { minLength: 1, maxLength: 20 }),
    breaks: fc.array(fc.constantFrom('\n', ' ', '\n\n\n', '\n      ', '\r\n'), { minLength: 1, maxLength: 20 }),
    singleQuotes: fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
    comments: fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }),
});

/** Prints elements with the messy layout; every comment is unique, so tests can find each one after formatting. */
export function printMessy(elements: Element[], choice: Layout): string {
    let counter = 0;
    const pick = <T>(list: T[]) => list[counter++ % list.length]!;
    const comment = () => {
        if (!pick(choice.comments)) return '';
        return counter % 2 === 0 ? `// note ${counter} "quoted" -> ${'é'.repeat(counter % 3)}\n` : `/* block ${counter}\n   keeps its lines */ `;
    };
    const word = (w: Word) => ('kw' in w ? w.kw : quote(w.label, pick(choice.singleQuotes)));
    const print = (element: Element): string => {
        let text = comment() + element.words.map(word).join(pick(choice.spaces));
        if (element.children) {
            text += pick(choice.spaces) + '{' + pick(choice.breaks);
            text += element.children.map((child) => print(child) + pick(choice.breaks)).join('');
            text += comment() + '}';
        }
        return text;
    };
    return elements.map((e) => print(e)).join(pick(choice.breaks)) + pick(choice.breaks);
}

/** A label as a single- or double-quoted literal that reads back as the same text. */
function quote(text: string, single: boolean): string {
    if (!single) return quoteString(text);
    return "'" + text.replace(/[\\'\n\r\t]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!) + "'";
}

/**
 * Documentation of keywords, taken from the comments above the grammar's rules
 * (`/** … *\/` in grammar/journey.langium), so the grammar is the one place it is written.
 */
import { GrammarAST, type Grammar } from 'langium';

/** Keywords that are explained better by another rule than by the one they appear in. */
const EXPLAINED_BY: Record<string, string> = {
    online: 'ChannelMode',
    offline: 'ChannelMode',
    current: 'JourneyState',
    future: 'JourneyState',
    moment: 'MomentOfTruth',
    of: 'MomentOfTruth',
    truth: 'MomentOfTruth',
    '->': 'Branch',
};

/** Short explanations of keywords that introduce a fact inside a rule rather than a rule of their own. */
const FACTS: Record<string, string> = {
    state: '`state current` (as-is) or `state future` (to-be): which journey this map shows.',
    description: '`description "<text>"` — a longer explanation shown with the element.',
    goal: '`goal "<text>"` — what the persona wants to achieve.',
    need: '`need "<text>"` — what the persona needs from the company.',
    frustration: '`frustration "<text>"` — what annoys the persona today.',
    owner: '`owner <team>` — the team responsible for this touchpoint or action.',
    pain: '`pain "<text>"` — an irritant the customer meets at this touchpoint.',
    gain: '`gain "<text>"` — a satisfaction point of this touchpoint.',
    opportunity: '`opportunity "<text>"` — an improvement idea for this touchpoint.',
    reach: '`reach <number>` — how many customers get to this touchpoint (feeds the funnel).',
    backstage: '`backstage "<text>"` — what happens behind the scenes (shown in the blueprint).',
    next: '`next <step>` — where the customer goes after this touchpoint: a touchpoint, decision, stage or outcome. Without `next`, document order is the path.',
    improves: '`improves <touchpoint>` — a touchpoint this action makes better.',
    impact: '`impact <1..5>` — how much the action helps (1 very low … 5 very high).',
    effort: '`effort <1..5>` — how much work the action takes (1 very low … 5 very high).',
    target: '`target <number>` — the value the KPI should reach.',
    actual: '`actual <number>` — the measured value of the KPI, read against its target.',
    tone: '`tone "<text>"` — the voice and tone to use on this channel or at this touchpoint, adjusted to the situation and the customer\'s emotional state (e.g. "Reassuring, no jargon").',
    data: '`data "<text>"` — a data point this touchpoint captures or uses to personalise the experience (birthday, preferences, past visits…); write one per line.',
    unit: '`unit "<text>"` — the unit of the KPI (views, %, €…).',
    for: '`for <persona>` — the score of one persona only.',
};

/** The Markdown documentation of a keyword, or undefined when there is none. */
export function keywordDocumentation(grammar: Grammar, keyword: string): string | undefined {
    const rules = grammar.rules.filter(GrammarAST.isParserRule);
    const name = EXPLAINED_BY[keyword];
    const rule = name ? rules.find((r) => r.name === name) : rules.find((r) => firstKeyword(r.definition) === keyword);
    return (rule ? commentOf(rule) : undefined) ?? FACTS[keyword];
}

/** The keyword a rule starts with (`persona` for Persona). */
function firstKeyword(element: GrammarAST.AbstractElement): string | undefined {
    if (GrammarAST.isKeyword(element)) return element.value;
    if (GrammarAST.isGroup(element)) {
        const first = element.elements.find((e) => !GrammarAST.isAction(e));
        return first ? firstKeyword(first) : undefined;
    }
    return undefined;
}

function commentOf(rule: GrammarAST.ParserRule): string | undefined {
    const comment = (rule as { $comment?: string }).$comment;
    if (!comment) return undefined;
    return comment.replace(/^\/\*\*?/, '').replace(/\*\/$/, '').split('\n').map((line) => line.replace(/^\s*\*\s?/, '')).join('\n').trim();
}

/** Specification of the rules on the path customers take: unreachable steps, decisions, loops that trap, reach against what flows in. */
import { expectError, expectNoIssues, expectWarning } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { IssueCodes } from '../../language-server/src/language/journey-validator.js';
import { issuesOf, locate, validateJourney } from '../helpers.js';

describe('steps nobody reaches', () => {
    test('a touchpoint skipped by a next link and targeted by nothing is a warning on its id', async () => {
        const text = 'journey m {\n  stage s {\n    touchpoint a { next c }\n    touchpoint b\n    touchpoint c\n  }\n}';
        const result = await validateJourney(text);
        expectWarning(result, "No path from the start of the journey leads to touchpoint 'b'. Point a next link or a decision branch at it, or remove it.",
            { offset: text.indexOf('touchpoint b') + 11, length: 1, code: IssueCodes.UnreachableStep, data: { code: IssueCodes.UnreachableStep, id: 'b' } });
        expect(result.diagnostics).toHaveLength(1);
    });

    test('a decision after an outcome-bound branch is unreachable too', async () => {
        const text = 'journey m {\n  stage s {\n    touchpoint a { next lost }\n    decision d { "x" -> a "y" -> lost }\n  }\n  outcome lost\n}';
        const result = await validateJourney(text);
        expectWarning(result, "No path from the start of the journey leads to decision 'd'. Point a next link or a decision branch at it, or remove it.",
            { offset: text.indexOf('decision d') + 9, length: 1, code: IssueCodes.UnreachableStep });
    });

    test('document order, next links across stages and links to a stage reach everything', async () => {
        const result = await validateJourney(`journey m {
  stage s1 {
    touchpoint a { next s3 }
    touchpoint b
  }
  stage s2 { touchpoint c }
  stage s3 {
    decision d { "back" -> b "on" -> e }
    touchpoint e
  }
}`);
        expectNoIssues(result);
    });
});

describe('decisions', () => {
    test('a decision with one branch is an error on its id', async () => {
        const text = 'journey m {\n  stage s {\n    decision choose "Books?" { "yes" -> t }\n    touchpoint t\n  }\n}';
        const result = await validateJourney(text);
        expectError(result, `Decision 'choose' has only one branch: give it at least two answers, e.g. "yes" -> somewhere and "no" -> elsewhere. For a single way on, use next on a touchpoint.`,
            { ...locate(text, 'choose'), code: IssueCodes.TooFewBranches });
    });

    test('a decision with no branch says so', async () => {
        const text = 'journey m { stage s { touchpoint t decision choose { } } }';
        const result = await validateJourney(text);
        expectError(result, /^Decision 'choose' has no branches: give it at least two answers/, { ...locate(text, 'choose'), code: IssueCodes.TooFewBranches });
    });

    test('a branch without a label is a warning on the branch', async () => {
        const text = 'journey m {\n  stage s {\n    decision d { "yes" -> t -> u }\n    touchpoint t\n    touchpoint u\n  }\n}';
        const result = await validateJourney(text);
        expectWarning(result, `This branch has no label. Write the answer that sends customers to 'u' before the arrow, e.g. "yes" -> u.`,
            { ...locate(text, '-> u'), code: IssueCodes.MissingLabel, data: { code: IssueCodes.MissingLabel, target: 'u' } });
        expect(result.diagnostics).toHaveLength(1);
    });

    test('a branch with an empty or blank label', async () => {
        const text = 'journey m { stage s { decision d { "" -> t "  " -> u } touchpoint t touchpoint u } }';
        const result = await validateJourney(text);
        expectWarning(result, "This branch label is empty. Write the answer that sends customers to 't'.", { ...locate(text, '""'), code: IssueCodes.EmptyLabel });
        expectWarning(result, "This branch label is only spaces. Write the answer that sends customers to 'u'.", { ...locate(text, '"  "'), code: IssueCodes.EmptyLabel });
    });

    test('two labelled branches are fine', async () => {
        expectNoIssues(await validateJourney('journey m { stage s { decision d { "yes" -> t "no" -> lost } touchpoint t } outcome lost }'));
    });
});

describe('links to a stage', () => {
    test('a next link or a branch to a stage without steps is a warning on the link', async () => {
        const text = 'journey m {\n  stage a {\n    touchpoint t { next later }\n    decision d { "yes" -> later "no" -> t }\n  }\n  stage later {\n    kpi k\n  }\n}';
        const result = await validateJourney(text);
        const message = "Stage 'later' has no touchpoint or decision yet, so customers sent there go nowhere. Add a touchpoint to it, or link to a step.";
        expectWarning(result, message, { ...locate(text, 'later', 1), code: IssueCodes.LinkToEmptyStage });
        expectWarning(result, message, { ...locate(text, 'later', 2), code: IssueCodes.LinkToEmptyStage });
    });

    test('a link to a stage with steps leads to its first step, without a warning', async () => {
        expectNoIssues(await validateJourney('journey m { stage a { touchpoint t { next b } } stage b { touchpoint u } }'));
    });
});

describe('loops that trap customers', () => {
    test('a → b → a is a warning on the next link that closes the loop, listing it', async () => {
        const text = 'journey m {\n  stage s {\n    touchpoint a\n    touchpoint b { next a }\n  }\n}';
        const result = await validateJourney(text);
        expectWarning(result, "Customers who reach 'a' can never leave: a → b → a. Add a next or a branch that leads out.",
            { offset: text.indexOf('next a') + 5, length: 1, code: IssueCodes.TrappingLoop, data: { code: IssueCodes.TrappingLoop, loop: ['a', 'b', 'a'] } });
        expect(result.diagnostics).toHaveLength(1);
    });

    test('a loop through a decision is reported on the branch that closes it', async () => {
        const text = 'journey m {\n  stage s {\n    touchpoint a { next b }\n    touchpoint b { next d }\n    decision d { "again" -> b "retry" -> a }\n  }\n}';
        const result = await validateJourney(text);
        expectWarning(result, "Customers who reach 'a' can never leave: a → b → d → a. Add a next or a branch that leads out.",
            { offset: text.indexOf('-> a') + 3, length: 1, code: IssueCodes.TrappingLoop });
    });

    test('a touchpoint that leads to itself', async () => {
        const text = 'journey m { stage s { touchpoint a { next a } } }';
        const result = await validateJourney(text);
        expectWarning(result, "Customers who reach 'a' can never leave: a → a. Add a next or a branch that leads out.",
            { offset: text.indexOf('next a') + 5, length: 1, code: IssueCodes.TrappingLoop });
    });

    test('a loop that leads on into another trap is not reported: the trap it leads to is', async () => {
        const text = 'journey m {\n  stage a {\n    touchpoint t1 { next t2 }\n    touchpoint t2 { next t1 next t3 }\n  }\n  stage c {\n    touchpoint t3 { next t3 }\n  }\n}';
        const result = await validateJourney(text);
        expectWarning(result, "Customers who reach 't3' can never leave: t3 → t3. Add a next or a branch that leads out.",
            { offset: text.lastIndexOf('next t3') + 5, length: 2, code: IssueCodes.TrappingLoop });
        expect(result.diagnostics.map((d) => d.message)).toHaveLength(1);
    });

    test('a loop with a way out traps nobody', async () => {
        const result = await validateJourney('journey m { stage s { touchpoint a touchpoint b { next d } decision d { "again" -> a "done" -> won } } outcome won }');
        expectNoIssues(result);
    });
});

describe('reach against what flows in', () => {
    const code = IssueCodes.ReachExceedsInflow;

    test('more customers than the touchpoint before brings is a warning on the reach', async () => {
        const text = 'journey m {\n  stage s {\n    touchpoint a { reach 100 }\n    touchpoint b { reach 150 }\n  }\n}';
        const result = await validateJourney(text);
        expectWarning(result, "Reach 150 is more than can arrive here: the touchpoint before it, 'a' (100), brings at most 100 customers. Lower this reach, or raise theirs.",
            { ...locate(text, '150'), code, data: { code, max: 100 } });
    });

    test('predecessors are summed, looking through decisions', async () => {
        const text = `journey m {
  stage s {
    touchpoint a { reach 100 next d }
    touchpoint b { reach 50 next d }
    decision d { "yes" -> c "no" -> lost }
    touchpoint c { reach 151 }
  }
  outcome lost
}`;
        const result = await validateJourney(text);
        expectWarning(result, "Reach 151 is more than can arrive here: the touchpoints before it, 'a' (100) and 'b' (50), bring at most 150 customers. Lower this reach, or raise theirs.",
            { ...locate(text, '151'), code, data: { code, max: 150 } });
        // 'b' has no path to it but is still counted: the author says customers come from it
        expect(issuesOf(result).filter((line) => line.startsWith(code))).toHaveLength(1);
    });

    test('equal to the inflow is fine', async () => {
        const result = await validateJourney('journey m { stage s { touchpoint a { reach 100 next d } decision d { "y" -> c "n" -> lost } touchpoint c { reach 100 } } outcome lost }');
        expectNoIssues(result);
    });

    test('no warning when a predecessor has no reach, or at the start', async () => {
        const result = await validateJourney(`journey m {
  stage s {
    touchpoint a { reach 10 }
    touchpoint b { next c }
    touchpoint x { reach 5 next c }
    touchpoint c { reach 1000 }
  }
}`);
        expectNoIssues(result, { code });
    });
});

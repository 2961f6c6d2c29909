/**
 * The views size their pictures from what they hold, drawn by the real Mermaid in a real
 * Chromium: long touchpoint names keep every name on the emotion axis and the whole legend
 * in the picture; a long task text fits its journey box; actions with the same scores stay
 * in their own quadrant, and their labels stay apart and inside the chart. Screenshots land
 * in test-output/screenshots/layout-*.png.
 */
import { describe, expect, test } from 'vitest';
import { buildJourneyModel } from '../../language-server/src/model/build-model.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';
import { renderView, type ViewId } from '../../language-server/src/views/index.js';
import { parseJourney } from '../helpers.js';
import { saveScreenshot, useMermaidBrowser } from './harness.js';
import { emotionFacts, expectEmotionLabels, expectJourneyLabels, expectPriorityLabels, journeyFacts, prioritiesFacts } from './views-dom.js';

async function model(text: string): Promise<JourneyModel> {
    const document = await parseJourney(text);
    expect((document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => d.message)).toEqual([]);
    return buildJourneyModel(document)!;
}

const browser = useMermaidBrowser();

async function draw(journey: JourneyModel, view: ViewId, screenshot: string): Promise<void> {
    const result = renderView(journey, view);
    expect(result.kind).toBe('diagram');
    const drawn = await browser().render(result.kind === 'diagram' ? result.mermaid : '');
    expect(drawn.error).toBeUndefined();
    await saveScreenshot(browser(), `layout-${screenshot}`);
}

/** A sentence of about `length` characters, with ordinary words. */
function sentence(length: number): string {
    const words = 'Calls the call centre to ask whether the cleaner can come on Saturday morning instead of Monday and what it costs'.split(' ');
    let text = '';
    for (let i = 0; text.length < length; i++) text += `${i ? ' ' : ''}${words[i % words.length]}`;
    return text.slice(0, length).trimEnd();
}

const PERSONAS = `
  persona nadia "Nadia, fleet manager (prescriber)"
  persona julie "Julie, independent fleet consultant (advisor)"
  persona marc "Marc, chief financial officer (decision maker)"`;

/** A map with a touchpoint named `long` between short ones, three personas with scores of their own, and expected scores. */
function emotionMap(long: string): string {
    return `journey j "Buying FleetWise, fleet-management software (as-is)" {${PERSONAS}
  stage s "Stage" {
    touchpoint a "Meets us at the trade show" { emotion 3 emotion 4 for nadia expected 4 }
    touchpoint b ${JSON.stringify(long)} { emotion 2 emotion 1 for julie emotion 3 for marc }
    touchpoint c "Negotiates the contract" { emotion 4 expected 5 }
  }
}`;
}

describe('emotion view: every touchpoint name, the score rows and the whole legend are drawn', () => {
    test('with the legend of four people (the purchase example)', async () => {
        const journey = await model(emotionMap('Attends a webinar: "Cut fuel costs by 12%"'));
        await draw(journey, 'emotion', 'emotion-legend');
        expectEmotionLabels(await emotionFacts(browser()), journey, 'four-person legend');
    });

    for (const length of [90, 300]) {
        test(`with a touchpoint name of ${length} characters`, async () => {
            const journey = await model(emotionMap(sentence(length)));
            await draw(journey, 'emotion', `emotion-${length}`);
            expectEmotionLabels(await emotionFacts(browser()), journey, `${length}-character name`);
        });
    }

    test('with a touchpoint named like markup (<script>w = 1</script>), every name stays', async () => {
        const journey = await model(emotionMap('<script>w = 1</script>'));
        await draw(journey, 'emotion', 'emotion-script');
        expectEmotionLabels(await emotionFacts(browser()), journey, 'script-like name');
    });

    test('with a touchpoint name of 2,000 characters the other names stay', async () => {
        const journey = await model(emotionMap(sentence(2000)));
        await draw(journey, 'emotion', 'emotion-2000');
        const facts = await emotionFacts(browser());
        // Lines break between words: the names are compared without spaces.
        const names = facts.names.map((label) => label.text.replace(/\s+/g, ''));
        expect(names).toContain('Meetsusatthetradeshow');
        expect(names).toContain('Negotiatesthecontract');
        expect(facts.legend?.text).toContain('Overall');
    });
});

describe('journey view: task boxes hold their text', () => {
    test('a 90-character touchpoint and its per-persona task fit their boxes', async () => {
        const journey = await model(`journey j "Home cleaning" {${PERSONAS}
  stage s "Consideration" {
    touchpoint a "Finds us" { emotion 3 }
    touchpoint b ${JSON.stringify(sentence(90))} { persona nadia emotion 2 emotion 1 for marc }
  }
  stage t "Purchase" { touchpoint c "Books online" { emotion 4 } }
}`);
        await draw(journey, 'journey', 'journey-90');
        expectJourneyLabels(await journeyFacts(browser()), journey, '90-character task');
    });

    test('a title wider than the tasks is drawn whole: the picture grows to hold it', async () => {
        const journey = await model(`journey j "Booking a home cleaning from the phone in the evening, after work, for the whole family" {
  stage s "S" { touchpoint a "Looks" { emotion 3 } }
}`);
        await draw(journey, 'journey', 'journey-long-title');
        expectJourneyLabels(await journeyFacts(browser()), journey, 'long title');
    });

    test('a 200-character touchpoint fits its box', async () => {
        const journey = await model(`journey j "Home cleaning" {
  stage s "Consideration" { touchpoint b ${JSON.stringify(sentence(200))} { emotion 2 } touchpoint c "Books" { emotion 4 } }
}`);
        await draw(journey, 'journey', 'journey-200');
        expectJourneyLabels(await journeyFacts(browser()), journey, '200-character task');
    });
});

describe('priorities view: points stay in their quadrant, labels apart and inside the chart', () => {
    test('the home-cleaning actions: two labels at the same impact no longer overlap', async () => {
        const journey = await model(`journey j "Booking a home cleaning" {
  action instant_quote "Instant online quote" { impact 5 effort 3 }
  action evening_shift "Answer the phone until 9 pm" { impact 4 effort 2 }
  action one_click_rebook "One-click rebooking" { impact 3 effort 1 }
  action show_prices "Show prices on the home page" { impact 4 effort 1 }
}`);
        await draw(journey, 'priorities', 'priorities-neighbours');
        expectPriorityLabels(await prioritiesFacts(browser()), journey, 'home cleaning', { noOverlaps: true });
    });

    test('four actions with the same impact and effort stay in Quick wins, near their place, apart', async () => {
        const journey = await model(`journey j "Same scores" {
  action a "Call back within the hour" { impact 4 effort 2 }
  action b "Send the quote by SMS" { impact 4 effort 2 }
  action c "Book a visit online" { impact 4 effort 2 }
  action d "Add evening slots" { impact 4 effort 2 }
  action e "Rework the whole CRM" { impact 2 effort 5 }
  action f "Middle of the road" { impact 3 effort 3 }
  action g "Also in the middle" { impact 3 effort 3 }
}`);
        await draw(journey, 'priorities', 'priorities-same-scores');
        const facts = await prioritiesFacts(browser());
        expectPriorityLabels(facts, journey, 'same scores', { noOverlaps: true });
        // Near their true place: impact 4 is at 0.675 of the height; none strays more than 0.15 away.
        const height = facts.area.bottom - facts.area.top;
        for (const point of facts.points.filter((p) => !/CRM|middle/i.test(p.text))) {
            const y = (facts.area.bottom - point.cy) / height;
            expect(Math.abs(y - 0.675), `${point.text} at ${y.toFixed(3)}`).toBeLessThan(0.15);
        }
    });

    test('a long label near the left edge stays inside the chart', async () => {
        const journey = await model(`journey j "Long names" {
  action a ${JSON.stringify(sentence(120))} { impact 5 effort 1 }
  action b "Short" { impact 1 effort 5 }
  action c ${JSON.stringify(sentence(60))} { impact 1 effort 1 }
}`);
        await draw(journey, 'priorities', 'priorities-long-label');
        expectPriorityLabels(await prioritiesFacts(browser()), journey, 'long label', { noOverlaps: true });
    });
});

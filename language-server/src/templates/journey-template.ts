/**
 * The map "Journey: New Journey Map" starts from: a journey named by its author, with one
 * persona, a channel, a team, three stages and a few touchpoints, each fact on its own line and
 * commented where it first appears, so a newcomer learns the language by changing it. The text
 * is formatted (the formatter leaves it as it is) and checks without errors or warnings.
 */
import { labelStem } from '../import/label-stem.js';
import { quoteString } from '../language/journey-value-converter.js';

/** A new map: its journey id (also the file's name) and its text. */
export interface NewJourneyMap {
    id: string;
    text: string;
}

/** Why a journey name cannot start a map, or undefined when it can. */
export function journeyNameProblem(name: string): string | undefined {
    if (name.trim() === '') return 'Give the journey a name, such as "Booking a home cleaning".';
    if (/[\r\n]/.test(name)) return 'A journey name is one line.';
    return undefined;
}

/**
 * The id a journey named `name` gets: the words of its name (`Booking a cleaning` → `booking_a_cleaning`).
 * A one-word name gets `_map` after it (`Checkout` → `checkout_map`), so it is never a keyword of
 * the language (keywords are single words); this keeps the grammar out of the extension host.
 */
export function journeyIdFor(name: string): string {
    const stem = labelStem(name.trim(), 'my_journey');
    return stem.includes('_') ? stem : `${stem}_map`;
}

/** The text of a new map for the journey `name`, with the given id (by default, derived from the name). */
export function newJourneyMap(name: string, id = journeyIdFor(name)): NewJourneyMap {
    const label = quoteString(name.trim());
    const text = `// ${name.trim().replace(/[\r\n]+/g, ' ')}: a journey map.
// Rename, add and remove lines to tell your customers' story.
// Each touchpoint says how the customer feels, 1 (angry) to 5 (delighted).
journey ${id} ${label} {
  state current
  description "From the first contact to coming back"

  // Who goes through the journey.
  persona customer "Our customer" {
    goal "What they want to get done"
    frustration "What gets in their way today"
  }

  // Where touchpoints happen, and who owns them.
  channel website "Website" online
  channel phone "Phone" offline
  team support "Customer support"

  stage discover "Discover" {
    touchpoint hears_about_us "Hears about us" {
      persona customer
      emotion 3
    }
    touchpoint visits_website "Visits the website" {
      persona customer
      channel website
      emotion 4
      gain "Clear prices on the home page"
    }
  }

  stage buy "Buy" {
    touchpoint calls "Calls with a question" {
      persona customer
      channel phone
      owner support
      emotion 2
      expected 4
      pain "Waits ten minutes on hold"
      opportunity "Answer the usual questions on the website"
    }
  }

  stage come_back "Come back" {
    touchpoint recommends "Recommends us" {
      persona customer
      emotion 5
    }
  }
}
`;
    return { id, text };
}

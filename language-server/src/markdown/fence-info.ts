/** The info string of a Markdown fence (```journey flow): plain text rules shared by the CLI and the Markdown preview plugin. */

/** Splits an info string into its language word (lower case) and the rest, trimmed (`journey flow` → journey, flow). */
export function parseInfo(info: string): { language: string; argument: string } {
    const trimmed = info.trim();
    const space = trimmed.search(/\s/);
    const language = (space < 0 ? trimmed : trimmed.slice(0, space)).toLowerCase();
    return { language, argument: space < 0 ? '' : trimmed.slice(space).trim() };
}

/** Writes an imported journey as .journey text (one fact per line; the CLI then formats it canonically). */
import { quoteString } from '../language/journey-value-converter.js';
import type { ImportedElement, ImportedJourney, ImportedTouchpoint } from './imported-journey.js';

/** The .journey text of an imported journey, with `comment` lines (e.g. where it came from) on top. */
export function journeySource(journey: ImportedJourney, comment: string[] = []): string {
    const lines = [...comment, ...(journey.notes ?? [])].map((line) => `// ${line.replace(/[\r\n]+/g, ' ')}`);
    lines.push(`journey ${declaration(journey)} {`);
    if (journey.description !== undefined) lines.push(`  description ${quoteString(journey.description)}`);
    const declarations = [
        ...journey.personas.map((persona) => `  persona ${declaration(persona)}`),
        ...journey.channels.map((channel) => `  channel ${declaration(channel)}`),
        ...journey.teams.map((team) => `  team ${declaration(team)}`),
    ];
    if (declarations.length > 0) lines.push('', ...declarations);
    for (const stage of journey.stages) {
        lines.push('', `  stage ${declaration(stage)} {`);
        for (const touchpoint of stage.touchpoints) lines.push(...touchpointLines(touchpoint));
        lines.push('  }');
    }
    lines.push('}');
    return `${lines.join('\n')}\n`;
}

function touchpointLines(touchpoint: ImportedTouchpoint): string[] {
    const facts = [
        ...(touchpoint.description !== undefined ? [`description ${quoteString(touchpoint.description)}`] : []),
        ...touchpoint.personas.map((id) => `persona ${id}`),
        ...touchpoint.channels.map((id) => `channel ${id}`),
        ...(touchpoint.owner !== undefined ? [`owner ${touchpoint.owner}`] : []),
        ...(touchpoint.emotion !== undefined ? [`emotion ${touchpoint.emotion}`] : []),
        ...(touchpoint.expected !== undefined ? [`expected ${touchpoint.expected}`] : []),
        ...touchpoint.pains.map((text) => `pain ${quoteString(text)}`),
        ...touchpoint.gains.map((text) => `gain ${quoteString(text)}`),
        ...touchpoint.opportunities.map((text) => `opportunity ${quoteString(text)}`),
        ...(touchpoint.reach !== undefined ? [`reach ${touchpoint.reach}`] : []),
        ...(touchpoint.momentOfTruth ? ['moment of truth'] : []),
        ...touchpoint.backstage.map((text) => `backstage ${quoteString(text)}`),
    ];
    const head = `    touchpoint ${declaration(touchpoint)}`;
    return facts.length === 0 ? [head] : [`${head} {`, ...facts.map((fact) => `      ${fact}`), '    }'];
}

/** `id "label"`, or the id alone when there is no label. */
function declaration(element: ImportedElement): string {
    return element.label === undefined ? element.id : `${element.id} ${quoteString(element.label)}`;
}

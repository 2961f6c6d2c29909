/** A journey's resolved model as JSON, the format `schema/journey-model.schema.json` (shipped in the package) describes. */
import type { JourneyModel } from '../model/journey-model.js';

/** The resolved model as indented JSON text. */
export function journeyJson(model: JourneyModel): string {
    return `${JSON.stringify(model, null, 2)}\n`;
}

/** Validation rules of the .journey language (placeholder; filled in next). */
import type { ValidationChecks } from 'langium';
import type { JourneyAstType } from './generated/ast.js';
import type { JourneyServices } from './journey-module.js';

/** Registers the validation checks of the .journey language. */
export function registerValidationChecks(services: JourneyServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.JourneyValidator;
    const checks: ValidationChecks<JourneyAstType> = {};
    registry.register(checks, validator);
}

/** The checks of the .journey language, one `checkX(node, accept)` method per rule. */
export class JourneyValidator {
    constructor(_services: JourneyServices) {}
}

/** The journeys of every example map (library files without a journey, and rendered output, are skipped). */
import * as path from 'node:path';
import { loadWorkspace, resolveFile } from '../../language-server/src/cli/workspace.js';
import type { JourneyModel } from '../../language-server/src/model/journey-model.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export async function exampleModels(): Promise<Array<{ name: string; model: JourneyModel }>> {
    const workspace = await loadWorkspace(['examples/**/*.journey'], { cwd: ROOT });
    return workspace.requested
        .filter((file) => !file.path.includes(`${path.sep}out${path.sep}`))
        .flatMap((file) => {
            const { model } = resolveFile(file);
            return model ? [{ name: path.basename(file.path, '.journey'), model }] : [];
        });
}

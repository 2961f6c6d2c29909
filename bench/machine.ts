/** Describes the machine a benchmark ran on, for bench/RESULTS.md. */
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import { findChromium } from '../language-server/src/render/chromium-path.js';

/** CPU, memory, OS, Node and Chromium versions, as one Markdown line list. */
export async function machineDescription(): Promise<string> {
    const cpus = os.cpus();
    const chromium = findChromium();
    let browser = 'none found';
    if (chromium) {
        try {
            browser = execFileSync(chromium, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
        } catch {
            browser = chromium;
        }
    }
    return [
        `- CPU: ${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
        `- Memory: ${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
        `- OS: ${os.type()} ${os.release()} (${os.arch()})`,
        `- Node: ${process.version}`,
        `- Browser: ${browser}`,
    ].join('\n');
}

/** Finds a Chromium (or Chrome) executable on this machine, without downloading anything. */
import { existsSync } from 'node:fs';

/** Where a browser usually lives, after the environment variables `JOURNEY_CHROMIUM` and `CHROMIUM_PATH`. */
const CANDIDATES = [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** The browser to use, or undefined when none is installed (or the one the environment names does not exist). */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
    const asked = env.JOURNEY_CHROMIUM || env.CHROMIUM_PATH;
    if (asked) return existsSync(asked) ? asked : undefined;
    return CANDIDATES.find((path) => existsSync(path));
}

/** The message shown when no browser is found: what is missing and how to get it. */
export function missingChromiumMessage(env: NodeJS.ProcessEnv = process.env): string {
    const asked = env.JOURNEY_CHROMIUM || env.CHROMIUM_PATH;
    const variable = env.JOURNEY_CHROMIUM ? 'JOURNEY_CHROMIUM' : 'CHROMIUM_PATH';
    const told = asked ? ` (${variable} is ${asked}, which does not exist)` : '';
    return (
        `SVG and PNG need a Chromium or Chrome browser, and none was found${told}. ` +
        (asked ? '' : `Looked in ${CANDIDATES.join(', ')}. `) +
        'Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome) ' +
        'or set JOURNEY_CHROMIUM=/path/to/chromium. Mermaid and Markdown output need no browser.'
    );
}

/** Terminal colours for the CLI: only on a TTY, never with NO_COLOR (https://no-color.org), forced by FORCE_COLOR. */

/** The few styles the CLI uses. */
export type Style = 'bold' | 'dim' | 'red' | 'yellow' | 'blue' | 'green';

const CODES: Record<Style, [number, number]> = {
    bold: [1, 22],
    dim: [2, 22],
    red: [31, 39],
    yellow: [33, 39],
    blue: [34, 39],
    green: [32, 39],
};

/** Whether colours may be written to `stream`. */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
    if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
    return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** Wraps `text` in the ANSI codes of `style` when `color` is on. */
export function paint(color: boolean, style: Style, text: string): string {
    if (!color) return text;
    const [open, close] = CODES[style];
    return `\u001b[${open}m${text}\u001b[${close}m`;
}

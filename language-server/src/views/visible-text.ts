/**
 * Control characters (terminal escapes, NUL, DEL, C1 codes, line breaks) made visible, so text
 * from a map or a file name can be shown anywhere, a terminal or a Markdown page, without
 * clearing a screen, colouring, linking or breaking a line: ESC shows as ␛, a line feed as ␊.
 */

/** Control characters other than line breaks. */
// eslint-disable-next-line no-control-regex
export const CONTROLS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;

/** Every control character and line break. */
// eslint-disable-next-line no-control-regex
const ALL_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A control character as its visible Unicode picture (␛ for ESC, ␀ for NUL, ␊ for a line feed…), or `U+0085`-style text for C1 codes and line separators. */
export function controlPicture(character: string): string {
    const code = character.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `text` with every control character and line break shown as its picture: it stays on one line and changes nothing on a terminal. */
export function withVisibleControls(text: string): string {
    return text.replace(ALL_CONTROLS, controlPicture);
}

/**
 * Turns the bytes of a file into text the way editors do: a UTF-8 (or UTF-16) byte-order mark
 * is honoured and removed, and bytes that are not valid UTF-8 become U+FFFD so the file can
 * still be parsed. Where the first invalid byte sits is reported, so the CLI can say so.
 */
import { isUtf8 } from 'node:buffer';

/** The text of a file and what decoding found. */
export interface DecodedText {
    text: string;
    /** The file started with a byte-order mark (kept so a writer can preserve it). */
    bom: boolean;
    encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
    /** Zero-based line and UTF-16 column of the first byte that is not valid UTF-8, if any. */
    invalidAt?: { line: number; character: number };
}

/** Decodes file bytes: BOM-aware, never throws, marks where invalid UTF-8 starts. */
export function decodeText(bytes: Uint8Array): DecodedText {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        return { ...decodeUtf8(bytes.subarray(3)), bom: true };
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
        return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), bom: true, encoding: 'utf-16le' };
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
        return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), bom: true, encoding: 'utf-16be' };
    }
    return { ...decodeUtf8(bytes), bom: false };
}

function decodeUtf8(bytes: Uint8Array): Omit<DecodedText, 'bom'> {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    if (isUtf8(bytes)) {
        return { text, encoding: 'utf-8' };
    }
    const prefix = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(0, firstInvalidUtf8Byte(bytes)));
    const lastBreak = Math.max(prefix.lastIndexOf('\n'), prefix.lastIndexOf('\r'));
    const line = (prefix.match(/\r\n|\r|\n/g) ?? []).length;
    return { text, encoding: 'utf-8', invalidAt: { line, character: prefix.length - lastBreak - 1 } };
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const length = sequenceLength(bytes, i);
        if (length === 0) {
            return i;
        }
        i += length;
    }
    return bytes.length;
}

/** The length of the well-formed UTF-8 sequence at `i`, or 0 (RFC 3629, table 3-7 of Unicode). */
function sequenceLength(bytes: Uint8Array, i: number): number {
    const b0 = bytes[i];
    const continuation = (k: number, low = 0x80, high = 0xbf) => bytes[i + k] !== undefined && bytes[i + k] >= low && bytes[i + k] <= high;
    if (b0 < 0x80) return 1;
    if (b0 >= 0xc2 && b0 <= 0xdf) return continuation(1) ? 2 : 0;
    if (b0 === 0xe0) return continuation(1, 0xa0) && continuation(2) ? 3 : 0;
    if (b0 === 0xed) return continuation(1, 0x80, 0x9f) && continuation(2) ? 3 : 0;
    if (b0 >= 0xe1 && b0 <= 0xef) return continuation(1) && continuation(2) ? 3 : 0;
    if (b0 === 0xf0) return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0;
    if (b0 >= 0xf1 && b0 <= 0xf3) return continuation(1) && continuation(2) && continuation(3) ? 4 : 0;
    if (b0 === 0xf4) return continuation(1, 0x80, 0x8f) && continuation(2) && continuation(3) ? 4 : 0;
    return 0;
}

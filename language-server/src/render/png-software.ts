/**
 * The PNG files journey writes say so in a `Software` text chunk (PNG's own place for the
 * program that wrote a file), so that `journey render` may replace them when it draws again
 * while it keeps a picture someone else made (cli/output-files.ts).
 */

const PNG_SOFTWARE = 'journey-maps-as-code';
const PNG_MARK = Buffer.from(`tEXtSoftware\0${PNG_SOFTWARE}`, 'latin1');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A PNG with a `Software` text chunk saying journey wrote it (after its header chunk), so that
 * drawing it again may replace it. Anything that is not a PNG is returned as it is.
 */
export function markPng(png: Uint8Array): Buffer {
    const bytes = Buffer.from(png);
    if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.includes(PNG_MARK)) return bytes;
    const headerEnd = 8 + 12 + bytes.readUInt32BE(8);
    const data = Buffer.from(`Software\0${PNG_SOFTWARE}`, 'latin1');
    const chunk = Buffer.alloc(12 + data.length);
    chunk.writeUInt32BE(data.length, 0);
    chunk.write('tEXt', 4, 'latin1');
    data.copy(chunk, 8);
    chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
    return Buffer.concat([bytes.subarray(0, headerEnd), chunk, bytes.subarray(headerEnd)]);
}

/** CRC-32 as PNG computes it (Node's own `zlib.crc32` came in 22.2; the package runs on 22.0). */
function crc32(bytes: Uint8Array): number {
    let crc = 0xffffffff;
    for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)) >>> 0;
    return (crc ^ 0xffffffff) >>> 0;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});

/** True when the bytes are a PNG that journey wrote (`markPng`). */
export function isJourneyPng(bytes: Uint8Array): boolean {
    const buffer = Buffer.from(bytes);
    return buffer.subarray(0, 8).equals(PNG_SIGNATURE) && buffer.includes(PNG_MARK);
}

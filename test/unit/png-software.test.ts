/**
 * The `Software` text chunk journey puts in its PNG files (render/png-software.ts): right after the
 * header, with a CRC checked here by a CRC-32 computed bit by bit as the PNG specification
 * writes it (the module uses a table), once only, and nothing done to bytes that are not a PNG.
 */
import { describe, expect, test } from 'vitest';
import { isJourneyPng, markPng } from '../../language-server/src/render/png-software.js';

/** CRC-32 as the PNG specification's sample code computes it. */
function specCrc(bytes: Uint8Array): number {
    let crc = 0xffffffff;
    for (const byte of bytes) {
        crc ^= byte;
        for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    }
    return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(specCrc(body));
    return Buffer.concat([length, body, crc]);
}

/** The chunks of a PNG: type, data, and whether the CRC stored matches. */
function chunksOf(png: Buffer): Array<{ type: string; data: Buffer; crcOk: boolean }> {
    const chunks = [];
    for (let at = 8; at < png.length;) {
        const length = png.readUInt32BE(at);
        const body = png.subarray(at + 4, at + 8 + length);
        chunks.push({ type: body.subarray(0, 4).toString('latin1'), data: body.subarray(4), crcOk: png.readUInt32BE(at + 8 + length) === specCrc(body) });
        at += 12 + length;
    }
    return chunks;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const header = Buffer.alloc(13);
header.writeUInt32BE(1, 0);
header.writeUInt32BE(1, 4);
header.set([8, 2, 0, 0, 0], 8);
const PNG = Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0x00, 0x00, 0x03, 0x01, 0x01, 0x00])), chunk('IEND', Buffer.alloc(0))]);

describe('the PNG files journey writes say so', () => {
    test('a Software text chunk right after the header, with a valid CRC; every other chunk as it was', () => {
        expect(isJourneyPng(PNG)).toBe(false);
        const marked = markPng(PNG);
        const chunks = chunksOf(marked);
        expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'tEXt', 'IDAT', 'IEND']);
        expect(chunks.every((c) => c.crcOk)).toBe(true);
        expect(chunks[1].data.toString('latin1')).toBe('Software\0journey-maps-as-code');
        expect(isJourneyPng(marked)).toBe(true);
        expect(Buffer.concat([marked.subarray(0, 33), marked.subarray(33 + 12 + chunks[1].data.length)])).toEqual(PNG);
    });

    test('marked once only; bytes that are not a PNG are left alone', () => {
        const marked = markPng(PNG);
        expect(markPng(marked)).toEqual(marked);
        const text = Buffer.from('not a picture');
        expect(markPng(text)).toEqual(text);
        expect(isJourneyPng(Buffer.from('tEXtSoftware\0journey-maps-as-code'))).toBe(false);
    });
});

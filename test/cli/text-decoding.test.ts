/** How the CLI turns file bytes into text: byte-order marks, invalid UTF-8 located, never a throw. */
import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { describe, expect, test } from 'vitest';
import { decodeText, firstInvalidUtf8Byte } from '../../language-server/src/cli/text-decoding.js';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('decodeText', () => {
    test('removes a UTF-8 byte-order mark and remembers it', () => {
        expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'journey é'))).toEqual({ text: 'journey é', bom: true, encoding: 'utf-8' });
        expect(decodeText(bytes('journey é'))).toEqual({ text: 'journey é', bom: false, encoding: 'utf-8' });
    });

    test('reads UTF-16 files that start with a byte-order mark', () => {
        expect(decodeText(bytes([0xff, 0xfe], [...Buffer.from('journey 😀', 'utf16le')]))).toMatchObject({ text: 'journey 😀', encoding: 'utf-16le' });
        expect(decodeText(bytes([0xfe, 0xff], [...Buffer.from('journey', 'utf16le').swap16()]))).toMatchObject({ text: 'journey', encoding: 'utf-16be' });
    });

    test('locates the first invalid byte by line and UTF-16 column, after CRLF and emoji', () => {
        const decoded = decodeText(bytes('a\r\nb😀c', [0xc3, 0x28], 'd'));
        expect(decoded.invalidAt).toEqual({ line: 1, character: 4 });
        expect(decoded.text).toBe('a\r\nb😀c\uFFFD(d');
    });

    test('agrees with Node on which byte strings are UTF-8, and never throws', () => {
        const withoutBom = fc.uint8Array({ maxLength: 64 }).filter((input) => input[0] !== 0xef && input[0] !== 0xff && input[0] !== 0xfe);
        fc.assert(fc.property(withoutBom, (input) => {
            expect(firstInvalidUtf8Byte(input) === input.length).toBe(isUtf8(input));
            const decoded = decodeText(input);
            expect(decoded.invalidAt === undefined).toBe(isUtf8(input));
            expect(decoded.text).toBe(new TextDecoder().decode(input));
        }), { numRuns: 2000 });
    });

    test('rejects overlong forms, surrogates and code points above U+10FFFF', () => {
        for (const invalid of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80]]) {
            expect(firstInvalidUtf8Byte(bytes('ok', invalid)), invalid.join(' ')).toBe(2);
        }
    });
});

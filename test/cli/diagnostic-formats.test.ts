/** The pieces of `journey check` output that are pure functions: summary line, one-line messages, LSP → CLI diagnostics. */
import { describe, expect, test } from 'vitest';
import { oneLine, summaryLine, toFileDiagnostic, type FileDiagnostic } from '../../language-server/src/cli/diagnostic-formats.js';

const diagnostic = (file: string, severity: FileDiagnostic['severity']): FileDiagnostic =>
    ({ file, line: 1, column: 1, endLine: 1, endColumn: 2, severity, code: null, message: 'm', source: 'journey' });

describe('summaryLine', () => {
    test('says "no problems" with the number of files checked', () => {
        expect(summaryLine([], 1)).toBe('1 file checked, no problems');
        expect(summaryLine([], 3)).toBe('3 files checked, no problems');
    });

    test('counts by severity, in severity order, with plurals', () => {
        const found = [diagnostic('a', 'warning'), diagnostic('a', 'error'), diagnostic('b', 'error'), diagnostic('b', 'hint')];
        expect(summaryLine(found, 2)).toBe('2 errors, 1 warning, 1 hint in 2 files');
    });

    test('says how many of the files have problems when not all do', () => {
        expect(summaryLine([diagnostic('a', 'error')], 3)).toBe('1 error in 1 of 3 files');
    });
});

describe('oneLine', () => {
    test('keeps a message on one line and shows control characters as escapes', () => {
        expect(oneLine('first\r\nsecond\nthird')).toBe('first second third');
        expect(oneLine('unexpected ->\u0000<- and \u001b[31m')).toBe('unexpected ->\\u0000<- and \\u001b[31m');
        expect(oneLine('é 😀 中文 العربية\t!')).toBe('é 😀 中文 العربية\t!');
    });
});

describe('toFileDiagnostic', () => {
    test('turns 0-based LSP positions into 1-based lines and columns and finds the code in data', () => {
        const lsp = { range: { start: { line: 0, character: 4 }, end: { line: 2, character: 0 } }, severity: 2 as const, message: 'm', data: { code: 'linking-error' } };
        expect(toFileDiagnostic('x.journey', lsp)).toEqual({
            file: 'x.journey', line: 1, column: 5, endLine: 3, endColumn: 1, severity: 'warning', code: 'linking-error', message: 'm', source: 'journey',
        });
    });

    test('prefers the diagnostic code and names every severity', () => {
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
        const severities = [1, 2, 3, 4].map((severity) => toFileDiagnostic('x', { range, severity: severity as 1 | 2 | 3 | 4, message: 'm', code: 'own', data: { code: 'data' } }));
        expect(severities.map((d) => d.severity)).toEqual(['error', 'warning', 'info', 'hint']);
        expect(severities.every((d) => d.code === 'own')).toBe(true);
    });
});

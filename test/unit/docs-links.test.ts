/**
 * Every relative link of the README and the manual (docs/) leads somewhere: the file exists,
 * and a `#fragment` names a heading of the page it points to (GitHub's heading anchors).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pages = ['README.md', ...readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
    return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, '').replace(/ /g, '-');
}

/** The lines of a Markdown page outside fenced code blocks (a fence closes with at least as many of its characters). */
function proseLines(file: string): string[] {
    const lines: string[] = [];
    let fence: string | undefined;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
        // A backtick fence's info string holds no backtick (```` ```journey ```` at a line's start is a code span).
        const marker = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/.exec(line)?.[1];
        if (fence === undefined && marker) fence = marker;
        else if (fence !== undefined && marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
        else if (fence === undefined) lines.push(line);
    }
    return lines;
}

/** The anchors of a Markdown page's headings (outside code blocks). */
function anchorsOf(file: string): Set<string> {
    const anchors = new Set<string>();
    for (const line of proseLines(file)) {
        const heading = /^#{1,6} (.*)$/.exec(line);
        if (heading) anchors.add(anchorOf(heading[1]!));
    }
    return anchors;
}

/** The relative links of a page, outside code blocks and code spans. */
function linksOf(file: string): string[] {
    const text = proseLines(file).join('\n').replace(/(`+)[^`\n][\s\S]*?\1/g, '');
    return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!).filter((target) => !/^[a-z]+:/i.test(target));
}

describe('the links of the README and the manual', () => {
    for (const page of pages) {
        it(`every relative link of ${page} leads to a file and heading that exist`, () => {
            const broken: string[] = [];
            for (const link of linksOf(path.join(root, page))) {
                const [target, fragment] = link.split('#') as [string, string | undefined];
                const file = target ? path.resolve(path.dirname(path.join(root, page)), decodeURIComponent(target)) : path.join(root, page);
                if (!existsSync(file)) broken.push(`${link} (no such file)`);
                else if (fragment && file.endsWith('.md') && !anchorsOf(file).has(fragment)) broken.push(`${link} (no such heading)`);
            }
            expect(broken).toEqual([]);
        });
    }
});

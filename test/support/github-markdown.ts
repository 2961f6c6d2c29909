/**
 * Markdown rendered as GitHub shows a pull-request comment, for tests: GitHub-flavoured
 * Markdown (markdown-it with tables, strikethrough and bare-URL links), raw HTML passed
 * through, then GitHub's HTML allow-list (sanitize-html configured like the sanitisation
 * filter of GitHub's html-pipeline). Then what a reader or GitHub's later filters see:
 * the document's structure, its text outside code, and the mentions, references and
 * images GitHub would make of it.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { Parser } from 'htmlparser2';

const markdownIt = new MarkdownIt({ html: true, linkify: true }).enable(['table', 'strikethrough']);

/** GitHub's allow-list of elements and attributes (html-pipeline's SanitizationFilter). */
const GITHUB_SANITIZE: sanitizeHtml.IOptions = {
    allowedTags: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'br', 'b', 'i', 'strong', 'em', 'a', 'pre', 'code', 'img', 'tt', 'div', 'ins', 'del', 'sup', 'sub',
        'p', 'ol', 'ul', 'table', 'thead', 'tbody', 'tfoot', 'blockquote', 'dl', 'dt', 'dd', 'kbd', 'q', 'samp', 'var', 'hr', 'ruby', 'rt', 'rp', 'li', 'tr', 'td', 'th',
        's', 'strike', 'summary', 'details', 'caption', 'figure', 'figcaption', 'abbr', 'bdo', 'cite', 'dfn', 'mark', 'small', 'span', 'time', 'wbr', 'input'],
    allowedAttributes: {
        a: ['href', 'id', 'name'], img: ['src', 'longdesc', 'alt', 'width', 'height', 'align'], div: ['itemscope', 'itemtype', 'align'], blockquote: ['cite'], del: ['cite'], ins: ['cite'], q: ['cite'],
        code: ['class'], pre: ['lang'], '*': ['abbr', 'accept', 'align', 'alt', 'axis', 'border', 'colspan', 'dir', 'headers', 'hreflang', 'lang', 'nowrap', 'open', 'rowspan', 'rules', 'scope', 'span', 'summary', 'title', 'valign'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
};

/** The HTML of a Markdown text before GitHub's allow-list (raw HTML kept, comments included). */
export function githubRawHtml(markdown: string): string {
    return markdownIt.render(markdown);
}

/** The HTML GitHub shows for a Markdown text. */
export function githubHtml(markdown: string): string {
    return sanitizeHtml(githubRawHtml(markdown), GITHUB_SANITIZE);
}

/** What a rendered page holds, as tests compare it. */
export interface PageStructure {
    /** Every element opened, in order (`h3`, `table`, `td`, `details`, `code`…), links (`a`) left out: bare URLs in labels are links on GitHub too. */
    elements: string[];
    /** The HTML comments (hidden text). */
    comments: string[];
    /** Text outside `pre`, `code` and `a`, where GitHub looks for mentions and references. */
    linkableText: string;
    /** Every text, as a reader sees it. */
    text: string;
    /** The `src` of every image. */
    images: string[];
}

/** Walks HTML and collects its structure. */
export function structureOf(html: string): PageStructure {
    const result: PageStructure = { elements: [], comments: [], linkableText: '', text: '', images: [] };
    const open: string[] = [];
    const parser = new Parser({
        onopentag(name, attributes) {
            open.push(name);
            if (name !== 'a') result.elements.push(name);
            if (name === 'img') result.images.push(attributes.src ?? '');
        },
        onclosetag(name) {
            const at = open.lastIndexOf(name);
            if (at >= 0) open.splice(at);
        },
        ontext(text) {
            result.text += text;
            if (!open.some((name) => name === 'pre' || name === 'code' || name === 'a')) result.linkableText += text;
        },
        oncomment(comment) {
            result.comments.push(comment);
        },
    }, { decodeEntities: true });
    parser.write(html);
    parser.end();
    return result;
}

/** The @mentions GitHub's mention filter would link in a text (`@name`, `@org/team`, after a non-word character). */
export function mentionsIn(text: string): string[] {
    return [...text.matchAll(/(?:^|[^\w`])@([a-z0-9][a-z0-9-]*)/gi)].map((match) => `@${match[1]}`);
}

/** The issue references GitHub would link: `#12`, `owner/repo#12`, `GH-12`. */
export function referencesIn(text: string): string[] {
    return [...text.matchAll(/(?:^|[^\w&])(#\d+)|([\w.-]+\/[\w.-]+#\d+)|\b(GH-\d+)/gi)].map((match) => match[1] ?? match[2] ?? match[3]);
}

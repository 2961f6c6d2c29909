/** Labels written to break Mermaid, inject markup or hide text; shared by the browser tests of views. */
import { quoteString } from '../../language-server/src/language/journey-value-converter.js';

const LONG_PIECE = 'Step 1: call, wait; #2 "quote" <b>bold</b> 50% & more… ';

/** The worst labels we know of, by name. Each must come out exactly as written in every view. */
export const HOSTILE_LABELS: Record<string, string> = {
    punctuation: 'a:b,c;d#e"f\'g[h]i(j)k{l}m<n>o%p&q|r`s*t_u~v$w^x=y+z-!?@/\\.',
    html: '<img src=x onerror="window.__pwned=1"> <script>window.__pwned=2</script> <b>bold</b>',
    entities: '#quot; #35; #lt;b#gt; &amp; &lt;i&gt; &#60;x&#62; ﬂ°°60¶ß',
    comments: '%% not a comment %%{init: {"securityLevel": "loose"}}%%',
    keywords: 'end',
    keywordLines: 'section title x-axis quadrant-1 classDef style click',
    injection: '"] --> evil["pwned"]; click evil call alert(1) %%',
    markdown: '- item **bold** _em_ `code` [link](javascript:alert(1)) > quote 1. one',
    katex: '$$x^2$$ and $y$',
    newlines: 'line one\nline two\ttabbed',
    spaces: '  padded  ',
    emoji: '🎉 Party 👩‍👩‍👧 ✨ ★★★★★ ☕',
    rtl: 'שלום, עולם: מה נשמע? مرحبا بالعالم',
    cjk: '顧客の旅：予約する',
    long: LONG_PIECE.repeat(Math.ceil(2000 / LONG_PIECE.length)).slice(0, 2000),
};

/** A label that Mermaid's sankey (printable ASCII only) can show exactly, with its awkward characters. */
export const SANKEY_HOSTILE = 'a,b;c:d "q" \'x\' [y] {z} (w) | ~ * _ ` ! ? = + - / \\ % @ $ ^';

/** A journey that uses `label` in every position: journey, persona, channel, team, stage, kpi, touchpoint, pain, backstage, decision, branch, outcome, action. */
export function journeyWithLabel(label: string): string {
    const q = quoteString(label);
    return `journey j ${q} {
  state current
  persona p ${q} { goal ${q} }
  persona r ${q}
  channel c ${q} online
  team t ${q}
  stage s1 ${q} {
    kpi k ${q} target 5 unit ${q}
    touchpoint a ${q} {
      persona p
      persona r
      channel c
      owner t
      emotion 2
      emotion 4 for r
      expected 4
      pain ${q}
      backstage ${q}
      reach 1000
      moment of truth
    }
    decision d ${q} {
      ${q} -> b
      ${q} -> lost
    }
  }
  stage s2 ${q} {
    touchpoint b ${q} {
      persona p
      channel c
      owner t
      emotion 4
      reach 600
      next a
    }
  }
  outcome lost ${q}
  action x ${q} {
    improves a
    impact 5
    effort 2
    owner t
  }
}
`;
}

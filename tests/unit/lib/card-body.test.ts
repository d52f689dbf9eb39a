/** A card body is content, not code: what the parser-based check refuses and what it lets through. */
import { describe, expect, it } from 'vitest';
import { checkCardBody, componentsIn, parseCardBody, unsafeUrl } from '../../../src/lib/content/card-body';

function problems(body: string) {
  const parsed = parseCardBody(body);
  if ('error' in parsed) return [`${parsed.error.line}:${parsed.error.column} ${parsed.error.message}`];
  return checkCardBody(parsed.tree).map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe('checkCardBody refuses code', () => {
  it.each([
    ['import', "import fs from 'node:fs'\n\nText.", /^1:1 .*cannot import or export code/],
    ['export', 'export const x = 1\n\nText.', /^1:1 .*cannot import or export code/],
    ['an expression', 'Text {process.env.SECRET} here.', /^1:6 "\{process\.env\.SECRET\}": a card cannot run JavaScript expressions/],
    ['code after a comment', 'Text {/* hi */ process.env.X}.', /cannot run JavaScript expressions/],
    ['a script element', 'Text.\n\n<script>alert(1)</script>', /^3:1 <script> is not allowed in a card/],
    ['an iframe', '<iframe src="https://evil.example" />', /<iframe> is not allowed/],
    ['an event handler on an allowed element', 'A <em onmouseover="x()">b</em>.', /<em> has an event handler "onmouseover"/],
    ['a style attribute', 'A <span style="color:red">b</span>.', /<span> does not take "style"/],
    ['an unknown component', 'A <Evil /> b.', /unknown component <Evil>/],
    ['a member component', 'A <Cite.Foo /> b.', /unknown component <Cite\.Foo>/],
    ['a spread prop', '<Cite id="a" {...x} />', /spread or expression attribute/],
    ['an expression prop', '<Chart id={process.env.X} />', /is an expression; give a plain value/],
    ['an unknown prop', '<Cite id="a" href="https://x.org" />', /<Cite> does not take "href"/],
    ['a javascript: link', '[x](javascript:alert(1))', /link "javascript:alert\(1\)" uses the javascript: scheme/],
    ['a mixed-case scheme', '[x](JaVaScRiPt:alert(1))', /uses the javascript: scheme/],
    ['a scheme hidden by an entity tab', '[x](java&#x09;script:alert(1))', /uses the javascript: scheme/],
    ['a data: link', '[x](data:text/html,hi)', /uses the data: scheme/],
    ['a protocol-relative link', '[x](//evil.example/)', /leads to another site/],
    ['a backslash link', '[x](/\\evil.example/)', /leads to another site/],
    ['a link definition', '[x][r]\n\n[r]: javascript:alert(1)', /link "javascript:alert\(1\)"/],
    ['a third-party image', '![a](https://evil.example/pixel.png)', /image .* is not on this site/],
    ['a javascript: prop', '<Cite id="javascript:alert(1)" />', /<Cite id>: "javascript:alert\(1\)" uses the javascript: scheme/],
    ['text inside a self-closing component', '<Cite id="a">text</Cite>', /<Cite> takes no text inside it/],
    ['deep nesting', `${'> '.repeat(40)}deep`, /nests more than 32 levels deep/],
    ['an unclosed component', '<Update date="2026-01-01" card="x">\n\nText.', /is not valid MDX/],
  ])('%s', (_, body, expected) => {
    expect(problems(body)).toContainEqual(expect.stringMatching(expected));
  });
});

describe('checkCardBody lets content through', () => {
  it.each([
    ['plain Markdown', 'A **bold** and _em_ sentence with a [link](https://example.org) and a [page](/sources/#x) and [mail](mailto:desk@example.org).'],
    ['house components', '<Update date="2026-01-01" card="x">\n\nLater <Cite id="a" loc="¶4" />.\n\n</Update>\n\n<Value id="v" /> <Quote id="q" />\n\n<Chart id="c" eager={true} />\n\n<Unknown>\n\n- one\n\n</Unknown>'],
    ['allowed inline HTML', 'An <abbr title="North Atlantic Treaty Organization">NATO</abbr> term, CO<sub>2</sub>, <span lang="uk">гарантії</span>.'],
    ['a comment', 'Text {/* a note for editors */} here.'],
    ['an escaped brace', 'Braces \\{like this\\} are text.'],
    ['an anchor on the page', 'See [the card](#legal-form).'],
    ['a site image', '![Map](/charts/map.png)'],
  ])('%s', (_, body) => {
    expect(problems(body)).toEqual([]);
  });
});

describe('componentsIn', () => {
  it('lists house components with ids, props and positions', () => {
    const parsed = parseCardBody('A <Cite id="x" loc="¶1" /> and\n<Value id="y" />\n\n<Timeline />');
    if (!('tree' in parsed)) throw new Error('did not parse');
    expect(componentsIn(parsed.tree)).toEqual([
      { component: 'Cite', id: 'x', line: 1, column: 3, props: { id: 'x', loc: '¶1' } },
      { component: 'Value', id: 'y', line: 2, column: 1, props: { id: 'y' } },
      { component: 'Timeline', id: undefined, line: 4, column: 1, props: {} },
    ]);
  });
});

describe('unsafeUrl', () => {
  it('allows the web, mail and the site; refuses everything else', () => {
    for (const ok of ['https://a.org', 'http://a.org', 'mailto:a@b.org', '/x/', '#y', 'x/', '?q=1']) expect(unsafeUrl(ok), ok).toBeUndefined();
    for (const bad of ['javascript:x', ' javascript:x', 'vbscript:x', 'data:x', 'file:///etc/passwd', '//x.org', '\\\\x.org']) expect(unsafeUrl(bad), bad).toBeDefined();
    expect(unsafeUrl('https://a.org/p.png', { siteOnly: true })).toBeDefined();
  });
});

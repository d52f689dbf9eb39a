import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  estimateCardHeight,
  iframeSnippet,
  oembedDocument,
  oembedHtml,
  responsiveSnippet,
  type EmbedUnit,
} from '../../../../src/lib/embed/codes';
import { EMBED_ATTR, frameSrc } from '../../../../src/lib/embed/host';
import { embedScriptPath, oembedPath } from '../../../../src/lib/urls';

const SUB = '/interactives/ukraine-guarantees/';
const unit: EmbedUnit = {
  kind: 'card',
  key: 'security-guarantees/european-force',
  title: 'Would “European” troops <fight> & win?',
  embedUrl: 'https://example.org/embed/security-guarantees/european-force/',
  pageUrl: 'https://example.org/security-guarantees/#european-force',
  oembedUrl: 'https://example.org/embed/security-guarantees/european-force/oembed.json',
  height: 900,
};

/** Attributes of the first element with this tag in an HTML string. */
function attrs(html: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}\\b([^>]*)>`).exec(html);
  if (!m) throw new Error(`no <${tag}> in ${html}`);
  return Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
}

describe('escapeHtml', () => {
  it('escapes the five characters that can break out of text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('responsiveSnippet', () => {
  const snippet = responsiveSnippet(unit, 'https://example.org/embed.js');
  it('is a placeholder with a fallback link, then our script', () => {
    expect(snippet.split('\n')).toHaveLength(2);
    expect(attrs(snippet, 'div')).toEqual({ [EMBED_ATTR]: unit.embedUrl, 'data-height': '900' });
    expect(attrs(snippet, 'a')).toEqual({ href: unit.pageUrl });
    expect(snippet).toContain('>Would “European” troops &lt;fight&gt; &amp; win?</a>');
    expect(attrs(snippet, 'script')).toEqual({ src: 'https://example.org/embed.js' });
    expect(snippet).toMatch(/<script async src="[^"]+"><\/script>$/);
  });
  it('is light by default: no theme on the placeholder, none in the frame’s URL', () => {
    const div = attrs(snippet, 'div');
    expect(div).not.toHaveProperty('data-theme');
    expect(frameSrc(div[EMBED_ATTR], 'https://news.example/story', div['data-theme'])!.href).toBe(unit.embedUrl);
  });
  it.each(['dark', 'auto'] as const)('carries data-theme="%s" to the src of the iframe the host script makes', (theme) => {
    const div = attrs(responsiveSnippet(unit, 'https://example.org/embed.js', { theme }), 'div');
    expect(div['data-theme']).toBe(theme);
    const src = frameSrc(div[EMBED_ATTR], 'https://news.example/story', div['data-theme'])!;
    expect(src.searchParams.get('theme')).toBe(theme);
    expect(`${src.origin}${src.pathname}`).toBe(unit.embedUrl);
  });
  it('ignores a theme the host script does not know', () => {
    expect(frameSrc(unit.embedUrl, 'https://news.example/story', 'sepia')!.href).toBe(unit.embedUrl);
  });
});

describe('iframeSnippet', () => {
  it('is a fixed-height, full-width, titled, lazy iframe', () => {
    expect(attrs(iframeSnippet(unit), 'iframe')).toEqual({
      src: unit.embedUrl,
      title: 'Would “European” troops &lt;fight&gt; &amp; win?',
      width: '100%',
      height: '900',
      loading: 'lazy',
      style: 'width:100%;border:0',
    });
  });
  it('puts a theme into the src as ?theme=, since nothing reads attributes there', () => {
    expect(attrs(iframeSnippet(unit, { theme: 'dark' }), 'iframe').src).toBe(`${unit.embedUrl}?theme=dark`);
    expect(attrs(iframeSnippet(unit, { theme: 'auto' }), 'iframe').src).toBe(`${unit.embedUrl}?theme=auto`);
  });
});

describe('oEmbed', () => {
  const doc = oembedDocument(unit, { name: 'Explainer', url: 'https://example.org/', author: 'Graphics desk' });
  it('is a rich 1.0 response with every field the spec requires', () => {
    expect(doc).toMatchObject({ type: 'rich', version: '1.0', width: 600, height: 900, title: unit.title, provider_name: 'Explainer', provider_url: 'https://example.org/' });
    expect(typeof doc.html).toBe('string');
    expect(doc).not.toHaveProperty('thumbnail_url');
  });
  it('carries thumbnail url, width and height together', () => {
    const withThumb = oembedDocument({ ...unit, thumbnail: { url: 'https://example.org/charts/a/a.png', width: 1280, height: 810 } }, { name: 'E', url: 'https://example.org/' });
    expect(withThumb).toMatchObject({ thumbnail_url: 'https://example.org/charts/a/a.png', thumbnail_width: 1280, thumbnail_height: 810 });
    expect(withThumb).not.toHaveProperty('author_name');
  });
  it('is HTML that WordPress keeps from an untrusted provider: a blockquote link, then the iframe', () => {
    const html = oembedHtml(unit);
    // wp_filter_oembed_result: '|(<blockquote>.*?</blockquote>)?.*(<iframe.*?></iframe>)|ms'
    const m = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(html);
    expect(m?.[1]).toBe(`<blockquote><a href="${unit.pageUrl}">Would “European” troops &lt;fight&gt; &amp; win?</a></blockquote>`);
    expect(m?.[2]).toBeDefined();
    // Only attributes wp_kses keeps on an iframe from an untrusted provider.
    const kept = ['src', 'width', 'height', 'frameborder', 'marginwidth', 'marginheight', 'scrolling', 'title'];
    expect(Object.keys(attrs(html, 'iframe')).every((a) => kept.includes(a))).toBe(true);
    expect(attrs(html, 'iframe')).toMatchObject({ src: unit.embedUrl, height: '900' });
  });
});

describe('estimateCardHeight', () => {
  it('grows with the text and stays within bounds', () => {
    const short = estimateCardHeight('One line.', 'A question?', 'An answer.');
    const long = estimateCardHeight('Words and more words. '.repeat(80), 'A question?', 'An answer.');
    expect(short).toBeGreaterThanOrEqual(320);
    expect(long).toBeGreaterThan(short);
    expect(estimateCardHeight('x '.repeat(100_000), 'Q?', 'A.')).toBe(6000);
    expect(long % 10).toBe(0);
  });
  it('adds the height of block components (charts, quotes, timelines) given by the caller', () => {
    const body = 'Words and more words. '.repeat(20);
    expect(estimateCardHeight(body, 'Q?', 'A.', 700)).toBe(estimateCardHeight(body, 'Q?', 'A.') + 700);
    expect(estimateCardHeight(body, 'Q?', 'A.', -50)).toBe(estimateCardHeight(body, 'Q?', 'A.'));
  });
});

describe('embed URLs', () => {
  it('put the oEmbed file next to the embed page and the host script at a stable URL under the base', () => {
    expect(oembedPath(`${SUB}embed/a/b/`)).toBe(`${SUB}embed/a/b/oembed.json`);
    expect(oembedPath('/embed/chart/x')).toBe('/embed/chart/x/oembed.json');
    expect(embedScriptPath(SUB)).toBe(`${SUB}embed.js`);
    expect(embedScriptPath('/')).toBe('/embed.js');
  });
});

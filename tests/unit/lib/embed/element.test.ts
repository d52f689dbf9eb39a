import { describe, expect, it } from 'vitest';
import { attributeValue, elementRule, fragmentUrl, safeSrcset, safeUrl } from '../../../../src/lib/embed/element';
import { fragmentFromEmbedPage } from '../../../../src/lib/embed/fragment';

const BASE = 'https://example.org/embed/a/b/';

describe('script embed: what a fetched fragment may bring into the host page', () => {
  it('drops elements that run, load documents or take input, with their content', () => {
    for (const name of ['script', 'SCRIPT', 'style', 'link', 'iframe', 'object', 'embed', 'form', 'button', 'template', 'foreignObject', 'animate', 'set', 'use', 'base', 'meta']) expect(elementRule(name), name).toBe('drop');
  });
  it('keeps ordinary markup and our own chart element; unwraps other custom elements', () => {
    for (const name of ['article', 'p', 'a', 'details', 'summary', 'table', 'picture', 'source', 'img', 'figure', 'svg', 'path', 'ex-chart']) expect(elementRule(name), name).toBe('keep');
    expect(elementRule('host-widget')).toBe('unwrap');
  });
  it('drops event handlers, inline styles and srcdoc; keeps the rest', () => {
    expect(attributeValue('onerror', 'alert(1)', BASE)).toBeNull();
    expect(attributeValue('ONCLICK', 'alert(1)', BASE)).toBeNull();
    expect(attributeValue('style', 'color:red', BASE)).toBeNull();
    expect(attributeValue('srcdoc', '<script>', BASE)).toBeNull();
    expect(attributeValue('class', 'card astro-x', BASE)).toBe('card astro-x');
    expect(attributeValue('aria-labelledby', 'x', BASE)).toBe('x');
  });
  it('keeps URLs only as absolute http(s) URLs', () => {
    expect(attributeValue('href', '/security-guarantees/#x', BASE)).toBe('https://example.org/security-guarantees/#x');
    expect(attributeValue('href', 'javascript:alert(1)', BASE)).toBeNull();
    expect(attributeValue('href', ' JaVa\tScRiPt:alert(1)', BASE)).toBeNull();
    expect(attributeValue('src', 'data:image/svg+xml,<svg onload=alert(1)>', BASE)).toBeNull();
    expect(attributeValue('xlink:href', 'javascript:alert(1)', BASE)).toBeNull();
    expect(attributeValue('formaction', 'javascript:alert(1)', BASE)).toBeNull();
    expect(safeUrl('blob:https://example.org/x', BASE)).toBeNull();
    expect(safeUrl('http://[', BASE)).toBeNull();
    expect(safeSrcset('/a.svg 1x, /b.svg 2x', BASE)).toBe('https://example.org/a.svg 1x, https://example.org/b.svg 2x');
    expect(attributeValue('srcset', '/a.svg 1x, javascript:alert(1) 2x', BASE)).toBeNull();
  });
  it('finds the fragment next to the embed page, and nothing for a bad address', () => {
    expect(fragmentUrl('https://example.org/embed/a/b/?x=1#y', 'https://news.example/')?.href).toBe('https://example.org/embed/a/b/fragment.json');
    expect(fragmentUrl('https://example.org/embed/a/b', 'https://news.example/')?.href).toBe('https://example.org/embed/a/b/fragment.json');
    expect(fragmentUrl('javascript:alert(1)', 'https://news.example/')).toBeNull();
    expect(fragmentUrl(null, 'https://news.example/')).toBeNull();
  });
});

describe('fragmentFromEmbedPage', () => {
  const page = `<!doctype html><html><head><link rel="stylesheet" href="/_astro/a.css"><link rel="icon" href="/favicon.svg"><script type="module" src="/_astro/x.js"></script></head><body>
<main class="embed-main astro-1"><article class="card"><h1 id="q" class="card-title">Q?</h1><p>See <a href="/stack/#q">this</a> and <a href="#q">here</a>.</p>
<ex-chart data-chart="{&quot;a&quot;:1}"><picture><source srcset="/c-dark.svg" media="(prefers-color-scheme: dark)"><img src="/c.svg" alt="A chart"></picture></ex-chart>
<footer class="card-footer"><details><summary>Sources</summary></details></footer></article>
<p class="embed-continue astro-1" hidden><a href="/stack/#q">Continue</a></p></main>
<footer class="embed-footer astro-1"><p>Sources: X</p></footer><script type="module">import '/x.js'</script></body></html>`;
  const f = fragmentFromEmbedPage(page);
  it('keeps the unit and the embed footer, as plain divs, URLs as the page has them', () => {
    expect(f.styles).toEqual(['/_astro/a.css']);
    expect(f.html.startsWith('<div class="embed-main astro-1">')).toBe(true);
    expect(f.html).toContain('<div class="embed-footer astro-1"><p>Sources: X</p></div>');
    expect(f.html).toContain('href="/stack/#q"');
    expect(f.html).toContain('src="/c.svg"');
    expect(f.html).toMatch(/<footer class="card-footer">/);
  });
  it('leaves out scripts, chart data, dark-mode image sources and the WordPress continue link; headings go one level down', () => {
    expect(f.html).not.toMatch(/<script|data-chart|c-dark|embed-continue|<main|<h1/);
    expect(f.html).toContain('<h2 id="q" class="card-title">Q?</h2>');
  });
});

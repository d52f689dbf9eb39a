import { describe, expect, it } from 'vitest';
import { absoluteUrl, cardEmbedPath, cardPath, normaliseBase, sourcePath, stackPath, withBase } from '../../../src/lib/urls';

const SUB = '/interactives/ukraine-guarantees/';

describe('normaliseBase', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/sub', '/sub/'],
    ['sub/', '/sub/'],
    ['//a/b//', '/a/b/'],
  ])('%s → %s', (input, out) => expect(normaliseBase(input)).toBe(out));
});

describe('withBase', () => {
  it('adds the base and a trailing slash to page paths', () => {
    expect(withBase('security-guarantees', SUB)).toBe(`${SUB}security-guarantees/`);
    expect(withBase('/security-guarantees/', SUB)).toBe(`${SUB}security-guarantees/`);
    expect(withBase('', SUB)).toBe(SUB);
    expect(withBase('', '/')).toBe('/');
  });
  it('leaves file paths without a trailing slash', () => {
    expect(withBase('/rss.xml', SUB)).toBe(`${SUB}rss.xml`);
    expect(withBase('charts/a/a.csv', '/')).toBe('/charts/a/a.csv');
  });
  it('keeps fragments and queries after the slash', () => {
    expect(withBase('article-5#who', SUB)).toBe(`${SUB}article-5/#who`);
    expect(withBase('search?q=belgium', '/')).toBe('/search/?q=belgium');
  });
  it('defaults to Astro’s BASE_URL', () => {
    expect(withBase('x')).toBe('/x/');
  });
});

describe('route helpers', () => {
  it('build card, embed, stack and source paths under a base', () => {
    expect(stackPath('frozen-assets', SUB)).toBe(`${SUB}frozen-assets/`);
    expect(cardPath('frozen-assets', 'belgium-objections', SUB)).toBe(`${SUB}frozen-assets/#belgium-objections`);
    expect(cardEmbedPath('security-guarantees', 'european-force', SUB)).toBe(`${SUB}embed/security-guarantees/european-force/`);
    expect(sourcePath('nato-treaty', '/')).toBe('/sources/#source-nato-treaty');
    expect(absoluteUrl('updates', 'https://news.example/', SUB)).toBe(`https://news.example${SUB}updates/`);
  });
});

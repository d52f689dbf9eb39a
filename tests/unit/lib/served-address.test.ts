import { describe, expect, it } from 'vitest';
import { servedSite, toServedAddress } from '../../../src/lib/served-address';
import { responsiveSnippet, type EmbedUnit } from '../../../src/lib/embed/codes';

describe('servedSite', () => {
  it('is the page’s origin with the build’s base', () => {
    expect(servedSite('https://example.org/', 'http://localhost:4321')).toBe('http://localhost:4321/');
    expect(servedSite('https://example.org/interactives/ukraine-guarantees/', 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/interactives/ukraine-guarantees/');
  });
  it('keeps the built address when the page has no http(s) origin (a file:// preview)', () => {
    expect(servedSite('https://example.org/', 'null')).toBe('https://example.org/');
    expect(servedSite('https://example.org/', '')).toBe('https://example.org/');
  });
});

describe('toServedAddress', () => {
  const unit: EmbedUnit = {
    kind: 'card',
    key: 'security-guarantees/european-force',
    title: 'Would European troops be in Ukraine?',
    embedUrl: 'https://example.org/sub/embed/security-guarantees/european-force/',
    pageUrl: 'https://example.org/sub/security-guarantees/#european-force',
    oembedUrl: 'https://example.org/sub/embed/security-guarantees/european-force/oembed.json',
    height: 900,
  };
  it('moves every URL of the built site in a code to the served address, paths and fragments kept', () => {
    const code = responsiveSnippet(unit, 'https://example.org/sub/embed.js');
    const served = toServedAddress(code, 'https://example.org/sub/', 'http://127.0.0.1:9000/sub/');
    expect(served).not.toContain('example.org');
    expect(served).toBe(
      '<div data-explainer-embed="http://127.0.0.1:9000/sub/embed/security-guarantees/european-force/" data-height="900"><a href="http://127.0.0.1:9000/sub/security-guarantees/#european-force">Would European troops be in Ukraine?</a></div>\n' +
        '<script async src="http://127.0.0.1:9000/sub/embed.js"></script>',
    );
  });
  it('leaves other addresses alone, even on the same host outside the base', () => {
    const text = 'See https://example.org/other/ and https://news.example/ and https://example.org/sub/x/';
    expect(toServedAddress(text, 'https://example.org/sub/', 'http://localhost:1/sub/')).toBe('See https://example.org/other/ and https://news.example/ and http://localhost:1/sub/x/');
  });
  it('is a no-op when the page is served where it was built for', () => {
    expect(toServedAddress('https://example.org/a/', 'https://example.org/', 'https://example.org/')).toBe('https://example.org/a/');
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineStylesheet } from '../../../src/lib/inline-stylesheet';
import { cspHash as styleHash } from '../../../src/lib/page-policy';
import { linkedStylesheets } from '../../../src/lib/page-stylesheets';

const css = ':root{--ex-text:#111}body{margin:0}';
const page = (csp = `<meta http-equiv="content-security-policy" content="default-src 'self'; style-src 'self' 'sha256-abc=';">`) =>
  `<!doctype html><html><head>${csp}<title>T</title><link rel="stylesheet" href="/_astro/style.X1.css"></head><body><p>Hi</p></body></html>`;

describe('inlineStylesheet', () => {
  it('lists linked stylesheets in order, and nothing else', () => {
    expect(linkedStylesheets(`${page()}<link rel="icon" href="/f.svg"><link rel=stylesheet href='/b.css'>`)).toEqual(['/_astro/style.X1.css', '/b.css']);
  });

  it('hashes the text as a browser does for an inline <style>', () => {
    expect(styleHash(css)).toBe(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
  });

  it('replaces the link with a <style> and allows that exact text in style-src', () => {
    const out = inlineStylesheet(page(), '/_astro/style.X1.css', css, 'index.html');
    expect(out).not.toContain('<link rel="stylesheet"');
    expect(out).toContain(`<title>T</title><style>${css}</style></head>`);
    const policy = /content="([^"]*)"/.exec(out)![1]!;
    expect(policy).toContain(`style-src ${styleHash(css)} 'self' 'sha256-abc='`);
    expect(policy).toContain("default-src 'self'");
  });

  it('keeps `$` sequences in the CSS as they are (no replacement patterns)', () => {
    const tricky = "a::after{content:\"$& $1 $'\"}";
    expect(inlineStylesheet(page(), '/_astro/style.X1.css', tricky, 'index.html')).toContain(`<style>${tricky}</style>`);
  });

  it('fails, naming the page, when the policy or its style-src is missing, or the link is not there', () => {
    expect(() => inlineStylesheet(page(''), '/_astro/style.X1.css', css, 'sources/index.html')).toThrow(/sources\/index.html: no Content-Security-Policy <meta>/);
    expect(() => inlineStylesheet(page(`<meta http-equiv="content-security-policy" content="default-src 'self'">`), '/_astro/style.X1.css', css, 'a.html')).toThrow(/a.html: .*no style-src/);
    expect(() => inlineStylesheet(page(), '/_astro/other.css', css, 'b.html')).toThrow(/b.html: no <link rel="stylesheet" href="\/_astro\/other.css">/);
    expect(() => inlineStylesheet(page(), '/_astro/style.X1.css', 'a{}</style><script>', 'c.html')).toThrow(/c.html: .*"<\/style"/);
  });
});

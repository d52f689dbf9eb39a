/**
 * The two editions, as built (at the root and under a sub-path): every Ukrainian page says it is
 * Ukrainian, links to the same page in English and back (hreflang both ways, x-default, the
 * language switch), and shows no English sentence outside an element marked as English; the
 * Ukrainian feed, sitemap and oEmbed are Ukrainian.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { builds } from '../support/builds';
import { assertBuilt, fileForPath, listHtml, readText } from '../support/dist';
import { attr, elements, parseHtml } from '../support/html';
import { englishRuns } from '../support/english-in-ukrainian';

const htmlLang = (html: string) => /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];

for (const [name, { base, outDir }] of Object.entries(builds)) {
  describe(`${name} build: the Ukrainian edition under ${base}uk/`, () => {
    assertBuilt(outDir);
    const ukPages = listHtml(join(outDir, 'uk'));
    const enPages = listHtml(outDir).filter((f) => !f.startsWith('uk/'));
    const pathOf = (href: string) => href.replace(/^https?:\/\/[^/]+/, '').split('#')[0]!;
    const served = (href: string) => fileForPath(outDir, pathOf(href).slice(base.length - 1));

    it('has a Ukrainian page for every English page, and no other', () => {
      expect(ukPages.length).toBeGreaterThan(30);
      expect([...ukPages].sort()).toEqual([...enPages].sort());
    });

    it('marks every Ukrainian page lang="uk" and every English page lang="en…"', () => {
      for (const f of ukPages) expect(htmlLang(readText(join(outDir, 'uk'), f)), f).toBe('uk');
      for (const f of enPages) expect(htmlLang(readText(outDir, f)), f).toMatch(/^en/);
    });

    it('links each indexed page to its counterpart both ways (hreflang en, uk and x-default), and the counterpart exists', () => {
      for (const [dir, pages, self] of [[join(outDir, 'uk'), ukPages, 'uk'], [outDir, enPages, 'en']] as const) {
        for (const f of pages) {
          const html = readText(dir, f);
          if (/<meta name="robots" content="noindex"/.test(html)) continue;
          const links = [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => ({ lang: m[1]!, href: m[2]! }));
          expect(links.map((l) => l.lang).sort(), f).toEqual(['en', 'uk', 'x-default']);
          for (const l of links) expect(served(l.href), `${f}: ${l.lang} → ${l.href}`).toBeDefined();
          const own = links.find((l) => l.lang === self)!;
          expect(pathOf(own.href), f).toBe(`${base}${self === 'uk' ? 'uk/' : ''}${f.replace(/index\.html$/, '')}`);
          expect(links.find((l) => l.lang === 'x-default')!.href).toBe(links.find((l) => l.lang === 'en')!.href);
        }
      }
    });

    it('has a language switch on every site page that leads to the same page in the other edition', () => {
      for (const [dir, pages, other] of [[join(outDir, 'uk'), ukPages, 'en'], [outDir, enPages, 'uk']] as const) {
        for (const f of pages.filter((p) => !p.startsWith('embed/'))) {
          const doc = parseHtml(readText(dir, f));
          const switches = [...elements(doc)].filter((el) => el.tagName === 'a' && (attr(el, 'class') ?? '').includes('language-switch'));
          expect(switches.length, f).toBeGreaterThan(0);
          for (const a of switches) {
            expect(attr(a, 'hreflang'), f).toBe(other);
            expect(attr(a, 'lang'), f).toBe(other);
            const href = attr(a, 'href')!;
            expect(served(href), `${f} → ${href}`).toBeDefined();
            const fragment = href.split('#')[1];
            if (fragment) expect(readText(outDir, served(href)!), `${f} → ${href}`).toContain(`id="${fragment}"`);
          }
        }
      }
    });

    it('shows no English sentence on a Ukrainian page outside an element marked lang="en"', () => {
      const found: string[] = [];
      for (const f of ukPages) for (const r of englishRuns(readText(join(outDir, 'uk'), f))) found.push(`uk/${f} ${r.where}: ${r.text}`);
      expect(found.slice(0, 25), `${found.length} runs of English`).toEqual([]);
    });

    it('has a Ukrainian feed, sitemap and oEmbed', () => {
      const feed = readText(outDir, 'uk/rss.xml');
      expect(feed).toContain('<language>uk</language>');
      expect(feed).toMatch(/<item>/);
      expect(existsSync(join(outDir, 'uk/sitemap-index.xml'))).toBe(true);
      const oembed = JSON.parse(readText(outDir, 'uk/embed/article-5/legal-form/oembed.json')) as { html: string; title: string };
      expect(oembed.title).toMatch(/[а-яіїєґ]/i);
      expect(oembed.html).toContain(`${base}uk/embed/article-5/legal-form/`);
    });
  });
}

/**
 * Wording of the built site, read as a reader sees and hears it.
 *
 * "The article" is not a name a reader can use: inside another outlet's story it reads as the
 * host's own story. No page, embed, feed, oEmbed document or manifest of the built site may show
 * or read aloud "the article" or "this article"; name the source (Bloomberg) or the date.
 * Checks the visible text only (see tests/support/visible-text.ts), so a schema.org "Article"
 * type or a CSS class is not a hit. Fails with every file and element where the phrase occurs.
 * Nor may any text say a small word twice ("about about"), or hedge a number twice ("roughly
 * about 5,000 km²"): a <Value> of an approximate figure brings its own "about".
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builds } from '../support/builds';
import { assertBuilt, listFiles } from '../support/dist';
import { findPhrase, jsonStrings, visibleTextOfFeed, visibleTextOfHtml, type VisibleText } from '../support/visible-text';

// "The Article 5 pledge" names a treaty article; only the bare phrase is a hit.
const PHRASE = /\b(?:the|this)\s+article\b(?!\s*\d)/i;

function textsOf(file: string, body: string): VisibleText[] | undefined {
  if (file.endsWith('.html')) return visibleTextOfHtml(body);
  if (file.endsWith('.xml') && !file.startsWith('sitemap')) return visibleTextOfFeed(body);
  if (file.endsWith('.json') || file.endsWith('.webmanifest')) return jsonStrings(JSON.parse(body), '$');
  return undefined;
}

describe('wording of the built site', () => {
  const { outDir } = builds.root;
  assertBuilt(outDir);

  it('the checker sees visible text, spoken attributes and feeds, and skips scripts and types', () => {
    const html =
      '<html><head><meta name="description" content="As the article says"><script type="application/ld+json">{"@type":"Article","headline":"This article"}</script>' +
      '<script>const a = "the article";</script></head><body><p>Hello <em>the</em> article</p><img alt="this article" src="x.png"><p class="the-article">fine</p></body></html>';
    const hits = findPhrase('x.html', visibleTextOfHtml(html), PHRASE);
    expect(hits).toHaveLength(4);
    expect(findPhrase('x.html', visibleTextOfHtml('<p>the Article 5 pledge</p>'), PHRASE)).toEqual([]);
    expect(hits.join('\n')).toMatch(/<meta description>/);
    expect(hits.join('\n')).toMatch(/JSON-LD\.headline/);
    expect(hits.join('\n')).toMatch(/<img\[alt=/);
    expect(hits.join('\n')).toMatch(/<p>: …Hello the article/);
    const feed = '<rss><channel><item><title>Fine</title><description>&lt;p&gt;Since the article&lt;/p&gt;</description></item></channel></rss>';
    expect(findPhrase('rss.xml', visibleTextOfFeed(feed), PHRASE)).toEqual(['rss.xml /rss/channel/item/description: …Since the article…']);
  });

  it('no page, embed, feed or oEmbed document says "the article" or "this article"', () => {
    const hits: string[] = [];
    for (const file of listFiles(outDir)) {
      if (file.startsWith('pagefind/') || file.startsWith('_astro/')) continue;
      const texts = textsOf(file, readFileSync(join(outDir, file), 'utf8'));
      if (texts) hits.push(...findPhrase(file, texts, PHRASE));
    }
    expect(hits.length, `"the article" / "this article" in visible text:\n${hits.join('\n')}`).toBe(0);
  });

  it('no page says a small word twice ("about about $229bn": a sentence\'s "about" before a <Value> that carries its own)', () => {
    const DOUBLED = /\b(about|the|a|an|of|to|in|on|and|for|by)\s+\1\b/i;
    expect(findPhrase('x.html', visibleTextOfHtml('<p>rubles, about <span>about $229bn</span></p>'), DOUBLED)).toHaveLength(1);
    const hits: string[] = [];
    for (const file of listFiles(outDir)) {
      if (!file.endsWith('.html')) continue;
      hits.push(...findPhrase(file, visibleTextOfHtml(readFileSync(join(outDir, file), 'utf8')), DOUBLED));
    }
    expect(hits.length, `doubled words in visible text:\n${hits.join('\n')}`).toBe(0);
  });

  it('no page, embed, feed or oEmbed document hedges a number twice ("roughly about 5,000 km²": a sentence\'s hedge before a <Value> that carries its own)', () => {
    // A hedge, then another, then the number (or its currency): "roughly about 5,000",
    // "about approximately €210bn", "more than about 80%". Only before a number, so "worries
    // about some members" is not a hit.
    const HEDGE = 'about|approximately|roughly|around|some|nearly|almost|circa|estimated|an estimated|more than|less than|fewer than';
    const DOUBLE_HEDGE = new RegExp(`\\b(?:${HEDGE})\\s+(?:${HEDGE})\\s+(?=[€$£]?\\d|CHF\\s?\\d)`, 'i');
    const check = (html: string) => findPhrase('x.html', visibleTextOfHtml(html), DOUBLE_HEDGE);
    expect(check('<p>Ukraine still held roughly <span>about 5,000 km²</span></p>')).toHaveLength(1);
    for (const phrase of ['about approximately €210bn', 'around about 80%', 'some about 50,000 troops', 'more than about 80%', 'nearly roughly $300bn', 'about some 6,000 km²']) {
      expect(check(`<p>${phrase}</p>`), phrase).toHaveLength(1);
    }
    for (const phrase of ['about €210bn', 'worries about some members', 'more than 80%', 'about 5,000 km², roughly half']) expect(check(`<p>${phrase}</p>`), phrase).toEqual([]);
    const hits: string[] = [];
    for (const file of listFiles(outDir)) {
      if (file.startsWith('pagefind/') || file.startsWith('_astro/')) continue;
      const texts = textsOf(file, readFileSync(join(outDir, file), 'utf8'));
      if (texts) hits.push(...findPhrase(file, texts, DOUBLE_HEDGE));
    }
    expect(hits.length, `a number hedged twice in visible text:\n${hits.join('\n')}`).toBe(0);
  });
});

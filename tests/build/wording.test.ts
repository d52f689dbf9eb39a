/**
 * "The article" is not a name a reader can use: inside another outlet's story it reads as the
 * host's own story. No page, embed, feed, oEmbed document or manifest of the built site may show
 * or read aloud "the article" or "this article"; name the source (Bloomberg) or the date.
 * Checks the visible text only (see tests/support/visible-text.ts), so a schema.org "Article"
 * type or a CSS class is not a hit. Fails with every file and element where the phrase occurs.
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
});


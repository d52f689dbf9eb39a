/**
 * Corrections made in the open (issue 11): every `kind: correction` entry in a card's change log
 * reaches the card, the /updates/ page (labelled as a correction) and the feed (a "Correction:"
 * item with a correction category), each with its date and a link to its card. Each card's
 * <Update> notes link to its change log, whose id is #<card-id>-changes.
 */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { checkContent } from '../../src/lib/content-integrity';
import { readContentFiles } from '../../src/lib/content-loader';
import { updateBlocks } from '../../src/lib/card-updates';
import { builds, ROOT, SITE_URL } from '../support/builds';
import { assertBuilt, idsIn, readText } from '../support/dist';
import { attr, elements, parseHtml, textOf } from '../support/html';
import { loadBrand } from '../../src/config/brand-loader';
import { tierWords } from '../../src/lib/source-tiers';

const { model } = checkContent(readContentFiles(ROOT));
const { outDir } = builds.root;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const corrections = model.cards.flatMap((c) => c.data.changes.filter((ch) => ch.kind === 'correction').map((ch) => ({ card: c, ch })));

describe('corrections in the open (root build)', () => {
  assertBuilt(outDir);

  it('there are corrections to show', () => {
    expect(corrections.length).toBeGreaterThanOrEqual(20);
  });

  it('the feed carries each correction as a dated "Correction:" item in the correction category, linking to its card', () => {
    const rss = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(readText(outDir, 'rss.xml')).rss;
    const items = [rss.channel.item ?? []].flat() as { title: string; link: string; pubDate: string; description: string; category: string | string[] }[];
    for (const { card, ch } of corrections) {
      const match = items.find(
        (i) =>
          i.link === `${SITE_URL}/${card.stack}/#${card.id}` &&
          new Date(i.pubDate).toISOString().slice(0, 10) === ch.date &&
          squash(i.description).startsWith(squash(ch.text)),
      );
      expect(match, `${card.path}: ${ch.text.slice(0, 40)}`).toBeDefined();
      expect(match!.title).toBe(`Correction: ${card.data.title}`);
      expect([match!.category].flat()).toContain('correction');
    }
  });

  it('/updates/ lists each correction, labelled, with its date and a link to its card', () => {
    const doc = parseHtml(readText(outDir, 'updates/index.html'));
    const entries = [...elements(doc)].filter((e) => e.tagName === 'li');
    for (const { card, ch } of corrections) {
      const li = entries.find((e) => squash(textOf(e)).includes(squash(ch.text)));
      expect(li, `${card.path}: ${ch.text.slice(0, 40)}`).toBeDefined();
      const els = [...elements(li!)];
      expect(els.some((e) => e.tagName === 'time' && attr(e, 'datetime') === ch.date)).toBe(true);
      expect(els.some((e) => e.tagName === 'strong' && textOf(e) === 'Correction')).toBe(true);
      expect(els.some((e) => e.tagName === 'a' && attr(e, 'href') === `/${card.stack}/#${card.id}`)).toBe(true);
    }
  });

  it('each card shows its corrections in its change log, and its <Update> notes link there', () => {
    for (const card of model.cards) {
      const html = readText(outDir, `${card.stack}/index.html`);
      const ids = idsIn(html);
      const doc = parseHtml(html);
      const log = [...elements(doc)].find((e) => attr(e, 'id') === `${card.id}-changes`);
      if (card.data.changes.length === 0) continue;
      expect(log, `${card.path} change log`).toBeDefined();
      const logText = squash(textOf(log!));
      for (const ch of card.data.changes.filter((x) => x.kind === 'correction')) expect(logText, card.path).toContain(squash(ch.text));
      const links = [...elements(doc)].filter((e) => e.tagName === 'a' && attr(e, 'href') === `#${card.id}-changes`);
      expect(links.length, `${card.path} update links`).toBe(updateBlocks(card.body).length);
      expect(ids.has(`${card.id}-changes`)).toBe(true);
    }
  });

  it('/sources/ has the standards note with the brand’s contact address, and every source’s tier in words', () => {
    const brand = loadBrand('src/config/brand.yaml', ROOT);
    expect(brand.contact).toMatch(/@/);
    const html = readText(outDir, 'sources/index.html');
    const doc = parseHtml(html);
    const note = [...elements(doc)].find((e) => e.tagName === 'section' && attr(e, 'aria-labelledby') === 'standards');
    expect(note).toBeDefined();
    expect([...elements(note!)].some((e) => e.tagName === 'a' && attr(e, 'href') === `mailto:${brand.contact}`)).toBe(true);
    expect(textOf(note!)).toMatch(/relay/i);
    const text = squash(textOf(doc)).replace(/&#39;/g, "'");
    for (const s of model.sources) {
      const li = [...elements(doc)].find((e) => attr(e, 'id') === `source-${s.id}`);
      expect(li, s.id).toBeDefined();
      expect(squash(textOf(li!)), s.id).toContain(tierWords(s));
    }
    expect(text).toContain('as relayed by');
  });
});

/**
 * Every sentence a reader sees with a footnote is a claim the content check has seen (issue 19).
 *
 * For every card, the built embed page (one card, as a partner shows it) is read back: each
 * sentence of the card's own text that carries a footnote marker (`a.cite`, single or grouped)
 * must match a claim of that card in the check's claim list (`model.claims`, made by
 * src/lib/content/provenance.ts from the MDX tree), with the same words (a figure's formatted
 * number stands where the claim has ‹figure-id›) and every source its marker names among the
 * claim's sources. The sentences are split by the check's own splitter, with each marker in
 * its place, so a marker after a full stop belongs to the sentence before it, as in the check.
 *
 * The house components that draw data records (the timeline, the Article 5 comparison, the
 * layers) and quote and chart figures are not the card's prose: their claims are their records'.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { splitSentences } from '../../src/lib/content/provenance';
import { builds, ROOT } from '../support/builds';
import { assertBuilt, readText } from '../support/dist';
import { attr, elements, parseHtml, type Element } from '../support/html';

const { model } = checkContent(readContentFiles(ROOT));
const { outDir } = builds.root;

type Node = Element | { nodeName: string; value?: string; childNodes?: Node[] };
const classes = (el: Element) => (attr(el, 'class') ?? '').split(/\s+/);
const isElement = (n: Node): n is Element => 'tagName' in n;

/** Blocks whose inline text forms running text, as the check's paragraphs, headings and table cells. */
const BLOCKS = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th']);
/** Not the card's prose: figures (quotes, charts) and the components that draw data records. */
const NOT_PROSE = (el: Element) =>
  el.tagName === 'figure' ||
  el.tagName === 'details' ||
  el.tagName === 'table' && classes(el).some((c) => c.startsWith('comparison')) ||
  classes(el).some((c) => /^(timeline|comparison|layers|ladder|update-title|value-note)/.test(c));

/** The running text of a block, each footnote marker as the check's private-use marker. */
function flatten(node: Node, markers: string[][]): string {
  if (!isElement(node)) return node.nodeName === '#text' ? (node.value ?? '') : '';
  if (node.tagName === 'script' || node.tagName === 'style' || classes(node).includes('value-note')) return '';
  // A marker is the link itself (a.cite), raised by CSS.
  if ((node.tagName === 'a' || node.tagName === 'sup') && classes(node).includes('cite')) {
    const ids = (attr(node, 'data-footnotes') ?? attr(node, 'data-footnote') ?? '').split(/\s+/).filter(Boolean);
    markers.push(ids);
    return `\uE000${markers.length - 1}\uE001`;
  }
  if (node.tagName === 'br') return ' ';
  return (node.childNodes as Node[]).map((c) => flatten(c, markers)).join('');
}

/** Text as the claim list and the page both may write it: one kind of quote, dash and space. */
const normal = (s: string) =>
  s
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?])/g, '$1')
    .trim();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A claim's words as a pattern: a figure (‹id›) is whatever number the page prints. */
const claimPattern = (text: string) => new RegExp(`^${normal(text).split(/‹[^›]+›/).map(escape).join('.+?')}$`);

interface PageSentence {
  text: string;
  sources: string[];
}

/** The footnoted sentences of a card's own text on its built embed page. */
function footnotedSentences(stack: string, card: string): PageSentence[] {
  const doc = parseHtml(readText(outDir, `embed/${stack}/${card}/index.html`));
  const article = [...elements(doc)].find((e) => e.tagName === 'article' && attr(e, 'data-card') === card);
  expect(article, `${stack}/${card}: article[data-card]`).toBeDefined();
  const body = [...elements(article!)].find((e) => classes(e).includes('card-body'));
  expect(body, `${stack}/${card}: .card-body`).toBeDefined();
  const out: PageSentence[] = [];
  const visit = (el: Element) => {
    if (NOT_PROSE(el)) return;
    const isBlock = BLOCKS.has(el.tagName) || (el.tagName === 'li' && !el.childNodes.some((c) => isElement(c as Node) && (c as Element).tagName === 'p'));
    if (isBlock) {
      const markers: string[][] = [];
      const running = flatten(el, markers);
      for (const sentence of splitSentences(running)) {
        const used = [...sentence.matchAll(/\uE000(\d+)\uE001/g)].map((m) => markers[Number(m[1])]!);
        if (!used.length) continue;
        out.push({ text: normal(sentence.replace(/\uE000\d+\uE001/g, '')), sources: [...new Set(used.flat())] });
      }
      return;
    }
    for (const c of el.childNodes) if (isElement(c as Node)) visit(c as Element);
  };
  visit(body!);
  return out;
}

describe('footnoted sentences are claims the check has seen (root build)', () => {
  assertBuilt(outDir);
  const claims = model.claims ?? [];

  it('the check hands over its claims, card sentences among them', () => {
    expect(claims.filter((c) => c.where.startsWith('line ')).length).toBeGreaterThan(100);
  });

  it('would see a sentence the check has not: different words, or a source the claim lacks', () => {
    const card = model.cards.find((c) => c.id === 'belgium-objections')!;
    const own = claims.filter((c) => c.file === card.file && c.where.startsWith('line '));
    const [first] = footnotedSentences(card.stack, card.id);
    const matches = (s: PageSentence) => own.some((c) => claimPattern(c.text).test(s.text) && s.sources.every((id) => c.sources.includes(id)));
    expect(matches(first!)).toBe(true);
    expect(matches({ ...first!, text: first!.text.replace(/\b(\w{5,})\b/, '$1x') })).toBe(false);
    expect(matches({ ...first!, sources: [...first!.sources, 'not-cited-here'] })).toBe(false);
  });

  for (const card of model.cards) {
    it(`${card.path}: every footnoted sentence matches one of the card's claims, with its sources`, () => {
      const own = claims.filter((c) => c.file === card.file && c.where.startsWith('line '));
      const sentences = footnotedSentences(card.stack, card.id);
      expect(sentences.length, `${card.path}: footnoted sentences`).toBeGreaterThan(0);
      const unmatched = sentences
        .filter((s) => !own.some((c) => claimPattern(c.text).test(s.text) && s.sources.every((id) => c.sources.includes(id))))
        .map((s) => `${s.text} [${s.sources.join(', ')}]`);
      expect(unmatched).toEqual([]);
    });
  }
});

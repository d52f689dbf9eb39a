/**
 * The words a reader can see or hear in a built page or feed, each with where it is, so a
 * wording test can say "index.html <p.dek>: …the article…" instead of "somewhere".
 *
 * Counted: text nodes (not inside script, style or template), the attributes a browser shows
 * or reads aloud (alt, title, aria-label, placeholder, value of buttons), the meta tags that
 * search engines and social cards show (description, og:*, twitter:*), and the string values of
 * JSON-LD except its @-keywords (an "@type": "Article" is a schema.org type, not words).
 * In a feed (RSS/Atom XML): every text node, with embedded HTML reduced to its text.
 */
import { XMLParser } from 'fast-xml-parser';
import { attr, describe, elements, parseHtml, textOf, type Element } from './html';

export interface VisibleText {
  /** Where it is: an element description, an attribute or a JSON path. */
  where: string;
  text: string;
}

const HIDDEN_CONTAINERS = new Set(['script', 'style', 'template']);
const SPOKEN_ATTRIBUTES = ['alt', 'title', 'aria-label', 'placeholder', 'aria-description'];
const SHOWN_META = /^(?:description|og:.+|twitter:.+)$/;

/** The string values of a JSON document, @-keywords left out; embedded HTML reduced to its text. */
export function jsonStrings(value: unknown, path: string, out: VisibleText[] = []): VisibleText[] {
  if (typeof value === 'string') out.push({ where: path, text: /<[a-z]/i.test(value) ? stripTags(value) : value });
  else if (Array.isArray(value)) value.forEach((v, i) => jsonStrings(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!k.startsWith('@')) jsonStrings(v, `${path}.${k}`, out);
  }
  return out;
}

/** Text without tags, for HTML carried inside a feed's description. */
export const stripTags = (html: string) => textOf(parseHtml(`<body>${html}`)).replace(/\s+/g, ' ').trim();

export function visibleTextOfHtml(html: string): VisibleText[] {
  const out: VisibleText[] = [];
  const doc = parseHtml(html);
  for (const el of elements(doc)) {
    if (el.tagName === 'script' && attr(el, 'type') === 'application/ld+json') {
      try {
        jsonStrings(JSON.parse(textOf(el)), 'JSON-LD', out);
      } catch {
        out.push({ where: 'JSON-LD (unparsable)', text: textOf(el) });
      }
      continue;
    }
    if (el.tagName === 'meta') {
      const key = attr(el, 'name') ?? attr(el, 'property') ?? '';
      if (SHOWN_META.test(key)) out.push({ where: `<meta ${key}>`, text: attr(el, 'content') ?? '' });
      continue;
    }
    for (const name of SPOKEN_ATTRIBUTES) {
      const value = attr(el, name);
      if (value) out.push({ where: describe(el, name), text: value });
    }
    if (HIDDEN_CONTAINERS.has(el.tagName) || insideHidden(el)) continue;
    // An element that holds text itself is read as a whole, inline children included, so a
    // phrase split by markup ("the <em>article</em>") is still found.
    const holdsText = el.childNodes.some((n) => n.nodeName === '#text' && textOf(n).trim() !== '');
    if (holdsText) out.push({ where: describe(el), text: textOfVisible(el).replace(/\s+/g, ' ').trim() });
  }
  return out;
}

function insideHidden(el: Element): boolean {
  let p = el.parentNode as Element | null;
  while (p && 'tagName' in p) {
    if (HIDDEN_CONTAINERS.has(p.tagName)) return true;
    p = p.parentNode as Element | null;
  }
  return false;
}

function textOfVisible(el: Element): string {
  return el.childNodes
    .map((n) => {
      if (n.nodeName === '#text') return textOf(n);
      if ('tagName' in n && !HIDDEN_CONTAINERS.has((n as Element).tagName)) return textOfVisible(n as Element);
      return '';
    })
    .join('');
}

export function visibleTextOfFeed(xml: string): VisibleText[] {
  const out: VisibleText[] = [];
  const tree = new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: true }).parse(xml);
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push({ where: path, text: /<[a-z]/i.test(value) ? stripTags(value) : value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}/${k}`);
  };
  walk(tree, '');
  return out;
}

/** Every place where a pattern occurs in the given texts, as "file where: …excerpt…". */
export function findPhrase(file: string, texts: readonly VisibleText[], pattern: RegExp): string[] {
  const hits: string[] = [];
  const seen = new Set<string>();
  for (const { where, text } of texts) {
    const m = pattern.exec(text);
    if (!m) continue;
    const from = Math.max(0, m.index - 40);
    const excerpt = text.slice(from, m.index + m[0].length + 40);
    // A nested element's text is also its parent's: report each passage once.
    if (!seen.has(excerpt)) hits.push(`${file} ${where}: …${excerpt}…`);
    seen.add(excerpt);
  }
  return hits;
}

/**
 * English left in a Ukrainian page: a run of four or more Latin-script words in text a reader
 * sees or hears (text nodes, alt, title, aria-label, placeholder), outside any element marked
 * `lang="en"` (or another Latin-script language). A publication's title or an English quote may
 * stay, marked; a sentence of interface or card text may not. Code (the embed codes) and URLs
 * are not prose.
 */
import { attr, noscriptNodes, parseHtml, textOf, type Element } from './html';

const SKIPPED = new Set(['script', 'style', 'template', 'code', 'pre', 'textarea', 'svg']);
const SPOKEN = ['alt', 'title', 'aria-label', 'placeholder'];
/** Four Latin-script words in a row (two letters or more each; digits and marks between them allowed). */
const RUN = /(?:\b[A-Za-z][A-Za-z’'-]+\b[\s,;:()"“”«»–—&/.]*){4,}/g;

export interface EnglishRun {
  where: string;
  text: string;
}

const describe = (el: Element) => `<${el.tagName}${attr(el, 'class') ? `.${attr(el, 'class')!.split(/\s+/)[0]}` : ''}>`;

/** Runs of English in the parts of `html` whose language is `lang` (default: the page's). */
export function englishRuns(html: string): EnglishRun[] {
  const out: EnglishRun[] = [];
  const doc = parseHtml(html);
  const check = (text: string, where: string) => {
    const prose = text.replace(/https?:\/\/\S+/g, ' ').replace(/\b[\w.-]+\.(?:com|org|ua|net|eu|int|gov|uk)\b\S*/g, ' ');
    for (const m of prose.matchAll(RUN)) out.push({ where, text: m[0].trim() });
  };
  const visit = (el: Element, lang: string) => {
    const own = attr(el, 'lang');
    const here = own ?? lang;
    if (SKIPPED.has(el.tagName)) return;
    if (!here.startsWith('uk')) return;
    for (const name of SPOKEN) {
      const value = attr(el, name);
      if (value) check(value, `${describe(el)}[${name}]`);
    }
    // What a <noscript> holds is markup a reader without JavaScript sees (and an opened on-demand part).
    const children = el.tagName === 'noscript' ? noscriptNodes(el) : el.childNodes;
    for (const child of children) {
      if (child.nodeName === '#text') check(textOf(child), describe(el));
      else if ('tagName' in child) visit(child as Element, here);
    }
  };
  const html_ = doc.childNodes.find((n) => 'tagName' in n && (n as Element).tagName === 'html') as Element | undefined;
  if (html_) visit(html_, attr(html_, 'lang') ?? '');
  return out;
}

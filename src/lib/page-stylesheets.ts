/**
 * The stylesheets a built page links, read from its HTML as Astro writes it: the inline step
 * replaces them (./inline-stylesheet.ts) and the script embed's fragment lists them
 * (./embed/fragment.ts). Pure.
 */

export interface StylesheetLink {
  /** The whole <link …> tag, as it stands in the page. */
  tag: string;
  href: string;
}

/** Every <link rel="stylesheet" href> in the page, in order. */
export function stylesheetLinks(html: string): StylesheetLink[] {
  return (html.match(/<link\b[^>]*>/gi) ?? []).flatMap((tag) => {
    if (!/\brel\s*=\s*["']?stylesheet\b/i.test(tag)) return [];
    const href = /\bhref\s*=\s*"([^"]*)"|\bhref\s*=\s*'([^']*)'/i.exec(tag);
    const value = href ? (href[1] ?? href[2] ?? '') : '';
    return value ? [{ tag, href: value }] : [];
  });
}

/** The hrefs of those links, in order. */
export const linkedStylesheets = (html: string): string[] => stylesheetLinks(html).map((l) => l.href);

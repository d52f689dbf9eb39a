/**
 * The script embed's fragment: one unit's content as the build writes it next to its embed page
 * (…/embed/<stack>/<card>/fragment.json), for our script (src/scripts/embed-element.ts) to render
 * into a host page's Shadow DOM without an iframe. Pure: the built embed page's HTML in, the
 * fragment out; src/integrations/embed-fragments.ts does the file work.
 *
 * Made from the embed page itself, so the fragment says exactly what the iframe shows:
 *   - the unit (main) and the embed's footer, URLs as the page has them (root-relative, with the
 *     base): the script resolves them against the address it fetched the fragment from, so the
 *     host page gets absolute links to wherever the site answers;
 *   - no script, and no chart data for the chart runtime: charts stay the static images the
 *     page starts with (the script embed does not run our chart code in someone else's page);
 *   - image sources for the reader's dark mode dropped: the host page, not the reader's system,
 *     decides the colours, through the documented custom properties;
 *   - headings one level down (the card title is an h2): the host page has its own h1;
 *   - landmarks made plain (main and the embed footer become divs): the host page has its own.
 * JSON rather than .html: hosts rewrite .html URLs (Cloudflare Pages redirects them), and JSON
 * is served as data everywhere. The script treats the HTML as untrusted all the same.
 */

import { linkedStylesheets } from '../page-stylesheets';

export interface Fragment {
  version: 1;
  /** The unit's HTML: inert markup; URLs relative to the fragment's own address. */
  html: string;
  /** The stylesheets the embed page uses, in order, as it links them. */
  styles: string[];
}

export function fragmentFromEmbedPage(page: string, where = 'the embed page'): Fragment {
  const head = page.slice(0, page.indexOf('</head>'));
  const styles = linkedStylesheets(head);
  const start = page.indexOf('<main');
  const end = page.lastIndexOf('</body>');
  if (start < 0 || end < 0) throw new Error(`${where}: no <main> in the embed page`);
  const html = page
    .slice(start, end)
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<p class="embed-continue[^"]*" hidden>[\s\S]*?<\/p>/, '')
    .replace(/ data-chart="[^"]*"/g, '')
    .replace(/<source\b[^>]*prefers-color-scheme: dark[^>]*>/g, '')
    .replace(/<(\/?)h([1-5])\b/g, (_m, slash: string, n: string) => `<${slash}h${Number(n) + 1}`)
    .replace(/^<main\b/, '<div')
    .replace(/<\/main>/, '</div>')
    .replace(/<footer class="embed-footer([^>]*)>([\s\S]*)<\/footer>/, '<div class="embed-footer$1>$2</div>')
    .trim();
  return { version: 1, html, styles };
}

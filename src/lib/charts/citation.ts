/**
 * "Cite this": a short and a long citation, after Our World in Data's "How to cite this data"
 * (owid-grapher metadataHelpers: getCitationShort / getCitationLong). The retrieved date is the
 * chart's `updated` date, a content date, never the build clock: two builds of the same
 * content print the same words.
 */
import type { Chart } from '../content/schemas/chart';
import type { Source } from '../content/schemas/sources';
import { chartSources } from '../sources';
import { t } from '../strings';
import { dateText } from './text';

export interface Citation {
  short: string;
  long: string;
  /** ISO date used as "retrieved". */
  retrieved: string;
}

export interface CitationContext {
  /** The site's name, e.g. "Ukraine's security guarantees, explained". */
  siteName: string;
  /** Absolute URL of the chart's permalink. */
  url: string;
}

export function chartCitation(chart: Chart, sources: ReadonlyMap<string, Source>, ctx: CitationContext): Citation {
  const used = chartSources(chart, sources);
  const publishers = [...new Set(used.map((s) => s.publisher))].join('; ');
  const year = chart.updated.slice(0, 4);
  const short = `${publishers} – ${t('chart.compiledBy')} ${ctx.siteName} (${year})`;
  const original = used.map((s) => `${s.publisher}, “${s.title}” (${dateText(s.date)})`).join('; ');
  const long =
    `${short}. “${chart.title}” ${t('chart.datasetTag')}. ${original} ${t('chart.originalTag')}. ` +
    `${t('chart.retrieved', { date: dateText(chart.updated), url: ctx.url })}.`;
  return { short, long, retrieved: chart.updated };
}

/**
 * A citation's text in pieces, each title in “…” that is in another script than the edition's
 * marked with its language, so a page can say which words are English: a Ukrainian page cites
 * “EU indefinitely freezes Russian assets…” as English. Only Latin-script titles are marked (the
 * site's sources are English but for a few, whose Cyrillic titles read as the page does).
 */
export function citationPieces(text: string, pageLang: string): { text: string; lang?: string }[] {
  if (pageLang === 'en') return [{ text }];
  return text
    .split(/(“[^”]*”)/)
    .filter(Boolean)
    .map((piece) => (/^“[^”]*”$/.test(piece) && !/\p{Script=Cyrillic}/u.test(piece) ? { text: piece, lang: 'en' } : { text: piece }));
}

/**
 * /rss.xml: every update and correction to every card, and every correction and clarification
 * to a chart, newest first (the same list as the
 * Updates page, from collectUpdates). Each item links to the card's anchor on its page; its
 * guid is the change itself (card, date and position), so a second change to the same card is
 * a new item for feed readers. Dates are the change's day at 00:00 UTC: no clock is read, so
 * two builds write the same bytes.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getBrand } from '@/config/brand-loader';
import { allCards } from '@/data/cards';
import { allSources } from '@/data/store';
import { allCharts, chartHome } from '@/data/charts';
import { feedItems } from '@/lib/feed';
import { t } from '@/lib/strings';
import { absoluteUrl } from '@/lib/urls';

export const GET: APIRoute = async ({ site }) => {
  const brand = getBrand();
  const siteUrl = site?.href ?? brand.url;
  const cards = (await allCards()).map((c) => ({ stack: c.stack, card: c.card, title: c.title, changes: c.entry.data.changes }));
  const sources = new Map((await allSources()).map((s) => [s.id, s]));
  // A chart's corrections and clarifications, linking to the chart on its home card's page.
  const charts = [];
  for (const chart of await allCharts()) {
    const home = await chartHome(chart.id);
    if (home) charts.push({ id: chart.id, title: chart.title, stack: home.stack, changes: chart.changes });
  }
  return rss({
    title: brand.name,
    description: t('feed.description'),
    // The channel links to the home page, under the base path.
    site: absoluteUrl('', siteUrl),
    trailingSlash: true,
    items: feedItems(cards, sources, siteUrl, undefined, charts),
    customData: `<language>${brand.locale}</language>`,
  });
};

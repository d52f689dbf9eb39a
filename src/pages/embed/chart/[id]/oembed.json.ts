/** /embed/chart/<id>/oembed.json: the chart's oEmbed document, with its PNG as the thumbnail. */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { Chart } from '@/lib/content/schemas/chart';
import { allCharts } from '@/data/charts';
import { chartThumbnail, chartUnitPage, oembedProvider } from '@/data/embeds';
import { oembedDocument } from '@/lib/embed/codes';

export const getStaticPaths = (async () =>
  (await allCharts()).map((chart) => ({ params: { id: chart.id }, props: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const { chart } = props as { chart: Chart };
  const page = await chartUnitPage(chart, site!.href);
  const unit = { ...page.unit, thumbnail: await chartThumbnail(chart, site!.href) };
  return new Response(JSON.stringify(oembedDocument(unit, oembedProvider(site!.href))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

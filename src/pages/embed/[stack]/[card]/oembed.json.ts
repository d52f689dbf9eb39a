/** /embed/<stack>/<card>/oembed.json: the card's oEmbed document, found by discovery links. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCards } from '@/data/cards';
import { cardUnitPage, oembedProvider, type CardEntry } from '@/data/embeds';
import { oembedDocument } from '@/lib/embed/codes';

export const getStaticPaths = (async () =>
  (await allCards()).map((card) => ({ params: { stack: card.stack, card: card.card }, props: { card } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const page = await cardUnitPage((props as { card: CardEntry }).card, site!.href);
  return new Response(JSON.stringify(oembedDocument(page.unit, oembedProvider(site!.href))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};

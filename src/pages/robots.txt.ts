/**
 * /robots.txt, generated so the sitemap URLs carry the site URL and base path of this build: one
 * sitemap per edition (English's, then /uk/'s). Crawlers read robots.txt only at a host's root: a
 * copy under a sub-path (or an edition's folder) is there for the host to merge into its own
 * (docs/deploying.md).
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '@/lib/urls';
import { buildOrder, editionFolder, siteBase } from '@/lib/editions';
import { getBrand } from '@/config/brand-loader';

export const GET: APIRoute = ({ site }) => {
  const { languages } = getBrand();
  const sitemaps = buildOrder(languages).map((lang) => `Sitemap: ${absoluteUrl(`${editionFolder(lang, languages)}sitemap-index.xml`, site!.href, siteBase())}`);
  return new Response(`User-agent: *\nAllow: /\n\n${sitemaps.join('\n')}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

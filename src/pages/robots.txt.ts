/**
 * /robots.txt, generated so the sitemap URL carries the site URL and base path of this build.
 * Crawlers read robots.txt only at a host's root: a copy under a sub-path is there for the
 * host to merge into its own (docs/deploying.md).
 */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '@/lib/urls';

export const GET: APIRoute = ({ site }) => {
  const sitemap = absoluteUrl('sitemap-index.xml', site!.href);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

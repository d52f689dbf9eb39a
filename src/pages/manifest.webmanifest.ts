/** /manifest.webmanifest: the site's name, colours and icons, from the brand. */
import type { APIRoute } from 'astro';
import { getBrand, logoIsSvg } from '@/config/brand-loader';
import { webManifest } from '@/lib/icons';
import { t } from '@/lib/strings';

export const GET: APIRoute = () => {
  const brand = getBrand();
  const manifest = webManifest({
    name: brand.name,
    shortName: brand.shortName,
    description: t('site.description'),
    locale: brand.locale,
    background: brand.palette.light.bg,
    theme: brand.palette.light.accent,
    svgLogo: logoIsSvg(brand),
  });
  return new Response(`${JSON.stringify(manifest, null, 2)}\n`, { headers: { 'Content-Type': 'application/manifest+json' } });
};

/**
 * The drawings a build makes, through the image cache (./cache.ts): a chart's files and a
 * social card are drawn once for given inputs and code, whoever asks first (a page that needs
 * the PNG's size, or the integration that writes the files).
 */
import type { Chart } from '../../schemas/chart';
import type { Source } from '../../schemas/sources';
import { chartSources } from '../sources';
import { cached } from './cache';
import { chartImages, type ChartImages, type DrawingBrand } from './chart-render';
import { drawSocialCard, type SocialCardSpec } from './social-card';
import type { ImageSize } from './png';

const brandInput = (brand: DrawingBrand) => ({ name: brand.name, palette: brand.palette });

export function cachedChartImages(chart: Chart, sources: ReadonlyMap<string, Source>, brand: DrawingBrand): ChartImages {
  const used = chartSources(chart, sources);
  const { files, meta } = cached<{ png: ImageSize }>('chart', { chart, sources: used, brand: brandInput(brand) }, () => {
    const drawn = chartImages(chart, sources, brand);
    return { files: drawn.files, meta: { png: drawn.png } };
  });
  return { files, png: meta.png };
}

export function cachedSocialCard(spec: SocialCardSpec, brand: DrawingBrand, logo: Buffer, sources: ReadonlyMap<string, Source>): Buffer {
  const used = spec.chart ? chartSources(spec.chart, sources) : [];
  const logoHash = logo.toString('base64');
  const { files } = cached('social', { spec, sources: used, brand: brandInput(brand), logo: logoHash }, () => ({
    files: new Map([['card.png', drawSocialCard(spec, brand, logo, sources)]]),
    meta: null,
  }));
  return files.get('card.png')!;
}

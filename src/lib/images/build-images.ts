/**
 * The drawings a build makes, through the image cache (./cache.ts): a chart's files, a social
 * card (with a card's gallery thumbnail) and a chart's thumbnail are drawn once for given inputs
 * and code, whoever asks first (a page that needs the PNG's size, or the integration that
 * writes the files).
 */
// The interface words drawn into an image are the edition's (src/lib/strings.ts), so the edition is part of each key.
import { currentEdition } from '../editions';
import { createHash } from 'node:crypto';
import type { Chart } from '../content/schemas/chart';
import type { Source } from '../content/schemas/sources';
import { chartSources } from '../sources';
import { cached, cachedAsync } from './cache';
import { chartImages, type ChartImages, type DrawingBrand } from './chart-render';
import type { SocialCardSpec } from './social-card';
import type { SocialCardLane, SocialImages } from './social-images';
import type { ImageSize } from './png';
import { drawThumbnail } from './thumb-draw';

const brandInput = (brand: DrawingBrand) => ({ name: brand.name, palette: brand.palette });

export function cachedChartImages(chart: Chart, sources: ReadonlyMap<string, Source>, brand: DrawingBrand): ChartImages {
  const used = chartSources(chart, sources);
  const { files, meta } = cached<{ png: ImageSize }>('chart', { chart, sources: used, brand: brandInput(brand), edition: currentEdition() }, () => {
    const drawn = chartImages(chart, sources, brand);
    return { files: drawn.files, meta: { png: drawn.png } };
  });
  return { files, png: meta.png };
}

/**
 * A social card and, when `withThumb`, its gallery thumbnail, drawn on `lane` (./social-images.ts).
 * The thumbnail is part of the entry, so a cached build skips it too.
 */
export async function cachedSocialImages(
  spec: SocialCardSpec,
  brand: DrawingBrand,
  logo: Buffer,
  sources: ReadonlyMap<string, Source>,
  withThumb: boolean,
  lane: SocialCardLane,
): Promise<SocialImages> {
  const used = spec.chart ? chartSources(spec.chart, sources) : [];
  const logoHash = logo.toString('base64');
  const { files } = await cachedAsync('social', { spec, sources: used, brand: brandInput(brand), logo: logoHash, withThumb, edition: currentEdition() }, async () => {
    const drawn = await lane.draw(spec, brand, logo, sources, withThumb);
    return { files: new Map(Object.entries(drawn)), meta: null };
  });
  const png = files.get('png')!;
  const thumb = files.get('thumb');
  return thumb ? { png, thumb } : { png };
}

/** A gallery thumbnail of a PNG (a chart's), through the cache: keyed by the PNG's bytes. */
export function cachedThumbnail(png: Buffer): Buffer {
  const { files } = cached('thumb', { png: createHash('sha256').update(png).digest('hex') }, () => ({ files: new Map([['thumb', drawThumbnail(png)]]), meta: null }));
  return files.get('thumb')!;
}

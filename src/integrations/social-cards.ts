/**
 * Writes, after the build, the images a shared link and a home screen show:
 *
 *   og/site.png, og/<stack>.png, og/<stack>/<card>.png, og/chart/<id>.png   1200×630 social cards
 *   favicon.svg (an SVG logo as is), favicon-32.png, apple-touch-icon.png, icon-192.png, icon-512.png
 *   thumbs/<stack>/<card>.webp, thumbs/chart/<id>.webp                      the embed gallery's tiles
 *
 * The drawing is in src/lib/images/social-card.ts (cards show their chart, drawn from its
 * record); this file gathers what each card says, goes through the image cache, and writes
 * or (in dev) serves the bytes.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getBrand, logoIsSvg } from '../config/brand-loader';
import type { Source } from '../lib/content/schemas/sources';
import { formatProblem } from '../lib/content/check';
import { chartIdsIn } from '../lib/content/mdx-scanner';
import { contentLoader } from '../data/model';
import { currentEdition } from '../lib/editions';
import { ICON_FILES, ICON_SIZES } from '../lib/icons';
import { socialImageFile } from '../lib/social';
import { t } from '../lib/strings';
import { drawIcon, type SocialCardSpec } from '../lib/images/social-card';
import { configureImageCache } from '../lib/images/cache';
import { cachedChartImages, cachedSocialImages, cachedThumbnail } from '../lib/images/build-images';
import { inLanes, SocialCardLane } from '../lib/images/social-images';
import { chartAssetFiles } from '../lib/charts/assets';
import { thumbFile } from '../lib/images/thumbs';

/** Every social card of the site, from the content model. */
export function socialCardSpecs(root: string): { specs: SocialCardSpec[]; sources: Map<string, Source> } {
  const brand = getBrand();
  const { problems, editions } = contentLoader(root).result();
  // This build's edition: the Ukrainian build draws Ukrainian social cards.
  const model = editions[currentEdition()] ?? editions.en!;
  const chartById = new Map(model.charts.map((c) => [c.id, c]));
  if (problems.length) throw new Error(`social-cards: content has problems:\n  ${problems.map(formatProblem).join('\n  ')}`);
  const specs: SocialCardSpec[] = [
    { target: { kind: 'site' }, kicker: brand.publisher.name, title: brand.name, dek: t('site.description'), from: brand.file },
  ];
  for (const stack of model.stacks) {
    specs.push({ target: { kind: 'stack', stack: stack.id }, kicker: t('social.explainer'), title: stack.title, dek: stack.summary, from: 'content/data/stacks.yaml' });
  }
  for (const card of model.cards) {
    const stack = model.stacks.find((s) => s.id === card.stack);
    const chartId = chartIdsIn(card.body)[0];
    specs.push({
      target: { kind: 'card', stack: card.stack, card: card.id },
      kicker: stack?.title ?? '',
      title: card.data.title,
      dek: card.data.dek,
      from: card.file,
      chart: chartId ? chartById.get(chartId) : undefined,
    });
  }
  for (const chart of model.charts) {
    specs.push({ target: { kind: 'chart', chart: chart.id }, kicker: t('social.chart'), title: chart.title, dek: chart.takeaway, from: `content/data/charts/${chart.id}.yaml`, chart });
  }
  return { specs, sources: new Map(model.sources.map((s) => [s.id, s])) };
}

/**
 * Cards drawn at once: one lane paints while the others' PNGs encode on the thread pool
 * (src/lib/images/social-images.ts). One more lane than cores keeps both busy; more only holds
 * more canvases (about 3 MB each).
 */
const DRAW_LANES = availableParallelism() + 1;

/** Every file this integration writes (or only `only`), keyed by its path under the output folder. */
export async function socialFiles(root: string, only?: string): Promise<Map<string, Buffer>> {
  const brand = getBrand();
  const logo = readFileSync(brand.logoFile);
  const files = new Map<string, Buffer>();
  const wanted = (file: string) => only === undefined || only === file;
  const { specs, sources } = socialCardSpecs(root);
  // The embed gallery's thumbnails: a card's social card, a chart's own PNG, scaled down.
  const thumbOf = ({ target: t }: SocialCardSpec) => (t.kind === 'card' ? thumbFile(`${t.stack}/${t.card}`) : t.kind === 'chart' ? thumbFile(`chart/${t.chart}`) : undefined);
  const jobs = specs
    .map((spec) => ({ spec, file: socialImageFile(spec.target), thumb: thumbOf(spec) }))
    .filter(({ file, thumb }) => wanted(file) || (thumb !== undefined && wanted(thumb)));
  const lanes = Array.from({ length: Math.min(DRAW_LANES, jobs.length) }, () => new SocialCardLane());
  const drawn = jobs.length
    ? await inLanes(jobs, lanes, ({ spec, thumb }, lane) => {
        // A card's thumbnail is scaled from its social card as it is drawn; a chart's, below, from the chart's PNG.
        const cardThumb = spec.target.kind === 'card' && thumb !== undefined && wanted(thumb);
        return cachedSocialImages(spec, brand, logo, sources, cardThumb, lane);
      })
    : [];
  jobs.forEach(({ spec, file, thumb }, i) => {
    const images = drawn[i]!;
    if (wanted(file)) files.set(file, images.png);
    if (!thumb || !wanted(thumb)) return;
    if (images.thumb) files.set(thumb, images.thumb);
    else if (spec.chart) files.set(thumb, cachedThumbnail(cachedChartImages(spec.chart, sources, brand).files.get(chartAssetFiles(spec.chart.id).png)!));
  });
  if (logoIsSvg(brand) && wanted(ICON_FILES.svg)) files.set(ICON_FILES.svg, logo);
  for (const [file, size] of Object.entries(ICON_SIZES)) if (wanted(file)) files.set(file, drawIcon(logo, size, brand.palette.light.bg));
  return files;
}

export default function socialCards(): AstroIntegration {
  let root = '';
  let drawing: Promise<Map<string, Buffer>> | undefined;
  return {
    name: 'social-cards',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        configureImageCache(root);
      },
      'astro:build:start': () => {
        // Start drawing now, so the encoding (on the thread pool) runs while Astro bundles and
        // renders the pages on the main thread. A failure is reported when build:done awaits it.
        drawing = socialFiles(root);
        drawing.catch(() => {});
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const files = await (drawing ?? socialFiles(root));
        for (const [rel, body] of files) {
          const target = join(out, rel);
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, body);
        }
        logger.info(`wrote ${files.size} social cards and icons`);
      },
      'astro:server:setup': ({ server }) => {
        // Dev only: draw a card or icon when it is asked for.
        server.middlewares.use(async (req, res, next) => {
          const base = server.config.base.endsWith('/') ? server.config.base : `${server.config.base}/`;
          const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          const rel = path.startsWith(base) ? path.slice(base.length) : '';
          if (!/^(og\/.+\.png|thumbs\/.+\.webp)$/.test(rel) && !(Object.values(ICON_FILES) as string[]).includes(rel)) return next();
          try {
            const body = (await socialFiles(root, rel)).get(rel);
            if (!body) return next();
            res.writeHead(200, { 'Content-Type': rel.endsWith('.svg') ? 'image/svg+xml' : rel.endsWith('.webp') ? 'image/webp' : 'image/png', 'Cache-Control': 'no-store' });
            res.end(body);
          } catch (e) {
            next(e);
          }
        });
      },
    },
  };
}

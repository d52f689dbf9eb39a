/**
 * Writes every chart's files (SVGs, PNG, CSV; see src/lib/images/chart-render.ts) after the
 * build, through the image cache, and draws them on request in `astro dev`. The drawing lives
 * in src/lib/images; this file only loads the content and writes or serves the bytes.
 */
import type { AstroIntegration } from 'astro';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Chart } from '../lib/content/schemas/chart';
import type { Source } from '../lib/content/schemas/sources';
import { DATA_FILES, formatProblem } from '../lib/content/check';
import { contentLoader } from '../data/model';
import { currentEdition } from '../lib/editions';
import { getBrand } from '../config/brand-loader';
import { cachedChartImages } from '../lib/images/build-images';
import { configureImageCache } from '../lib/images/cache';

/** Charts and sources from content/, refusing to go on if the content check fails. */
export function loadChartContent(root: string): { charts: Chart[]; sources: Map<string, Source> } {
  const { problems: all, editions } = contentLoader(root).result();
  // This build's edition: the Ukrainian build draws Ukrainian charts.
  const model = editions[currentEdition()] ?? editions.en!;
  // The content-check integration refuses the build for any problem; here only the files the
  // images are made from matter (so `astro dev` keeps drawing charts while a card is half-written).
  const problems = all.filter((p) => p.file.startsWith('content/data/charts/') || p.file === DATA_FILES.sources || p.file === DATA_FILES.figures);
  if (problems.length) throw new Error(`chart-images: content has problems:\n  ${problems.map(formatProblem).join('\n  ')}`);
  return { charts: model.charts, sources: new Map(model.sources.map((s) => [s.id, s])) };
}

const CONTENT_TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', csv: 'text/csv; charset=utf-8' };

export default function chartImages(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'chart-images',
    hooks: {
      'astro:config:setup': ({ config }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        configureImageCache(root);
      },
      'astro:server:setup': ({ server }) => {
        // Dev only: draw a chart file when it is asked for; content edits show on reload.
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0]!);
          const rel = path.startsWith(base) ? path.slice(base.length) : '';
          const m = /^charts\/([a-z0-9-]+)\/[^/]+\.(svg|png|csv)$/.exec(rel);
          if (!m) return next();
          try {
            const { charts, sources } = loadChartContent(root);
            const chart = charts.find((c) => c.id === m[1]);
            const body = chart && cachedChartImages(chart, sources, getBrand()).files.get(rel);
            if (!body) return next();
            res.writeHead(200, { 'Content-Type': CONTENT_TYPES[m[2]!]!, 'Cache-Control': 'no-store' });
            res.end(body);
          } catch (e) {
            next(e);
          }
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const { charts, sources } = loadChartContent(root);
        let count = 0;
        for (const chart of charts) {
          for (const [rel, body] of cachedChartImages(chart, sources, getBrand()).files) {
            const target = join(out, rel);
            await mkdir(dirname(target), { recursive: true });
            await writeFile(target, body);
            count++;
          }
        }
        logger.info(`wrote ${charts.length} charts (${count} files)`);
      },
    },
  };
}

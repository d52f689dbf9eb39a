/**
 * Charts in the built site, at the root and under a sub-path: every chart used in a card has
 * its light and dark images, PNG, CSV and data table; the table says the CSV's numbers in words,
 * and the CSV's values are numbers and its dates ISO; images are
 * within budget; and the Chart.js chunk is lazy and within its 50 KB budget.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { chartAssetFiles } from '../../src/lib/charts/assets';
import { chartSize } from '../../src/lib/charts/config';
import { chartSummary } from '../../src/lib/charts/summary';
import { parseCsv } from '../support/csv';
import { CSV_COLUMNS, sourceLabel } from '../../src/lib/charts/table';
import { shortPublisher } from '../../src/lib/sources';
import { formatFigure } from '../../src/lib/format';
import { units } from '../../src/lib/content/schemas/figures';

type Unit = (typeof units)[number];
import { chartHomes } from '../../src/lib/charts/homes';
import { builds, ROOT } from '../support/builds';
import { assertBuilt, listFiles } from '../support/dist';
import { attr, elements, parseHtml, textOf, type Element } from '../support/html';
import { measurePage } from '../support/budgets';

const KB = 1024;
const { model } = checkContent(readContentFiles(ROOT));

/** Chart id → the stack page of its home card (src/lib/charts/homes.ts). */
const used = new Map([...chartHomes(model.stacks, (stack, card) => model.cards.find((c) => c.stack === stack && c.id === card)?.body ?? '')].map(([id, home]) => [id, home.stack]));

const byTag = (root: Element, tag: string) => [...elements(root)].filter((e) => e.tagName === tag);
const cls = (e: Element) => (attr(e, 'class') ?? '').split(/\s+/);
const text = (e: Element) => textOf(e).replace(/\s+/g, ' ').trim();

describe('charts in content', () => {
  it('the four charts of issue 3 are placed in cards', () => {
    expect([...used.keys()].sort()).toEqual(expect.arrayContaining(['donbas-control', 'financing-gap', 'frozen-assets-holders', 'troop-sizes']));
  });
});

for (const [name, { base, outDir }] of Object.entries(builds)) {
  describe(`charts in the ${name} build (base ${base})`, () => {
    assertBuilt(outDir);

    for (const [id, stack] of used) {
      const chart = model.charts.find((c) => c.id === id)!;
      const files = chartAssetFiles(id);

      it(`${id}: light and dark SVG, wide and narrow (≤ 12 KB compressed), PNG at 2× and CSV exist`, () => {
        for (const f of Object.values(files)) expect(existsSync(join(outDir, f)), f).toBe(true);
        for (const f of [files.light, files.dark, files.narrowLight, files.narrowDark]) {
          const svg = readFileSync(join(outDir, f));
          expect(svg.toString('utf8')).toMatch(/^<svg /);
          expect(brotliCompressSync(svg).length, `${f} brotli`).toBeLessThanOrEqual(12 * KB);
          expect(gzipSync(svg, { level: 9 }).length, `${f} gzip`).toBeLessThanOrEqual(12 * KB);
        }
        const png = readFileSync(join(outDir, files.png));
        expect(png.readUInt32BE(16)).toBe(chartSize(chart).width * 2);
      });

      it(`${id}: the page shows image (sized, with alt text), source, table, downloads, citation, permalink`, () => {
        const html = readFileSync(join(outDir, stack, 'index.html'), 'utf8');
        const doc = parseHtml(html);
        const figure = [...elements(doc)].find((e) => e.tagName === 'figure' && attr(e, 'id') === `chart-${id}`);
        expect(figure, `figure#chart-${id} on ${stack}/`).toBeDefined();
        const fig = figure!;
        const { width, height } = chartSize(chart);

        const [img] = byTag(fig, 'img');
        expect(attr(img!, 'src')).toBe(`${base}${files.light}`);
        expect(attr(img!, 'width')).toBe(String(width));
        expect(attr(img!, 'height')).toBe(String(height));
        expect(attr(img!, 'alt')).toBe(chartSummary(chart));
        const sources = byTag(fig, 'source').map((e) => ({ srcset: attr(e, 'srcset'), media: attr(e, 'media'), width: attr(e, 'width'), height: attr(e, 'height') }));
        const narrow = chartSize(chart, 'narrow');
        expect(sources).toEqual([
          { srcset: `${base}${files.narrowDark}`, media: 'screen and (max-width: 480px) and (prefers-color-scheme: dark)', width: String(narrow.width), height: String(narrow.height) },
          { srcset: `${base}${files.narrowLight}`, media: 'screen and (max-width: 480px)', width: String(narrow.width), height: String(narrow.height) },
          { srcset: `${base}${files.dark}`, media: 'screen and (prefers-color-scheme: dark)', width: String(width), height: String(height) },
        ]);

        const sourceLine = byTag(fig, 'p').find((p) => cls(p).includes('chart-source'))!;
        expect(text(sourceLine)).toMatch(/^Sources?: /);
        for (const r of chart.rows) expect(text(sourceLine)).toContain(model.sources.find((s) => s.id === r.source)!.publisher);

        // The table, inside <details> so it is there without JavaScript, says what the CSV says:
        // the same rows in the same order, each value the CSV's numbers in words.
        const [table] = byTag(fig, 'table');
        expect(byTag(fig, 'details').some((d) => byTag(d, 'table').length > 0)).toBe(true);
        const bodyRows = byTag(table!, 'tr').filter((tr) => byTag(tr, 'td').length > 0);
        const items = bodyRows.map((tr) => text(byTag(tr, 'th')[0]!));
        const cell = (tr: Element, name: string) => byTag(tr, 'td').find((td) => cls(td).includes(name))!;
        const csv = parseCsv(readFileSync(join(outDir, files.csv), 'utf8'));
        const [header, ...csvRows] = csv;
        expect(header).toEqual([...CSV_COLUMNS]);
        expect(csvRows).toHaveLength(chart.rows.length);
        const col = (name: (typeof CSV_COLUMNS)[number]) => header!.indexOf(name);
        expect(items).toEqual(csvRows.map((r) => (r[col('later_development')] === 'yes' ? `${r[col('item')]} (later development)` : r[col('item')])));
        csvRows.forEach((r, i) => {
          const num = (c: (typeof CSV_COLUMNS)[number]) => (r[col(c)] === '' ? undefined : Number(r[col(c)]));
          const figure = { value: num('value'), low: num('low'), high: num('high'), unit: r[col('unit')] as Unit, approx: r[col('qualifier')] === 'about', moreThan: r[col('qualifier')] === 'more than' };
          expect(text(cell(bodyRows[i]!, 'value'))).toBe(formatFigure(figure));
          // The table names the publisher and links to the full entry; the CSV gives it in full.
          const record = model.sources.find((s) => s.id === chart.rows[i]!.source)!;
          expect(r[col('source')]).toBe(sourceLabel(record));
          const source = cell(bodyRows[i]!, 'source');
          const [link] = byTag(source, 'a');
          expect([attr(link!, 'href'), text(link!)]).toEqual([`${base}sources/#source-${record.id}`, shortPublisher(record.publisher)]);
          expect(attr(byTag(source, 'time')[0]!, 'datetime')).toBe(r[col('as_of')]);
        });
        const links = byTag(fig, 'a').map((a) => ({ href: attr(a, 'href'), text: text(a), download: attr(a, 'download') }));
        expect(links).toContainEqual({ href: `${base}${files.csv}`, text: 'Download CSV', download: `${id}.csv` });
        expect(links).toContainEqual({ href: `${base}${files.png}`, text: 'Download PNG', download: `${id}.png` });
        expect(links).toContainEqual({ href: `${base}${stack}/#chart-${id}`, text: 'Link to this chart', download: undefined });

        const cite = byTag(fig, 'details').find((d) => cls(d).includes('chart-cite'))!;
        expect(text(cite)).toContain(`https://example.org${base}${stack}/#chart-${id}`);
        expect(text(cite)).toMatch(/Retrieved \d{1,2} \w+ \d{4} from/);

        // The browser gets the same record the image was drawn from, less the change log (words
        // shown under the chart, nothing to draw).
        const [el] = byTag(fig, 'ex-chart');
        const { changes: _changes, ...drawn } = chart;
        // A map stays the image drawn at build time (no canvas); a chart carries its record.
        if (chart.kind === 'map') expect([attr(el!, 'data-static'), attr(el!, 'data-chart')]).toEqual(['', undefined]);
        else expect(JSON.parse(attr(el!, 'data-chart')!).chart).toEqual(JSON.parse(JSON.stringify(drawn)));
      });
    }

    it('every CSV gives its values as numbers (one, or low and high), its unit by id and its dates as YYYY-MM-DD', () => {
      const known = new Set<string>(units);
      for (const id of used.keys()) {
        const [header, ...rows] = parseCsv(readFileSync(join(outDir, chartAssetFiles(id).csv), 'utf8'));
        const col = (name: (typeof CSV_COLUMNS)[number]) => header!.indexOf(name);
        for (const [i, r] of rows.entries()) {
          const where = `${id}.csv row ${i + 1}`;
          const cell = (c: (typeof CSV_COLUMNS)[number]) => r[col(c)]!;
          const isNumber = (c: (typeof CSV_COLUMNS)[number]) => /^-?\d+(\.\d+)?$/.test(cell(c)) && Number.isFinite(Number(cell(c)));
          // A value, or a range's two ends, never both, never neither; no thousands separators.
          if (cell('value') !== '') expect([isNumber('value'), cell('low'), cell('high')], where).toEqual([true, '', '']);
          else expect([isNumber('low'), isNumber('high')], where).toEqual([true, true]);
          expect(cell('as_of'), where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(new Date(`${cell('as_of')}T00:00:00Z`).toISOString().slice(0, 10), where).toBe(cell('as_of'));
          expect(known.has(cell('unit')), `${where}: unit "${cell('unit')}"`).toBe(true);
          expect(['', 'about', 'more than'], where).toContain(cell('qualifier'));
        }
      }
    });

    it('the Chart.js chunk is ≤ 50 KB brotli, and pages with charts load it lazily, not on load', async () => {
      const chunks = listFiles(join(outDir, '_astro')).filter((f) => /^chart-runtime\.[\w-]+\.js$/.test(f));
      expect(chunks).toHaveLength(1);
      const chunk = readFileSync(join(outDir, '_astro', chunks[0]!));
      const br = brotliCompressSync(chunk).length;
      console.log(`[charts] ${name}: _astro/${chunks[0]} ${chunk.length} B raw, ${br} B brotli (budget ${50 * KB})`);
      expect(br).toBeLessThanOrEqual(50 * KB);
      // Tree-shaken: no other chart types' controllers or elements, no Legend/Tooltip/Title plugins.
      const code = chunk.toString('utf8');
      expect(code).not.toMatch(/static id=[`"'](?:line|doughnut|pie|polarArea|radar|scatter|bubble|arc|point)[`"']/);
      expect(code).not.toMatch(/\bid:[`"'](?:legend|tooltip|title|subtitle|filler|decimation)[`"']/);
      for (const stack of new Set(used.values())) {
        const report = await measurePage(outDir, base, { file: `${stack}/index.html`, route: `${stack}/` });
        expect(report.js.map((a) => a.file), `${stack}/ first-load JS`).not.toContain(`_astro/${chunks[0]}`);
        // Not preloaded by the page either; only a dynamic import() in the loader names it.
        // (Read directly: Rolldown writes import(`./x.js`) with a template literal.)
        expect(readFileSync(join(outDir, stack, 'index.html'), 'utf8')).not.toContain('chart-runtime');
        const importers = report.js.filter((a) => readFileSync(join(outDir, a.file), 'utf8').match(new RegExp(`import\\(\\s*[\`'"]\\./${chunks[0]!.replace(/\./g, '\\.')}[\`'"]\\s*\\)`)));
        expect(importers.length, `${stack}/ loads the chunk by dynamic import()`).toBeGreaterThan(0);
        // What does load at once is the element's tiny loader: no chart code.
        const onLoad = report.js.reduce((n, a) => n + a.br, 0);
        expect(onLoad, `${stack}/ JS on load`).toBeLessThanOrEqual(20 * KB);
      }
    });
  });
}

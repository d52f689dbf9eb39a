/**
 * A translation behind its English (src/lib/content/translation-stamps.ts) is published, not
 * refused, and says so: a copy of the project whose English card dek and chart takeaway changed
 * after translation builds, the build names both texts with file and field, and the Ukrainian
 * card and chart (on the page and in their embeds) say that the English changed, linking to the
 * English. Nothing else says so, and the English edition never does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/builds';
import { copyProject } from '../support/project-copy';
import { attr, elements, parseHtml, textOf } from '../support/html';

const dir = join(ROOT, 'tests/.tmp/translation-behind');
const CARD = 'content/explainers/article-5/legal-form.mdx';
const CHART = 'content/data/charts/troop-sizes.yaml';
let output = '';
let status: number | null = null;

beforeAll(() => {
  copyProject(ROOT, dir);
  const card = readFileSync(join(dir, CARD), 'utf8');
  writeFileSync(join(dir, CARD), card.replace('Not necessarily:', 'Not necessarily, for now:'));
  const chart = readFileSync(join(dir, CHART), 'utf8');
  writeFileSync(join(dir, CHART), chart.replace(/^(takeaway: >-\n.*)$/m, '$1 Edited.'));
  const run = spawnSync(process.execPath, ['--import', './src/cli/resolve-ts.ts', 'src/cli/build.ts'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BASE_PATH: '/', SITE_URL: 'https://example.org' },
  });
  status = run.status;
  output = `${run.stdout}\n${run.stderr}`;
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const notices = (page: string) =>
  [...elements(parseHtml(readFileSync(join(dir, 'dist', page), 'utf8')))].filter((e) => e.tagName === 'p' && (attr(e, 'class') ?? '').split(' ').includes('translation-behind'));

describe('a translation behind its English', () => {
  it('builds, and the build names each text behind with its file and field', () => {
    expect(status, output.slice(-2000)).toBe(0);
    expect(output).toContain('The uk edition is behind its English in 2 text(s) (1 card(s) say so to readers)');
    expect(output).toContain('content/uk/explainers/article-5/legal-form.mdx: dek: was translated from an older English text');
    expect(output).toContain('content/uk/data/charts/troop-sizes.yaml: takeaway: was translated from an older English text');
  });

  it('the Ukrainian card says so on its page and in its embed, linking to the English card; no other card does', () => {
    for (const page of ['uk/article-5/index.html', 'uk/embed/article-5/legal-form/index.html']) {
      const found = notices(page);
      expect(found.length, page).toBe(1);
      expect(textOf(found[0]!)).toContain('Англійський текст цієї картки змінився після перекладу');
      const link = [...elements(found[0]!)].find((e) => e.tagName === 'a')!;
      expect(attr(link, 'href')).toBe('/article-5/#legal-form');
      expect(attr(link, 'hreflang')).toBe('en');
    }
    expect(notices('uk/embed/article-5/zelenskyy-conditions/index.html')).toEqual([]);
  });

  it('the Ukrainian chart says so on its embed page; the English edition never shows the notice', () => {
    const chart = notices('uk/embed/chart/troop-sizes/index.html');
    expect(chart.length).toBe(1);
    expect(textOf(chart[0]!)).toContain('Англійський текст цього графіка змінився після перекладу');
    expect(notices('uk/embed/chart/financing-gap/index.html')).toEqual([]);
    for (const page of ['article-5/index.html', 'embed/article-5/legal-form/index.html', 'embed/chart/troop-sizes/index.html']) expect(notices(page), page).toEqual([]);
  });
});

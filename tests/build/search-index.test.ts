/**
 * What the search index holds, read from Pagefind's own fragments in both builds: the cards'
 * words, without the apparatus around them (chart keyboard hints, source and confidence lines,
 * data tables and their notes, downloads and citations, "What changed · Update…" lines, page
 * dates, embed codes, source lists, change logs), and with a space wherever two blocks of text
 * meet, so excerpts never read "2025Later development".
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { t } from '../../src/lib/strings';
import { builds, ROOT } from '../support/builds';
import { assertBuilt, listFiles } from '../support/dist';
import { indexedPages } from '../support/search-index';

const { model } = checkContent(readContentFiles(ROOT));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Words written with a capital inside them in content/ ("DeepState"): not glued, as written. */
const writtenCamelCase = new Set(
  listFiles(join(ROOT, 'content'))
    .filter((f) => /\.(mdx|ya?ml)$/.test(f))
    .flatMap((f) => readFileSync(join(ROOT, 'content', f), 'utf8').match(/[\p{L}\p{N}]*\p{Ll}\p{Lu}[\p{L}\p{N}]*/gu) ?? []),
);

for (const [name, { outDir }] of Object.entries(builds)) {
  describe(`search index (${name} build)`, () => {
    assertBuilt(outDir);
    const pages = indexedPages(outDir);
    const all = pages.map((p) => `${p.url}: ${p.content}`).join('\n');

    it('indexes the explainer pages with their cards’ text, charts’ titles and timeline', () => {
      expect(pages.map((p) => p.url)).toEqual(model.stacks.map((s) => `/${s.id}/`).sort());
      // What stays: a card's question, a chart's title and takeaway, the Article 5 table, the timeline.
      expect(all).toContain('Why is the Donbas the sticking point?');
      for (const chart of model.charts) expect(all, chart.id).toContain(squash(chart.title));
      expect(all).toContain('Who makes the promise');
      expect(all).toMatch(/19 December 2025 Later development\. EU leaders agree/);
    });

    it('leaves out chart boilerplate, data tables, confidence notes, citations and downloads', () => {
      for (const phrase of [
        t('chart.keyboardHint'),
        `${t('chart.confidenceSummary')}:`,
        'row by row in the table',
        t('chart.data'),
        t('chart.downloadCsv'),
        t('chart.downloadPng'),
        t('chart.permalink'),
        t('chart.cite'),
        t('chart.citeShort'),
        t('chart.datasetTag'),
        `${t('chart.updated')} `,
      ]) {
        expect(all, phrase).not.toContain(phrase);
      }
      // The notes on single figures and chart rows (how sure we are, and why) are the data
      // table's and the value tooltips', not the text's.
      const notes = [...model.figures.map((f) => f.note), ...model.charts.flatMap((c) => c.rows.map((r) => r.note))]
        .filter((n): n is string => typeof n === 'string' && n.length > 30)
        .map(squash);
      expect(notes.length).toBeGreaterThan(5);
      for (const note of notes) expect(all, note).not.toContain(note);
    });

    it('leaves out update lines, page dates, change logs, source lists and embed codes', () => {
      expect(all).not.toContain(t('update.changeLog'));
      expect(all).not.toMatch(new RegExp(`${t('update.heading')} · ${t('update.label')}, \\d`));
      expect(all).not.toMatch(new RegExp(`${t('card.published')} \\d{1,2} \\w+ \\d{4} · ${t('card.updated')}`));
      expect(all).not.toContain(`${t('card.whatChanged')} (`);
      // A source list entry and a data-table source cell read "Publisher, “Title”".
      for (const s of model.sources) expect(all, s.id).not.toContain(`${s.publisher}, “${squash(s.title)}”`);
      for (const code of ['<iframe', 'embed.js', 'data-height', t('card.embedCard')]) expect(all, code).not.toContain(code);
    });

    it('parts blocks of text with a space: no year, word or label glued to the next', () => {
      expect(all).not.toMatch(/\d{4}\p{Lu}/u);
      const glued = [...new Set(all.match(/[\p{L}\p{N}]*\p{Ll}\p{Lu}[\p{L}\p{N}]*/gu) ?? [])].filter((w) => !writtenCamelCase.has(w));
      expect(glued, 'words run together in the index (add a space between the elements that hold them)').toEqual([]);
    });
  });
}

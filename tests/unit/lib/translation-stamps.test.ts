/**
 * Which English each translation was made from (src/lib/content/translation-stamps.ts): the units
 * an edition translates, the record of their fingerprints, and the texts whose English changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../../src/lib/content/check';
import { readContentFiles } from '../../../src/lib/content/loader';
import type { ContentFiles } from '../../../src/lib/content/model';
import { behindLine, englishUnits, readStamps, stampedText, stampsFile, unitsBehind } from '../../../src/lib/content/translation-stamps';
import { fingerprint } from '../../../src/lib/hash';
import { ROOT } from '../../support/builds';

let real: ContentFiles;
beforeAll(() => {
  real = readContentFiles(ROOT);
});
const both = { languages: ['en', 'uk'] as const };
const CARD = 'content/explainers/article-5/legal-form.mdx';

function edition(files: ContentFiles) {
  const { problems, model, editions } = checkContent(files, undefined, both);
  return { problems: problems.map(formatProblem), model, uk: editions.uk! };
}

describe('the record of what each translation was made from', () => {
  it('names every text a translation gives: card parts, records by id, change-log entries by place, chart fields', () => {
    const { model } = edition(real);
    const units = englishUnits(real, model, 'uk');
    const fields = (file: string) => units.filter((u) => u.english === file).map((u) => u.field);
    expect(fields(CARD).slice(0, 4)).toEqual(['title', 'dek', 'body', 'changes[0].text']);
    expect(fields('content/data/timeline.yaml')).toContain('(id "zelenskyy-document-ready").event');
    expect(fields('content/data/article5.yaml')).toContain('rows (id "legal-form").verdict.reason');
    expect(fields('content/data/home.yaml')).toContain('standfirst.sentences[0].text');
    expect(fields('content/data/charts/troop-sizes.yaml')).toContain('takeaway');
    // Shared fields are not translated, so they are not units.
    expect(units.some((u) => /\.(date|value|sources|url)$/.test(u.field))).toBe(false);
    for (const u of units) expect(u.translation.startsWith('content/uk/')).toBe(true);
  });

  it('the Ukrainian edition is up to date with its English as it stands', () => {
    const { problems, uk } = edition(real);
    expect(problems).toEqual([]);
    expect(uk.behind).toEqual([]);
  });

  it('an English text changed after translation puts its translation behind, as a warning with file and field, not a refusal', () => {
    const files = { ...real, [CARD]: real[CARD]!.replace('Not necessarily:', 'Not necessarily, for now:') };
    const { problems, uk } = edition(files);
    expect(problems).toEqual([]);
    expect(uk.behind).toEqual([{ english: CARD, translation: 'content/uk/explainers/article-5/legal-form.mdx', field: 'dek', why: 'changed' }]);
    expect(behindLine(uk.behind![0]!)).toBe(
      'content/uk/explainers/article-5/legal-form.mdx: dek: was translated from an older English text (content/explainers/article-5/legal-form.mdx changed); update the translation, then run npm run translations:stamp -- content/explainers/article-5/legal-form.mdx',
    );
  });

  it('a text with no record is behind as new; stamping one file records it and keeps the others as they were', () => {
    const { model } = edition(real);
    const units = englishUnits(real, model, 'uk');
    const stamps = readStamps(real, 'uk', []);
    const withoutCard = Object.fromEntries(Object.entries(stamps).filter(([file]) => file !== CARD));
    const behind = unitsBehind(units, withoutCard);
    expect(behind.length).toBe(units.filter((u) => u.english === CARD).length);
    expect(new Set(behind.map((b) => b.why))).toEqual(new Set(['new']));

    // Stamp only the card: it is recorded; a changed text elsewhere stays behind.
    const changed = { ...withoutCard, 'content/data/timeline.yaml': { ...withoutCard['content/data/timeline.yaml'], '(id "zelenskyy-document-ready").event': '00000000' } };
    const text = stampedText(units, changed, new Set([CARD]));
    const after = unitsBehind(units, readStamps({ ...real, [stampsFile('uk')]: text }, 'uk', []));
    expect(after.map((b) => `${b.english} ${b.field}`)).toEqual(['content/data/timeline.yaml (id "zelenskyy-document-ready").event']);
    expect(readStamps({ ...real, [stampsFile('uk')]: text }, 'uk', [])[CARD]!.dek).toBe(fingerprint(model.cards.find((c) => c.file === CARD)!.data.dek.trim()));
  });

  it('refuses a malformed record, naming the file and the entry', () => {
    const problems: { file: string; field: string; message: string }[] = [];
    readStamps({ [stampsFile('uk')]: `${CARD}:\n  dek: not-a-fingerprint\n` }, 'uk', problems);
    expect(problems).toEqual([{ file: 'content/uk/translated-from.yaml', field: `${CARD}: dek`, message: 'must be a fingerprint of eight hex digits (written by npm run translations:stamp)' }]);
    const viaCheck = checkContent({ ...real, [stampsFile('uk')]: '[1, 2]\n' }, undefined, both).problems.map(formatProblem);
    expect(viaCheck).toContainEqual(expect.stringMatching(/^content\/uk\/translated-from\.yaml: \(file\): must map each English file/));
  });
});

/**
 * The Ukrainian edition's check (src/lib/content/translations.ts), on the real content: sound as
 * it is, and each fault a translator can make, planted in a copy of the files, refused with the
 * file, the field and what is wrong.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../../src/lib/content/check';
import { readContentFiles } from '../../../src/lib/content/loader';
import { normaliseApostrophes, styleProblems, type EditionQuote } from '../../../src/lib/content/translations';
import type { ContentFiles } from '../../../src/lib/content/model';
import { ROOT } from '../../support/builds';

let real: ContentFiles;
beforeAll(() => {
  real = readContentFiles(ROOT);
});

const CARD = 'content/uk/explainers/article-5/legal-form.mdx';
const both = { languages: ['en', 'uk'] as const };

function problemsAfter(edit: (files: ContentFiles) => void): string[] {
  const files = { ...real };
  edit(files);
  return checkContent(files, undefined, both).problems.map(formatProblem);
}

describe('the Ukrainian edition', () => {
  it('is sound as it stands, one card for every English card, with its own text', () => {
    const { problems, model, editions } = checkContent(real, undefined, both);
    expect(problems.map(formatProblem)).toEqual([]);
    const uk = editions.uk!;
    expect(uk.cards.map((c) => c.path)).toEqual(model.cards.map((c) => c.path));
    for (const [i, card] of uk.cards.entries()) {
      expect(card.file).toBe(`content/uk/explainers/${card.path}.mdx`);
      expect(card.data.title).not.toBe(model.cards[i]!.data.title);
      // Shared, not copied: the sources and dates are the English card's own.
      expect(card.data.sources).toEqual(model.cards[i]!.data.sources);
      expect(card.data.updated).toBe(model.cards[i]!.data.updated);
    }
    // Figures keep their numbers; charts their rows' values.
    expect(uk.figures.map((f) => [f.id, f.value, f.low, f.high])).toEqual(model.figures.map((f) => [f.id, f.value, f.low, f.high]));
    expect(uk.charts.flatMap((c) => c.rows.map((r) => r.value ?? r.high))).toEqual(model.charts.flatMap((c) => c.rows.map((r) => r.value ?? r.high)));
  });

  it('quotes a Ukrainian speaker in his own words, from a Ukrainian report, and translates the others', () => {
    const { editions } = checkContent(real, undefined, both);
    const quotes = new Map(editions.uk!.quotes.map((q) => [q.id, q as EditionQuote]));
    const zelenskyy = quotes.get('zelenskyy-article-5-partners')!;
    expect(zelenskyy.shown).toEqual({ as: 'original' });
    expect(zelenskyy.text).toContain('стаття НАТО');
    expect(zelenskyy.source).not.toBe(editions.en!.quotes.find((q) => q.id === zelenskyy.id)!.source);
    const ryabkov = quotes.get('ryabkov-verge')!;
    expect(ryabkov.shown?.as).toBe('translation');
  });

  it('refuses a missing card, naming the file it should be', () => {
    const problems = problemsAfter((f) => {
      delete f[CARD];
    });
    expect(problems).toContain(`${CARD}: (file): is missing: content/explainers/article-5/legal-form.mdx has no translation`);
  });

  it('refuses a card without a field', () => {
    const problems = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace(/^dek: >-\n(?: {2}.*\n)+/m, '');
    });
    expect(problems.some((p) => p.startsWith(`${CARD}: dek:`))).toBe(true);
  });

  it('refuses a card that drops a citation or shows a figure the English card does not', () => {
    const dropped = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace('<Cite id="crs-2023-09-29" />', '');
    });
    expect(dropped).toContain(`${CARD}: (body): the English card cites "crs-2023-09-29"; this translation does not`);
    const added = problemsAfter((f) => {
      f[CARD] = `${f[CARD]!}\n<Value id="ukraine-army-proposed" />\n`;
    });
    expect(added).toContain(`${CARD}: (body): shows the figure "ukraine-army-proposed"; the English card (content/explainers/article-5/legal-form.mdx) does not`);
  });

  it('refuses a shared field copied into a translation', () => {
    const problems = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace('---\n', '---\nsources: [bloomberg-2025-12-18]\n');
    });
    expect(problems).toContain(`${CARD}: sources: is shared with the English card (content/explainers/article-5/legal-form.mdx); remove it from the translation`);
    const timeline = problemsAfter((f) => {
      f['content/uk/data/timeline.yaml'] = f['content/uk/data/timeline.yaml']!.replace(/^(- id: .*\n)/m, "$1  date: '2025-12-18'\n");
    });
    expect(timeline.some((p) => /^content\/uk\/data\/timeline\.yaml: \[0\]\.date: is shared with the English edition/.test(p))).toBe(true);
  });

  it('refuses a record without its translation', () => {
    const problems = problemsAfter((f) => {
      f['content/uk/data/people.yaml'] = f['content/uk/data/people.yaml']!.replace(/^- id: bart-de-wever\n(?: {2}.*\n)+/m, '');
    });
    expect(problems.some((p) => /^content\/uk\/data\/people\.yaml: \[\d+\] \(id "bart-de-wever"\): has no translation$/.test(p))).toBe(true);
  });

  it('refuses a change-log entry with another date, or one missing', () => {
    const moved = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace("  - date: '2026-01-25'", "  - date: '2026-01-26'");
    });
    expect(moved).toContain(`${CARD}: changes[0].date: is dated 2026-01-26; the English entry in this place is dated 2026-01-25`);
  });

  it('refuses a straight apostrophe, English quotation marks and a refused term', () => {
    const apostrophe = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace('зобов’язує', "зобов'язує");
    });
    expect(apostrophe.some((p) => p.startsWith(`${CARD}: (body, line`) && p.includes("uses ' (U+0027) as an apostrophe in \"в'я\"; Ukrainian text uses ’ (U+2019)"))).toBe(true);
    const marks = problemsAfter((f) => {
      f['content/uk/data/glossary.yaml'] = f['content/uk/data/glossary.yaml']!.replace(/(definition: >-\n {4})/, '$1"Так" ');
    });
    expect(marks.some((p) => p.startsWith('content/uk/data/glossary.yaml: [0].definition: uses " as a quotation mark'))).toBe(true);
    const term = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace('Північноатлантичний договір зобов’язує', 'Миротворці і Північноатлантичний договір зобов’язує');
    });
    expect(term.some((p) => p.startsWith(`${CARD}: (body, line`) && p.includes('uses "миротворц"; the term list (content/uk/terms.yaml) says «багатонаціональні сили»'))).toBe(true);
  });

  it('refuses a Ukrainian text for words spoken in Ukrainian: that would be a back-translation', () => {
    const problems = problemsAfter((f) => {
      f['content/uk/data/quotes.yaml'] = f['content/uk/data/quotes.yaml']!.replace(/^(- id: zelenskyy-article-5-partners\n)/m, '$1  text: Щоб це було як стаття 5 НАТО.\n');
    });
    expect(problems.some((p) => p.startsWith('content/uk/data/quotes.yaml: [1] (id "zelenskyy-article-5-partners").text: the words were spoken in this language'))).toBe(true);
  });

  it('refuses a card that translates no English card', () => {
    const problems = problemsAfter((f) => {
      f['content/uk/explainers/article-5/extra.mdx'] = f[CARD]!;
    });
    expect(problems).toContain('content/uk/explainers/article-5/extra.mdx: (file): translates no English card (its English file would be content/explainers/article-5/extra.mdx)');
  });

  it('is not checked when the brand publishes English only', () => {
    const files = { ...real };
    delete files[CARD];
    expect(checkContent(files, undefined, { languages: ['en'] }).problems).toEqual([]);
  });
});

describe('styleProblems and normaliseApostrophes', () => {
  it('accept Ukrainian typography and refuse the rest', () => {
    expect(styleProblems('Зобов’язання «Коаліції охочих» і „гарантії“', [])).toEqual([]);
    expect(styleProblems('зобовʼязання', [])[0]).toContain('U+02BC');
    expect(styleProblems('“так”', [])[0]).toContain('uses ” as a quotation mark');
    expect(styleProblems('Миротворчий контингент', [{ en: 'multinational force', uk: 'багатонаціональні сили', avoid: ['миротвор'] }])[0]).toContain('«багатонаціональні сили»');
  });
  it('make the three apostrophes one', () => {
    expect(normaliseApostrophes("п'ять пʼять п’ять")).toBe('п’ять п’ять п’ять');
  });
});

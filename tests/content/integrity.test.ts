/**
 * The real content under content/: every record valid, every id reference resolved, ids
 * unique, dates real, no id colliding with a route (checkContent), plus the writing rules
 * that can be checked mechanically (docs/writing.md), and no draft left from `npm run new:card`.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { DRAFT_MARK } from '../../src/lib/card-scaffold';
import { ROOT } from '../support/builds';

const files = readContentFiles(ROOT);
const { problems, model } = checkContent(files);

describe('content/', () => {
  it('has no integrity problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('has the four explainer stacks with cards', () => {
    expect(model.stacks.map((s) => s.id).sort()).toEqual(['article-5', 'context', 'frozen-assets', 'security-guarantees']);
    for (const s of model.stacks) expect(s.cards.length, s.id).toBeGreaterThan(0);
  });

  it('cites the source article', () => {
    expect(model.sources.filter((s) => s.kind === 'article').map((s) => s.id)).toEqual(['bloomberg-2025-12-18']);
  });

  it('has no card still carrying the [DRAFT] placeholders of npm run new:card (the build lets them through)', () => {
    const drafts = Object.entries(files).filter(([file, text]) => /^content\/(?:uk\/)?explainers\//.test(file) && text.includes(DRAFT_MARK));
    expect(drafts.map(([file]) => `${file} is a draft: write its ${DRAFT_MARK} parts and take the marks out`)).toEqual([]);
  });

  /** Words of prose, leaving out component tags. */
  const words = (body: string) => body.replace(/<[^>]+>/g, ' ').split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;

  it.each(model.cards.map((c) => [c.path, c]))('%s: 80 to 250 words of body, a one-sentence dek', (_, card) => {
    const n = words(card.body);
    expect(n, `${card.file} has ${n} words`).toBeGreaterThanOrEqual(80);
    expect(n, `${card.file} has ${n} words`).toBeLessThanOrEqual(250);
    expect(card.data.dek.replace(/\b(?:St|Mr|Ms|Dr|U\.S|U\.K|E\.U)\./g, '').split(/[.!?](?:\s|$)/).filter((s) => s.trim()).length, `${card.file}: dek`).toBe(1);
  });

  it('marks developments after the article with a dated change', () => {
    const asOf = model.home!.asOf;
    for (const card of model.cards) {
      if (card.data.updated > asOf) {
        expect(card.data.changes.length, `${card.file} is updated after ${asOf} but has no changes`).toBeGreaterThan(0);
      }
    }
  });
});

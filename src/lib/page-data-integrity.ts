/**
 * Cross-checks of the page-level data (home page threads, stack leads and "in brief", the
 * Article 5 verdicts) against the rest of the content: ids that must exist, and a home page
 * that must not fall behind its explainers. Pure; content-integrity.ts calls it with what it
 * parsed, and reports the problems with the rest.
 */
import type { Comparison, Home, Stack } from '../schemas';

export interface PageDataProblem {
  file: string;
  field: string;
  message: string;
}

interface Input {
  home?: Home;
  comparison?: Comparison;
  stacks: readonly Stack[];
  /** Each card's stack, publication date and change log. */
  cards: readonly { stack: string; id: string; data: { published: string; changes: readonly { date: string; kind: string }[] } }[];
  sourceIds: ReadonlySet<string>;
  chartIds: ReadonlySet<string>;
  files: { home: string; comparison: string; stacks: string };
}

/** The latest of some YYYY-MM-DD dates (they sort as text), or undefined for none. */
export const latestDate = (dates: readonly string[]) => [...dates].sort().at(-1);

/**
 * The card of a stack whose story moved last (its latest `update`, else its publication), with
 * that date. Corrections fix how we told the story, not where it stands, so they do not count.
 */
export function latestCardChange(cards: Input['cards'], stack: string): { id: string; updated: string } | undefined {
  return cards
    .filter((c) => c.stack === stack)
    .map((c) => ({ id: c.id, updated: latestDate([c.data.published, ...c.data.changes.filter((ch) => ch.kind === 'update').map((ch) => ch.date)])! }))
    .sort((a, b) => a.updated.localeCompare(b.updated))
    .at(-1);
}

export function checkPageData({ home, comparison, stacks, cards, sourceIds, chartIds, files }: Input): PageDataProblem[] {
  const problems: PageDataProblem[] = [];
  const sources = (ids: readonly string[], file: string, field: string) =>
    ids.forEach((id, i) => {
      if (!sourceIds.has(id)) problems.push({ file, field: `${field}[${i}]`, message: `unknown source id "${id}"` });
    });
  const stackIds = new Set(stacks.map((s) => s.id));

  home?.threads.forEach((thread, i) => {
    const field = `threads[${i}] (id "${thread.id}")`;
    sources(thread.sources, files.home, `${field}.sources`);
    if (!stackIds.has(thread.stack)) {
      problems.push({ file: files.home, field: `${field}.stack`, message: `unknown stack id "${thread.stack}"` });
      return;
    }
    const last = latestCardChange(cards, thread.stack);
    if (last && thread.asOf < last.updated) {
      problems.push({
        file: files.home,
        field: `${field}.asOf`,
        message: `is ${thread.asOf}, but card ${thread.stack}/${last.id} changed on ${last.updated}: say where the thread stands now and date it`,
      });
    }
  });

  stacks.forEach((stack, i) => {
    const field = `[${i}] (id "${stack.id}")`;
    stack.inBrief.forEach((s, j) => sources(s.sources, files.stacks, `${field}.inBrief[${j}].sources`));
    if ('chart' in stack.lead && !chartIds.has(stack.lead.chart)) {
      problems.push({ file: files.stacks, field: `${field}.lead.chart`, message: `unknown chart id "${stack.lead.chart}"` });
    }
  });

  comparison?.rows.forEach((row, i) => sources(row.verdict.sources, files.comparison, `rows[${i}].verdict.sources`));
  return problems;
}

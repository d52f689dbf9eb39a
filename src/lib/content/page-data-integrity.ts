/**
 * Cross-checks of the page-level data (home page threads, stack leads and "in brief", the
 * Article 5 verdicts) against the rest of the content: ids that must exist, and a home page
 * that must not fall behind its explainers. Pure; content-integrity.ts calls it with what it
 * parsed, and reports the problems with the rest.
 */
import type { Comparison, Home, Stack } from './schemas';
import { latestDevelopment } from '../updates';

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
  /** The timeline's events: those after the article are developments too. */
  timeline?: readonly { id: string; date: string; afterArticle: boolean }[];
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
    .map((c) => ({ id: c.id, updated: latestDevelopment(c.data.published, c.data.changes) }))
    .sort((a, b) => a.updated.localeCompare(b.updated))
    .at(-1);
}

/**
 * The latest development anywhere: a card's `update` or a timeline event after the article,
 * with what it was. The home page's "Updated" date, and the day its standfirst must be as of.
 */
export function latestDevelopmentAnywhere(cards: Input['cards'], timeline: Input['timeline'] = []): { date: string; what: string } | undefined {
  const all = [
    ...cards.flatMap((c) => c.data.changes.filter((ch) => ch.kind === 'update').map((ch) => ({ date: ch.date, what: `card ${c.stack}/${c.id}` }))),
    ...timeline.filter((e) => e.afterArticle).map((e) => ({ date: e.date, what: `timeline event "${e.id}"` })),
  ];
  return all.sort((a, b) => a.date.localeCompare(b.date)).at(-1);
}

export function checkPageData({ home, comparison, stacks, cards, timeline, sourceIds, chartIds, files }: Input): PageDataProblem[] {
  const problems: PageDataProblem[] = [];
  const sources = (ids: readonly string[], file: string, field: string) =>
    ids.forEach((id, i) => {
      if (!sourceIds.has(id)) problems.push({ file, field: `${field}[${i}]`, message: `unknown source id "${id}"` });
    });
  const stackIds = new Set(stacks.map((s) => s.id));

  if (home) {
    const last = latestDevelopmentAnywhere(cards, timeline);
    if (last && home.standfirst.asOf < last.date) {
      problems.push({
        file: files.home,
        field: 'standfirst.asOf',
        message: `is ${home.standfirst.asOf}, but the story moved on ${last.date} (${last.what}): say where things stand now and date it`,
      });
    }
  }

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

import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../../src/lib/content/check';
import { latestCardChange, latestDate } from '../../../src/lib/content/page-data-integrity';
import { fixtureFiles } from '../../support/fixtures';

const HOME = 'content/data/home.yaml';
const STACKS = 'content/data/stacks.yaml';
const CARD = 'content/explainers/guarantees/first-card.mdx';

function problemsAfter(edit: (files: Record<string, string>) => void): string[] {
  const files = fixtureFiles();
  edit(files);
  return checkContent(files).problems.map(formatProblem);
}

describe('page data cross-checks', () => {
  it('accept the fixture', () => {
    expect(problemsAfter(() => {})).toEqual([]);
  });

  const withChange = (kind: string) => (f: Record<string, string>) => {
    f[CARD] = f[CARD]!.replace(
      "updated: '2025-12-18'",
      `updated: '2026-01-05'\nchanges:\n  - date: '2026-01-05'\n    kind: ${kind}\n    text: Something of substance.\n    sources: [article]`,
    );
  };

  it('refuse a home thread dated before the latest update to its stack', () => {
    expect(problemsAfter(withChange('update'))).toContain(
      `${HOME}: threads[0] (id "plan").asOf: is 2025-12-18, but card guarantees/first-card changed on 2026-01-05: say where the thread stands now and date it`,
    );
  });

  it('refuse a standfirst dated before the latest development, a card update or a timeline event after the article', () => {
    expect(problemsAfter(withChange('update'))).toContain(
      `${HOME}: standfirst.asOf: is 2025-12-18, but the story moved on 2026-01-05 (card guarantees/first-card): say where things stand now and date it`,
    );
    const problems = problemsAfter((f) => {
      f['content/data/timeline.yaml'] = `${f['content/data/timeline.yaml']}\n- { id: later, date: '2026-01-09', event: Something happened., sources: [article], afterArticle: true }\n`;
    });
    expect(problems).toContain(`${HOME}: standfirst.asOf: is 2025-12-18, but the story moved on 2026-01-09 (timeline event "later"): say where things stand now and date it`);
    expect(problemsAfter(withChange('correction')).filter((p) => p.includes('standfirst'))).toEqual([]);
  });

  it('refuse a standfirst of one sentence or four, and name its unknown sources', () => {
    const problems = problemsAfter((f) => {
      f[HOME] = f[HOME]!.replace('    - { text: Where it stands., sources: [article] }\n', '').replace('What the plan is., sources: [article]', 'What the plan is., sources: [gone]');
    });
    expect(problems).toContain(`${HOME}: standfirst.sentences: needs two or three sentences`);
    const sourced = problemsAfter((f) => {
      f[HOME] = f[HOME]!.replace('What the plan is., sources: [article]', 'What the plan is., sources: [gone]');
    });
    expect(sourced).toContain(`${HOME}: standfirst.sentences[0].sources[0]: unknown source id "gone"`);
  });

  it('do not count a correction as the story moving on', () => {
    expect(problemsAfter(withChange('correction')).filter((p) => p.includes('threads[0]'))).toEqual([]);
  });

  it('name unknown sources and stacks of a thread', () => {
    const problems = problemsAfter((f) => {
      f[HOME] = f[HOME]!.replace('stack: guarantees', 'stack: nowhere').replace('text: Where it stands., sources: [article]', 'text: Where it stands., sources: [gone]');
    });
    expect(problems).toContain(`${HOME}: threads[0] (id "plan").stack: unknown stack id "nowhere"`);
    expect(problems).toContain(`${HOME}: threads[0] (id "plan").sources[0]: unknown source id "gone"`);
  });

  it('refuse an unknown lead chart', () => {
    const problems = problemsAfter((f) => {
      f[STACKS] = f[STACKS]!.replace('lead: { layers: true }', 'lead: { chart: no-such-chart }');
    });
    expect(problems).toContain(`${STACKS}: [0] (id "guarantees").lead.chart: unknown chart id "no-such-chart"`);
  });

  it('refuse an "in brief" of one sentence, and a lead of an unknown kind', () => {
    const problems = problemsAfter((f) => {
      f[STACKS] = f[STACKS]!.replace('lead: { layers: true }', 'lead: { map: donbas }').replace('    - { text: Another sentence., sources: [article] }\n', '');
    });
    expect(problems).toContain(`${STACKS}: [0] (id "guarantees").inBrief: needs two or three sentences`);
    expect(problems).toContain(`${STACKS}: [0] (id "guarantees").lead: must be one of {chart: <chart id>}, {layers: true}, {comparison: true}`);
  });

  it('refuse a verdict that is not one of the four, and a verdict source that does not exist', () => {
    expect(problemsAfter((f) => {
      f['content/data/article5.yaml'] = f['content/data/article5.yaml']!.replace('is: weaker', 'is: worse');
    })).toContain('content/data/article5.yaml: rows[0].verdict.is: must be one of same, weaker, stronger, unclear');
    expect(problemsAfter((f) => {
      f['content/data/article5.yaml'] = f['content/data/article5.yaml']!.replace('reason: Fewer parties., sources: [article]', 'reason: Fewer parties., sources: [gone]');
    })).toContain('content/data/article5.yaml: rows[0].verdict.sources[0]: unknown source id "gone"');
  });
});

describe('latestDate and latestCardChange', () => {
  it('pick the latest date and the card that has it', () => {
    expect(latestDate(['2025-12-19', '2026-02-13', '2026-01-08'])).toBe('2026-02-13');
    expect(latestDate([])).toBeUndefined();
    const cards = [
      { stack: 'a', id: 'one', data: { published: '2025-12-18', changes: [{ date: '2026-01-02', kind: 'update' }] } },
      { stack: 'a', id: 'two', data: { published: '2025-12-18', changes: [{ date: '2026-02-11', kind: 'update' }, { date: '2026-12-02', kind: 'correction' }] } },
      { stack: 'b', id: 'three', data: { published: '2026-03-01', changes: [] } },
    ];
    expect(latestCardChange(cards, 'a')).toEqual({ id: 'two', updated: '2026-02-11' });
    expect(latestCardChange(cards, 'c')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { collectUpdates, groupEntries, latestDevelopment, nearDuplicates, textSimilarity } from '../../../src/lib/updates';

describe('collectUpdates', () => {
  it('lists every change newest first with its card', () => {
    const updates = collectUpdates([
      { stack: 's', card: 'a', title: 'A?', changes: [{ date: '2026-01-06', kind: 'update', text: 'x', sources: [] }] },
      { stack: 's', card: 'b', title: 'B?', changes: [
        { date: '2025-12-19', kind: 'update', text: 'y', sources: [] },
        { date: '2026-02-11', kind: 'correction', text: 'z', sources: [] },
      ] },
    ]);
    expect(updates.map((u) => [u.date, u.card, u.kind])).toEqual([
      ['2026-02-11', 'b', 'correction'],
      ['2026-01-06', 'a', 'update'],
      ['2025-12-19', 'b', 'update'],
    ]);
    expect(updates[0]!.cardTitle).toBe('B?');
  });
});

describe('latestDevelopment', () => {
  const changes = [
    { date: '2026-01-14', kind: 'update' },
    { date: '2026-12-02', kind: 'correction' },
    { date: '2026-12-03', kind: 'clarification' },
    { date: '2026-12-04', kind: 'source-update' },
  ];
  it('is the latest update or event, never a correction, clarification or source update', () => {
    expect(latestDevelopment('2025-12-18', changes)).toBe('2026-01-14');
    expect(latestDevelopment('2025-12-18', changes, ['2026-02-13', '2026-01-06'])).toBe('2026-02-13');
  });
  it('is the publication date when nothing has happened since', () => {
    expect(latestDevelopment('2025-12-18', changes.slice(1))).toBe('2025-12-18');
  });
});

describe('groupEntries', () => {
  const entry = (card: string, date: string, text: string, kind: 'update' | 'correction' = 'update', sources: string[] = [card]) => ({ stack: 's', card, cardTitle: `${card}?`, date, kind, text, sources });
  it('makes one item of one development logged on several cards, naming each card, order kept', () => {
    const items = groupEntries([
      entry('a', '2026-02-13', 'Sybiha said the US had signaled ratification.'),
      entry('b', '2026-02-13', 'Sybiha said the US had signaled  ratification.\n'),
      entry('c', '2026-02-11', 'Parliament approved the loan.'),
      entry('d', '2026-02-13', 'Sybiha said the US had signaled ratification.', 'correction'),
    ]);
    expect(items.map((i) => [i.date, i.kind, i.cards.map((c) => c.card)])).toEqual([
      ['2026-02-13', 'update', ['a', 'b']],
      ['2026-02-11', 'update', ['c']],
      ['2026-02-13', 'correction', ['d']],
    ]);
    expect(items[0]!.sources).toEqual(['a', 'b']);
  });
});

describe('nearDuplicates', () => {
  it('finds two items of one day that tell the same development in nearly the same words', () => {
    const a = "Added Ukraine's foreign minister's statement that the US had signaled the guarantee could go to Congress for ratification.";
    const b = "Added Ukraine's foreign minister's statement that the US could submit the guarantee to Congress for ratification.";
    expect(textSimilarity(a, b)).toBeGreaterThan(0.5);
    expect(nearDuplicates([{ date: '2026-02-13', text: a }, { date: '2026-02-13', text: b }])).toEqual([[a, b]]);
    // The same words on another day are another development.
    expect(nearDuplicates([{ date: '2026-02-13', text: a }, { date: '2026-02-12', text: b }])).toEqual([]);
  });
  it('lets different developments of one day through', () => {
    expect(
      nearDuplicates([
        { date: '2026-02-04', text: 'The Council of the EU agreed its position on the loan, aiming for a first payment early in the second quarter of 2026.' },
        { date: '2026-02-04', text: 'Euroclear published its results for 2025; the interest it earned on the frozen Russian assets fell by 26% to €5bn, Belga reported.' },
      ]),
    ).toEqual([]);
  });
});

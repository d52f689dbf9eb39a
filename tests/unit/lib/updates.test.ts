import { describe, expect, it } from 'vitest';
import { collectUpdates, latestDevelopment } from '../../../src/lib/updates';

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

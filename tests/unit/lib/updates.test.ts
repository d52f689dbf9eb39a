import { describe, expect, it } from 'vitest';
import { collectUpdates } from '../../../src/lib/updates';

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

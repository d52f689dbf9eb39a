import { describe, expect, it } from 'vitest';
import { collectUpdates } from '../../../src/lib/updates';
import { citationsBySource } from '../../../src/lib/citations';
import { sourcesUsedBy } from '../../../src/lib/card-sources';

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

describe('citationsBySource', () => {
  it('inverts card source lists, once per card', () => {
    const a = { stack: 's', card: 'a', title: 'A?', sourceIds: ['x', 'y', 'x'] };
    const b = { stack: 's', card: 'b', title: 'B?', sourceIds: ['y'] };
    const map = citationsBySource([a, b]);
    expect(map.get('x')).toEqual([a]);
    expect(map.get('y')).toEqual([a, b]);
    expect(map.has('z')).toBe(false);
  });
});

describe('sourcesUsedBy', () => {
  it('adds the sources behind quotes, figures and citations, each once, after the listed ones', () => {
    const body = '<Quote id="q" />\n<Value id="f" /> <Cite id="c" /> <Value id="f" />\n<Chart id="k" />';
    const ids = sourcesUsedBy(['a'], body, {
      quotes: new Map([['q', 'qs']]),
      figures: new Map([['f', ['fs', 'a']]]),
      charts: new Map([['k', ['ks', 'c']]]),
    });
    expect(ids).toEqual(['a', 'qs', 'fs', 'c', 'ks']);
  });
});

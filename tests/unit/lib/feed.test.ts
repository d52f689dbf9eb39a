import { describe, expect, it } from 'vitest';
import { feedItems, sourceLineOf } from '../../../src/lib/feed';
import type { Source } from '../../../src/lib/content/schemas/sources';

const source: Source = { id: 'eu', publisher: 'EEAS', title: 'Conclusions & more', date: '2025-12-19', url: 'https://eu.example/c', kind: 'background', tier: 'news' };
const cards = [
  {
    stack: 'frozen-assets',
    card: 'the-loan',
    title: 'What did the EU agree?',
    changes: [
      { date: '2025-12-19', kind: 'update' as const, text: 'The EU agreed a €90bn loan.', sources: ['eu'] },
      { date: '2025-12-19', kind: 'correction' as const, text: 'Fixed the date.', sources: [] },
    ],
  },
  {
    stack: 'frozen-assets',
    card: 'where',
    title: 'Where are the assets?',
    changes: [
      { date: '2025-12-18', kind: 'clarification' as const, text: 'Said whose estimate it is.', sources: [] },
      { date: '2025-12-18', kind: 'source-update' as const, text: 'Cited a better copy.', sources: [] },
    ],
  },
  { stack: 'context', card: 'timeline', title: 'What happened next?', changes: [{ date: '2026-01-06', kind: 'update' as const, text: 'Paris Declaration.', sources: [] }] },
];

describe('feed items', () => {
  const items = feedItems(cards, new Map([['eu', source]]), 'https://news.example', '/sub/');

  it('one per change, newest first, linking to the card anchor under the base', () => {
    expect(items.map((i) => i.link)).toEqual([
      'https://news.example/sub/context/#timeline',
      'https://news.example/sub/frozen-assets/#the-loan',
      'https://news.example/sub/frozen-assets/#the-loan',
      'https://news.example/sub/frozen-assets/#where',
    ]);
    expect(items[0]!.pubDate.toISOString()).toBe('2026-01-06T00:00:00.000Z');
  });

  it('marks corrections and names the sources', () => {
    const loan = items.filter((i) => i.link.endsWith('#the-loan'));
    expect(loan.map((i) => i.title).sort()).toEqual(['Correction: What did the EU agree?', 'Update: What did the EU agree?']);
    expect(loan.find((i) => i.title.startsWith('Update'))!.description).toBe('The EU agreed a €90bn loan. Sources: EEAS, “Conclusions &amp; more” (2025-12-19) https://eu.example/c.');
    // Readers render the description as HTML: typed markup stays text.
    expect(feedItems([{ ...cards[0]!, changes: [{ date: '2026-01-01', kind: 'update', text: '<img src=x onerror=alert(1)>', sources: [] }] }], new Map([['eu', source]]), 'https://site.example/')[0]!.description).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });
  it('carries clarifications labelled as such, and leaves source updates out', () => {
    const where = items.filter((i) => i.link.endsWith('#where'));
    expect(where.map((i) => [i.title, i.categories])).toEqual([['Clarification: Where are the assets?', ['clarification']]]);
    expect(items.some((i) => i.description.includes('better copy'))).toBe(false);
    expect(items.find((i) => i.title.startsWith('Correction'))!.categories).toEqual(['correction']);
  });

  it('gives every change its own guid, escaped for XML', () => {
    const guids = items.map((i) => i.customData);
    expect(new Set(guids).size).toBe(4);
    expect(guids[1]).toBe('<guid isPermaLink="false">https://news.example/sub/frozen-assets/#the-loan:2025-12-19:1</guid>');
  });

  it('names the copy and its kind when the link leads to one', () => {
    const forum: Source = { ...source, id: 'ap', publisher: 'AP', url: 'https://copy.example/a', via: { publisher: 'Wenxuecity', url: 'https://copy.example/a', kind: 'forum' } };
    expect(sourceLineOf(forum)).toBe('AP, “Conclusions & more” (2025-12-19) https://copy.example/a, read via a copy on Wenxuecity (forum)');
    const archived: Source = { ...source, id: 'p', publisher: 'Politico', url: 'https://politico.example/a', via: { publisher: 'Megalodon', url: 'https://archive.example/a', kind: 'archive' } };
    expect(sourceLineOf(archived)).toBe('Politico, “Conclusions & more” (2025-12-19) https://politico.example/a, read via a copy on Megalodon (archive) https://archive.example/a');
    const withCopy = feedItems(cards, new Map([['eu', forum]]), 'https://news.example');
    expect(withCopy.find((i) => i.title === 'Update: What did the EU agree?')!.description).toContain('read via a copy on Wenxuecity (forum).');
  });
});

describe('a chart’s corrections in the feed (issue 19)', () => {
  const chart = {
    id: 'donbas-control',
    title: 'How much of Donbas does Russia hold?',
    stack: 'context',
    changes: [
      { date: '2026-12-02', kind: 'source-update' as const, text: 'Cited a better copy.', sources: [] },
      { date: '2026-12-07', kind: 'correction' as const, text: 'The regions were labelled with AFP’s figures.', sources: ['eu'] },
      { date: '2026-12-07', kind: 'clarification' as const, text: 'Said whose figures they are.', sources: [] },
    ],
  };
  const items = feedItems(cards, new Map([['eu', source]]), 'https://news.example', '/sub/', [chart]);

  it('carries each correction and clarification, not a source update, linking to the chart on its home page', () => {
    const charted = items.filter((i) => i.categories.includes('chart'));
    expect(charted.map((i) => [i.title, i.link])).toEqual([
      ['Correction: How much of Donbas does Russia hold? (chart)', 'https://news.example/sub/context/#chart-donbas-control'],
      ['Clarification: How much of Donbas does Russia hold? (chart)', 'https://news.example/sub/context/#chart-donbas-control'],
    ]);
    expect(charted[0]!.description).toBe('The regions were labelled with AFP’s figures. Sources: EEAS, “Conclusions &amp; more” (2025-12-19) https://eu.example/c.');
    // Two notices of one day are two items for feed readers.
    expect(new Set(charted.map((i) => i.customData)).size).toBe(2);
  });

  it('keeps the feed newest first across cards and charts', () => {
    expect(items[0]!.pubDate.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    const times = items.map((i) => i.pubDate.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

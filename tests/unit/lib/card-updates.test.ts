import { describe, expect, it } from 'vitest';
import { checkCardUpdates, updateBlocks } from '../../../src/lib/content/card-updates';

const card = (body: string, updated = '2026-02-13', changes = ['2026-01-25']) => ({
  id: 'b',
  file: 'content/explainers/a/b.mdx',
  body,
  data: { updated, changes: changes.map((date) => ({ date })) },
});
const messages = (body: string, updated?: string, changes?: string[]) =>
  checkCardUpdates([card(body, updated, changes)], '2025-12-18').map((p) => `${p.field}: ${p.message}`);

describe('updateBlocks', () => {
  it('finds each <Update> with its date and line', () => {
    expect(updateBlocks('<Update date="2026-01-25" card="b">\n\nx\n\n</Update>\n\ntext\n<Update date=\'2026-02-01\'>')).toEqual([
      { date: '2026-01-25', card: 'b', line: 1 },
      { date: '2026-02-01', card: '', line: 8 },
    ]);
  });
});

describe('checkCardUpdates', () => {
  it('accepts dated updates at the top, each with a change of that day', () => {
    expect(messages('<Update date="2026-01-25" card="b">\n\nLater.\n\n</Update>\n\nThe card.')).toEqual([]);
  });

  it('refuses an update dated on or before the article, or after the card was updated', () => {
    expect(messages('<Update date="2025-12-18" card="b">x</Update>', '2026-02-13', ['2025-12-18'])).toEqual([
      '<Update date="2025-12-18"> (line 1): is dated on or before the article (2025-12-18); an update reports what happened later',
    ]);
    expect(messages('<Update date="2026-03-01" card="b">x</Update>', '2026-02-13', ['2026-03-01'])[0]).toContain("after the card's updated date (2026-02-13)");
  });

  it('refuses an update with no change-log entry, one below the card text, and a hand-written update', () => {
    expect(messages('<Update date="2026-01-26" card="b">x</Update>')[0]).toContain('no entry of 2026-01-26');
    expect(messages('<Update date="2026-01-25" card="other">x</Update>')[0]).toContain('needs card="b"');
    expect(messages('The card.\n\n<Update date="2026-01-25" card="b">x</Update>')).toContain('<Update date="2026-01-25">: must come at the top of the card body, before the card’s own text');
    expect(messages('The card.\n\n**Update, 25 January 2026:** later.')[0]).toContain('is an inline update');
  });

  it('accepts updates oldest first, and refuses one placed below a later one, naming both dates', () => {
    const box = (date: string) => `<Update date="${date}" card="b">\n\nLater.\n\n</Update>\n\n`;
    const changes = ['2025-12-19', '2026-01-14'];
    expect(messages(`${box('2025-12-19')}${box('2026-01-14')}The card.`, '2026-02-13', changes)).toEqual([]);
    // Two of the same day may come in either order.
    expect(messages(`${box('2026-01-14')}${box('2026-01-14')}The card.`, '2026-02-13', changes)).toEqual([]);
    expect(messages(`${box('2026-01-14')}${box('2025-12-19')}The card.`, '2026-02-13', changes)).toEqual([
      '<Update date="2025-12-19"> (line 7): comes below the update of 2026-01-14: order updates oldest first, so the card reads top to bottom and each update follows what it builds on',
    ]);
  });
});

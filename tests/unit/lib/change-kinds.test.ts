import { describe, expect, it } from 'vitest';
import { cardNotices, isNews, isNotice, kindLabel, splitForUpdatesPage, splitNews } from '../../../src/lib/change-kinds';
import { changeSchema, CHANGE_KINDS } from '../../../src/lib/content/schemas/cards';
import type { Change } from '../../../src/lib/content/schemas';

const change = (date: string, kind: Change['kind'], text = `${kind} ${date}`): Change => ({ date, kind, text, sources: [] });

describe('change kinds', () => {
  it('corrections and clarifications are notices; updates and source updates are not', () => {
    expect(CHANGE_KINDS.filter(isNotice)).toEqual(['correction', 'clarification']);
  });

  it('everything but a source update is news', () => {
    expect(CHANGE_KINDS.filter(isNews)).toEqual(['update', 'correction', 'clarification']);
  });

  it('labels each kind in words from strings.ts', () => {
    expect(CHANGE_KINDS.map(kindLabel)).toEqual(['Update', 'Correction', 'Clarification', 'Source update']);
  });

  it('a card’s notices are its corrections and clarifications, newest first, log order within a day', () => {
    const changes = [
      change('2025-12-24', 'update'),
      change('2026-12-02', 'correction', 'first of the day'),
      change('2026-12-02', 'source-update'),
      change('2026-12-02', 'clarification', 'second of the day'),
      change('2026-12-07', 'correction', 'latest'),
    ];
    expect(cardNotices(changes).map((c) => c.text)).toEqual(['latest', 'first of the day', 'second of the day']);
    expect(cardNotices([change('2026-01-01', 'update'), change('2026-01-02', 'source-update')])).toEqual([]);
  });

  it('splits entries into news and housekeeping, keeping their order', () => {
    const entries = [change('2026-03-01', 'source-update', 'a'), change('2026-02-01', 'correction', 'b'), change('2026-01-01', 'source-update', 'c'), change('2025-12-20', 'update', 'd')];
    const { news, housekeeping } = splitNews(entries);
    expect(news.map((e) => e.text)).toEqual(['b', 'd']);
    expect(housekeeping.map((e) => e.text)).toEqual(['a', 'c']);
  });

  it('splits entries for the updates page: developments, then corrections and clarifications, then housekeeping, order kept', () => {
    const entries = [
      change('2026-12-02', 'clarification', 'a'),
      change('2026-12-02', 'source-update', 'b'),
      change('2026-02-13', 'update', 'c'),
      change('2026-01-08', 'correction', 'd'),
      change('2025-12-19', 'update', 'e'),
    ];
    const { developments, notices, housekeeping } = splitForUpdatesPage(entries);
    expect(developments.map((e) => e.text)).toEqual(['c', 'e']);
    expect(notices.map((e) => e.text)).toEqual(['a', 'd']);
    expect(housekeeping.map((e) => e.text)).toEqual(['b']);
  });
});

describe('change schema', () => {
  const parse = (raw: object) => changeSchema.safeParse(raw);
  const messages = (raw: object) => {
    const r = parse(raw);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('accepts each kind with text', () => {
    for (const kind of CHANGE_KINDS) expect(parse({ date: '2026-12-07', kind, text: 'What changed.' }).success, kind).toBe(true);
  });

  it('refuses an unknown kind, naming the kinds it accepts', () => {
    expect(messages({ date: '2026-12-07', kind: 'erratum', text: 'x' })).toEqual(['kind: must be one of update, correction, clarification, source-update']);
  });

  it('a correction or clarification needs its text, which is the notice', () => {
    expect(messages({ date: '2026-12-07', kind: 'correction' })).toEqual(['text: is required: a correction is shown to readers as a notice, and its text is the notice']);
    expect(messages({ date: '2026-12-07', kind: 'clarification', text: '   ' })).toEqual(['text: is required: a clarification is shown to readers as a notice, and its text is the notice']);
    expect(messages({ date: '2026-12-07', kind: 'source-update' })).toEqual(['text: is required: say what changed and why']);
  });
});

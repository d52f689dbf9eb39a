/**
 * The standards desk's rules over the real content/ (issue 11): source tiers, and the hedging and
 * consistency fixes, each stated where a test can state it.
 */
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { readContentFiles } from '../../src/lib/content/loader';
import { claimsOf, effectiveTier, WEAK_TIERS } from '../../src/lib/content/source-tiers';
import { updateBlocks } from '../../src/lib/content/card-updates';
import { ROOT } from '../support/builds';

const { model } = checkContent(readContentFiles(ROOT));
/** Each source's effective tier: its publisher's, weakened by the copy we read it through. */
const tierOf = new Map(model.sources.map((s) => [s.id, effectiveTier(s)]));
const card = (id: string) => {
  const c = model.cards.find((x) => x.id === id);
  if (!c) throw new Error(`no card ${id}`);
  return c;
};
/** Prose of a body without component tags. */
const prose = (body: string) => body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const claims = claimsOf({
  figures: model.figures,
  quotes: model.quotes,
  charts: model.charts,
  files: { figures: 'figures', quotes: 'quotes', chart: (id) => `charts/${id}` },
});

describe('source tiers over content/', () => {
  it('every source has a tier', () => {
    for (const s of model.sources) expect(s.tier, s.id).toBeTruthy();
  });

  it('no figure, chart row or quote rests only on state or relay sources', () => {
    expect(claims.length).toBeGreaterThan(40);
    const weakOnly = claims.filter((c) => !c.ownGovernment && c.sources.every((id) => WEAK_TIERS.includes(tierOf.get(id)!)));
    expect(weakOnly.map((c) => `${c.file} ${c.field}`)).toEqual([]);
  });

  it('no high confidence rests on a single relay', () => {
    const bad = claims.filter((c) => c.confidence === 'high' && new Set(c.sources).size === 1 && tierOf.get(c.sources[0]!) === 'relay');
    expect(bad.map((c) => `${c.file} ${c.field}`)).toEqual([]);
  });

  it('cites no state media at all: every state source of the review was replaced', () => {
    expect(model.sources.filter((s) => s.tier === 'state').map((s) => s.id)).toEqual([]);
  });
});

describe('the fact-check items', () => {
  it('1: the offer of a vote in Congress is attributed to one anonymous senior US official (Axios)', () => {
    expect(card('legal-form').data.dek).toMatch(/a senior US official told Axios/);
    expect(prose(card('legal-form').body)).toMatch(/one senior US official, speaking anonymously to Axios/);
    expect(model.comparison!.rows.find((r) => r.id === 'legal-form')!.proposal).toMatch(/One senior US official, speaking anonymously to Axios/);
    for (const c of model.cards) expect(prose(c.body), c.file).not.toMatch(/the US has offered a vote|The US says it is willing/);
  });

  it('2: the escalation ladder and the comparison keep "would" for the proposal', () => {
    for (const step of model.layers!.ladder) expect(step.text, step.step).toMatch(/\bwould\b/);
    expect(model.comparison!.rows.find((r) => r.id === 'response')!.proposal).toMatch(/would defend first/);
  });

  it('3: the plan card and the home standfirst keep the attribution', () => {
    const first = prose(card('what-is-the-plan').body).split(/(?<=\.) /).find((s) => s.includes('plan of security guarantees'))!;
    expect(first).toMatch(/according to officials familiar with the proposals/);
    expect(model.home!.standfirst.sentences[0]!.text).toMatch(/according to officials familiar with the proposals/);
  });

  it('4: no uncited claim that De Wever questioned the legal basis', () => {
    expect(card('belgium-objections').body).not.toMatch(/legal basis/);
  });

  it('5: Dmitriev’s trip keeps its caveat and timing, and his non-response (¶10, ¶11)', () => {
    const text = prose(card('russia-objections').body);
    expect(text).toMatch(/not finalized/);
    expect(text).toMatch(/that weekend/);
    expect(card('russia-objections').body).toContain('loc="¶11"');
  });

  it('6 and 7: ¶6 (optimism) and ¶18 (Zelenskyy in Brussels) are reported', () => {
    expect(prose(card('what-is-the-plan').body)).toMatch(/spurred optimism in Ukraine and Europe/);
    expect(prose(card('summit-decision').body)).toMatch(/Zelenskyy, Ukraine's president, was taking part in the meeting/);
  });

  it('8: the Budapest card names all four signatories', () => {
    expect(prose(card('budapest-memorandum').body)).toMatch(/Ukraine, the US, the UK and Russia signed a memorandum/);
    expect(model.glossary.find((g) => g.id === 'budapest-memorandum')!.definition).toMatch(/signed by Ukraine, the US, the UK and Russia/);
  });

  it('9: the summit is worded one way, as Bloomberg words it ("summit talks on approving")', () => {
    for (const id of ['the-loan-plan', 'summit-decision', 'what-are-the-assets']) {
      const text = prose(card(id).body);
      expect(text, id).toMatch(/summit talks on approving a massive loan/);
      expect(text, id).not.toMatch(/met (in Brussels )?to (approve|discuss)/);
    }
  });

  it('10: the Miami talks carry the same dates everywhere: Umerov on 19, Dmitriev on 20 December 2025', () => {
    const events = new Map(model.timeline.map((e) => [e.id, e]));
    expect(events.get('miami-talks')!.date).toBe('2025-12-19');
    expect(events.get('miami-talks')!.event).toMatch(/Umerov/);
    expect(events.get('miami-dmitriev')!.date).toBe('2025-12-20');
    const c = card('who-wants-what');
    const updates = updateBlocks(c.body).map((u) => u.date);
    expect(updates).toEqual(expect.arrayContaining(['2025-12-19', '2025-12-20']));
    const day19 = c.body.slice(c.body.indexOf('<Update date="2025-12-19"'));
    expect(day19.slice(0, day19.indexOf('</Update>'))).toMatch(/Umerov/);
    for (const ch of c.data.changes.filter((x) => x.kind === 'update')) expect(ch.text).not.toMatch(/19 and 20 December/);
  });

  it('11: Euroclear’s text, figure record and chart row agree, and its own figure is not high confidence on a relay', () => {
    const fig = model.figures.find((f) => f.id === 'assets-euroclear')!;
    expect(fig.value).toBe(185);
    const row = model.charts.find((c) => c.id === 'frozen-assets-holders')!.rows.find((r) => r.label.startsWith('Euroclear'))!;
    expect(row.value ?? row.low).toBe(fig.value);
    expect(row.source).toBe(fig.source);
    expect(card('where-the-assets-are').data.dek).toMatch(/about €185bn/);
    expect(card('where-the-assets-are').data.dek).not.toMatch(/€190bn/);
    const own = model.figures.find((f) => f.id === 'euroclear-sanctioned-assets')!;
    expect(own.confidence).not.toBe('high');
    expect(row.note ?? '').not.toMatch(/end of 2025/);
  });

  it('12: the unanimity card labels its later development as an update in the dek', () => {
    expect(card('unanimity-or-majority').data.dek).toMatch(/update, 19 December 2025/i);
  });

  it('13: the timeline has the events of 25 January 2026 and 4 February 2026 that cards report', () => {
    const dates = model.timeline.map((e) => e.date);
    expect(dates).toContain('2026-01-25');
    expect(dates).toContain('2026-02-04');
  });
});

describe('later developments and corrections', () => {
  it('every inline update is an <Update> at the top of its card, matched in the change log', () => {
    for (const c of model.cards) {
      expect(c.body, c.file).not.toMatch(/\*\*Update,/);
      for (const u of updateBlocks(c.body)) expect(c.data.changes.map((x) => x.date), `${c.file} ${u.date}`).toContain(u.date);
    }
    expect(model.cards.filter((c) => updateBlocks(c.body).length > 0).length).toBeGreaterThan(15);
  });

  it('the corrections are logged on the cards they change, with what was wrong', () => {
    const corrections = model.cards.flatMap((c) => c.data.changes.filter((x) => x.kind === 'correction').map((x) => ({ card: c.id, ...x })));
    expect(corrections.length).toBeGreaterThanOrEqual(20);
    expect(corrections.find((c) => c.card === 'budapest-memorandum')!.text).toMatch(/Ukraine signed it too/);
    expect(corrections.find((c) => c.card === 'where-the-assets-are')!.text).toMatch(/€185bn to €190bn/);
  });

  it('content/ says "Bloomberg reported" or "since 18 December 2025", never "the article", to readers', () => {
    for (const c of model.cards) expect(`${c.data.dek} ${c.body}`, c.file).not.toMatch(/\b(the|this|after the) article\b(?! \d)/i);
    const yamlText = JSON.stringify([model.figures, model.quotes, model.timeline, model.glossary, model.stacks, model.home, model.comparison, model.layers, model.charts, model.sources]);
    expect(yamlText).not.toMatch(/\b(the|this|after the) article\b(?! \d)/i);
  });
});

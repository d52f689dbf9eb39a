import { describe, expect, it } from 'vitest';
import { attributionName, checkSourceTiers, checkSourcedClaims, describeSource, tierWords, TIER_LABELS } from '../../../src/lib/source-tiers';
import type { Source } from '../../../src/schemas/sources';

const src = (id: string, tier: Source['tier'], extra: Partial<Source> = {}): Source => ({
  id,
  publisher: extra.publisher ?? id.toUpperCase(),
  title: 't',
  date: '2025-12-18',
  url: 'https://example.org/',
  kind: 'background',
  tier,
  ...extra,
});

const tass = src('tass', 'state', { publisher: 'TASS', government: 'Russia', outlet: 'state news agency' });
const babel = src('babel', 'relay', { publisher: 'Babel', relays: 'Politico' });
const ap = src('ap', 'wire', { publisher: 'Associated Press', via: { publisher: 'Wenxuecity', url: 'https://example.org/copy' } });
const sources = [tass, babel, ap, src('council', 'primary')];

const files = { figures: 'content/data/figures.yaml', quotes: 'content/data/quotes.yaml', chart: (id: string) => `content/data/charts/${id}.yaml` };
const figure = (sourceIds: string[], extra: Record<string, unknown> = {}) => ({
  id: 'claim',
  source: sourceIds[0]!,
  alsoSources: sourceIds.slice(1),
  confidence: 'medium' as const,
  ...extra,
});

describe('tier words', () => {
  it('names state media with its government, and a relay with whose reporting it repeats', () => {
    expect(tierWords(tass)).toBe('Russia’s state news agency');
    expect(tierWords(babel)).toBe('Politico’s reporting, as relayed by Babel');
    expect(tierWords(ap)).toBe(TIER_LABELS.wire);
  });

  it('says when the text was read through a copy', () => {
    expect(describeSource(ap)).toBe('Associated Press (news agency; read via a copy on Wenxuecity)');
    expect(describeSource(src('x', 'news', { publisher: 'X' }))).toBe('X (news outlet)');
  });
});

describe('the tier rule', () => {
  it('fails a figure whose only source is state media, naming file, field and reason', () => {
    const problems = checkSourceTiers({ sources, figures: [figure(['tass'])], quotes: [], charts: [], files });
    expect(problems).toEqual([
      expect.objectContaining({ file: 'content/data/figures.yaml', field: '[0] (id "claim").source', message: expect.stringContaining('rests only on state or relay sources (tass: state)') }),
    ]);
  });

  it('fails a quote that rests only on a relay, and a chart row on state media', () => {
    const problems = checkSourceTiers({
      sources,
      figures: [],
      quotes: [{ id: 'q', source: 'babel' }],
      charts: [{ id: 'holders', rows: [{ label: 'Euroclear', source: 'tass' }] }],
      files,
    });
    expect(problems.map((p) => `${p.file}: ${p.field}`)).toEqual([
      'content/data/quotes.yaml: [0] (id "q").source',
      'content/data/charts/holders.yaml: rows[0] (label "Euroclear").source',
    ]);
  });

  it('passes state or relay sources alongside a primary, wire, news or specialist one', () => {
    expect(checkSourceTiers({ sources, figures: [figure(['tass', 'ap']), figure(['babel', 'council'])], quotes: [], charts: [], files })).toEqual([]);
  });

  it('passes a state-only statement marked as its own government’s, and its rendered attribution names the outlet as state media', () => {
    const problems = checkSourceTiers({ sources, figures: [], quotes: [{ id: 'q', source: 'tass', ownGovernment: true }], charts: [], files });
    expect(problems).toEqual([]);
    expect(attributionName(tass)).toBe('TASS, Russia’s state news agency');
    expect(attributionName(ap)).toBe('Associated Press');
  });

  it('refuses the own-government mark without state media, or to excuse a relay', () => {
    expect(checkSourcedClaims([{ file: 'f', field: 'x.source', sources: ['ap'], ownGovernment: true }], sources)[0]?.message).toContain('no source is state media');
    expect(checkSourcedClaims([{ file: 'f', field: 'x.source', sources: ['tass', 'babel'], ownGovernment: true }], sources)[0]?.message).toContain('not a relay');
  });

  it('refuses high confidence on a single relay, but not medium', () => {
    const high = checkSourcedClaims([{ file: 'f', field: '[1] (id "x").source', sources: ['babel', 'ap'], confidence: 'high' }], sources);
    expect(high).toEqual([]);
    const single = checkSourceTiers({ sources, figures: [figure(['babel'], { confidence: 'high', ownGovernment: false })], quotes: [], charts: [], files });
    expect(single.map((p) => p.field)).toContain('[0] (id "claim").confidence');
    const medium = checkSourcedClaims([{ file: 'f', field: 'x.source', sources: ['babel'], confidence: 'medium' }], sources);
    expect(medium.map((p) => p.field)).toEqual(['x.source']);
  });

  it('follows a chart row to the figure record it draws', () => {
    const problems = checkSourceTiers({ sources, figures: [{ ...figure(['tass', 'ap']), id: 'assets-eu' }], quotes: [], charts: [{ id: 'c', rows: [{ label: 'EU', figure: 'assets-eu' }] }], files });
    expect(problems).toEqual([]);
  });
});

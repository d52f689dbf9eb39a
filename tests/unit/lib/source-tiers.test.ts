import { describe, expect, it } from 'vitest';
import { attributionName, CARRIER_CEILING, carrierWords, checkSourceTiers, checkSourcedClaims, demotedByCarrier, describeSource, effectiveTier, tierLabel, tierWords, viaWords } from '../../../src/lib/content/source-tiers';
import { CARRIER_KINDS, sourceSchema } from '../../../src/lib/content/schemas/sources';
import type { Source } from '../../../src/lib/content/schemas/sources';

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
const ap = src('ap', 'wire', { publisher: 'Associated Press', via: { publisher: 'Wenxuecity', url: 'https://example.org/copy', kind: 'forum' } });
const apSyndicated = src('ap-star', 'wire', { publisher: 'Associated Press', via: { publisher: 'Shropshire Star', url: 'https://example.org/star', kind: 'syndication' } });
const sources = [tass, babel, ap, apSyndicated, src('council', 'primary')];

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
    expect(tierWords(ap)).toBe(tierLabel('wire'));
  });

  it('says when the text was read through a copy', () => {
    expect(describeSource(ap)).toBe('Associated Press (news agency; read via a copy on Wenxuecity (forum))');
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
    expect(checkSourceTiers({ sources, figures: [figure(['tass', 'ap-star']), figure(['babel', 'council'])], quotes: [], charts: [], files })).toEqual([]);
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
    const high = checkSourcedClaims([{ file: 'f', field: '[1] (id "x").source', sources: ['babel', 'ap-star'], confidence: 'high' }], sources);
    expect(high).toEqual([]);
    const single = checkSourceTiers({ sources, figures: [figure(['babel'], { confidence: 'high', ownGovernment: false })], quotes: [], charts: [], files });
    expect(single.map((p) => p.field)).toContain('[0] (id "claim").confidence');
    const medium = checkSourcedClaims([{ file: 'f', field: 'x.source', sources: ['babel'], confidence: 'medium' }], sources);
    expect(medium.map((p) => p.field)).toEqual(['x.source']);
  });

  it('follows a chart row to the figure record it draws', () => {
    const problems = checkSourceTiers({ sources, figures: [{ ...figure(['tass', 'ap-star']), id: 'assets-eu' }], quotes: [], charts: [{ id: 'c', rows: [{ label: 'EU', figure: 'assets-eu' }] }], files });
    expect(problems).toEqual([]);
  });
});

describe('carriers: the copy we read a source through', () => {
  const wire = (kind: string | undefined) => ({ tier: 'wire' as const, via: kind === undefined ? undefined : { kind } });

  it('keeps the publisher’s tier through its own page, a licensed syndication, an archive, an official mirror or a credited reprint', () => {
    for (const kind of ['publisher', 'syndication', 'archive', 'official-mirror', 'reprint']) expect(effectiveTier(wire(kind)), kind).toBe('wire');
    expect(effectiveTier({ tier: 'primary', via: { kind: 'official-mirror' } })).toBe('primary');
    expect(effectiveTier({ tier: 'news' })).toBe('news');
  });

  it('makes a source read through an aggregator, a forum, a blog or a copy of unknown kind a relay, whatever the byline says', () => {
    for (const kind of ['aggregator', 'forum', 'blog', 'a-kind-nobody-defined', '']) expect(effectiveTier(wire(kind)), kind).toBe('relay');
    expect(effectiveTier({ tier: 'primary', via: {} })).toBe('relay');
    expect(effectiveTier({ tier: 'primary', via: { kind: 'blog' } })).toBe('relay');
  });

  it('takes the weaker of the two: state media stays state media through a syndication, and becomes a relay through an aggregator', () => {
    expect(effectiveTier({ tier: 'state', via: { kind: 'syndication' } })).toBe('state');
    expect(effectiveTier({ tier: 'state', via: { kind: 'aggregator' } })).toBe('relay');
    expect(effectiveTier({ tier: 'relay', via: { kind: 'archive' } })).toBe('relay');
    expect(demotedByCarrier(ap)).toBe(true);
    expect(demotedByCarrier(apSyndicated)).toBe(false);
    expect(demotedByCarrier(babel)).toBe(false);
  });

  it('gives every carrier kind a ceiling, and no kind but aggregator, forum and blog lowers the tier', () => {
    expect(Object.keys(CARRIER_CEILING).sort()).toEqual([...CARRIER_KINDS].sort());
    expect(CARRIER_KINDS.filter((k) => CARRIER_CEILING[k] === 'relay').sort()).toEqual(['aggregator', 'blog', 'forum']);
  });

  it('names the copy and its kind for readers', () => {
    expect(carrierWords(ap)).toBe('Wenxuecity (forum)');
    expect(viaWords(apSyndicated)).toBe('read via a copy on Shropshire Star (licensed syndication)');
    expect(viaWords(tass)).toBeUndefined();
  });

  it('refuses a figure that rests only on a wire story read through a forum copy, and says why', () => {
    const problems = checkSourceTiers({ sources, figures: [figure(['ap'])], quotes: [], charts: [], files });
    expect(problems).toEqual([
      expect.objectContaining({ field: '[0] (id "claim").source', message: expect.stringContaining('ap: relay (wire, read via a copy of kind forum)') }),
    ]);
    expect(checkSourceTiers({ sources, figures: [figure(['ap-star'])], quotes: [], charts: [], files })).toEqual([]);
  });

  it('counts a carrier-made relay against high confidence, and against an own-government excuse', () => {
    const single = checkSourceTiers({ sources, figures: [figure(['ap'], { confidence: 'high' })], quotes: [], charts: [], files });
    expect(single.map((p) => p.field)).toEqual(['[0] (id "claim").source', '[0] (id "claim").confidence']);
    const excused = checkSourcedClaims([{ file: 'f', field: 'x.source', sources: ['tass', 'ap'], ownGovernment: true }], sources);
    expect(excused[0]?.message).toContain('not a relay');
  });

  it('requires the kind of a copy, and only a known kind', () => {
    const base = { id: 'x', publisher: 'X', title: 't', date: '2025-12-18', url: 'https://example.org/', kind: 'background', tier: 'wire' };
    const missing = sourceSchema.safeParse({ ...base, via: { publisher: 'Copy', url: 'https://example.org/copy' } });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['via.kind']);
    const unknown = sourceSchema.safeParse({ ...base, via: { publisher: 'Copy', url: 'https://example.org/copy', kind: 'mirror' } });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toContain('aggregator');
    expect(sourceSchema.safeParse({ ...base, via: { publisher: 'Copy', url: 'https://example.org/copy', kind: 'archive' } }).success).toBe(true);
  });
});

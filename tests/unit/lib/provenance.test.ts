import { describe, expect, it } from 'vitest';
import { parseCardBody, type BodyTree } from '../../../src/lib/content/card-body';
import { collectClaims, countClaims, formatProvenance, provenanceReport, sentencesWithSources, splitSentences, weighClaims, type ProvenanceInput } from '../../../src/lib/content/provenance';
import type { Source } from '../../../src/lib/content/schemas/sources';

const tree = (body: string): BodyTree => {
  const parsed = parseCardBody(body);
  if ('error' in parsed) throw new Error(parsed.error.message);
  return parsed.tree;
};
const lookups = {
  figures: new Map([['assets-eu', ['ap', 'guardian']]]),
  quotes: new Map([['dw', { source: 'ep', text: 'Never touched.' }]]),
};

describe('sentences', () => {
  it('split after a full stop before a capital, not after an abbreviation or an initial', () => {
    expect(splitSentences('Mr. De Wever said no. The U.S. official agreed. John F. Kennedy did not. 2025 was long.')).toEqual([
      'Mr. De Wever said no.',
      'The U.S. official agreed.',
      'John F. Kennedy did not.',
      '2025 was long.',
    ]);
    expect(splitSentences('It said “no.” Then it said yes? Maybe! e.g. not this')).toEqual(['It said “no.”', 'Then it said yes?', 'Maybe! e.g. not this']);
  });

  it('a card sentence is a claim only when it carries a Cite, Value or Quote, with its line and sources', () => {
    const body = [
      'Russia has already gone to court. The EU froze <Value id="assets-eu" /> <Cite id="council" />. He also pointed to precedent.',
      '',
      '<Quote id="dw" />',
      '',
      '<Update date="2026-01-02" card="x">',
      '',
      'Later, *it* said so <Cite id="later" loc="¶2" />. Nothing more.',
      '',
      '</Update>',
    ].join('\n');
    expect(sentencesWithSources(tree(body), lookups)).toEqual([
      { line: 1, text: 'The EU froze ‹assets-eu›.', sources: ['ap', 'guardian', 'council'] },
      { line: 3, text: '“Never touched.”', sources: ['ep'] },
      { line: 7, text: 'Later, it said so.', sources: ['later'] },
    ]);
  });

  it('a marker after the full stop belongs to the sentence before it', () => {
    const got = sentencesWithSources(tree('One thing happened. <Cite id="a" /> Another happened <Cite id="b" />.'), lookups);
    expect(got.map((s) => [s.text, s.sources])).toEqual([
      ['One thing happened.', ['a']],
      ['Another happened.', ['b']],
    ]);
  });
});

const src = (id: string, tier: Source['tier'], via?: Source['via']): Source => ({
  id,
  publisher: id,
  title: 't',
  date: '2025-12-12',
  url: 'https://example.org/',
  kind: 'background',
  tier,
  ...(tier === 'relay' ? { relays: 'X' } : {}),
  ...(via ? { via } : {}),
});
const sources = [
  src('ap', 'wire', { publisher: 'Wenxuecity', url: 'https://example.org/f', kind: 'forum' }),
  src('guardian', 'news', { publisher: 'A blog', url: 'https://example.org/b', kind: 'blog' }),
  src('council', 'primary'),
  src('later', 'wire', { publisher: 'Star', url: 'https://example.org/s', kind: 'syndication' }),
  src('ep', 'relay'),
];
const input: ProvenanceInput = {
  cards: [{ file: 'content/explainers/s/c.mdx', body: 'The EU froze <Value id="assets-eu" />.', data: { dek: 'The EU froze the assets.', sources: ['council', 'ap'] } }],
  figures: [{ id: 'assets-eu', label: 'Assets in the EU', source: 'ap', alsoSources: ['guardian'] }],
  quotes: [{ id: 'dw', source: 'ep', text: 'Never touched.' }],
  timeline: [{ id: 'freeze', event: 'The EU freezes the assets.', sources: ['ap', 'later'] }],
  glossary: [{ id: 'euroclear', term: 'Euroclear', source: 'guardian' }, { id: 'qmv', term: 'QMV' }],
  people: [{ id: 'dw', name: 'Bart De Wever', role: 'Belgium’s prime minister', source: 'ep' }],
  stacks: [{ id: 's', inBrief: [{ text: 'In brief.', sources: ['council'] }] }],
  home: {
    threads: [{ id: 't', text: 'Where it stands.', sources: ['later'] }],
    standfirst: { sentences: [{ text: 'A standfirst sentence.', sources: ['council', 'ap'] }] },
    know: [{ text: 'About €210bn is frozen.', sources: ['ap', 'guardian'] }],
    keyNumbers: ['assets-eu'],
  },
  charts: [{ id: 'holders', rows: [{ label: 'EU total', source: 'ap', alsoSources: ['guardian'] }], notes: [{ text: 'A method note.', sources: [] }] }],
};

describe('claims', () => {
  it('collects every kind of claim, each with where it is and what it rests on', () => {
    const claims = collectClaims(input);
    expect(claims.map((c) => `${c.file} ${c.where}: ${c.sources.join(',')}`)).toEqual([
      'content/explainers/s/c.mdx dek: council,ap',
      'content/explainers/s/c.mdx line 1: ap,guardian',
      'content/data/home.yaml threads "t": later',
      'content/data/home.yaml standfirst.sentences[0]: council,ap',
      'content/data/home.yaml know[0]: ap,guardian',
      'content/data/home.yaml keyNumbers[0]: ap,guardian',
      'content/data/stacks.yaml s inBrief[0]: council',
      'content/data/timeline.yaml "freeze": ap,later',
      'content/data/glossary.yaml "euroclear": guardian',
      'content/data/glossary.yaml "qmv": ',
      'content/data/people.yaml "dw": ep',
      'content/data/charts/holders.yaml rows[0]: ap,guardian',
      'content/data/charts/holders.yaml notes[0]: ',
      'content/data/figures.yaml "assets-eu": ap,guardian',
    ]);
  });

  it('the Article 5 comparison gives three claims a row (its two cells and our verdict), the layers one a layer and a step', () => {
    const withPictures: ProvenanceInput = {
      ...input,
      comparison: {
        rows: [
          {
            id: 'speed',
            aspect: 'How fast',
            article5: 'Forthwith.',
            proposal: 'Within days, officials said.',
            article5Sources: ['treaty'],
            proposalSources: ['later'],
            verdict: { is: 'weaker', reason: 'Days, not forthwith.', sources: ['treaty', 'later'] },
          },
        ],
      },
      layers: {
        layers: [{ id: 'army', title: 'An army', text: 'First line.', sources: ['ap'] }],
        ladder: [{ trigger: 'If attacked', step: 'Ukraine defends', text: 'It acts first.', sources: [] }],
      },
    };
    const got = collectClaims(withPictures).filter((c) => /article5|layers/.test(c.file));
    expect(got.map((c) => [c.where, c.text, c.sources.join(','), c.field])).toEqual([
      ['"speed" article5', 'How fast, Article 5: Forthwith.', 'treaty', 'rows[0] (id "speed").article5Sources'],
      ['"speed" proposal', 'How fast, the proposal: Within days, officials said.', 'later', 'rows[0] (id "speed").proposalSources'],
      ['"speed" verdict', 'How fast, weaker: Days, not forthwith.', 'treaty,later', 'rows[0] (id "speed").verdict.sources'],
      ['layer "army"', 'An army: First line.', 'ap', 'layers[0] (id "army").sources'],
      ['ladder[0]', 'If attacked: Ukraine defends. It acts first.', '', 'ladder[0].sources'],
    ]);
    // Each is judged by the claim rule, like every other claim a reader sees.
    expect(got.every((c) => typeof c.words === 'string')).toBe(true);
  });

  it('weighs claims by effective tier, and by publisher tier for comparison', () => {
    const claims = collectClaims(input);
    const after = weighClaims(claims, sources, 'effective');
    const before = weighClaims(claims, sources, 'publisher');
    const know = after.find((c) => c.where === 'know[0]')!;
    expect(know.relayOnly).toBe(true);
    expect(know.weighed).toEqual([
      { id: 'ap', tier: 'relay', publisherTier: 'wire', carrier: 'forum' },
      { id: 'guardian', tier: 'relay', publisherTier: 'news', carrier: 'blog' },
    ]);
    expect(before.find((c) => c.where === 'know[0]')!.relayOnly).toBe(false);
    // The syndicated copy keeps its wire tier: the timeline event is not relay-only.
    expect(after.find((c) => c.where === '"freeze"')!.relayOnly).toBe(false);
    expect(countClaims(after)).toEqual({ claims: 14, relayOnly: 7, attributed: 0, single: 4, unsourced: 2 });
    expect(countClaims(before)).toEqual({ claims: 14, relayOnly: 1, attributed: 0, single: 4, unsourced: 2 });
  });

  it('prints the report grouped by file, with flags, sources by tier and both sets of totals', () => {
    const { text, counts } = provenanceReport({ ...input, sources });
    expect(counts.effective.relayOnly).toBe(7);
    expect(text).toContain('content/data/home.yaml: 4 claim(s), 2 on relays only, 1 on one source');
    expect(text).toMatch(/RELAY +know\[0\] +About €210bn is frozen\.\n +← ap relay \(wire via forum\) · guardian relay \(news via blog\)/);
    expect(text).toContain('by effective tier (publisher and carrier): 14 claims; 7 rest on relays only (0 of them attributed in the text to whose reporting they are); 4 rest on one source; 2 without a known source');
    expect(text).toContain('by publisher tier alone (before carriers): 14 claims; 1 rest on relays only; 4 rest on one source; 2 without a known source');
    expect(text).toContain('carriers turn 6 more claim(s) into relay-only claims');
  });

  it('--weak shows only the weak spots, and leaves out a file with none', () => {
    const claims = collectClaims(input);
    const text = formatProvenance(weighClaims(claims, sources, 'effective'), weighClaims(claims, sources, 'publisher'), { weakOnly: true });
    expect(text).not.toContain('standfirst.sentences[0]');
    expect(text).toContain('know[0]');
    expect(text).toMatch(/^content\/data\/stacks\.yaml/m);
    expect(text).not.toMatch(/^content\/data\/timeline\.yaml/m);
  });
});

describe('claims the check holds to the claim rule (issue 19)', () => {
  it('a change-log entry that cites sources is a claim, on a card and on a chart; one without sources is not', () => {
    const withChanges: ProvenanceInput = {
      ...input,
      cards: [
        {
          ...input.cards[0]!,
          bodyLine: 8,
          data: {
            ...input.cards[0]!.data,
            changes: [
              { date: '2026-12-07', kind: 'correction', text: 'We said X; AP said Y.', sources: ['ap'] },
              { date: '2026-12-07', kind: 'clarification', text: 'We corrected our correction.', sources: [] },
            ],
          },
        },
      ],
      charts: [{ ...input.charts[0]!, changes: [{ date: '2026-12-07', kind: 'source-update', text: 'A better copy.', sources: ['council'] }] }],
    };
    const claims = collectClaims(withChanges);
    expect(claims.filter((c) => c.where.startsWith('changes[')).map((c) => `${c.file} ${c.field}: ${c.sources.join(',')}`)).toEqual([
      'content/explainers/s/c.mdx changes[0] (correction, 2026-12-07): ap',
      'content/data/charts/holders.yaml changes[0] (source-update, 2026-12-07): council',
    ]);
    // A body sentence names the file's own line (the body starts on line 8) and the field the check reports.
    expect(claims.find((c) => c.where.startsWith('line '))).toMatchObject({ where: 'line 8', field: '(body, line 8) "The EU froze ‹assets-eu›."' });
    // What the home page presents as known is marked so; figures and chart rows are the record rule's (no field).
    expect(claims.filter((c) => c.known).map((c) => c.known)).toEqual(['dek', 'standfirst', 'know', 'keyNumber']);
    expect(claims.filter((c) => c.field === undefined).map((c) => c.where)).toEqual(['rows[0]', '"assets-eu"']);
  });
});

/**
 * Fault fixtures for issue 19's rules, in the style of content-integrity.test.ts: the valid
 * fixture content (tests/fixtures/content) with one fault planted, and the check's problem for it
 * with the file, the field and the reason.
 *
 * - a claim a reader sees resting on a forum copy (a card sentence, a timeline event, a glossary
 *   entry, a chart note), and the same claim passing once its text says whose reporting it is;
 * - a relay-only "What we know" item, which naming the relay does not excuse;
 * - an extra source on a figure that supports a different value, and one that does not say which;
 * - a correction without its notice, on a card and on a chart;
 * - a chart whose rows changed without a log entry, and the same chart once the change is logged.
 */
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem } from '../../../src/lib/content/check';
import { attributedTo, attributionNames } from '../../../src/lib/content/claim-rule';
import { rowsFingerprint } from '../../../src/lib/charts/fingerprint';
import { FORUM_COPY_SOURCE, fixtureFiles } from '../../support/fixtures';

const CARD = 'content/explainers/guarantees/first-card.mdx';
const SOURCES = 'content/data/sources.yaml';
const HOME = 'content/data/home.yaml';
const FIGURES = 'content/data/figures.yaml';
const TIMELINE = 'content/data/timeline.yaml';
const GLOSSARY = 'content/data/glossary.yaml';
const CHART = 'content/data/charts/army.yaml';

/** A wire story read only through a forum copy: a relay by effective tier. */
const forumCopy = FORUM_COPY_SOURCE;

const problemsAfter = (edit: (files: Record<string, string>) => void): string[] => {
  const files = fixtureFiles();
  edit(files);
  return checkContent(files).problems.map(formatProblem);
};

/** A card with one more paragraph, citing the forum copy. */
const withSentence = (sentence: string) => (f: Record<string, string>) => {
  f[SOURCES] = `${f[SOURCES]}${forumCopy}`;
  f[CARD] = `${f[CARD]!.replace('sources: [article]', 'sources: [article, article-forum]')}\n${sentence}\n`;
};

const RELAY_ONLY = 'rests only on relay sources (article-forum: relay (wire, read via a copy of kind forum)) and does not say whose reporting it is';

describe('the claim rule: every claim a reader sees needs a source that is not a relay, or says whose reporting it is', () => {
  it('refuses a card sentence that rests on a forum copy, naming the file, its line and the reason', () => {
    const problems = problemsAfter(withSentence('Talks went well in Miami <Cite id="article-forum" />.'));
    expect(problems).toContainEqual(expect.stringContaining(`${CARD}: (body, line 13) "Talks went well in Miami.": ${RELAY_ONLY}`));
  });

  it('accepts the same sentence once it says whose reporting it is, or once a source that is not a relay backs it', () => {
    expect(problemsAfter(withSentence('Talks went well in Miami, Example Wire reported <Cite id="article-forum" />.'))).toEqual([]);
    expect(problemsAfter(withSentence('Talks went well in Miami <Cite id="article-forum" /> <Cite id="article" />.'))).toEqual([]);
  });

  it('refuses a timeline event, a glossary entry and a chart note on a forum copy alone', () => {
    const problems = problemsAfter((f) => {
      f[SOURCES] = `${f[SOURCES]}${forumCopy}`;
      f[TIMELINE] = f[TIMELINE]!.replace('sources: [treaty]', 'sources: [article-forum]');
      f[GLOSSARY] = f[GLOSSARY]!.replace('source: article', 'source: article-forum');
      f[CHART] = chartFile({ noteSources: '[article-forum]' });
    });
    expect(problems).toContainEqual(expect.stringContaining(`${TIMELINE}: [0] (id "treaty-signed").sources: ${RELAY_ONLY}`));
    expect(problems).toContainEqual(expect.stringContaining(`${GLOSSARY}: [0] (id "example-term").source: ${RELAY_ONLY}`));
    expect(problems).toContainEqual(expect.stringContaining(`${CHART}: notes[0].sources: ${RELAY_ONLY}`));
  });

  it('refuses a chart note with no source at all', () => {
    const problems = problemsAfter((f) => {
      f[CHART] = chartFile({ noteSources: '[]' });
    });
    expect(problems).toContain(`${CHART}: notes[0].sources: has no source: every claim a reader sees names the source it rests on`);
  });

  it('refuses a relay-only "What we know" item even when it names the relay: the home page states it as known', () => {
    const problems = problemsAfter((f) => {
      f[HOME] = f[HOME]!.replace('{ text: Something known., sources: [article] }', '{ text: "Something known, Example Relay reported.", sources: [relay-outlet] }');
    });
    expect(problems).toContainEqual(
      expect.stringMatching(/^content\/data\/home\.yaml: know\[0\]\.sources: rests only on relay sources \(relay-outlet: relay\); "What we know" states it as known/),
    );
  });

  it('reads attribution from the relay, what it relays, or the publisher of a copy, with a reporting word', () => {
    const relay = { id: 'r', tier: 'relay' as const, publisher: 'RBC-Ukraine', relays: 'Axios' };
    const copy = { id: 'c', tier: 'wire' as const, publisher: 'Associated Press', via: { kind: 'aggregator', publisher: 'inkl' } };
    expect(attributionNames(copy)).toEqual(['Associated Press', 'inkl', 'AP']);
    expect(attributedTo('The US would send it to Congress, RBC-Ukraine reported, citing Axios.', [relay])).toBe('RBC-Ukraine');
    expect(attributedTo('The US would send it to Congress, according to Axios.', [relay])).toBe('Axios');
    expect(attributedTo('Hungary could have blocked it, AP reported.', [copy])).toBe('AP');
    // A name without a reporting word, or a reporting word without the name, is not attribution.
    expect(attributedTo('Axios and the Congress.', [relay])).toBeUndefined();
    expect(attributedTo('The US would send it to Congress, officials said.', [relay])).toBeUndefined();
  });
});

describe('an extra source on a figure must support the same value', () => {
  it('refuses an extra source that gives a neighbouring value, with the file, the field and both values', () => {
    const problems = problemsAfter((f) => {
      f[FIGURES] = f[FIGURES]!.replace('  source: article\n', '  source: article\n  alsoSources:\n    - { source: treaty, value: 790000, says: "about 790,000" }\n');
    });
    expect(problems).toContainEqual(
      expect.stringContaining(`${FIGURES}: [0] (id "army").alsoSources[0].value: "treaty" gives 790000, but the figure is 800000: an extra source must support the same value, not a neighbouring one`),
    );
  });

  it('refuses a bare id, which says nothing of the value it supports', () => {
    const problems = problemsAfter((f) => {
      f[FIGURES] = f[FIGURES]!.replace('  source: article\n', '  source: article\n  alsoSources: [treaty]\n');
    });
    expect(problems).toContainEqual(expect.stringContaining(`${FIGURES}: [0] (id "army").alsoSources[0]: say what "treaty" gives`));
  });

  it('for a range, accepts a source for one end and refuses one for neither (78.1–81% is not "more than 80%")', () => {
    const range = (also: string) => (f: Record<string, string>) => {
      f[FIGURES] = f[FIGURES]!.replace('  value: 800000\n  unit: troops', '  low: 78.1\n  high: 81\n  unit: percent').replace('  source: article\n', `  source: article\n  alsoSources:\n    - ${also}\n`);
    };
    expect(problemsAfter(range('{ source: treaty, value: 81 }'))).toEqual([]);
    expect(problemsAfter(range('{ source: treaty, value: 80 }'))).toContainEqual(
      expect.stringContaining(`${FIGURES}: [0] (id "army").alsoSources[0].value: "treaty" gives 80, but the figure is 78.1–81: an extra source must support the same value (one end of the range, or the same range)`),
    );
  });

  it('keeps the ids in the model, so every reader of a figure\'s sources is unchanged', () => {
    const files = fixtureFiles();
    files[FIGURES] = files[FIGURES]!.replace('  source: article\n', '  source: article\n  alsoSources:\n    - { source: treaty, value: 800000 }\n');
    const { model, problems } = checkContent(files);
    expect(problems).toEqual([]);
    expect(model.figures[0]!.alsoSources).toEqual(['treaty']);
  });
});

describe('corrections and chart logs', () => {
  it('refuses a correction without its notice, on a card and on a chart', () => {
    const problems = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace("updated: '2025-12-18'\n", "updated: '2025-12-18'\nchanges:\n  - date: '2025-12-18'\n    kind: correction\n");
      f[CHART] = chartFile({ changes: "changes:\n  - date: '2025-12-18'\n    kind: correction\n    sources: [article]\n" });
    });
    expect(problems).toContain(`${CARD}: changes[0].text: is required: a correction is shown to readers as a notice, and its text is the notice`);
    expect(problems).toContain(`${CHART}: changes[0].text: is required: a correction is shown to readers as a notice, and its text is the notice`);
  });

  it('refuses a chart whose rows changed without a log entry, and says which fingerprint the entry records', () => {
    const published = chartFile({});
    const now = rowsFingerprint(checkContent({ ...fixtureFiles(), [CHART]: published.replace('value: 800000', 'value: 600000') }).model.charts[0]!.rows);
    const changed = (f: Record<string, string>) => {
      f[CHART] = published.replace('value: 800000', 'value: 600000');
    };
    expect(problemsAfter(changed)).toEqual([
      `${CHART}: rows: changed since publication (publishedRows) without a logged change (recorded ${PUBLISHED}, now ${now}): say what changed in a new entry of changes (date, kind, text, sources) and give that entry rows: ${now}`,
    ]);
    const logged = (f: Record<string, string>) => {
      f[CHART] = `${published.replace('value: 800000', 'value: 600000')}changes:\n  - date: '2025-12-18'\n    kind: correction\n    text: The bar said 800,000; the source says 600,000.\n    sources: [article]\n    rows: ${now}\n`;
    };
    expect(problemsAfter(logged)).toEqual([]);
  });

  it('refuses a chart that records no fingerprint at all, and a row fingerprint in a card\'s log', () => {
    const problems = problemsAfter((f) => {
      f[CHART] = chartFile({}).replace(/^publishedRows: .*\n/m, '');
      f[CARD] = f[CARD]!.replace("updated: '2025-12-18'\n", "updated: '2025-12-18'\nchanges:\n  - date: '2025-12-18'\n    kind: correction\n    text: A fix.\n    rows: 0123abcd\n");
    });
    expect(problems).toContain(`${CHART}: publishedRows: is missing: record the rows as published, publishedRows: ${PUBLISHED}, so the check can tell when they change without a logged change`);
    expect(problems).toContain(`${CARD}: changes[0].rows: is a chart's row fingerprint; a card's change log does not record one`);
  });
});

/** The fingerprint of chartFile's rows as written (checked in the test above by the rule itself). */
let PUBLISHED = '';

/** A one-bar chart on the fixture's sources. */
function chartFile({ noteSources = '[article]', changes = '' }: { noteSources?: string; changes?: string }): string {
  return `id: army
title: How big is the army?
takeaway: About 800,000.
unit: troops
updated: '2025-12-18'
groups:
  - id: actual
    label: Actual
rows:
  - label: The army
    value: 800000
    unit: troops
    asOf: '2025-12-18'
    source: article
    confidence: high
    group: actual
notes:
  - text: A note on the army.
    sources: ${noteSources}
publishedRows: ${PUBLISHED}
${changes}`;
}
PUBLISHED = rowsFingerprint(checkContent({ ...fixtureFiles(), [CHART]: chartFile({}).replace(/^publishedRows: .*\n/m, '') }).model.charts[0]!.rows);

import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, splitFrontMatter } from '../../../src/lib/content/check';
import { componentUses } from '../../../src/lib/content/mdx-scanner';
import { FORUM_COPY_SOURCE, fixtureFiles } from '../../support/fixtures';

const CARD = 'content/explainers/guarantees/first-card.mdx';

/** Messages for a mutated copy of the fixture content. */
function problemsAfter(edit: (files: Record<string, string>) => void): string[] {
  const files = fixtureFiles();
  edit(files);
  return checkContent(files).problems.map(formatProblem);
}

describe('checkContent', () => {
  it('accepts the valid fixture content', () => {
    const { problems, model } = checkContent(fixtureFiles());
    expect(problems).toEqual([]);
    expect(model.cards.map((c) => c.path)).toEqual(['guarantees/first-card']);
    expect(model.sources.map((s) => s.id)).toEqual(['article', 'treaty', 'state-agency', 'relay-outlet']);
  });

  it('names the file, field and unknown id for a dangling source reference', () => {
    const problems = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace('sources: [article]', 'sources: [article, nowhere]');
    });
    expect(problems).toContain(`${CARD}: sources[1]: unknown source id "nowhere"`);
  });

  it('reports an unknown id used by a component, with its line', () => {
    const problems = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace('<Value id="army" />', '<Value id="navy" />');
    });
    expect(problems).toContain(`${CARD}: <Value id="navy"> (line 9, column 23): unknown figure id "navy"`);
  });

  it('reports a citation of a source the card does not list', () => {
    const problems = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace('<Cite id="article"', '<Cite id="treaty"');
    });
    expect(problems.some((p) => p.includes('cites "treaty", which is not in the card\'s sources list'))).toBe(true);
  });

  it('rejects an impossible date with the field named', () => {
    const problems = problemsAfter((f) => {
      f['content/data/sources.yaml'] = f['content/data/sources.yaml']!.replace("'2025-12-18'", "'2025-02-30'");
    });
    expect(problems).toContain('content/data/sources.yaml: [0] (id "article").date: must be a real date written YYYY-MM-DD');
  });

  it('rejects a missing required field', () => {
    const problems = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace('dek: A plan.\n', '');
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe(`${CARD}: dek: is required`);
  });

  it('rejects a change-log entry of an unknown kind, with the file, the field and the kinds it accepts', () => {
    const problems = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace("updated: '2025-12-18'\n", "updated: '2025-12-18'\nchanges:\n  - date: '2025-12-18'\n    kind: erratum\n    text: We gave the wrong date.\n");
    });
    expect(problems).toEqual([`${CARD}: changes[0].kind: must be one of update, correction, clarification, source-update`]);
  });

  it('rejects a correction without text, since its text is the notice at the top of the card', () => {
    const problems = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace("updated: '2025-12-18'\n", "updated: '2025-12-18'\nchanges:\n  - date: '2025-12-18'\n    kind: correction\n");
    });
    expect(problems).toEqual([`${CARD}: changes[0].text: is required: a correction is shown to readers as a notice, and its text is the notice`]);
  });

  it('rejects a duplicate id', () => {
    const problems = problemsAfter((f) => {
      f['content/data/figures.yaml'] += f['content/data/figures.yaml']!;
    });
    expect(problems).toContain('content/data/figures.yaml: [1] (id "army").id: duplicate id "army" (also record [0])');
  });

  it('rejects a duplicate card id across stacks and a card missing from its stack', () => {
    const problems = problemsAfter((f) => {
      f['content/explainers/other/first-card.mdx'] = f[CARD]!;
    });
    expect(problems.some((p) => p.includes('duplicate card id "first-card"'))).toBe(true);
    expect(problems.some((p) => p.includes('stack "other" is not in content/data/stacks.yaml'))).toBe(true);
  });

  it('rejects a card id that would collide with a route', () => {
    const problems = problemsAfter((f) => {
      f['content/explainers/guarantees/sources.mdx'] = f[CARD]!;
    });
    expect(problems).toContain('content/explainers/guarantees/sources.mdx: (file name): card id "sources" is reserved for a route');
  });

  it('rejects a stack listing a card that has no file', () => {
    const problems = problemsAfter((f) => {
      f['content/data/stacks.yaml'] = f['content/data/stacks.yaml']!.replace('[first-card]', '[first-card, ghost]');
    });
    expect(problems).toContain('content/data/stacks.yaml: [0] (id "guarantees").cards[1]: no card file content/explainers/guarantees/ghost.mdx');
  });

  it('rejects a title that is not a question and a card updated before it was published', () => {
    const problems = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace('What is the plan?', 'The plan').replace("updated: '2025-12-18'", "updated: '2025-12-01'");
    });
    expect(problems).toContain(`${CARD}: title: must be a question ending in "?"`);
  });

  it('checks the timeline flag against the article date', () => {
    const problems = problemsAfter((f) => {
      f['content/data/timeline.yaml'] = f['content/data/timeline.yaml']!.replace('afterArticle: false', 'afterArticle: true');
    });
    expect(problems).toContain('content/data/timeline.yaml: [0] (id "treaty-signed").afterArticle: is true but 1949-04-04 is before the article (2025-12-18)');
  });

  it('reports YAML syntax errors and missing files', () => {
    const problems = problemsAfter((f) => {
      f['content/data/people.yaml'] = '- id: [unclosed';
      delete f['content/data/glossary.yaml'];
    });
    expect(problems.some((p) => p.startsWith('content/data/people.yaml: (file): is not valid YAML'))).toBe(true);
    expect(problems).toContain('content/data/glossary.yaml: (file): is missing');
  });

  it('rejects a figure with both a value and a range', () => {
    const problems = problemsAfter((f) => {
      f['content/data/figures.yaml'] = f['content/data/figures.yaml']!.replace('value: 800000', 'value: 800000\n  low: 1\n  high: 2');
    });
    expect(problems).toContain('content/data/figures.yaml: [0] (id "army").value: give either value, or low and high');
  });
});

describe('checkContent: source tiers and dated updates', () => {
  const QUOTES = 'content/data/quotes.yaml';
  const FIGURES = 'content/data/figures.yaml';
  const SOURCES = 'content/data/sources.yaml';
  const HOME = 'content/data/home.yaml';
  /** A wire story read only through a forum copy: a relay by effective tier. */
  const forumCopy = FORUM_COPY_SOURCE;

  it('refuses a copy without its kind, or of a kind it does not know, naming the field', () => {
    const missing = problemsAfter((f) => {
      f[SOURCES] = `${f[SOURCES]}${forumCopy.replace('    kind: forum\n', '')}`;
    });
    expect(missing).toContainEqual(expect.stringMatching(/^content\/data\/sources\.yaml: \[4\] \(id "article-forum"\)\.via\.kind: /));
    const unknown = problemsAfter((f) => {
      f[SOURCES] = `${f[SOURCES]}${forumCopy.replace('kind: forum', 'kind: website')}`;
    });
    expect(unknown).toContainEqual(expect.stringMatching(/^content\/data\/sources\.yaml: \[4\] \(id "article-forum"\)\.via\.kind: .*aggregator/));
  });

  it('refuses a figure that rests only on a wire story read through a forum copy', () => {
    const problems = problemsAfter((f) => {
      f[SOURCES] = `${f[SOURCES]}${forumCopy}`;
      f[FIGURES] = f[FIGURES]!.replace('source: article', 'source: article-forum');
    });
    expect(problems).toContainEqual(
      expect.stringContaining(`${FIGURES}: [0] (id "army").source: rests only on state or relay sources (article-forum: relay (wire, read via a copy of kind forum))`),
    );
  });

  it('refuses a card dek and a "What we know" item that rest only on relays by effective tier, with file, field and reason', () => {
    const problems = problemsAfter((f) => {
      f[SOURCES] = `${f[SOURCES]}${forumCopy}`;
      f[CARD] = f[CARD]!.replace('sources: [article]', 'sources: [article-forum]').replace('<Cite id="article"', '<Cite id="article-forum"');
      f[HOME] = f[HOME]!.replace('{ text: Something known., sources: [article] }', '{ text: Something known., sources: [relay-outlet, article-forum] }');
    });
    expect(problems).toContain(
      `${CARD}: dek: rests only on relay sources (the card's sources: article-forum: relay (wire, read via a copy of kind forum)); a dek is the card's answer: list a primary, wire, news or specialist source that supports it, or say in the dek whose reporting it repeats`,
    );
    expect(problems).toContainEqual(expect.stringMatching(/^content\/data\/home\.yaml: know\[0\]\.sources: rests only on relay sources \(relay-outlet: relay, article-forum: relay \(wire, read via a copy of kind forum\)\)/));
  });

  it('refuses an Article 5 verdict and a layer of the diagram that rest only on relays, and accepts them with one source that is not', () => {
    const comparison = (verdictSources: string) =>
      [
        'treatyText: The Parties agree.',
        'treatySource: treaty',
        'rows:',
        '  - id: speed',
        '    aspect: How fast',
        '    article5: Forthwith.',
        '    proposal: Within days, according to officials.',
        '    article5Sources: [treaty]',
        '    proposalSources: [article]',
        '    verdict:',
        '      is: weaker',
        '      reason: Days, against the treaty\'s forthwith.',
        `      sources: [${verdictSources}]`,
        '',
      ].join('\n');
    const layers = (sources: string) =>
      [
        'layers:',
        '  - id: army',
        '    who: Ukraine',
        '    title: An army',
        '    text: It would be the first line.',
        `    sources: [${sources}]`,
        'ladder:',
        '  - trigger: If attacked',
        '    step: Ukraine defends',
        '    text: It acts first.',
        '    sources: [article]',
        '',
      ].join('\n');
    const COMPARISON = 'content/data/article5.yaml';
    const LAYERS = 'content/data/layers.yaml';
    const weak = problemsAfter((f) => {
      f[SOURCES] = `${f[SOURCES]}${forumCopy}`;
      f[COMPARISON] = comparison('relay-outlet, article-forum');
      f[LAYERS] = layers('article-forum');
    });
    expect(weak).toContainEqual(expect.stringMatching(/^content\/data\/article5\.yaml: rows\[0\] \(id "speed"\)\.verdict\.sources: rests only on relay sources \(relay-outlet: relay, article-forum: relay \(wire, read via a copy of kind forum\)\)/));
    expect(weak).toContainEqual(expect.stringMatching(/^content\/data\/layers\.yaml: layers\[0\] \(id "army"\)\.sources: rests only on relay sources/));
    const sound = problemsAfter((f) => {
      f[SOURCES] = `${f[SOURCES]}${forumCopy}`;
      f[COMPARISON] = comparison('treaty, article-forum');
      f[LAYERS] = layers('article, article-forum');
    });
    expect(sound.filter((p) => /article5|layers/.test(p))).toEqual([]);
  });

  it('accepts the same dek and item once one source is not a relay (a licensed syndication keeps the wire tier)', () => {
    const problems = problemsAfter((f) => {
      f[SOURCES] = `${f[SOURCES]}${forumCopy.replace('kind: forum', 'kind: syndication')}`;
      f[CARD] = f[CARD]!.replace('sources: [article]', 'sources: [article-forum]').replace('<Cite id="article"', '<Cite id="article-forum"');
      f[HOME] = f[HOME]!.replace('{ text: Something known., sources: [article] }', '{ text: Something known., sources: [relay-outlet, article-forum] }');
    });
    expect(problems).toEqual([]);
  });

  it('refuses a quote whose only source is state media, with file, field and reason', () => {
    const problems = problemsAfter((f) => {
      f[QUOTES] = f[QUOTES]!.replace('source: article', 'source: state-agency');
    });
    expect(problems).toContainEqual(expect.stringContaining(`${QUOTES}: [0] (id "a-quote").source: rests only on state or relay sources (state-agency: state)`));
  });

  it('accepts it when marked as the statement of the government that controls the outlet', () => {
    const problems = problemsAfter((f) => {
      f[QUOTES] = f[QUOTES]!.replace('source: article', 'source: state-agency\n  ownGovernment: true');
    });
    expect(problems).toEqual([]);
  });

  it('refuses high confidence on a single relay', () => {
    const problems = problemsAfter((f) => {
      f[FIGURES] = f[FIGURES]!.replace('source: article', 'source: relay-outlet');
    });
    expect(problems).toContain(`${FIGURES}: [0] (id "army").confidence: is high but rests on a single relay (relay-outlet); a single relay is at most medium`);
  });

  it('refuses a source without a tier, and state media without its government', () => {
    const problems = problemsAfter((f) => {
      f['content/data/sources.yaml'] = f['content/data/sources.yaml']!.replace('  tier: primary\n', '').replace('  government: Exampleland\n', '');
    });
    expect(problems).toContain('content/data/sources.yaml: [1] (id "treaty").tier: is required');
    expect(problems).toContain('content/data/sources.yaml: [2] (id "state-agency").government: state media must name the government that controls it');
  });

  it('refuses an <Update> dated on or before the article', () => {
    const problems = problemsAfter((f) => {
      f[CARD] = f[CARD]!.replace('---\n\nThe army', '---\n\n<Update date="2025-12-18" card="first-card">\n\nToo early.\n\n</Update>\n\nThe army');
    });
    expect(problems).toContainEqual(expect.stringContaining(`${CARD}: <Update date="2025-12-18"> (line 9): is dated on or before the article (2025-12-18)`));
  });
});

describe('helpers', () => {
  it('splits front matter from the body', () => {
    expect(splitFrontMatter('---\na: 1\n---\nbody')).toEqual({ frontMatter: 'a: 1', body: 'body' });
    expect(splitFrontMatter('no front matter')).toEqual({ body: 'no front matter' });
  });
  it('finds component uses with their ids and lines', () => {
    expect(componentUses('a\n<Cite id="x" loc="¶1" /> and <Value id=\'y\'/>\n<Unknown>x</Unknown>')).toEqual([
      { component: 'Cite', id: 'x', line: 2 },
      { component: 'Value', id: 'y', line: 2 },
    ]);
  });
});

describe('checkContent: whose translation a quote is', () => {
  const QUOTES = 'content/data/quotes.yaml';
  it('refuses a quote spoken in another language that does not say whose English it is', () => {
    const problems = problemsAfter((f) => {
      f[QUOTES] = f[QUOTES]!.replace('  spoken: en', '  spoken: uk');
    });
    expect(problems).toContainEqual(expect.stringMatching(/^content\/data\/quotes\.yaml: \[0\] \(id "a-quote"\)\.translatedBy: is required: the speaker spoke "uk"/));
  });
  it('refuses a translator on a quote spoken in English, and a language that is not a code', () => {
    expect(problemsAfter((f) => {
      f[QUOTES] = f[QUOTES]!.replace('  spoken: en', '  spoken: en\n  translatedBy: Bloomberg');
    })).toContainEqual(expect.stringMatching(/translatedBy: only a quote spoken in another language than English names a translator/));
    expect(problemsAfter((f) => {
      f[QUOTES] = f[QUOTES]!.replace('  spoken: en', '  spoken: Ukrainian');
    })).toContainEqual(expect.stringMatching(/\.spoken: must be a two-letter language code/));
  });
});

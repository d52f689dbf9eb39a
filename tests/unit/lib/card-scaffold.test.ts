/**
 * The card scaffold: the draft it writes passes the content check as it is (so the site
 * builds), carries DRAFT_MARK wherever an editor must write, and goes into stacks.yaml with
 * every other byte of that file kept. Each refusal is one line.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent, formatProblem, splitFrontMatter } from '../../../src/lib/content/check';
import { readContentFiles } from '../../../src/lib/content/loader';
import { appendCard, DRAFT_MARK, scaffoldCard, type CardScaffold, type CardScaffoldInput } from '../../../src/lib/card-scaffold';
import { ROOT } from '../../support/builds';

const files = readContentFiles(ROOT);
const cardFiles = Object.keys(files)
  .filter((f) => f.startsWith('content/explainers/'))
  .map((f) => f.replace(/^content\/explainers\/(.*)\.mdx$/, '$1'));
const input = (over: Partial<CardScaffoldInput> = {}): CardScaffoldInput => ({
  stack: 'context',
  id: 'what-next',
  question: 'What happens next?',
  today: '2026-12-07',
  stacksYaml: files['content/data/stacks.yaml']!,
  sourcesYaml: files['content/data/sources.yaml']!,
  homeYaml: files['content/data/home.yaml']!,
  cardFiles,
  ...over,
});
const scaffold = (over: Partial<CardScaffoldInput> = {}): CardScaffold => {
  const result = scaffoldCard(input(over));
  if ('refusal' in result) throw new Error(result.refusal);
  return result;
};
const frontMatter = (text: string) => parse(splitFrontMatter(text).frontMatter!) as Record<string, unknown>;

describe('scaffoldCard', () => {
  it('writes a card the content check accepts, into the stack it names, in every stack', () => {
    for (const stack of ['security-guarantees', 'article-5', 'frozen-assets', 'context']) {
      const card = scaffold({ stack });
      expect(card.file).toBe(`content/explainers/${stack}/what-next.mdx`);
      const { problems, model } = checkContent({ ...files, [card.file]: card.text, 'content/data/stacks.yaml': card.stacksYaml });
      expect(problems.map(formatProblem), stack).toEqual([]);
      expect(model.stacks.find((s) => s.id === stack)!.cards.at(-1)).toBe('what-next');
      expect(model.cards.find((c) => c.id === 'what-next')!.data.title).toBe('What happens next?');
    }
  });

  it('marks the dek, the body and the dates as a draft, and cites the source article', () => {
    const card = scaffold();
    const data = frontMatter(card.text);
    expect(data.dek).toMatch(new RegExp(`^\\${DRAFT_MARK}`));
    expect(splitFrontMatter(card.text).body.trim().startsWith(DRAFT_MARK)).toBe(true);
    expect(data.sources).toEqual(['bloomberg-2025-12-18']);
    // The context stack has no thread on the home page: the draft is dated today.
    expect([data.published, data.updated]).toEqual(['2026-12-07', '2026-12-07']);
  });

  it('dates a card no later than its stack’s home-page thread, which the check holds to the latest card, and says so', () => {
    const card = scaffold({ stack: 'frozen-assets' });
    expect([frontMatter(card.text).published, frontMatter(card.text).updated]).toEqual(['2026-02-11', '2026-02-11']);
    expect(card.text).toContain(`# ${DRAFT_MARK} Dated 2026-02-11, the date of this stack's thread in home.yaml`);
    // A day before the thread, the draft keeps today.
    expect(frontMatter(scaffold({ stack: 'frozen-assets', today: '2026-02-10' }).text).published).toBe('2026-02-10');
  });

  it('writes any question as YAML that reads back as the question', () => {
    for (const question of ['Who pays: Europe or the US?', '"Reparations loan": what is it?', '#1 question?', "Isn't it the Donbas?"]) {
      expect(frontMatter(scaffold({ question }).text).title).toBe(question);
    }
  });

  it('refuses, in one line each, what would break the content or the id rules', () => {
    const refusal = (over: Partial<CardScaffoldInput>) => {
      const result = scaffoldCard(input(over));
      return 'refusal' in result ? result.refusal : undefined;
    };
    expect(refusal({ stack: 'nato' })).toBe('unknown stack "nato" (the stacks are security-guarantees, article-5, frozen-assets, context)');
    expect(refusal({ id: 'What_Next' })).toMatch(/^card id "What_Next" must be kebab-case/);
    expect(refusal({ id: 'what--next' })).toMatch(/must be kebab-case/);
    expect(refusal({ id: 'sources' })).toBe('card id "sources" is reserved for one of the site\'s own routes');
    expect(refusal({ id: 'frozen-assets' })).toBe('card id "frozen-assets" is a stack\'s id; a card needs an id of its own');
    // Card ids are unique across stacks: donbas is in context, asked for in another stack.
    expect(refusal({ stack: 'article-5', id: 'donbas' })).toBe('card "donbas" already exists: content/explainers/context/donbas.mdx (card ids are unique across stacks)');
    expect(refusal({ question: '  ' })).toMatch(/^missing the question/);
    expect(refusal({ question: 'What happens next' })).toBe('the question must end with "?": "What happens next"');
    expect(refusal({ sourcesYaml: '[]' })).toMatch(/no source of kind "article"/);
    for (const over of [{ stack: 'nato' }, { id: 'X' }, { question: '' }]) expect(refusal(over)).not.toContain('\n');
  });
});

describe('appendCard', () => {
  const stacks = [
    '# The stacks.',
    '- id: one',
    '  summary: >-',
    '    A long summary folded',
    '    over two lines.',
    '  cards:',
    '    - first   # the lead card',
    '    # a comment between items',
    '    - second  # the last, with a comment',
    '  lead: { layers: true }',
    '- id: two',
    '  cards: [alpha, beta]',
    '',
  ].join('\n');

  it('adds a line after the last card, keeping every other byte: comments, folding, flow maps', () => {
    const result = appendCard(stacks, 'one', 'third');
    expect(result).toEqual({ text: stacks.replace('    - second  # the last, with a comment\n', '    - second  # the last, with a comment\n    - third\n') });
  });

  it('adds to a list written on one line', () => {
    expect(appendCard(stacks, 'two', 'gamma')).toEqual({ text: stacks.replace('[alpha, beta]', '[alpha, beta, gamma]') });
    expect(appendCard('- id: three\n  cards: []\n', 'three', 'first')).toEqual({ text: '- id: three\n  cards: [first]\n' });
  });

  it('leaves a list that already has the id alone, and refuses a stack without a list', () => {
    expect(appendCard(stacks, 'one', 'second')).toEqual({ text: stacks });
    expect(appendCard('- id: three\n  title: No cards\n', 'three', 'first')).toEqual({ refusal: 'content/data/stacks.yaml: stack "three" has no cards list to add to' });
  });
});

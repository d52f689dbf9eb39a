/**
 * A new card for an editor to write: the text of content/explainers/<stack>/<card-id>.mdx and
 * stacks.yaml with the id added to the stack's cards, from the question and the content as it
 * is. `npm run new:card` (src/cli/new-card.ts) writes them; this module only computes them.
 *
 * The card builds as it is, so an editor can see it in place at once, and every part an editor
 * must write is marked DRAFT_MARK: the build cannot tell a placeholder from an answer, so the
 * content tests refuse any card that still carries the mark (tests/content/integrity.test.ts),
 * and its body is shorter than the 80 words they ask for.
 *
 * Imports carry their `.ts` extension: the command runs on Node's own TypeScript support.
 */
import { isMap, isScalar, isSeq, parse, parseDocument, stringify, type Node } from 'yaml';
import { isReservedId, KEBAB_CASE } from './content/ids.ts';

/** What marks the scaffold's placeholders, in the card's front matter and body. */
export const DRAFT_MARK = '[DRAFT]';

export interface CardScaffoldInput {
  stack: string;
  id: string;
  /** The reader's question: the card's title. */
  question: string;
  /** YYYY-MM-DD. */
  today: string;
  /** content/data/stacks.yaml, sources.yaml and home.yaml as they are. */
  stacksYaml: string;
  sourcesYaml: string;
  homeYaml: string;
  /** Every card file there is, as '<stack>/<card-id>'. */
  cardFiles: readonly string[];
}

export interface CardScaffold {
  /** content/explainers/<stack>/<card-id>.mdx */
  file: string;
  text: string;
  /**
   * Its Ukrainian draft, content/uk/explainers/<stack>/<card-id>.mdx: the Ukrainian edition
   * refuses a card without its translation (docs/translating.md), so the draft has one to fill.
   */
  translation: { file: string; text: string };
  /** stacks.yaml with the id last in the stack's cards, every other byte as it was. */
  stacksYaml: string;
}

interface StackEntry {
  id: string;
  cards?: unknown;
}

const listOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The card and the new stacks.yaml, or the one line that says why not. */
export function scaffoldCard(input: CardScaffoldInput): CardScaffold | { refusal: string } {
  const { stack, id, today } = input;
  const question = input.question.trim();
  const stacks = listOf<StackEntry>(parse(input.stacksYaml));
  const stackIds = stacks.map((s) => s.id);
  if (!stackIds.includes(stack)) return { refusal: `unknown stack "${stack}" (the stacks are ${stackIds.join(', ')})` };
  if (!KEBAB_CASE.test(id)) return { refusal: `card id "${id}" must be kebab-case: lower-case letters and digits joined by hyphens, like "european-force"` };
  if (isReservedId(id)) return { refusal: `card id "${id}" is reserved for one of the site's own routes` };
  if (stackIds.includes(id)) return { refusal: `card id "${id}" is a stack's id; a card needs an id of its own` };
  const existing = input.cardFiles.find((path) => path.split('/')[1] === id);
  if (existing) return { refusal: `card "${id}" already exists: content/explainers/${existing}.mdx (card ids are unique across stacks)` };
  if (!question) return { refusal: 'missing the question: npm run new:card -- <stack> <card-id> "The reader\'s question?"' };
  if (!question.endsWith('?')) return { refusal: `the question must end with "?": "${question}"` };

  const source = listOf<{ id: string; kind?: string }>(parse(input.sourcesYaml)).find((s) => s.kind === 'article');
  if (!source) return { refusal: 'content/data/sources.yaml has no source of kind "article" for the draft to cite' };
  const threads = listOf<{ stack: string; asOf: string }>((parse(input.homeYaml) as { threads?: unknown } | null)?.threads).filter((t) => t.stack === stack);
  const date = [today, ...threads.map((t) => t.asOf)].sort()[0]!;
  const datedBack = date < today;

  const updatedStacks = appendCard(input.stacksYaml, stack, id);
  if ('refusal' in updatedStacks) return updatedStacks;

  const text = [
    '---',
    `# ${DRAFT_MARK} Made by npm run new:card on ${today}. Write the dek and the body, set the dates to`,
    `# the day the card goes live and take out every ${DRAFT_MARK} line; the content tests refuse the card`,
    '# until then (docs/content.md, "A new card from the command line").',
    `title: ${stringify(question, { lineWidth: 0 }).trimEnd()}`,
    'dek: >-',
    `  ${DRAFT_MARK} The answer to the question, in one sentence.`,
    `sources: [${source.id}]`,
    ...(datedBack
      ? [
          `# ${DRAFT_MARK} Dated ${date}, the date of this stack's thread in home.yaml, so the site builds;`,
          "# a card published later needs the thread's text and date brought up to that day too.",
        ]
      : []),
    `published: '${date}'`,
    `updated: '${date}'`,
    '---',
    '',
    `${DRAFT_MARK} Write 80 to 250 words that answer the question, every claim attributed the way its`,
    'source makes it and cited with the Cite component (docs/content.md, docs/writing.md).',
    '',
  ].join('\n');

  const translation = [
    '---',
    `# ${DRAFT_MARK} The Ukrainian text of content/explainers/${stack}/${id}.mdx (docs/translating.md): only`,
    '# title, dek and one entry per change with text; the body cites what the English body cites.',
    `title: '${DRAFT_MARK} Питання українською?'`,
    `dek: '${DRAFT_MARK} Відповідь одним реченням.'`,
    '---',
    '',
    `${DRAFT_MARK} Переклад картки.`,
    '',
  ].join('\n');

  return {
    file: `content/explainers/${stack}/${id}.mdx`,
    text,
    translation: { file: `content/uk/explainers/${stack}/${id}.mdx`, text: translation },
    stacksYaml: updatedStacks.text,
  };
}

/**
 * stacks.yaml with `id` added after the last of the stack's cards. The text is edited at the
 * place the parsed document points to, rather than printed again from the document, so the
 * comments, the folding of long text and the quoting stay exactly as the editors wrote them.
 */
export function appendCard(stacksYaml: string, stack: string, id: string): { text: string } | { refusal: string } {
  const doc = parseDocument(stacksYaml);
  // get() gives a scalar's value (its types say a node).
  const entry = isSeq(doc.contents) ? doc.contents.items.find((item) => isMap(item) && (item.get('id') as unknown) === stack) : undefined;
  const cards = isMap(entry) ? entry.get('cards', true) : undefined;
  if (!isSeq(cards)) return { refusal: `content/data/stacks.yaml: stack "${stack}" has no cards list to add to` };
  if (cards.items.some((item) => isScalar(item) && item.value === id)) return { text: stacksYaml };

  const last = cards.items.at(-1) as Node | undefined;
  if (!last && !cards.flow) return { refusal: `content/data/stacks.yaml: stack "${stack}" has no cards list to add to` };
  let text: string;
  if (cards.flow) {
    // cards: [a, b] → cards: [a, b, id]
    const at = last ? last.range![1] : cards.range![0] + 1;
    text = `${stacksYaml.slice(0, at)}${last ? ', ' : ''}${id}${stacksYaml.slice(at)}`;
  } else {
    // A new line like the last item's, after that item's line (and any comment on it).
    const start = last!.range![0];
    const lineStart = stacksYaml.lastIndexOf('\n', start - 1) + 1;
    const prefix = stacksYaml.slice(lineStart, start);
    if (!/^\s*-\s+$/.test(prefix)) return { refusal: `content/data/stacks.yaml: stack "${stack}": cannot tell how its cards list is laid out` };
    const lineEnd = stacksYaml.indexOf('\n', last!.range![1]);
    const at = lineEnd < 0 ? stacksYaml.length : lineEnd;
    text = `${stacksYaml.slice(0, at)}\n${prefix}${id}${stacksYaml.slice(at)}`;
  }

  // What was meant is what was written: the stack's cards, then the new id.
  const after = listOf<StackEntry>(parse(text)).find((s) => s.id === stack);
  const before = listOf<StackEntry>(parse(stacksYaml)).find((s) => s.id === stack);
  if (JSON.stringify(after?.cards) !== JSON.stringify([...listOf(before?.cards), id])) {
    return { refusal: `content/data/stacks.yaml: stack "${stack}": could not add "${id}" to its cards list` };
  }
  return { text };
}

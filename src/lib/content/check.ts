/**
 * Checks everything under content/ before a build publishes anything, and reports each problem
 * as file + field + what is wrong. Astro validates front matter but only *logs* a dangling
 * reference (Astro 7), so this is where unknown ids, duplicate ids, impossible dates and card
 * ids that would collide with a route are caught.
 *
 * `checkContent` is pure (text in, problems out) so tests can feed it broken fixtures; the
 * files are read by src/lib/content/loader.ts, once per build.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { checkCharts, loggedRowsProblem } from '../charts/check';
import { hiddenCharacters, hiddenCharactersInData } from './text';
import { fieldPath } from './field-path';
import { checkCardBody, componentsIn, parsedBody, type BodyPoint } from './card-body';
import { checkSourceTiers } from './source-tiers';
import { collectClaims } from './provenance';
import { checkClaims } from './claim-rule';
import { checkCardUpdates } from './card-updates';
import { checkPageData } from './page-data-integrity';
import { idCharacterHint, isReservedId, KEBAB_CASE } from './ids';
import { SOURCE_LANGUAGE, type Language } from './languages';
import { translateModel } from './translations';
import type { Chart } from './schemas/chart';
import {
  cardSchema,
  comparisonSchema,
  figureSchema,
  glossaryTermSchema,
  homeSchema,
  layersSchema,
  personSchema,
  quoteSchema,
  sourceSchema,
  stackSchema,
  timelineEventSchema,
  type Card,
  type Comparison,
  type Figure,
  type GlossaryTerm,
  type Home,
  type Layers,
  type Person,
  type Quote,
  type Source,
  type Stack,
  type TimelineEvent,
} from './schemas';
import { DATA_FILES, type CardRecord, type ContentFiles, type ContentModel, type Problem } from './model';

export { DATA_FILES, formatProblem, type CardRecord, type ContentFiles, type ContentModel, type Problem } from './model';

const CARD_FILE = /^content\/explainers\/([^/]+)\/([^/]+)\.mdx$/;

function parseYamlFile(file: string, text: string, problems: Problem[]): unknown {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    problems.push({ file, field: '(file)', message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
    return undefined;
  }
  for (const h of hiddenCharactersInData(raw)) problems.push({ file, field: fieldPath(h.path) || '(file)', message: h.message });
  return raw;
}

/** Split `---\nfront matter\n---\nbody`. */
export function splitFrontMatter(text: string): { frontMatter?: string; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return m ? { frontMatter: m[1]!, body: m[2]! } : { body: text };
}

/** Validate a list file: each record against its schema, ids unique. */
function parseList<S extends z.ZodType>(
  file: string,
  files: ContentFiles,
  schema: S,
  problems: Problem[],
): z.infer<S>[] {
  const text = files[file];
  if (text === undefined) {
    problems.push({ file, field: '(file)', message: 'is missing' });
    return [];
  }
  const raw = parseYamlFile(file, text, problems);
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ file, field: '(file)', message: 'must be a list of records (each starting with "- id: …")' });
    return [];
  }
  const out: z.infer<S>[] = [];
  const seen = new Map<string, number>();
  raw.forEach((record, i) => {
    const label = record && typeof record === 'object' && 'id' in record ? `[${i}] (id "${String(record.id)}")` : `[${i}]`;
    const result = schema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, field: `${label}${issue.path.length ? `.${fieldPath(issue.path)}` : ''}`, message: issue.message });
      }
      return;
    }
    const id = (result.data as { id: string }).id;
    if (seen.has(id)) {
      problems.push({ file, field: `${label}.id`, message: `duplicate id "${id}" (also record [${seen.get(id)}])` });
      return;
    }
    seen.set(id, i);
    out.push(result.data);
  });
  return out;
}

function parseObject<S extends z.ZodType>(
  file: string,
  files: ContentFiles,
  schema: S,
  problems: Problem[],
): z.infer<S> | undefined {
  const text = files[file];
  if (text === undefined) {
    problems.push({ file, field: '(file)', message: 'is missing' });
    return undefined;
  }
  const raw = parseYamlFile(file, text, problems);
  if (raw === undefined) return undefined;
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ file, field: fieldPath(issue.path) || '(file)', message: issue.message });
    }
    return undefined;
  }
  return result.data;
}

/** Components an author may write, and the collection each one's id must be found in. */
const COMPONENT_TARGETS: Record<string, keyof ContentModel | 'charts' | null> = {
  Cite: 'sources',
  Quote: 'quotes',
  Value: 'figures',
  Chart: 'charts',
  Unknown: null,
  Timeline: null,
  Layers: null,
  Comparison: null,
  Update: null,
};

/** Chart ids are the file names in content/data/charts/. */
export function chartFileIds(files: ContentFiles): Set<string> {
  const ids = new Set<string>();
  for (const file of Object.keys(files)) {
    const m = /^content\/data\/charts\/([^/]+)\.ya?ml$/.exec(file);
    if (m) ids.add(m[1]!);
  }
  return ids;
}

export interface CheckResult {
  problems: Problem[];
  /** The English model, which every other edition translates. */
  model: ContentModel;
  /** Every edition asked for, English included, each a model of the same shape. */
  editions: Partial<Record<Language, ContentModel>>;
}

export interface CheckOptions {
  /** The editions to build (the brand's `languages`); each besides English is checked against it. */
  languages?: readonly Language[];
}

/**
 * Check all content. `chartIds` are the charts that exist (charts live in their own files and
 * are checked by their own module); `<Chart id>` uses are resolved against them.
 */
export function checkContent(files: ContentFiles, chartIds: ReadonlySet<string> = chartFileIds(files), options: CheckOptions = {}): CheckResult {
  const english = checkEnglish(files, chartIds);
  const editions: CheckResult['editions'] = { en: english.model };
  const problems = [...english.problems];
  // A translation is checked against a sound English model only: against a broken one its
  // problems would repeat the English ones.
  for (const lang of options.languages ?? []) {
    if (lang === SOURCE_LANGUAGE || english.problems.length) continue;
    const translated = translateModel(files, english.model, lang);
    problems.push(...translated.problems);
    editions[lang] = translated.model;
  }
  return { problems, model: english.model, editions };
}

function checkEnglish(files: ContentFiles, chartIds: ReadonlySet<string>): Omit<CheckResult, 'editions'> {
  const problems: Problem[] = [];
  const sources = parseList(DATA_FILES.sources, files, sourceSchema, problems);
  const people = parseList(DATA_FILES.people, files, personSchema, problems);
  const quotes = parseList(DATA_FILES.quotes, files, quoteSchema, problems);
  const figures = parseList(DATA_FILES.figures, files, figureSchema, problems);
  const timeline = parseList(DATA_FILES.timeline, files, timelineEventSchema, problems);
  const glossary = parseList(DATA_FILES.glossary, files, glossaryTermSchema, problems);
  const stacks = parseList(DATA_FILES.stacks, files, stackSchema, problems);
  const home = parseObject(DATA_FILES.home, files, homeSchema, problems);
  const comparison = parseObject(DATA_FILES.comparison, files, comparisonSchema, problems);
  const layers = parseObject(DATA_FILES.layers, files, layersSchema, problems);

  const ids = {
    sources: new Set(sources.map((s) => s.id)),
    people: new Set(people.map((p) => p.id)),
    quotes: new Set(quotes.map((q) => q.id)),
    figures: new Set(figures.map((f) => f.id)),
    charts: chartIds,
  };
  const need = (set: keyof typeof ids, value: string | undefined, file: string, field: string) => {
    if (value !== undefined && !ids[set].has(value)) {
      const kind = set === 'people' ? 'person' : set.replace(/s$/, '');
      problems.push({ file, field, message: `unknown ${kind} id "${value}"` });
    }
  };
  const needAll = (set: keyof typeof ids, values: readonly string[], file: string, field: string) =>
    values.forEach((v, i) => need(set, v, file, `${field}[${i}]`));

  const at = (list: { id: string }[], i: number) => `[${i}] (id "${list[i]!.id}")`;
  people.forEach((p, i) => need('sources', p.source, DATA_FILES.people, `${at(people, i)}.source`));
  quotes.forEach((q, i) => {
    need('people', q.speaker, DATA_FILES.quotes, `${at(quotes, i)}.speaker`);
    need('sources', q.source, DATA_FILES.quotes, `${at(quotes, i)}.source`);
    if (q.original) need('sources', q.original.source, DATA_FILES.quotes, `${at(quotes, i)}.original.source`);
  });
  figures.forEach((f, i) => {
    need('sources', f.source, DATA_FILES.figures, `${at(figures, i)}.source`);
    needAll('sources', f.alsoSources, DATA_FILES.figures, `${at(figures, i)}.alsoSources`);
  });
  glossary.forEach((g, i) => need('sources', g.source, DATA_FILES.glossary, `${at(glossary, i)}.source`));
  timeline.forEach((e, i) => needAll('sources', e.sources, DATA_FILES.timeline, `${at(timeline, i)}.sources`));

  if (home) {
    needAll('figures', home.keyNumbers, DATA_FILES.home, 'keyNumbers');
    home.standfirst.sentences.forEach((s, i) => needAll('sources', s.sources, DATA_FILES.home, `standfirst.sentences[${i}].sources`));
    for (const part of ['know', 'dontKnow'] as const) {
      home[part].forEach((s, i) => needAll('sources', s.sources, DATA_FILES.home, `${part}[${i}].sources`));
    }
    // The timeline's "after the article" flag must agree with the article's date.
    timeline.forEach((e, i) => {
      if (e.afterArticle && e.date < home.asOf) {
        problems.push({ file: DATA_FILES.timeline, field: `${at(timeline, i)}.afterArticle`, message: `is true but ${e.date} is before the article (${home.asOf})` });
      }
      if (!e.afterArticle && e.date > home.asOf) {
        problems.push({ file: DATA_FILES.timeline, field: `${at(timeline, i)}.afterArticle`, message: `is false but ${e.date} is after the article (${home.asOf})` });
      }
    });
  }
  if (comparison) {
    need('sources', comparison.treatySource, DATA_FILES.comparison, 'treatySource');
    comparison.rows.forEach((r, i) => {
      needAll('sources', r.article5Sources, DATA_FILES.comparison, `rows[${i}].article5Sources`);
      needAll('sources', r.proposalSources, DATA_FILES.comparison, `rows[${i}].proposalSources`);
    });
  }

  if (layers) {
    layers.layers.forEach((l, i) => needAll('sources', l.sources, DATA_FILES.layers, `layers[${i}].sources`));
    layers.ladder.forEach((l, i) => needAll('sources', l.sources, DATA_FILES.layers, `ladder[${i}].sources`));
  }

  // Charts: one file each in content/data/charts/, checked by their own module (schema, file
  // name = id, source ids). <Chart id> uses below are resolved against `chartIds`.
  const chartCheck = checkCharts(files, ids.sources, home?.asOf, new Map(figures.map((f) => [f.id, f])));
  problems.push(...chartCheck.problems);
  // Issue 19: a chart's rows may not change without an entry in its change log that records them.
  for (const chart of chartCheck.charts) {
    const p = loggedRowsProblem(chart);
    if (p) problems.push({ file: `content/data/charts/${chart.id}.yaml`, ...p });
  }

  // Cards
  const cards: CardRecord[] = [];
  const cardIds = new Map<string, string>();
  /** Card files that exist, valid or not, so an invalid card is not also reported as missing. */
  const cardFiles = new Set<string>();
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    if (!file.startsWith('content/explainers/')) continue;
    const m = CARD_FILE.exec(file);
    if (!m) {
      problems.push({ file, field: '(file)', message: 'cards must be .mdx files at content/explainers/<stack-id>/<card-id>.mdx' });
      continue;
    }
    const [, stack, id] = m as unknown as [string, string, string];
    const idCheck = KEBAB_CASE.test(id);
    if (!idCheck) problems.push({ file, field: '(file name)', message: `card id "${id}" must be kebab-case (a-z, 0-9, hyphens)${idCharacterHint(id)}` });
    if (isReservedId(id)) {
      problems.push({ file, field: '(file name)', message: `card id "${id}" is reserved for a route` });
    }
    if (cardIds.has(id)) {
      problems.push({ file, field: '(file name)', message: `duplicate card id "${id}" (also ${cardIds.get(id)}); card ids are unique across stacks` });
    }
    cardIds.set(id, file);
    cardFiles.add(`${stack}/${id}`);
    const { frontMatter, body } = splitFrontMatter(text);
    if (frontMatter === undefined) {
      problems.push({ file, field: '(front matter)', message: 'is missing: a card starts with --- front matter ---' });
      continue;
    }
    const parsed = parsedBody(body);
    // Body lines count from the file's first line, so an editor's "line 12" is the file's line 12.
    const offset = text.slice(0, text.length - body.length).split('\n').length - 1;
    const where = (p: BodyPoint) => `line ${p.line + offset}, column ${p.column}`;
    if ('error' in parsed) {
      problems.push({ file, field: `(body, ${where(parsed.error)})`, message: parsed.error.message });
    }
    const tree = 'tree' in parsed ? parsed.tree : undefined;
    for (const h of hiddenCharacters(body)) {
      problems.push({ file, field: `(body, ${where(h)})`, message: `contains an invisible ${h.name}; delete it (it makes readers see something other than what the file says)` });
    }
    if (tree) for (const p of checkCardBody(tree)) problems.push({ file, field: `(body, ${where(p)})`, message: p.message });
    const raw = parseYamlFile(file, frontMatter, problems);
    // Front matter that is not YAML has been reported; its fields would only repeat that.
    if (raw === undefined) continue;
    const result = cardSchema.safeParse(raw ?? {});
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, field: fieldPath(issue.path) || '(front matter)', message: issue.message });
      }
      continue;
    }
    const data = result.data;
    needAll('sources', data.sources, file, 'sources');
    data.changes.forEach((c, i) => {
      needAll('sources', c.sources, file, `changes[${i}].sources`);
      if (c.rows !== undefined) problems.push({ file, field: `changes[${i}].rows`, message: "is a chart's row fingerprint; a card's change log does not record one" });
      if (c.date > data.updated) {
        problems.push({ file, field: 'updated', message: `is ${data.updated} but changes[${i}] is dated ${c.date}; updated must be the latest change` });
      }
    });
    if (data.updated < data.published) {
      problems.push({ file, field: 'updated', message: `(${data.updated}) is before published (${data.published})` });
    }
    for (const use of tree ? componentsIn(tree) : []) {
      const target = COMPONENT_TARGETS[use.component];
      if (!target || use.id === undefined) continue;
      const field = `<${use.component} id="${use.id}"> (${where(use)})`;
      need(target as keyof typeof ids, use.id, file, field);
      if (use.component === 'Cite' && ids.sources.has(use.id) && !data.sources.includes(use.id)) {
        problems.push({ file, field, message: `cites "${use.id}", which is not in the card's sources list` });
      }
    }
    cards.push({ path: `${stack}/${id}`, file, stack, id, data, body, bodyLine: offset + 1 });
  }

  // Stacks and the cards they list
  const stackIds = new Set(stacks.map((s) => s.id));
  stacks.forEach((s, i) => {
    const field = `${at(stacks, i)}`;
    if (isReservedId(s.id)) {
      problems.push({ file: DATA_FILES.stacks, field: `${field}.id`, message: `"${s.id}" is reserved for a route` });
    }
    s.cards.forEach((c, j) => {
      if (!cardFiles.has(`${s.id}/${c}`)) {
        problems.push({ file: DATA_FILES.stacks, field: `${field}.cards[${j}]`, message: `no card file content/explainers/${s.id}/${c}.mdx` });
      }
      if (s.cards.indexOf(c) !== j) {
        problems.push({ file: DATA_FILES.stacks, field: `${field}.cards[${j}]`, message: `"${c}" is listed twice` });
      }
      if (stackIds.has(c)) {
        problems.push({ file: DATA_FILES.stacks, field: `${field}.cards[${j}]`, message: `card id "${c}" collides with the stack id "${c}"` });
      }
    });
  });
  for (const card of cards) {
    const stack = stacks.find((s) => s.id === card.stack);
    if (!stack) {
      problems.push({ file: card.file, field: '(folder)', message: `stack "${card.stack}" is not in ${DATA_FILES.stacks}` });
    } else if (!stack.cards.includes(card.id)) {
      problems.push({ file: card.file, field: '(file name)', message: `card "${card.id}" is not listed in stack "${card.stack}" in ${DATA_FILES.stacks}` });
    }
  }

  // Standards (issue 11): tiers of the sources behind figures, quotes and chart rows; dated updates in cards.
  problems.push(...checkSourceTiers({ sources, figures, quotes, charts: chartCheck.charts, files: { figures: DATA_FILES.figures, quotes: DATA_FILES.quotes, chart: (id) => `content/data/charts/${id}.yaml` } }));
  // Issue 19: every claim a reader sees (card sentences that cite, deks, the home page, "In brief",
  // the Article 5 comparison, the layers, the timeline, glossary, people, chart notes, change-log entries) needs a source that is not a
  // relay by effective tier, unless its text says whose reporting it is and it is not presented as
  // known. The claims are the provenance report's, read from the same MDX trees as above.
  const claims = collectClaims({ cards, figures, quotes, timeline, glossary, people, stacks, home, comparison, layers, charts: chartCheck.charts });
  problems.push(...checkClaims(claims, sources));
  problems.push(...checkCardUpdates(cards, home?.asOf ?? '2025-12-18'));
  // Home threads, stack leads and "in brief", Article 5 verdicts: their own module.
  problems.push(...checkPageData({ home, comparison, stacks, cards, timeline, sourceIds: ids.sources, chartIds: ids.charts, files: DATA_FILES }));

  return { problems, model: { sources, people, quotes, figures, timeline, glossary, stacks, home, comparison, layers, cards, charts: chartCheck.charts, claims } };
}

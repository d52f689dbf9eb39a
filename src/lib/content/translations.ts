/**
 * A second edition of the content model (the Ukrainian one, under content/uk/): text only,
 * checked against the English model it translates, and merged into a model of the same shape,
 * so every page, chart and feed reads an edition the way it reads English.
 *
 * Numbers, dates, ids, sources, chart rows and map values are the English records' own: a
 * translation file that repeats one is refused, not merged, so the two editions cannot drift
 * apart. What the check refuses, with the file and the field: a missing file, record, field or
 * change-log entry; a field that is not text; a card citing other sources or showing other
 * figures, quotes or charts than its English counterpart; a wrong apostrophe or quotation mark;
 * a variant the term list refuses; a Ukrainian text for words spoken in Ukrainian (that would be
 * a back-translation: the speaker's own words come from `original`).
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'astro/zod';
import { checkCardBody, componentsIn, parsedBody, textIn, type BodyPoint } from './card-body';
import { fieldPath } from './field-path';
import { hiddenCharacters, hiddenCharactersInData } from './text';
import type { CardRecord, ContentFiles, ContentModel, Problem } from './model';
import type { Chart } from './schemas/chart';
import type { Quote } from './schemas/quotes';

import { SOURCE_LANGUAGE, type Language } from './languages';
import { FILES, OPTIONAL_FIELDS, TEXT_FIELDS, type Kind } from './translatable';
import { englishUnits, readStamps, unitsBehind } from './translation-stamps';
import { normaliseApostrophes } from '../apostrophes';

export { LANGUAGES, SOURCE_LANGUAGE, isLanguage, type Language } from './languages';

/** How a quote appears in an edition: the speaker's own words, a translation, or English kept as English. */
export type QuoteShown =
  | { as: 'original' }
  | { as: 'translation'; english: string }
  | { as: 'english'; reason: 'no-original' };
export type EditionQuote = Quote & { shown?: QuoteShown };

export const translationRoot = (lang: Language) => `content/${lang}`;
export const translatedCardFile = (lang: Language, card: Pick<CardRecord, 'stack' | 'id'>) =>
  `${translationRoot(lang)}/explainers/${card.stack}/${card.id}.mdx`;
export const termsFile = (lang: Language) => `${translationRoot(lang)}/terms.yaml`;

const termSchema = z.strictObject({
  en: z.string().trim().min(1),
  uk: z.string().trim().min(1),
  avoid: z.array(z.string().trim().min(1)).default([]),
});
export type Term = z.infer<typeof termSchema>;

const cardTextSchema = z.strictObject({
  title: z.string().trim().min(1).refine((t) => t.endsWith('?'), { error: 'must be a question ending in "?"' }),
  dek: z.string().trim().min(1),
  changes: z.array(z.strictObject({ date: z.string(), text: z.string().trim().min(1) })).default([]),
});

const CYRILLIC = '\\p{Script=Cyrillic}';
const WRONG_APOSTROPHE = new RegExp(`${CYRILLIC}(['\\u02BC\\u2018\`])${CYRILLIC}`, 'u');
/** Apostrophes and quotation marks Ukrainian text does not use (« » outside, „ “ inside). */
const WRONG_QUOTES = /["\u201D]/;

/** Problems with the typography and terms of one piece of translated text. */
export function styleProblems(text: string, terms: readonly Term[]): string[] {
  const out: string[] = [];
  const apostrophe = WRONG_APOSTROPHE.exec(text);
  if (apostrophe) {
    const code = apostrophe[1]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    out.push(`uses ${apostrophe[1]} (U+${code}) as an apostrophe in "${apostrophe[0]}"; Ukrainian text uses ’ (U+2019)`);
  }
  const quote = WRONG_QUOTES.exec(text);
  if (quote) out.push(`uses ${quote[0]} as a quotation mark; Ukrainian text uses « » (and „ “ inside them)`);
  const lower = normaliseApostrophes(text.toLowerCase());
  for (const term of terms) {
    for (const variant of term.avoid) {
      if (lower.includes(normaliseApostrophes(variant.toLowerCase()))) {
        out.push(`uses "${variant}"; the term list (content/uk/terms.yaml) says «${term.uk}» for "${term.en}"`);
      }
    }
  }
  return out;
}

/** The three apostrophes a Ukrainian text may carry, as one (search and comparisons): src/lib/apostrophes.ts. */
export { normaliseApostrophes };

type Json = unknown;
const isRecord = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasIds = (list: Json[]) => list.length > 0 && list.every((x) => isRecord(x) && typeof x.id === 'string');

interface OverlayContext {
  file: string;
  fields: readonly string[];
  /** Text fields a translation may leave out (the English text is kept). */
  optional?: readonly string[];
  terms: readonly Term[];
  problems: Problem[];
}

/**
 * The English value `en` with the translated text of `tr` in place of its text fields. Reports
 * whatever `tr` lacks or adds. Lists of records with ids are matched by id, other lists by
 * position; a change log is matched by position among its entries that have text, date by date.
 */
function overlay(en: Json, tr: Json, path: (string | number)[], ctx: OverlayContext): Json {
  const field = () => fieldPath(path) || '(file)';
  const problem = (message: string, at = field()) => ctx.problems.push({ file: ctx.file, field: at, message });
  if (Array.isArray(en)) {
    if (!hasText(en, ctx.fields)) return en;
    if (!Array.isArray(tr)) {
      problem(tr === undefined ? 'has no translation' : 'must be a list, as in the English file');
      return en;
    }
    if (path.at(-1) === 'changes') return overlayChanges(en, tr, path, ctx);
    if (hasIds(en)) {
      const byId = new Map<string, Json>();
      tr.forEach((x, i) => {
        const id = isRecord(x) && typeof x.id === 'string' ? x.id : undefined;
        if (!id) problem('needs the id of the English record it translates', fieldPath([...path, i]));
        else if (!en.some((e) => (e as { id: string }).id === id)) problem(`id "${id}" is not in the English file`, fieldPath([...path, i]));
        else byId.set(id, x);
      });
      return en.map((e, i) => {
        const id = (e as { id: string }).id;
        if (!byId.has(id) && hasText(e, ctx.fields)) {
          problem('has no translation', `${fieldPath([...path, i])} (id "${id}")`);
          return e;
        }
        return overlay(e, byId.get(id), [...path, i], ctx);
      });
    }
    if (tr.length !== en.length) problem(`has ${tr.length} entries; the English file has ${en.length}, matched by position`);
    return en.map((e, i) => overlay(e, tr[i], [...path, i], ctx));
  }
  if (isRecord(en)) {
    if (tr === undefined || tr === null) {
      if (hasText(en, ctx.fields)) problem('has no translation');
      return en;
    }
    if (!isRecord(tr)) {
      problem('must be a set of fields, as in the English file');
      return en;
    }
    const out: Record<string, Json> = { ...en };
    for (const [key, value] of Object.entries(tr)) {
      const here = fieldPath([...path, key]);
      if (key === 'id') continue;
      if (!(key in en)) problem('is not a field of the English record', here);
      else if (typeof en[key] === 'string' && (ctx.fields.includes(key) || ctx.optional?.includes(key))) {
        if (typeof value !== 'string' || !value.trim()) problem('must be the translated text', here);
        else {
          out[key] = value.trim();
          for (const message of styleProblems(value, ctx.terms)) problem(message, here);
        }
      } else if (typeof en[key] === 'object' && en[key] !== null && hasText(en[key], [...ctx.fields, ...(ctx.optional ?? [])])) {
        out[key] = overlay(en[key], value, [...path, key], ctx);
      } else {
        problem(`is shared with the English edition (${describe(en[key])}); remove it from the translation`, here);
      }
    }
    for (const [key, value] of Object.entries(en)) {
      if (key in tr) continue;
      if (typeof value === 'string' && ctx.fields.includes(key)) problem('has no translation', fieldPath([...path, key]));
      else if (typeof value === 'object' && value !== null && hasText(value, ctx.fields)) problem('has no translation', fieldPath([...path, key]));
    }
    return out;
  }
  return en;
}

function overlayChanges(en: Json[], tr: Json[], path: (string | number)[], ctx: OverlayContext): Json[] {
  const withText = en.map((e, i) => ({ e: e as { date: string; text?: string }, i })).filter(({ e }) => e.text);
  const problem = (message: string, at: string) => ctx.problems.push({ file: ctx.file, field: at, message });
  if (tr.length !== withText.length) {
    problem(`has ${tr.length} entries; the English change log has ${withText.length} with text, matched in order`, fieldPath(path));
  }
  const out = [...en];
  withText.forEach(({ e, i }, k) => {
    const t = tr[k];
    const at = fieldPath([...path, k]);
    if (!isRecord(t)) {
      problem(`has no translation of the English entry of ${e.date}`, at);
      return;
    }
    if (t.date !== e.date) problem(`is dated ${String(t.date)}; the English entry in this place is dated ${e.date}`, `${at}.date`);
    for (const key of Object.keys(t)) if (key !== 'date' && key !== 'text') problem('is shared with the English edition; a translated change has only date and text', `${at}.${key}`);
    if (typeof t.text !== 'string' || !t.text.trim()) problem('has no translation', `${at}.text`);
    else {
      out[i] = { ...e, text: t.text.trim() };
      for (const message of styleProblems(t.text, ctx.terms)) problem(message, `${at}.text`);
    }
  });
  return out;
}

const describe = (v: Json) => (Array.isArray(v) ? 'a list' : typeof v === 'string' ? 'not text to translate' : typeof v);

/** Whether a value holds any text field to translate. */
function hasText(value: Json, fields: readonly string[]): boolean {
  if (Array.isArray(value)) return value.some((v) => hasText(v, fields));
  if (!isRecord(value)) return false;
  return Object.entries(value).some(([k, v]) => (typeof v === 'string' && fields.includes(k)) || (typeof v === 'object' && v !== null && hasText(v, fields)));
}

function readYaml(files: ContentFiles, file: string, problems: Problem[]): Json | undefined {
  const text = files[file];
  if (text === undefined) return undefined;
  try {
    const raw = parseYaml(text) as Json;
    for (const h of hiddenCharactersInData(raw)) problems.push({ file, field: fieldPath(h.path) || '(file)', message: h.message });
    return raw ?? {};
  } catch (e) {
    problems.push({ file, field: '(file)', message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

/** Components whose ids an edition must share with English, and how a use is named. */
const SHARED_USES: Record<string, (use: { id?: string; props: Record<string, string | true> }) => string | undefined> = {
  Cite: (u) => u.id && `cites "${u.id}"`,
  Value: (u) => u.id && `shows the figure "${u.id}"`,
  Quote: (u) => u.id && `quotes "${u.id}"`,
  Chart: (u) => u.id && `shows the chart "${u.id}"`,
  Update: (u) => typeof u.props.date === 'string' ? `has the update of ${u.props.date}` : undefined,
};

function sharedUses(body: string): Set<string> | undefined {
  const parsed = parsedBody(body);
  if (!('tree' in parsed)) return undefined;
  const out = new Set<string>();
  for (const use of componentsIn(parsed.tree)) {
    const name = SHARED_USES[use.component]?.(use);
    if (name) out.add(name);
  }
  return out;
}

function splitFrontMatter(text: string): { frontMatter?: string; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  return m ? { frontMatter: m[1]!, body: m[2]! } : { body: text };
}

function translateCard(card: CardRecord, files: ContentFiles, lang: Language, terms: readonly Term[], problems: Problem[]): CardRecord | undefined {
  const file = translatedCardFile(lang, card);
  const text = files[file];
  if (text === undefined) {
    problems.push({ file, field: '(file)', message: `is missing: ${card.file} has no translation` });
    return undefined;
  }
  const { frontMatter, body } = splitFrontMatter(text);
  if (frontMatter === undefined) {
    problems.push({ file, field: '(front matter)', message: 'is missing: a card starts with --- front matter --- (title, dek, changes)' });
    return undefined;
  }
  const offset = text.slice(0, text.length - body.length).split('\n').length - 1;
  const where = (p: BodyPoint) => `(body, line ${p.line + offset}, column ${p.column})`;
  const before = problems.length;
  let raw: Json;
  try {
    raw = parseYaml(frontMatter) ?? {};
  } catch (e) {
    problems.push({ file, field: '(front matter)', message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
    return undefined;
  }
  for (const h of hiddenCharactersInData(raw)) problems.push({ file, field: fieldPath(h.path) || '(front matter)', message: h.message });
  if (isRecord(raw)) {
    for (const key of Object.keys(raw)) {
      if (key in card.data && !['title', 'dek', 'changes'].includes(key)) {
        problems.push({ file, field: key, message: `is shared with the English card (${card.file}); remove it from the translation` });
        delete raw[key];
      }
    }
  }
  const parsedText = cardTextSchema.safeParse(raw);
  if (!parsedText.success) {
    for (const issue of parsedText.error.issues) problems.push({ file, field: fieldPath(issue.path) || '(front matter)', message: issue.message });
    return undefined;
  }
  const ctx: OverlayContext = { file, fields: ['text'], terms, problems };
  const changes = overlayChanges(card.data.changes, parsedText.data.changes, ['changes'], ctx) as CardRecord['data']['changes'];
  for (const key of ['title', 'dek'] as const) {
    for (const message of styleProblems(parsedText.data[key], terms)) problems.push({ file, field: key, message });
  }

  const parsed = parsedBody(body);
  if ('error' in parsed) problems.push({ file, field: where(parsed.error), message: parsed.error.message });
  else {
    for (const p of checkCardBody(parsed.tree)) problems.push({ file, field: where(p), message: p.message });
    for (const node of textIn(parsed.tree)) {
      for (const message of styleProblems(node.value, terms)) problems.push({ file, field: where(node), message });
    }
  }
  for (const h of hiddenCharacters(body)) problems.push({ file, field: where(h), message: `contains an invisible ${h.name}; delete it` });

  const english = sharedUses(card.body);
  const translated = sharedUses(body);
  if (english && translated) {
    for (const use of english) if (!translated.has(use)) problems.push({ file, field: '(body)', message: `the English card ${use}; this translation does not` });
    for (const use of translated) if (!english.has(use)) problems.push({ file, field: '(body)', message: `${use}; the English card (${card.file}) does not` });
  }
  if (problems.length > before) return undefined;
  return {
    ...card,
    file,
    body,
    bodyLine: offset + 1,
    data: { ...card.data, title: parsedText.data.title, dek: parsedText.data.dek, changes },
  };
}

/** Quotes as an edition shows them: the speaker's own words where they spoke its language. */
function translateQuotes(english: Quote[], translated: Json, lang: Language, file: string, terms: readonly Term[], problems: Problem[]): Quote[] {
  const byId = new Map<string, Record<string, Json>>();
  if (Array.isArray(translated)) for (const t of translated) if (isRecord(t) && typeof t.id === 'string') byId.set(t.id, t);
  return english.map((q, i) => {
    const t = byId.get(q.id);
    const at = `[${i}] (id "${q.id}").text`;
    if (q.spoken === lang) {
      if (t && 'text' in t) {
        problems.push({ file, field: at, message: `the words were spoken in this language: print the speaker's own words (original, in content/data/quotes.yaml), never a translation back from English` });
      }
      if (q.original) return { ...q, text: q.original.text, source: q.original.source, shown: { as: 'original' } } satisfies EditionQuote;
      return { ...q, shown: { as: 'english', reason: 'no-original' } } satisfies EditionQuote;
    }
    if (!t || typeof t.text !== 'string' || !t.text.trim()) {
      problems.push({ file, field: at, message: 'has no translation' });
      return q;
    }
    return { ...q, text: t.text.trim(), shown: { as: 'translation', english: q.text } } satisfies EditionQuote;
  });
}

export interface TranslationResult {
  problems: Problem[];
  model: ContentModel;
}

/** Check the `lang` edition of `english` and merge it into a model of the same shape. */
export function translateModel(files: ContentFiles, english: ContentModel, lang: Language): TranslationResult {
  const problems: Problem[] = [];
  const root = translationRoot(lang);
  const termsRaw = readYaml(files, termsFile(lang), problems);
  let terms: Term[] = [];
  if (termsRaw === undefined && files[termsFile(lang)] === undefined) {
    problems.push({ file: termsFile(lang), field: '(file)', message: 'is missing: the edition needs its term list' });
  } else if (termsRaw !== undefined) {
    const parsed = z.array(termSchema).safeParse(termsRaw);
    if (parsed.success) terms = parsed.data;
    else for (const issue of parsed.error.issues) problems.push({ file: termsFile(lang), field: fieldPath(issue.path) || '(file)', message: issue.message });
  }

  const part = <T>(kind: Exclude<Kind, 'chart'>, value: T): T => {
    if (value === undefined) return value;
    const file = `${root}/data/${FILES[kind]}`;
    if (kind === 'quotes') return value;
    if (!hasText(value, TEXT_FIELDS[kind])) return value;
    const raw = readYaml(files, file, problems);
    if (raw === undefined) {
      if (files[file] === undefined) problems.push({ file, field: '(file)', message: `is missing: content/data/${FILES[kind]} has no translation` });
      return value;
    }
    return overlay(value, raw, [], { file, fields: TEXT_FIELDS[kind], optional: OPTIONAL_FIELDS[kind], terms, problems }) as T;
  };

  const quotesFile = `${root}/data/${FILES.quotes}`;
  const quotesRaw = readYaml(files, quotesFile, problems);
  if (quotesRaw === undefined && files[quotesFile] === undefined && english.quotes.length) {
    problems.push({ file: quotesFile, field: '(file)', message: 'is missing: content/data/quotes.yaml has no translation' });
  }
  // location, context and whose translation it is (translatedBy) are plain text fields; text
  // follows the quote rules above.
  const quotesBase = quotesRaw === undefined ? english.quotes : (overlay(english.quotes, stripQuoteText(quotesRaw), [], { file: quotesFile, fields: ['location', 'context', 'translatedBy'], terms, problems }) as Quote[]);
  const quotes = translateQuotes(quotesBase, quotesRaw, lang, quotesFile, terms, problems);
  for (const [i, q] of quotes.entries()) {
    if ((q as EditionQuote).shown?.as === 'translation') for (const message of styleProblems(q.text, terms)) problems.push({ file: quotesFile, field: `[${i}] (id "${q.id}").text`, message });
  }

  // A chart is checked against its file as written: a row that names a figure takes its note
  // from the figure (charts/check.ts), so that note is translated once, in figures.yaml.
  const figures = part('figures', english.figures);
  const figureById = new Map(figures.map((f) => [f.id, f]));
  const charts = english.charts.map((chart) => {
    const file = `${root}/data/charts/${chart.id}.yaml`;
    const raw = readYaml(files, file, problems);
    if (raw === undefined) {
      if (files[file] === undefined) problems.push({ file, field: '(file)', message: `is missing: content/data/charts/${chart.id}.yaml has no translation` });
      return chart;
    }
    const written = parseYaml(files[`content/data/charts/${chart.id}.yaml`] ?? '') as Json;
    const merged = overlay(written, raw, [], { file, fields: TEXT_FIELDS.chart, terms, problems });
    const translated = applyText(chart, merged, TEXT_FIELDS.chart) as Chart;
    return {
      ...translated,
      rows: translated.rows.map((row, i) => {
        const own = isRecord(written) && Array.isArray(written.rows) && isRecord(written.rows[i]) && 'note' in written.rows[i];
        return row.figure && !own ? { ...row, note: figureById.get(row.figure)?.note ?? row.note } : row;
      }),
    };
  });

  const cards = english.cards.map((card) => translateCard(card, files, lang, terms, problems) ?? card);
  const known = new Set(english.cards.map((c) => translatedCardFile(lang, c)));
  for (const file of Object.keys(files)) {
    if (file.startsWith(`${root}/explainers/`) && !known.has(file)) {
      problems.push({ file, field: '(file)', message: 'translates no English card (its English file would be ' + file.replace(`${root}/`, 'content/') + ')' });
    }
  }

  const model: ContentModel = {
    sources: part('sources', english.sources),
    people: part('people', english.people),
    quotes,
    figures,
    timeline: part('timeline', english.timeline),
    glossary: part('glossary', english.glossary),
    stacks: part('stacks', english.stacks),
    home: part('home', english.home),
    comparison: part('comparison', english.comparison),
    layers: part('layers', english.layers),
    cards,
    charts,
    // Which English texts changed since they were translated: a warning and a notice, not a refusal.
    behind: unitsBehind(englishUnits(files, english, lang), readStamps(files, lang, problems)),
  };
  return { problems, model };
}

/** `target` with the text fields of `text` (the same shape, lists by position) in place. */
function applyText(target: Json, text: Json, fields: readonly string[]): Json {
  if (Array.isArray(target)) return Array.isArray(text) ? target.map((t, i) => applyText(t, text[i], fields)) : target;
  if (!isRecord(target) || !isRecord(text)) return target;
  const out: Record<string, Json> = { ...target };
  for (const [key, value] of Object.entries(target)) {
    if (typeof value === 'string' && fields.includes(key) && typeof text[key] === 'string') out[key] = text[key];
    else if (typeof value === 'object' && value !== null) out[key] = applyText(value, text[key], fields);
  }
  return out;
}

/** A quotes translation without its `text` fields, which translateQuotes reads by its own rules. */
function stripQuoteText(raw: Json): Json {
  if (!Array.isArray(raw)) return raw;
  return raw.map((q) => {
    if (!isRecord(q)) return q;
    const { text: _text, ...rest } = q;
    return rest;
  });
}

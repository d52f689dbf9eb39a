/**
 * Which English each translation was made from, so an edition never silently lags behind a
 * corrected English text.
 *
 * Every English text an edition translates (a card's title, dek, body and change-log entries; the
 * text fields of every data file and chart, translatable.ts) is a unit, named by its English file
 * and its field (`(id "zelenskyy-document-ready").event`, `changes[3].text`, `body`). The edition's
 * `translated-from.yaml` (content/uk/translated-from.yaml) records the fingerprint of each unit's
 * English as it was when the translation was last made or checked. When the English changes, its
 * fingerprint no longer matches, and the unit's translation is *behind*: the content check lists
 * it (file and field, a warning, not a refusal, so an urgent English correction is never held up
 * by its translation) and the edition's card or chart says so to its readers, with a link to the
 * English, until a translator updates the text and records it (`npm run translations:stamp`).
 *
 * Pure: the files and the English model in, units, stamps and the units behind out.
 */
import { parse as parseYaml, stringify } from 'yaml';
import { fingerprint, FINGERPRINT } from '../hash';
import type { Language } from './languages';
import type { BehindUnit, ContentFiles, ContentModel, Problem } from './model';

export type { BehindUnit } from './model';
import { FILES, TEXT_FIELDS } from './translatable';

/** One English text an edition translates. */
export interface EnglishUnit {
  /** The English file, as content/… */
  english: string;
  /** The edition's file that translates it. */
  translation: string;
  /** Where in the file: `(id "x").event`, `rows (id "speed").verdict.reason`, `changes[3].text`, `body`. */
  field: string;
  text: string;
}

export const stampsFile = (lang: Language) => `content/${lang}/translated-from.yaml`;

type Json = unknown;
const isRecord = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The units of one parsed file: every string under a text field, named by its path. */
function walk(value: Json, fields: readonly string[], path: string, out: [string, string][]) {
  const join = (key: string) => (path ? `${path}.${key}` : key);
  if (Array.isArray(value)) {
    const ids = value.length > 0 && value.every((v) => isRecord(v) && typeof v.id === 'string');
    value.forEach((v, i) => walk(v, fields, ids ? `${path}${path ? ' ' : ''}(id "${(v as { id: string }).id}")` : `${path}[${i}]`, out));
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'changes' && Array.isArray(v)) {
      // Matched among the entries with text, as the translation check matches them.
      v.filter((c) => isRecord(c) && typeof c.text === 'string').forEach((c, k) => out.push([`${join('changes')}[${k}].text`, (c as { text: string }).text]));
    } else if (typeof v === 'string' && fields.includes(key)) out.push([join(key), v]);
    else if (typeof v === 'object' && v !== null) walk(v, fields, join(key), out);
  }
}

const readYaml = (files: ContentFiles, file: string): Json => {
  try {
    return parseYaml(files[file] ?? '');
  } catch {
    return undefined; // the content check reports it
  }
};

/** Every English text the `lang` edition translates, in the order an editor reads the files. */
export function englishUnits(files: ContentFiles, english: ContentModel, lang: Language): EnglishUnit[] {
  const root = `content/${lang}`;
  const units: EnglishUnit[] = [];
  const add = (englishFile: string, translation: string, pairs: [string, string][]) => {
    for (const [field, text] of pairs) if (text.trim()) units.push({ english: englishFile, translation, field, text: text.trim() });
  };
  for (const card of english.cards) {
    const pairs: [string, string][] = [
      ['title', card.data.title],
      ['dek', card.data.dek],
      ['body', card.body],
    ];
    card.data.changes.filter((c) => c.text).forEach((c, k) => pairs.push([`changes[${k}].text`, c.text]));
    add(card.file, `${root}/explainers/${card.stack}/${card.id}.mdx`, pairs);
  }
  for (const [kind, name] of Object.entries(FILES) as [keyof typeof FILES, string][]) {
    const file = `content/data/${name}`;
    if (files[file] === undefined) continue;
    const pairs: [string, string][] = [];
    walk(readYaml(files, file), TEXT_FIELDS[kind], '', pairs);
    add(file, `${root}/data/${name}`, pairs);
  }
  for (const chart of english.charts) {
    const file = `content/data/charts/${chart.id}.yaml`;
    const pairs: [string, string][] = [];
    walk(readYaml(files, file), TEXT_FIELDS.chart, '', pairs);
    add(file, `${root}/data/charts/${chart.id}.yaml`, pairs);
  }
  return units;
}

export type Stamps = Record<string, Record<string, string>>;

/** The edition's recorded fingerprints; a malformed file is a problem, named like any other. */
export function readStamps(files: ContentFiles, lang: Language, problems: Problem[]): Stamps {
  const file = stampsFile(lang);
  const text = files[file];
  if (text === undefined) return {};
  let raw: Json;
  try {
    raw = parseYaml(text) ?? {};
  } catch (e) {
    problems.push({ file, field: '(file)', message: `is not valid YAML: ${(e as Error).message.split('\n')[0]}` });
    return {};
  }
  if (!isRecord(raw)) {
    problems.push({ file, field: '(file)', message: 'must map each English file to its fields and fingerprints (written by npm run translations:stamp)' });
    return {};
  }
  const stamps: Stamps = {};
  for (const [english, fields] of Object.entries(raw)) {
    if (!isRecord(fields)) {
      problems.push({ file, field: english, message: 'must map fields to fingerprints (written by npm run translations:stamp)' });
      continue;
    }
    stamps[english] = {};
    for (const [field, value] of Object.entries(fields)) {
      if (typeof value !== 'string' || !FINGERPRINT.test(value)) problems.push({ file, field: `${english}: ${field}`, message: 'must be a fingerprint of eight hex digits (written by npm run translations:stamp)' });
      else stamps[english][field] = value;
    }
  }
  return stamps;
}

/** The units whose translation is behind their English. */
export function unitsBehind(units: readonly EnglishUnit[], stamps: Stamps): BehindUnit[] {
  const out: BehindUnit[] = [];
  for (const u of units) {
    const recorded = stamps[u.english]?.[u.field];
    if (recorded === fingerprint(u.text)) continue;
    out.push({ english: u.english, translation: u.translation, field: u.field, why: recorded === undefined ? 'new' : 'changed' });
  }
  return out;
}

/**
 * The stamps file after recording the current English of `only` (English files; all when
 * omitted): what a translator runs once the translations of those files are up to date. The
 * fingerprints of other files are kept as they were; those of texts that no longer exist go.
 */
export function stampedText(units: readonly EnglishUnit[], previous: Stamps, only?: ReadonlySet<string>): string {
  const next: Stamps = {};
  for (const u of units) {
    const keep = only && !only.has(u.english);
    const value = keep ? previous[u.english]?.[u.field] : fingerprint(u.text);
    if (value === undefined) continue;
    (next[u.english] ??= {})[u.field] = value;
  }
  const header = [
    '# Which English each translation of this edition was made from: for every English text it',
    '# translates, the fingerprint of that text when its translation was last made or checked.',
    '# Written by `npm run translations:stamp` (docs/translating.md); do not edit by hand. A text',
    '# whose English has changed since is listed by `npm run check:content` and marked on the site.',
    '',
  ].join('\n');
  return header + stringify(next, { lineWidth: 0 });
}

/** One line for the check's output: what to re-translate. */
export function behindLine(b: BehindUnit): string {
  const what = b.why === 'new' ? `has no record of the English it translates (in ${b.english})` : `was translated from an older English text (${b.english} changed)`;
  return `${b.translation}: ${b.field}: ${what}; update the translation, then run npm run translations:stamp -- ${b.english}`;
}

/** The warning for an edition's texts that are behind, at most `limit` lines of them; '' when none. */
export function behindReport(lang: Language, behind: readonly BehindUnit[], limit = 20): string {
  if (!behind.length) return '';
  const lines = behind.slice(0, limit).map((b) => `  ${behindLine(b)}`);
  if (behind.length > limit) lines.push(`  … and ${behind.length - limit} more`);
  const cards = new Set(behind.filter((b) => b.english.startsWith('content/explainers/')).map((b) => b.english)).size;
  return [`The ${lang} edition is behind its English in ${behind.length} text(s) (${cards} card(s) say so to readers):`, ...lines].join('\n');
}

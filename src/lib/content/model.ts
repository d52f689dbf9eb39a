/**
 * The content model's shapes: the records the check produces (ContentModel), the files it reads
 * (ContentFiles, DATA_FILES) and the problems it reports. Kept apart from the check so that the
 * modules the check calls (source tiers, card updates) can name a Problem without importing the
 * check itself: src/lib/content/ has no import circle (tests/unit/lib/import-cycles.test.ts).
 */
import type { Chart } from './schemas/chart';
import type { Card, Comparison, Figure, GlossaryTerm, Home, Layers, Person, Quote, Source, Stack, TimelineEvent } from './schemas';

export interface Problem {
  file: string;
  field: string;
  message: string;
}

/** One thing the site asserts, where it is, and the sources it rests on. */
export interface Claim {
  /** The content file, e.g. 'content/explainers/frozen-assets/belgium-objections.mdx'. */
  file: string;
  /** Where in the file: 'dek', 'line 14', 'know[2]', 'rows[1] "Japan"'… */
  where: string;
  /** The claim's words (or a short description of it), on one line. */
  text: string;
  /** Source ids, each once, in order. */
  sources: string[];
  /**
   * The field the content check names in a problem ('dek', 'know[2].sources', '(body, line 14)'),
   * for the claims the claim rule holds; figures and chart rows have their own record rule.
   */
  field?: string;
  /**
   * Presented as known: a card's dek, a "What we know" item, a key number, the home page's
   * standfirst. Such a claim may not rest on relays alone even when it names them.
   */
  known?: 'dek' | 'know' | 'keyNumber' | 'standfirst';
  /** The words a reader sees, in full, where the claim may say whose reporting it is. */
  words?: string;
  /** A change-log entry: it speaks of our sources, so naming the relay attributes it. */
  about?: 'change';
}

export const formatProblem = (p: Problem) => `${p.file}: ${p.field}: ${p.message}`;

/** Paths are relative to the project root and use '/'. */
export type ContentFiles = Record<string, string>;

export interface CardRecord {
  /** 'security-guarantees/european-force' */
  path: string;
  file: string;
  stack: string;
  id: string;
  data: Card;
  body: string;
  /** The file's line on which the body starts, so problems name the file's own lines. */
  bodyLine: number;
}

export interface ContentModel {
  sources: Source[];
  people: Person[];
  quotes: Quote[];
  figures: Figure[];
  timeline: TimelineEvent[];
  glossary: GlossaryTerm[];
  stacks: Stack[];
  home?: Home;
  comparison?: Comparison;
  layers?: Layers;
  cards: CardRecord[];
  /** Valid chart files (content/data/charts/<id>.yaml). */
  charts: Chart[];
  /**
   * Every claim a reader sees, as the check read and weighed it (src/lib/content/provenance.ts):
   * the build test holds each built card's footnoted sentences to this list.
   */
  claims?: Claim[];
  /**
   * In a translated edition: the English texts changed since they were translated
   * (src/lib/content/translation-stamps.ts). Its cards and charts say so to readers.
   */
  behind?: BehindUnit[];
}

/** An English text whose translation was made from an older version of it, or never recorded. */
export interface BehindUnit {
  /** The English file, as content/… */
  english: string;
  /** The edition's file that translates it. */
  translation: string;
  /** Where in the file: `(id "x").event`, `changes[3].text`, `body`. */
  field: string;
  /** `changed`: the English changed since the recorded fingerprint; `new`: none recorded. */
  why: 'changed' | 'new';
}

export const DATA_FILES = {
  sources: 'content/data/sources.yaml',
  people: 'content/data/people.yaml',
  quotes: 'content/data/quotes.yaml',
  figures: 'content/data/figures.yaml',
  timeline: 'content/data/timeline.yaml',
  glossary: 'content/data/glossary.yaml',
  stacks: 'content/data/stacks.yaml',
  home: 'content/data/home.yaml',
  comparison: 'content/data/article5.yaml',
  layers: 'content/data/layers.yaml',
} as const;


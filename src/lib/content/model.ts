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


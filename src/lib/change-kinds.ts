/**
 * What each kind of change-log entry means to a reader (issue 19), pure. Corrections and
 * clarifications change what a card told its readers: they are notices at the top of the card
 * and its embed, and news in the updates list and the feed. Updates are news too (later
 * developments). Source updates change the evidence, not the claim: they stay in the card's
 * change log and the housekeeping list on the updates page, not among the news.
 */
import { NOTICE_KINDS, type Change, type ChangeKind } from './content/schemas/cards';
import { t, type StringKey } from './strings';

/** A correction or a clarification: shown at the top of the card. */
export function isNotice(kind: ChangeKind): boolean {
  return NOTICE_KINDS.includes(kind);
}

/** News for the updates list and the feed: everything but a source update. */
export function isNews(kind: ChangeKind): boolean {
  return kind !== 'source-update';
}

const LABEL_KEYS: Record<ChangeKind, StringKey> = {
  update: 'card.update',
  correction: 'card.correction',
  clarification: 'card.clarification',
  'source-update': 'card.sourceUpdate',
};

/** The kind's label as readers see it: "Correction", "Clarification", "Source update", "Update". */
export function kindLabel(kind: ChangeKind): string {
  return t(LABEL_KEYS[kind]);
}

/** A card's notices, newest first (in log order within a day): what the top of the card shows. */
export function cardNotices<C extends Pick<Change, 'date' | 'kind'>>(changes: readonly C[]): C[] {
  return changes
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => isNotice(c.kind))
    .sort((a, b) => b.c.date.localeCompare(a.c.date) || a.i - b.i)
    .map(({ c }) => c);
}

/** Split entries into the news (updates, corrections, clarifications) and the housekeeping (source updates), order kept. */
export function splitNews<C extends Pick<Change, 'kind'>>(entries: readonly C[]): { news: C[]; housekeeping: C[] } {
  return { news: entries.filter((e) => isNews(e.kind)), housekeeping: entries.filter((e) => !isNews(e.kind)) };
}

/**
 * The updates page's three lists, order kept: the developments (updates), then what we fixed in
 * how we told them (corrections and clarifications), then the housekeeping (source updates).
 */
export function splitForUpdatesPage<C extends Pick<Change, 'kind'>>(entries: readonly C[]): { developments: C[]; notices: C[]; housekeeping: C[] } {
  return {
    developments: entries.filter((e) => e.kind === 'update'),
    notices: entries.filter((e) => isNotice(e.kind)),
    housekeeping: entries.filter((e) => !isNews(e.kind)),
  };
}

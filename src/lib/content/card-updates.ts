/**
 * Later developments in a card are `<Update date="YYYY-MM-DD" card="<card-id>">…</Update>` blocks
 * at the top of its body, oldest first, each matched by a dated entry in the card's change log
 * (writing.md: separate what the article reported from what happened later). Oldest first, so
 * the card reads top to bottom: the box that introduces the €90bn loan comes before the box that
 * splits it, and nothing refers forward. Pure: card text in, problems out.
 */
import type { Problem } from './model';

export interface UpdateBlock {
  date: string;
  /** The card id the note links to (its change log is #<card>-changes). */
  card: string;
  /** 1-based line of the opening tag in the body. */
  line: number;
}

const OPEN = /<Update\b([^>]*)>/g;

/**
 * Every `<Update date="…" card="…">` in an MDX body, in order. The card id is written out because
 * the MDX pipeline (Astro 7's default processor) runs no remark plugins that could fill it in,
 * and a component cannot see which card it is rendered in; the check makes sure it is right.
 */
export function updateBlocks(body: string): UpdateBlock[] {
  return [...body.matchAll(OPEN)].map((m) => ({
    date: /\bdate=["']([^"']*)["']/.exec(m[1]!)?.[1] ?? '',
    card: /\bcard=["']([^"']*)["']/.exec(m[1]!)?.[1] ?? '',
    line: body.slice(0, m.index).split('\n').length,
  }));
}

/** The body with the leading `<Update>…</Update>` blocks removed, for the "at the top" check. */
function afterLeadingUpdates(body: string): string {
  let rest = body.trimStart();
  while (rest.startsWith('<Update')) {
    const end = rest.indexOf('</Update>');
    if (end < 0) return rest;
    rest = rest.slice(end + '</Update>'.length).trimStart();
  }
  return rest;
}

export interface CardForUpdates {
  /** The card id (its file name), which every <Update card="…"> must repeat. */
  id: string;
  file: string;
  body: string;
  /** The file's line on which the body starts (1 when unknown), so problems name the file's lines. */
  bodyLine?: number;
  data: { updated: string; changes: readonly { date: string }[] };
}

/**
 * Problems with a card's updates: a date on or before the article, after the card's `updated`,
 * with no change-log entry of that day; an `<Update>` dated before the one above it; an
 * `<Update>` below the card's own text; or a hand-written "**Update, …:**" paragraph that
 * should be an `<Update>`.
 */
export function checkCardUpdates(cards: readonly CardForUpdates[], articleDate: string): Problem[] {
  const problems: Problem[] = [];
  for (const card of cards) {
    const blocks = updateBlocks(card.body);
    let above: UpdateBlock | undefined;
    for (const b of blocks) {
      const field = `<Update date="${b.date}"> (line ${b.line + (card.bodyLine ?? 1) - 1})`;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(b.date)) {
        problems.push({ file: card.file, field, message: 'needs date="YYYY-MM-DD"' });
        continue;
      }
      if (above && b.date < above.date) {
        problems.push({
          file: card.file,
          field,
          message: `comes below the update of ${above.date}: order updates oldest first, so the card reads top to bottom and each update follows what it builds on`,
        });
      }
      above = b;
      if (b.card !== card.id) {
        problems.push({ file: card.file, field, message: `needs card="${card.id}" (the card's id), so the note links to this card's change log` });
      }
      if (b.date <= articleDate) {
        problems.push({ file: card.file, field, message: `is dated on or before the article (${articleDate}); an update reports what happened later` });
      }
      if (b.date > card.data.updated) {
        problems.push({ file: card.file, field, message: `is dated after the card's updated date (${card.data.updated})` });
      }
      if (!card.data.changes.some((c) => c.date === b.date)) {
        problems.push({ file: card.file, field, message: `has no entry of ${b.date} in the card's changes` });
      }
    }
    const rest = afterLeadingUpdates(card.body);
    const stray = updateBlocks(rest);
    if (stray.length > 0) {
      problems.push({ file: card.file, field: `<Update date="${stray[0]!.date}">`, message: 'must come at the top of the card body, before the card’s own text' });
    }
    const m = /\*\*Update,[^*]*\*\*/.exec(card.body);
    if (m) {
      const line = card.body.slice(0, m.index).split('\n').length + (card.bodyLine ?? 1) - 1;
      problems.push({ file: card.file, field: `(line ${line})`, message: `"${m[0]}" is an inline update: write it as <Update date="YYYY-MM-DD">…</Update> at the top` });
    }
  }
  return problems;
}

/**
 * The claim rule (issue 19): every claim a reader sees — a card sentence that cites, a dek, a
 * "What we know" item, a key number, the standfirst, a thread, an "In brief" sentence, a timeline
 * event, a glossary or people entry, a chart note, a change-log entry that cites — needs at least
 * one source that is not a relay by effective tier (src/lib/content/source-tiers.ts), unless
 *
 * - the text says whose reporting it is: it names the relay, the outlet the relay repeats, or the
 *   publisher of a story read through a weak copy, with a reporting word ("…, RBC-Ukraine
 *   reported, citing Axios"; "according to DeepState, as relayed by Online.ua"), and
 * - it is not presented as known: a dek, a "What we know" item, a key number and the home page's
 *   standfirst may never rest on relays alone, whatever they say.
 *
 * A claim with no source at all is refused too. Figures and chart rows (a map's values are rows)
 * are held by the record rule (checkSourceTiers), where no attribution excuses a number from a
 * relay alone, so the claims here are the ones that name a `field` (src/lib/content/provenance.ts).
 *
 * Whether the words really are the relay's is still the editor's duty: the check sees a name and
 * a reporting word, not meaning.
 *
 * Pure: claims and sources in, problems out.
 */
import type { Claim, Problem } from './model';

export type { Claim } from './model';
import { effectiveTier, type RuleSource } from './source-tiers';

/** Words that attribute a claim to whoever reported it. */
const REPORTING = /\b(?:reported|reports?|reporting|according to|said|says|told|tells|relayed|relaying|relays|citing|cited|wrote|writes|put|puts|publishe[sd]|quoted|explains?|explained|describe[sd]|estimates?|estimated)\b/i;

type Named = RuleSource & { publisher?: string; relays?: string | undefined };

/** The names a text may attribute a relayed claim by: the relay, what it relays, the publisher read through a copy. */
export function attributionNames(s: Named): string[] {
  const names = [s.publisher, s.relays, s.via?.publisher]
    .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
    .map((n) =>
      n
        .replace(/\s*\(.*$/, '')
        .replace(/,.*$/, '')
        .replace(/^the\s+/i, '')
        .trim(),
    )
    // "a blog copy" names no one.
    .filter((n) => n.length > 1 && !/^an?\s/i.test(n));
  // "Associated Press" is "AP" and "Financial Times" the "FT" in running text.
  const acronyms = names.map((n) => n.split(/\s+/)).filter((w) => w.length >= 2 && w.length <= 3 && w.every((x) => /^[A-Z]/.test(x))).map((w) => w.map((x) => x[0]).join(''));
  return [...new Set([...names, ...acronyms])];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The relay this text attributes itself to, or undefined: a name of one of them and a reporting
 * word. A change-log entry speaks of our sources ("…, as the Guardian does"), so there the name is
 * enough (`nameOnly`).
 */
export function attributedTo(words: string, relays: readonly Named[], nameOnly = false): string | undefined {
  if (!nameOnly && !REPORTING.test(words)) return undefined;
  for (const s of relays) {
    for (const name of attributionNames(s)) {
      if (new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(name)}(?:$|[^\\p{L}\\p{N}])`, 'iu').test(words)) return name;
    }
  }
  return undefined;
}

/** "ap-2025-12-12: relay (wire, read via a copy of kind forum)". */
function tierNote(s: RuleSource): string {
  const eff = effectiveTier(s);
  return eff === s.tier ? `${s.id}: ${eff}` : `${s.id}: ${eff} (${s.tier}, read via a copy of kind ${s.via?.kind ?? 'unknown'})`;
}

/** How the claim rule judges a relay-only claim, for the report as well as the check. */
export type RelayVerdict = { ok: true; attributedTo?: string } | { ok: false; message: string };

/** The rule for one claim; `undefined` sources (unknown ids) are left to the reference checks. */
export function judgeClaim(claim: Claim, byId: ReadonlyMap<string, Named>): RelayVerdict {
  if (claim.sources.length === 0) {
    return { ok: false, message: 'has no source: every claim a reader sees names the source it rests on' };
  }
  const known = claim.sources.map((id) => byId.get(id)).filter((s): s is Named => s !== undefined);
  if (!known.length || !known.every((s) => effectiveTier(s) === 'relay')) return { ok: true };
  const tiers = known.map(tierNote).join(', ');
  switch (claim.known) {
    case 'dek':
      return {
        ok: false,
        message: `rests only on relay sources (the card's sources: ${tiers}); a dek is the card's answer: list a primary, wire, news or specialist source that supports it, or say in the dek whose reporting it repeats`,
      };
    case 'know':
      return {
        ok: false,
        message: `rests only on relay sources (${tiers}); "What we know" states it as known: add a primary, wire, news or specialist source, or leave it to a card that says whose reporting it is`,
      };
    case 'keyNumber':
    case 'standfirst':
      return {
        ok: false,
        message: `rests only on relay sources (${tiers}); the home page presents it as known, so naming the relay is not enough: add a primary, wire, news or specialist source, or take it off the home page`,
      };
  }
  const who = attributedTo(claim.words ?? claim.text, known, claim.about === 'change');
  if (who) return { ok: true, attributedTo: who };
  return {
    ok: false,
    message: `rests only on relay sources (${tiers}) and does not say whose reporting it is: add a primary, wire, news or specialist source, or attribute it in the text ("…, RBC-Ukraine reported, citing Axios")`,
  };
}

/** The claim rule over every claim that names a field. */
export function checkClaims(claims: readonly Claim[], sources: readonly Named[]): Problem[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const problems: Problem[] = [];
  for (const claim of claims) {
    if (claim.field === undefined) continue;
    // An unknown id is reported by the reference checks; a claim on unknown ids alone says no more.
    if (claim.sources.length && !claim.sources.some((id) => byId.has(id))) continue;
    const verdict = judgeClaim(claim, byId);
    if (!verdict.ok) problems.push({ file: claim.file, field: claim.field, message: verdict.message });
  }
  return problems;
}

/**
 * Source tiers in words, and the standards rule built on them (issue 11).
 *
 * The rule: a figure, chart row or quote may not rest only on `state` or `relay` sources. The
 * one exception is a statement by the government that controls the outlet, marked
 * `ownGovernment: true` on the record; the rendered text then names the outlet as state media
 * ("TASS, Russia's state news agency"). A single `relay` never carries `high` confidence.
 *
 * The rule reads a source's *effective* tier (issue 19): the weaker of its publisher's tier and
 * its carrier's, the copy we read it through (`via.kind`). A copy on an aggregator, a forum or a
 * blog, or of a kind we do not know, makes the source a `relay`, whatever the byline says: we
 * cannot tell what such a copy changed. The publisher's own page, a licensed syndication, an
 * archive, an official mirror and a credited reprint keep the publisher's tier.
 *
 * Pure: records in, problems out (the same {file, field, message} as content-integrity), so the
 * start-of-build check and the tests share one definition.
 */
import type { CarrierKind, Source, SourceTier } from './schemas/sources';
import type { Problem } from './model';
import { t, type StringKey } from '../strings';

/** What each tier means, in the words a reader sees on /sources/ (interface text: src/lib/strings.ts). */
export const tierLabel = (tier: SourceTier): string => t(`tier.${tier}` as StringKey);

/** Tiers that may not carry a figure, chart row or quote on their own. */
export const WEAK_TIERS: readonly SourceTier[] = ['state', 'relay'];

/** A carrier in words, as a reader sees it beside the copy's name: "Wenxuecity (forum)". */
export const carrierLabel = (kind: CarrierKind): string => t(`carrier.${kind}` as StringKey);

/**
 * The most a carrier lets a source carry: `undefined` keeps the publisher's tier; `relay` makes
 * the source a relay. Aggregators, forums and blogs repeat text we cannot check against the
 * original, so what they carry is a relay of it.
 */
export const CARRIER_CEILING: Record<CarrierKind, SourceTier | undefined> = {
  publisher: undefined,
  syndication: undefined,
  archive: undefined,
  'official-mirror': undefined,
  reprint: undefined,
  aggregator: 'relay',
  forum: 'relay',
  blog: 'relay',
};

/** How weak each tier is for the rule: the weaker of two tiers is the one with the larger rank. */
const WEAKNESS: Record<SourceTier, number> = { primary: 0, wire: 0, news: 0, specialist: 0, state: 1, relay: 2 };

type Carried = Pick<Source, 'tier'> & { via?: { kind?: string } | undefined };

/**
 * A source's effective tier: the weaker of its publisher's tier and its carrier's ceiling. A
 * carrier of unknown kind counts as a relay.
 */
export function effectiveTier(s: Carried): SourceTier {
  if (!s.via) return s.tier;
  const kind = s.via.kind;
  const ceiling = kind !== undefined && Object.hasOwn(CARRIER_CEILING, kind) ? CARRIER_CEILING[kind as CarrierKind] : 'relay';
  if (!ceiling) return s.tier;
  return WEAKNESS[ceiling] > WEAKNESS[s.tier] ? ceiling : s.tier;
}

/** Whether the carrier, not the publisher, makes the source weak (for messages and the report). */
export const demotedByCarrier = (s: Carried) => effectiveTier(s) !== s.tier;

type Describable = Pick<Source, 'publisher' | 'tier'> & Partial<Pick<Source, 'relays' | 'government' | 'outlet' | 'via'>>;

/** "TASS, Russia's state news agency": how running text names a state outlet. */
export function stateMediaName(s: Describable): string {
  return `${s.publisher}, ${stateWords(s)}`;
}

const stateWords = (s: Describable) => t('source.stateMedia', { government: s.government ?? t('source.aGovernment'), outlet: s.outlet ?? t('tier.state') });

/**
 * The tier in words for a source list: "news agency", "Russia's state news agency",
 * "Politico's reporting, as relayed by Babel". A copy we read through is said separately
 * (see `viaWords`).
 */
export function tierWords(s: Describable): string {
  if (s.tier === 'state') return stateWords(s);
  if (s.tier === 'relay') return t('source.relayed', { relays: s.relays ?? t('source.anotherOutlet'), publisher: s.publisher });
  return tierLabel(s.tier);
}

/** The copy and its kind: "Wenxuecity (forum)", or undefined when we read the original. */
export function carrierWords(s: Describable): string | undefined {
  if (!s.via) return undefined;
  const label = Object.hasOwn(CARRIER_CEILING, s.via.kind) ? carrierLabel(s.via.kind as CarrierKind) : t('carrier.unknown');
  return `${s.via.publisher} (${label})`;
}

/** "read via a copy on Wenxuecity (forum)", or undefined when we read the original. */
export function viaWords(s: Describable): string | undefined {
  const carrier = carrierWords(s);
  return carrier ? t('source.readViaCopy', { carrier }) : undefined;
}

/** Publisher, tier and copy in one line: "AP (news agency; read via a copy on Wenxuecity (forum))". */
export function describeSource(s: Describable): string {
  const via = viaWords(s);
  return `${s.publisher} (${tierWords(s)}${via ? `; ${via}` : ''})`;
}

/**
 * How a figure's or quote's source is named in rendered text: the publisher, or for state
 * media "TASS, Russia's state news agency", so a reader always sees who controls the outlet.
 */
export function attributionName(s: Describable): string {
  return s.tier === 'state' ? stateMediaName(s) : s.publisher;
}

/** A record the rule applies to: where it lives, which sources carry it, and how sure we are. */
export interface SourcedClaim {
  file: string;
  /** The field to name in a problem, e.g. '[3] (id "assets-eu").source'. */
  field: string;
  sources: readonly string[];
  confidence?: 'high' | 'medium' | 'low';
  ownGovernment?: boolean;
}

/** A source as the rule reads it: its id, its publisher's tier and the copy we read it through. */
export type RuleSource = Pick<Source, 'id' | 'tier'> & { via?: { kind?: string; publisher?: string } | undefined };

/** "ap-2025-12-12: relay (wire, read via a forum copy)" or "tass: state", for a problem's message. */
function tierNote(s: RuleSource): string {
  const eff = effectiveTier(s);
  return eff === s.tier ? `${s.id}: ${eff}` : `${s.id}: ${eff} (${s.tier}, read via a copy of kind ${s.via?.kind ?? 'unknown'})`;
}

/**
 * Apply the tier rule to claims, by each source's effective tier; unknown source ids are left to
 * the reference checks.
 */
export function checkSourcedClaims(claims: readonly SourcedClaim[], sources: readonly RuleSource[]): Problem[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const tierOf = new Map(sources.map((s) => [s.id, effectiveTier(s)]));
  const problems: Problem[] = [];
  for (const c of claims) {
    const known = [...new Set(c.sources)].filter((id) => tierOf.has(id));
    if (known.length === 0) continue;
    const tiers = known.map((id) => tierNote(byId.get(id)!)).join(', ');
    const allWeak = known.every((id) => WEAK_TIERS.includes(tierOf.get(id)!));
    const hasState = known.some((id) => tierOf.get(id) === 'state');
    const hasRelay = known.some((id) => tierOf.get(id) === 'relay');
    if (c.ownGovernment) {
      if (!hasState) {
        problems.push({ file: c.file, field: c.field, message: `is marked ownGovernment but no source is state media (${tiers})` });
      } else if (allWeak && hasRelay) {
        problems.push({ file: c.file, field: c.field, message: `rests only on state and relay sources (${tiers}); ownGovernment excuses state media, not a relay` });
      }
    } else if (allWeak) {
      problems.push({
        file: c.file,
        field: c.field,
        message: `rests only on state or relay sources (${tiers}); add a primary, wire, news or specialist source, drop the claim, or, for the statement of the government that controls the outlet, mark it ownGovernment: true`,
      });
    }
    if (c.confidence === 'high' && known.length === 1 && tierOf.get(known[0]!) === 'relay') {
      problems.push({ file: c.file, field: c.field.replace(/\.[a-zA-Z]+$/, '.confidence'), message: `is high but rests on a single relay (${known[0]}); a single relay is at most medium` });
    }
  }
  return problems;
}

/** The records the rule reads, as content-integrity's model holds them. */
export interface TierInputs {
  sources: readonly RuleSource[];
  figures: readonly { id: string; source: string; alsoSources: readonly string[]; confidence: 'high' | 'medium' | 'low'; ownGovernment?: boolean }[];
  quotes: readonly { id: string; source: string; ownGovernment?: boolean }[];
  charts: readonly { id: string; rows: readonly ChartRowLike[] }[];
  files: { figures: string; quotes: string; chart: (id: string) => string };
}

/**
 * A chart row: one `source`, and (should a row come to carry them) `alsoSources` or a `figure`
 * whose sources it shares, so the rule follows a row to the record it draws.
 */
export interface ChartRowLike {
  label: string;
  source?: string;
  alsoSources?: readonly string[];
  figure?: string;
  confidence?: 'high' | 'medium' | 'low';
  ownGovernment?: boolean;
}

/** Every figure, quote and chart row as a claim for `checkSourcedClaims`. */
export function claimsOf(input: Omit<TierInputs, 'sources'>): SourcedClaim[] {
  const byFigure = new Map(input.figures.map((f) => [f.id, f]));
  const claims: SourcedClaim[] = [];
  input.figures.forEach((f, i) =>
    claims.push({ file: input.files.figures, field: `[${i}] (id "${f.id}").source`, sources: [f.source, ...f.alsoSources], confidence: f.confidence, ownGovernment: f.ownGovernment }),
  );
  input.quotes.forEach((q, i) =>
    claims.push({ file: input.files.quotes, field: `[${i}] (id "${q.id}").source`, sources: [q.source], ownGovernment: q.ownGovernment }),
  );
  for (const chart of input.charts) {
    chart.rows.forEach((r, i) => {
      const fig = r.figure ? byFigure.get(r.figure) : undefined;
      const sources = [...(r.source ? [r.source] : []), ...(r.alsoSources ?? []), ...(fig ? [fig.source, ...fig.alsoSources] : [])];
      claims.push({
        file: input.files.chart(chart.id),
        field: `rows[${i}] (label "${r.label}").source`,
        sources,
        confidence: r.confidence ?? fig?.confidence,
        ownGovernment: r.ownGovernment ?? fig?.ownGovernment,
      });
    });
  }
  return claims;
}

/** The whole rule over the content model: the one call content-integrity makes. */
export function checkSourceTiers(input: TierInputs): Problem[] {
  return checkSourcedClaims(claimsOf(input), input.sources);
}

// A card's dek and a "What we know" item are claims like any other, held by the claim rule
// (src/lib/content/claim-rule.ts), which refuses them on relays alone whatever they say.

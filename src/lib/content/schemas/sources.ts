import { z } from 'astro/zod';
import { httpUrl, id, isoDate, nonEmpty, typeError } from './common';

/**
 * How much weight a source can carry on its own (issue 11's standards). The rule built on it
 * is in src/lib/content/source-tiers.ts: a figure, chart row or quote may not rest only on `state`
 * or `relay` sources.
 * - primary: an official document, a statement or a dataset;
 * - wire: a news agency (AP, Reuters, AFP, Bloomberg, national agencies);
 * - news: an established newsroom;
 * - specialist: a think tank, tracker, law firm or legal journal;
 * - state: media controlled by a government;
 * - relay: an outlet repeating another outlet's or organisation's reporting.
 */
export const SOURCE_TIERS = ['primary', 'wire', 'news', 'specialist', 'state', 'relay'] as const;
export type SourceTier = (typeof SOURCE_TIERS)[number];
export const sourceTier = z.enum(SOURCE_TIERS, { error: typeError(`one of ${SOURCE_TIERS.join(', ')}`) });

/**
 * What kind of copy we read a source through (issue 19). The copy's kind limits what the source
 * can carry: a copy on an aggregator, a forum or a blog is a relay, whatever the byline says
 * (the effective tier, src/lib/content/source-tiers.ts).
 * - publisher: the publisher's own page (another edition or address of it);
 * - syndication: a licensed syndication (a newspaper running the AP or Reuters story with credit);
 * - archive: a web archive's or research archive's copy of the original;
 * - official-mirror: the text on another official site (a government, parliament or UN copy);
 * - reprint: a subscriber's or partner's reprint of the whole text, with credit;
 * - aggregator: a site that republishes or rewrites others' stories;
 * - forum: a post on a discussion board;
 * - blog: a personal blog's copy.
 */
export const CARRIER_KINDS = ['publisher', 'syndication', 'archive', 'official-mirror', 'reprint', 'aggregator', 'forum', 'blog'] as const;
export type CarrierKind = (typeof CARRIER_KINDS)[number];
export const carrierKind = z.enum(CARRIER_KINDS, { error: typeError(`one of ${CARRIER_KINDS.join(', ')}`) });

/** The copy we actually read, when it is not the original publisher's page, and what kind of copy it is. */
export const viaSchema = z.strictObject({
  publisher: nonEmpty,
  url: httpUrl,
  kind: carrierKind,
});

/** A published document we rely on. `article` is the story the explainer is about. */
export const sourceSchema = z
  .strictObject({
    id,
    /** The original publisher (for a relay: the outlet that did the relaying). */
    publisher: nonEmpty,
    title: nonEmpty,
    /**
     * The language of the title, as a two-letter code (default en): pages mark the title with it,
     * so a Ukrainian page says which words are English and a screen reader reads them as such.
     */
    lang: z.string().regex(/^[a-z]{2}$/, { error: 'must be a two-letter language code (en, uk, de …)' }).default('en'),
    date: isoDate,
    /** The original's address when we know it; otherwise the copy's (then equal to via.url). */
    url: httpUrl,
    kind: z.enum(['article', 'background'], { error: 'must be article or background' }),
    tier: sourceTier,
    /** For `relay`: whose reporting it repeats ("Politico"). */
    relays: z.string().trim().min(1).optional(),
    /** For `state`: the government that controls the outlet ("Russia"). */
    government: z.string().trim().min(1).optional(),
    /** For `state`: what kind of outlet, in words ("state news agency"). */
    outlet: z.string().trim().min(1).optional(),
    /** Where the copy we read lives, when it is a mirror or a syndicated copy. */
    via: viaSchema.optional(),
    note: z.string().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.tier === 'relay' && !s.relays) {
      ctx.addIssue({ code: 'custom', path: ['relays'], message: 'a relay must name whose reporting it repeats' });
    }
    if (s.tier !== 'relay' && s.relays) {
      ctx.addIssue({ code: 'custom', path: ['relays'], message: 'only a relay names whose reporting it repeats' });
    }
    if (s.tier === 'state' && !s.government) {
      ctx.addIssue({ code: 'custom', path: ['government'], message: 'state media must name the government that controls it' });
    }
    if (s.tier !== 'state' && (s.government || s.outlet)) {
      ctx.addIssue({ code: 'custom', path: [s.government ? 'government' : 'outlet'], message: 'only state media names a government or outlet kind' });
    }
  });
export type Source = z.infer<typeof sourceSchema>;

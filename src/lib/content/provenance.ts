/**
 * The provenance report (`npm run sources:report`, issue 19): every claim the site makes, the
 * sources it rests on by effective tier, and the weak spots (claims that rest only on relays, or
 * on one source), grouped by file, so an editor sees them before publishing.
 *
 * A claim is:
 * - each sentence of a card's body that carries a <Cite>, <Value> or <Quote> (read from the MDX
 *   tree of src/lib/content/card-body.ts, paragraph by paragraph, split into sentences), and each block
 *   <Quote>;
 * - each card's dek (resting on the card's listed sources);
 * - on the home page, each thread, standfirst sentence, "What we know" item and key number; on each
 *   stack page, each "In brief" sentence;
 * - each timeline event, glossary entry (term and definition) and person;
 * - each chart row (a map's values are its rows) and chart note;
 * - each change-log entry that cites sources, on a card or a chart (an entry without sources
 *   speaks of the site itself: "we corrected the text of our correction");
 * - each figure.
 *
 * The same list is what the content check holds to the relay rule (src/lib/content/claim-rule.ts,
 * run by src/lib/content/check.ts): a claim that names a `field` is the claim rule's; figures and
 * chart rows are held by the record rule of src/lib/content/source-tiers.ts and carry no `field`
 * here. One reader of the MDX tree: the check and the report both take card sentences from
 * `sentencesWithSources`, over the tree src/lib/content/card-body.ts parsed once.
 *
 * The same claims are counted twice: by each source's effective tier (its publisher's tier,
 * weakened by the copy we read it through) and by the publisher's tier alone, so the difference
 * carriers make is visible.
 *
 * Pure: the content model in, claims, counts and text out. The command is src/cli/sources-report.ts.
 */
import { parsedBody, type BodyTree } from './card-body';
import { judgeClaim, type Claim } from './claim-rule';
import { effectiveTier } from './source-tiers';
import type { Source, SourceTier } from './schemas/sources';

export type { Claim } from './claim-rule';

// ---------------------------------------------------------------------------------------------
// Card bodies: sentences that carry a citation, a figure or a quote

export interface BodyLookups {
  /** Figure id → its sources (source, then alsoSources). */
  figures: ReadonlyMap<string, readonly string[]>;
  /** Quote id → its source and text. */
  quotes: ReadonlyMap<string, { source: string; text: string }>;
}

/** A sentence of a card body and the sources its components cite. */
export interface BodySentence {
  line: number;
  text: string;
  sources: string[];
}

interface MdNode {
  type: string;
  value?: string;
  name?: string | null;
  children?: MdNode[];
  attributes?: { type: string; name?: string; value?: unknown }[];
  position?: { start: { line: number } };
}

const CLAIM_COMPONENTS = ['Cite', 'Value', 'Quote'];
/** Nodes whose inline children form running text. */
const INLINE_CONTAINERS = ['paragraph', 'heading', 'tableCell'];

/** A private-use marker for a component inside the running text: \uE000<n>\uE001. */
const REF = /\uE000(\d+)\uE001/g;
const HAS_REF = /\uE000\d+\uE001/;

const idOf = (node: MdNode): string | undefined => {
  const attr = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
  return typeof attr?.value === 'string' ? attr.value : undefined;
};

interface Ref {
  component: string;
  id: string;
}

/** The running text of inline nodes, with each house component as a marker. */
function flatten(nodes: readonly MdNode[], refs: Ref[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'inlineCode') out += node.value ?? '';
    else if (node.type === 'break') out += ' ';
    else if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && node.name && CLAIM_COMPONENTS.includes(node.name)) {
      const id = idOf(node);
      if (id) {
        refs.push({ component: node.name, id });
        out += `\uE000${refs.length - 1}\uE001`;
      }
    } else if (node.children) out += flatten(node.children, refs);
  }
  return out;
}

/** Abbreviations and initials a full stop does not end a sentence after. */
const ABBREVIATION = /(?:^|[\s(“"])(?:Mr|Mrs|Ms|Dr|St|No|vs|Gen|Lt|Col|Sen|Rep|Gov|Prof|Inc|Ltd|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|e\.g|i\.e|U\.S|U\.K|[A-Z])\.$/;

/**
 * Split running text into sentences: after ".", "?" or "!" (and any closing quotes, brackets and
 * component markers glued to it), before whitespace and a capital, a digit or an opening quote;
 * never after an abbreviation or an initial ("Mr.", "U.S.", "F.").
 */
export function splitSentences(text: string): string[] {
  const pieces = text.split(/(?<=[.!?][”"’)\]]*(?:\s*\uE000\d+\uE001)*)\s+(?=(?:\uE000\d+\uE001)*[A-Z0-9“"‘(\[À-ÖØ-Þ])/u);
  const out: string[] = [];
  for (const piece of pieces) {
    const prev = out[out.length - 1];
    if (prev !== undefined && ABBREVIATION.test(prev.replace(REF, '').trimEnd())) out[out.length - 1] = `${prev} ${piece}`;
    else out.push(piece);
  }
  return out.map((s) => s.trim()).filter((s) => s.replace(REF, '').trim() !== '' || HAS_REF.test(s));
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The sources a component rests on (unknown ids are left to the content check). */
function refSources(ref: Ref, lookups: BodyLookups): string[] {
  if (ref.component === 'Cite') return [ref.id];
  if (ref.component === 'Value') return [...(lookups.figures.get(ref.id) ?? [])];
  const quote = lookups.quotes.get(ref.id);
  return quote ? [quote.source] : [];
}

/** How a component reads inside a claim's text. */
function refWords(ref: Ref, lookups: BodyLookups): string {
  if (ref.component === 'Cite') return '';
  if (ref.component === 'Value') return `‹${ref.id}›`;
  const quote = lookups.quotes.get(ref.id);
  return quote ? `“${quote.text}”` : `‹quote ${ref.id}›`;
}

/**
 * Every sentence of a parsed card body that carries a <Cite>, <Value> or <Quote>, with its line
 * and sources. A component that follows a sentence's full stop ("… talks. <Cite …/>") belongs to
 * that sentence; a block <Quote> is a sentence of its own.
 */
export function sentencesWithSources(tree: BodyTree, lookups: BodyLookups): BodySentence[] {
  const out: BodySentence[] = [];
  const stack: MdNode[] = [tree as MdNode];
  const blocks: MdNode[] = [];
  // Document order without recursion: blocks that hold running text, and block quotes.
  while (stack.length) {
    const node = stack.pop()!;
    if (INLINE_CONTAINERS.includes(node.type)) {
      blocks.push(node);
      continue;
    }
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Quote') {
      blocks.push(node);
      continue;
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  for (const block of blocks) {
    const refs: Ref[] = [];
    const line = block.position?.start.line ?? 1;
    const running = block.type === 'mdxJsxFlowElement' ? flatten([block], refs) : flatten(block.children ?? [], refs);
    for (const sentence of splitSentences(running)) {
      const used = [...sentence.matchAll(REF)].map((m) => refs[Number(m[1])]!);
      if (!used.length) continue;
      const text = oneLine(sentence.replace(REF, (_m, n: string) => refWords(refs[Number(n)]!, lookups)).replace(/\s+([.,;:!?])/g, '$1'));
      out.push({ line, text, sources: [...new Set(used.flatMap((r) => refSources(r, lookups)))] });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Every claim in the content model

/** The parts of the content model the report reads. */
/** A change-log entry as the claims read it. */
interface ChangeLike {
  date: string;
  kind: string;
  text: string;
  sources: readonly string[];
}

export interface ProvenanceInput {
  /** `bodyLine`: the file's line the body starts on, so claims name the file's own lines. */
  cards: readonly { file: string; body: string; bodyLine?: number; data: { dek: string; sources: readonly string[]; changes?: readonly ChangeLike[] } }[];
  figures: readonly { id: string; label: string; source: string; alsoSources: readonly string[] }[];
  quotes: readonly { id: string; source: string; text: string }[];
  timeline: readonly { id: string; event: string; sources: readonly string[] }[];
  glossary: readonly { id: string; term: string; definition?: string; source?: string | undefined }[];
  people: readonly { id: string; name: string; role: string; source: string }[];
  stacks?: readonly { id: string; inBrief: readonly { text: string; sources: readonly string[] }[] }[];
  home?: {
    threads: readonly { id: string; text: string; sources: readonly string[] }[];
    standfirst: { sentences: readonly { text: string; sources: readonly string[] }[] };
    know: readonly { text: string; sources: readonly string[] }[];
    keyNumbers: readonly string[];
  } | undefined;
  /** The Article 5 comparison: each row's two cells and our verdict are three claims. */
  comparison?: {
    rows: readonly {
      id: string;
      aspect: string;
      article5: string;
      proposal: string;
      article5Sources: readonly string[];
      proposalSources: readonly string[];
      verdict: { is: string; reason: string; sources: readonly string[] };
    }[];
  } | undefined;
  /** The layers diagram: each layer and each step of the ladder is a claim. */
  layers?: {
    layers: readonly { id: string; title: string; text: string; sources: readonly string[] }[];
    ladder: readonly { trigger: string; step: string; text: string; sources: readonly string[] }[];
  } | undefined;
  charts: readonly {
    id: string;
    rows: readonly { label: string; source: string; alsoSources?: readonly string[] }[];
    notes?: readonly { text: string; sources: readonly string[] }[];
    changes?: readonly ChangeLike[];
  }[];
}

export const PROVENANCE_FILES = {
  home: 'content/data/home.yaml',
  comparison: 'content/data/article5.yaml',
  layers: 'content/data/layers.yaml',
  stacks: 'content/data/stacks.yaml',
  timeline: 'content/data/timeline.yaml',
  glossary: 'content/data/glossary.yaml',
  people: 'content/data/people.yaml',
  figures: 'content/data/figures.yaml',
  chart: (id: string) => `content/data/charts/${id}.yaml`,
} as const;

const uniq = (ids: readonly (string | undefined)[]) => [...new Set(ids.filter((s): s is string => !!s))];

/** A change-log entry that cites sources is a claim; one without sources speaks of the site itself. */
function changeClaims(file: string, changes: readonly ChangeLike[] | undefined, claims: Claim[]) {
  (changes ?? []).forEach((c, i) => {
    if (!c.sources.length) return;
    const text = oneLine(c.text);
    claims.push({ file, where: `changes[${i}]`, text: `${c.kind}, ${c.date}: ${text}`, sources: uniq(c.sources), field: `changes[${i}] (${c.kind}, ${c.date})`, words: text, about: 'change' });
  });
}

/** Every claim of the content, grouped in the order an editor reads the site: cards, then data. */
export function collectClaims(input: ProvenanceInput): Claim[] {
  const figureSources = new Map(input.figures.map((f) => [f.id, uniq([f.source, ...f.alsoSources])]));
  const lookups: BodyLookups = { figures: figureSources, quotes: new Map(input.quotes.map((q) => [q.id, { source: q.source, text: q.text }])) };
  const claims: Claim[] = [];
  for (const card of input.cards) {
    const dek = oneLine(card.data.dek);
    claims.push({ file: card.file, where: 'dek', text: dek, sources: uniq(card.data.sources), field: 'dek', known: 'dek', words: dek });
    const parsed = parsedBody(card.body);
    if ('error' in parsed) continue; // the content check reports it
    const offset = (card.bodyLine ?? 1) - 1;
    for (const s of sentencesWithSources(parsed.tree, lookups)) {
      const line = s.line + offset;
      claims.push({ file: card.file, where: `line ${line}`, text: s.text, sources: s.sources, field: `(body, line ${line}) "${clipWords(s.text)}"`, words: s.text });
    }
    changeClaims(card.file, card.data.changes, claims);
  }
  const home = input.home;
  if (home) {
    const f = PROVENANCE_FILES.home;
    home.threads.forEach((t, i) => claims.push({ file: f, where: `threads "${t.id}"`, text: oneLine(t.text), sources: uniq(t.sources), field: `threads[${i}] (id "${t.id}").sources`, words: t.text }));
    home.standfirst.sentences.forEach((s, i) =>
      claims.push({ file: f, where: `standfirst.sentences[${i}]`, text: oneLine(s.text), sources: uniq(s.sources), field: `standfirst.sentences[${i}].sources`, known: 'standfirst', words: s.text }),
    );
    home.know.forEach((s, i) => claims.push({ file: f, where: `know[${i}]`, text: oneLine(s.text), sources: uniq(s.sources), field: `know[${i}].sources`, known: 'know', words: s.text }));
    home.keyNumbers.forEach((id, i) => claims.push({ file: f, where: `keyNumbers[${i}]`, text: `‹${id}›`, sources: figureSources.get(id) ?? [], field: `keyNumbers[${i}] ("${id}")`, known: 'keyNumber' }));
  }
  for (const stack of input.stacks ?? []) {
    stack.inBrief.forEach((s, i) =>
      claims.push({ file: PROVENANCE_FILES.stacks, where: `${stack.id} inBrief[${i}]`, text: oneLine(s.text), sources: uniq(s.sources), field: `(id "${stack.id}").inBrief[${i}].sources`, words: s.text }),
    );
  }
  const f5 = PROVENANCE_FILES.comparison;
  (input.comparison?.rows ?? []).forEach((r, i) => {
    const row = `rows[${i}] (id "${r.id}")`;
    claims.push({ file: f5, where: `"${r.id}" article5`, text: `${r.aspect}, Article 5: ${oneLine(r.article5)}`, sources: uniq(r.article5Sources), field: `${row}.article5Sources`, words: r.article5 });
    claims.push({ file: f5, where: `"${r.id}" proposal`, text: `${r.aspect}, the proposal: ${oneLine(r.proposal)}`, sources: uniq(r.proposalSources), field: `${row}.proposalSources`, words: r.proposal });
    claims.push({ file: f5, where: `"${r.id}" verdict`, text: `${r.aspect}, ${r.verdict.is}: ${oneLine(r.verdict.reason)}`, sources: uniq(r.verdict.sources), field: `${row}.verdict.sources`, words: r.verdict.reason });
  });
  const fl = PROVENANCE_FILES.layers;
  (input.layers?.layers ?? []).forEach((l, i) =>
    claims.push({ file: fl, where: `layer "${l.id}"`, text: `${l.title}: ${oneLine(l.text)}`, sources: uniq(l.sources), field: `layers[${i}] (id "${l.id}").sources`, words: `${l.title}: ${l.text}` }),
  );
  (input.layers?.ladder ?? []).forEach((l, i) =>
    claims.push({ file: fl, where: `ladder[${i}]`, text: `${l.trigger}: ${l.step}. ${oneLine(l.text)}`, sources: uniq(l.sources), field: `ladder[${i}].sources`, words: `${l.trigger}: ${l.step}. ${l.text}` }),
  );
  input.timeline.forEach((e, i) =>
    claims.push({ file: PROVENANCE_FILES.timeline, where: `"${e.id}"`, text: oneLine(e.event), sources: uniq(e.sources), field: `[${i}] (id "${e.id}").sources`, words: e.event }),
  );
  input.glossary.forEach((g, i) =>
    claims.push({
      file: PROVENANCE_FILES.glossary,
      where: `"${g.id}"`,
      text: g.definition ? `${g.term}: ${oneLine(g.definition)}` : g.term,
      sources: uniq([g.source]),
      field: `[${i}] (id "${g.id}").source`,
      words: `${g.term}: ${g.definition ?? ''}`,
    }),
  );
  input.people.forEach((p, i) =>
    claims.push({ file: PROVENANCE_FILES.people, where: `"${p.id}"`, text: `${p.name}, ${oneLine(p.role)}`, sources: uniq([p.source]), field: `[${i}] (id "${p.id}").source`, words: `${p.name}, ${p.role}` }),
  );
  for (const chart of input.charts) {
    const f = PROVENANCE_FILES.chart(chart.id);
    chart.rows.forEach((r, i) => claims.push({ file: f, where: `rows[${i}]`, text: r.label, sources: uniq([r.source, ...(r.alsoSources ?? [])]) }));
    (chart.notes ?? []).forEach((n, i) => claims.push({ file: f, where: `notes[${i}]`, text: oneLine(n.text), sources: uniq(n.sources), field: `notes[${i}].sources`, words: n.text }));
    changeClaims(f, chart.changes, claims);
  }
  for (const fig of input.figures) claims.push({ file: PROVENANCE_FILES.figures, where: `"${fig.id}"`, text: fig.label, sources: figureSources.get(fig.id) ?? [] });
  return claims;
}

/** The first words of a sentence, to name it in a problem. */
function clipWords(s: string): string {
  return s.length > 60 ? `${s.slice(0, 59).trimEnd()}…` : s;
}

// ---------------------------------------------------------------------------------------------
// Weighing the claims

/** Which tier to read: the effective one (publisher and carrier) or the publisher's alone. */
export type TierMode = 'effective' | 'publisher';

export interface WeighedSource {
  id: string;
  tier: SourceTier;
  /** The publisher's tier, when the carrier lowered it. */
  publisherTier?: SourceTier;
  /** The carrier's kind, when there is one. */
  carrier?: string;
}

export interface WeighedClaim extends Claim {
  weighed: WeighedSource[];
  /** Every known source is a relay. */
  relayOnly: boolean;
  /** It rests on exactly one source. */
  single: boolean;
  /** No known source at all. */
  unsourced: boolean;
  /** Relay-only, and the text says whose reporting it is (the claim rule lets it stand): the name it gives. */
  attributedTo?: string;
}

type Weighable = Pick<Source, 'id' | 'tier'> & Partial<Pick<Source, 'publisher' | 'relays'>> & { via?: { kind?: string; publisher?: string } | undefined };

export function weighClaims(claims: readonly Claim[], sources: readonly Weighable[], mode: TierMode): WeighedClaim[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return claims.map((c) => {
    const weighed = c.sources
      .map((id) => byId.get(id))
      .filter((s): s is Weighable => s !== undefined)
      .map((s): WeighedSource => {
        const tier = mode === 'effective' ? effectiveTier(s) : s.tier;
        return { id: s.id, tier, ...(tier !== s.tier ? { publisherTier: s.tier } : {}), ...(s.via?.kind ? { carrier: s.via.kind } : {}) };
      });
    const relayOnly = weighed.length > 0 && weighed.every((w) => w.tier === 'relay');
    const verdict = relayOnly && mode === 'effective' ? judgeClaim(c, byId) : undefined;
    return {
      ...c,
      weighed,
      relayOnly,
      single: weighed.length === 1,
      unsourced: weighed.length === 0,
      ...(verdict?.ok && verdict.attributedTo ? { attributedTo: verdict.attributedTo } : {}),
    };
  });
}

export interface ProvenanceCounts {
  claims: number;
  relayOnly: number;
  /** Of the relay-only claims, those whose text says whose reporting they are (the check lets them stand). */
  attributed: number;
  single: number;
  unsourced: number;
}

export function countClaims(weighed: readonly WeighedClaim[]): ProvenanceCounts {
  return {
    claims: weighed.length,
    relayOnly: weighed.filter((c) => c.relayOnly).length,
    attributed: weighed.filter((c) => c.relayOnly && c.attributedTo !== undefined).length,
    single: weighed.filter((c) => c.single).length,
    unsourced: weighed.filter((c) => c.unsourced).length,
  };
}

// ---------------------------------------------------------------------------------------------
// The report as text

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** "ap-2025-12-12 wire", "guardian-2025-12-12 relay (news via blog)". */
export function sourceWords(w: WeighedSource): string {
  return w.publisherTier ? `${w.id} ${w.tier} (${w.publisherTier} via ${w.carrier ?? 'a copy'})` : `${w.id} ${w.tier}`;
}

const flags = (c: WeighedClaim) => `${c.unsourced ? 'NONE ' : c.relayOnly ? 'RELAY' : '     '} ${c.single ? '1SRC' : '    '}`;

export interface ReportOptions {
  /** Print only claims that rest on relays alone, on one source, or on none. */
  weakOnly?: boolean;
  /** Longest claim text shown. */
  width?: number;
}

/**
 * The report: per file, a heading with its counts, then one line per claim (flags, where, text,
 * sources by effective tier), then the totals by effective tier and by publisher tier.
 */
export function formatProvenance(effective: readonly WeighedClaim[], publisherOnly: readonly WeighedClaim[], options: ReportOptions = {}): string {
  const width = options.width ?? 90;
  const lines: string[] = [];
  const files = [...new Set(effective.map((c) => c.file))];
  for (const file of files) {
    const own = effective.filter((c) => c.file === file);
    const n = countClaims(own);
    const shown = options.weakOnly ? own.filter((c) => c.relayOnly || c.single || c.unsourced) : own;
    if (!shown.length) continue;
    lines.push(`${file}: ${n.claims} claim(s), ${n.relayOnly} on relays only, ${n.single} on one source${n.unsourced ? `, ${n.unsourced} without a known source` : ''}`);
    for (const c of shown) {
      lines.push(`  ${flags(c)}  ${c.where.padEnd(10)}  ${clip(c.text, width)}`);
      lines.push(`  ${' '.repeat(10)}  ${' '.repeat(10)}  ← ${c.weighed.length ? c.weighed.map(sourceWords).join(' · ') : '(no known source)'}${c.attributedTo ? ` (the text attributes it: ${c.attributedTo})` : ''}`);
    }
    lines.push('');
  }
  const after = countClaims(effective);
  const before = countClaims(publisherOnly);
  lines.push(
    'Totals',
    `  by effective tier (publisher and carrier): ${after.claims} claims; ${after.relayOnly} rest on relays only (${after.attributed} of them attributed in the text to whose reporting they are); ${after.single} rest on one source${after.unsourced ? `; ${after.unsourced} without a known source` : ''}`,
    `  by publisher tier alone (before carriers): ${before.claims} claims; ${before.relayOnly} rest on relays only; ${before.single} rest on one source${before.unsourced ? `; ${before.unsourced} without a known source` : ''}`,
    `  carriers turn ${after.relayOnly - before.relayOnly} more claim(s) into relay-only claims`,
    'Flags: RELAY = every source is a relay (by effective tier); 1SRC = one source; NONE = no known source.',
    'The content check refuses a RELAY claim unless its text attributes it and it is not a dek, "What we know", a key number or the standfirst; it refuses NONE.',
  );
  return lines.join('\n');
}

/** The whole report over a content model: claims, weighed both ways, as text. */
export function provenanceReport(input: ProvenanceInput & { sources: readonly Weighable[] }, options: ReportOptions = {}) {
  const claims = collectClaims(input);
  const effective = weighClaims(claims, input.sources, 'effective');
  const publisherOnly = weighClaims(claims, input.sources, 'publisher');
  return { claims, effective, publisherOnly, counts: { effective: countClaims(effective), publisher: countClaims(publisherOnly) }, text: formatProvenance(effective, publisherOnly, options) };
}

/**
 * What an edition translates: the text fields of each content file (everything else, numbers,
 * dates, ids and sources, is shared with English), and the file each part of the model is read
 * from. One list, read by the translation check (translations.ts) and by the record of which
 * English each translation was made from (translation-stamps.ts).
 */
/** The text fields of each content file; everything else is shared with English. */
export const TEXT_FIELDS = {
  timeline: ['event'],
  glossary: ['term', 'definition'],
  people: ['name', 'role'],
  figures: ['label', 'note'],
  quotes: ['location', 'context', 'translatedBy', 'text'],
  sources: ['note'],
  stacks: ['title', 'navTitle', 'summary', 'text'],
  home: ['title', 'text'],
  comparison: ['treatyText', 'aspect', 'article5', 'proposal', 'reason'],
  layers: ['title', 'text', 'who', 'trigger', 'step'],
  chart: ['title', 'takeaway', 'axisLabel', 'remainderLabel', 'label', 'note', 'text', 'caveat', 'countryName', 'neighbourName', 'name', 'credit'],
} as const;
export type Kind = keyof typeof TEXT_FIELDS;

/**
 * Text a translation may give but need not: a publisher's name ("Bloomberg News (distributed by
 * Tribune Content Agency)") stays as it is unless its gloss needs translating.
 */
export const OPTIONAL_FIELDS: Partial<Record<Kind, readonly string[]>> = {
  sources: ['publisher', 'relays'],
};

/** The translation files, by the English model's part they translate. */
export const FILES: Record<Exclude<Kind, 'chart'>, string> = {
  timeline: 'timeline.yaml',
  glossary: 'glossary.yaml',
  people: 'people.yaml',
  figures: 'figures.yaml',
  quotes: 'quotes.yaml',
  sources: 'sources.yaml',
  stacks: 'stacks.yaml',
  home: 'home.yaml',
  comparison: 'article5.yaml',
  layers: 'layers.yaml',
};


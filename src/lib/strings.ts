/**
 * Every piece of interface text, in one place, with flat dotted keys (after Starlight's
 * translations). A partner translating or re-wording the site changes this file only.
 */
import type { Language } from './content/languages';
import { currentEdition } from './editions';
import { stringsUk } from './strings-uk';

export const strings = {
  // The site's name, short name and credit line are brand data: src/config/brand.yaml.
  'site.description':
    'What the December 2025 plan of security guarantees for Ukraine contains, how it compares with NATO’s Article 5, and the fight over frozen Russian assets. Every number sourced.',
  'nav.skip': 'Skip to content',
  'nav.home': 'Home',
  'nav.sources': 'Sources',
  'nav.updates': 'Updates',
  'nav.search': 'Search',
  'nav.label': 'Explainers',
  'nav.menu': 'Menu',
  // The link to the same place in the other edition (its name is in its own language: «Українська»).
  'edition.switch': 'Read this in Ukrainian',
  'card.updated': 'Updated',
  'card.published': 'Published',
  'card.sources': 'Sources',
  'card.whatChanged': 'What changed',
  'chart.whatChanged': 'What changed in this chart',
  'card.correction': 'Correction',
  'card.update': 'Update',
  'card.clarification': 'Clarification',
  'card.sourceUpdate': 'Source update',
  // The notice at the top of a corrected card: "Correction, 2 December 2026: …"
  'notice.label': 'Corrections and clarifications to this card',
  'notice.changeLog': 'See the change log',
  'translation.behind.card': 'The English text of this card has changed since it was translated, and the translation has not been updated yet.',
  'translation.behind.chart': 'The English text of this chart has changed since it was translated, and the translation has not been updated yet.',
  'translation.english': 'Read the English',
  // The notice at the top of a corrected chart (and its embed): "Correction, 7 December 2026: …"
  'chart.notice.label': 'Corrections and clarifications to this chart',
  'chart.onDemand.notices': 'The notices, on this chart’s own page',
  // A chart's correction in the feed: "Correction: How much of Donbas does Russia hold? (chart)"
  'feed.chartTitle': '{title} (chart)',
  // Under a quote spoken in another language: "Spoken in Ukrainian; English translation by Bloomberg."
  'quote.translation': 'Spoken in {language}; English translation by {by}.',
  // The Ukrainian edition: under a quote it translates ("Spoken in Russian; Ukrainian translation by …"),
  // the label of the disclosure that shows the words as spoken or printed, and the note under a quote
  // whose original words have not been found, so that another language's translation is shown.
  'quote.translation.uk': 'Spoken in {language}; Ukrainian translation by {by}.',
  'quote.englishAsReported': 'The English words, as the source reported them',
  'quote.original': 'The original words',
  // Who made a translation the site made itself («переклад українською — наш»), and the label of the
  // English text a translation was made from when that English is itself someone's translation.
  'quote.byUs': 'ours',
  'quote.englishText': 'The English text we translated ({by}’s translation)',
  'quote.englishShown': 'Spoken in {language}. We have not found the original words, so we show the English translation by {by}.',
  // Language names as {language} above takes them ("Spoken in Ukrainian").
  'language.uk': 'Ukrainian',
  'language.ru': 'Russian',
  'language.en': 'English',
  'language.unknown': 'an unknown language',
  // After the newest notice's label and date, when there are more: "Correction, 7 December 2026, and 4 earlier".
  'notice.earlier.one': ', and {count} earlier',
  'notice.earlier.other': ', and {count} earlier',
  'card.permalink': 'Link to this card',
  'update.heading': 'What changed',
  'update.changeLog': 'See the change log',
  'update.label': 'Update',
  'card.shareEmbed': 'Share',
  'card.embedCard': 'Embed this card',
  'card.embedChart': 'Embed the chart “{title}”',
  // A card's utilities on its stack page come in when opened; until the script runs, a link leads
  // to the same content on a page of its own (src/components/site/OnDemand.astro).
  'card.onDemand.sources': 'This card’s sources, on its own page',
  'card.onDemand.changes': 'What changed in this card, on its own page',
  'card.onDemand.share': 'Embed codes for this card, in the embed gallery',
  'card.onDemand.notices': 'The notices, on this card’s own page',
  'chart.onDemand.data': 'The data, on this chart’s own page',
  'chart.onDemand.changes': 'What changed, on this chart’s own page',
  'chart.onDemand.cite': 'How to cite this chart, on its own page',
  'callout.unknown': 'What we don’t know',
  // A marker outside a card: its name lists the outlets ("Sources: AP, Reuters"). Its note's close button.
  'footnote.source': 'Source: {names}',
  'footnote.sources': 'Sources: {names}',
  // A footnote marker's name for screen readers: "Source 3: Bloomberg, …".
  'footnote.sourceWord': 'Source',
  'footnote.sourcesWord': 'Sources',
  // The list of a stack page's questions, for screen readers.
  'stack.questions': 'Questions on this page',
  'comparison.caption': 'NATO’s Article 5 and the proposed guarantee for Ukraine, point by point',
  'footnote.close': 'Close',
  'value.asOf': 'as of',
  'value.source': 'Source',
  'value.confidence': 'confidence',
  'home.asOf': 'As of',
  'home.updatesSince': 'Updates since then',
  'home.keyNumbers': 'Key numbers',
  'home.know': 'What we know',
  'home.dontKnow': 'What we don’t know',
  'home.explainers': 'The explainers',
  'home.reported': 'Bloomberg reported the plan on',
  'home.updated': 'Updated',
  'home.now': 'Where things stand',
  'home.threadAsOf': 'As of {date}',
  'home.readMore': 'Read: {title}',
  'home.explainerCount': '{count} questions, starting with “{first}”',
  'stack.inBrief': 'In brief',
  'stack.leadMore': 'Data, sources and notes: {title}',
  'stack.previous': 'Previous',
  'stack.next': 'Next',
  'stack.neighbours': 'More explainers',
  'layers.caption': 'How the proposed guarantee is layered, and what would happen if fighting resumed',
  'layers.heading': 'From the front line back',
  'layers.frontLine': 'Front line',
  'layers.ladder': 'If fighting resumes',
  'layers.seeAbove': 'The layers and the three steps are drawn at the top of this page.',
  'verdict.same': 'Same',
  'verdict.weaker': 'Weaker',
  'verdict.stronger': 'Stronger',
  'verdict.unclear': 'Unclear',
  'verdict.heading': 'Our verdict',
  'verdict.summary': 'Of {total}, the proposal is {list}.',
  'verdict.point': '{n} point',
  'verdict.points': '{n} points',
  'verdict.count.first.weaker': 'weaker than Article 5 on {n}',
  'verdict.count.first.stronger': 'stronger than Article 5 on {n}',
  'verdict.count.first.same': 'the same as Article 5 on {n}',
  'verdict.count.first.unclear': 'unclear against Article 5 on {n}',
  'verdict.count.weaker': 'weaker on {n}',
  'verdict.count.stronger': 'stronger on {n}',
  'verdict.count.same': 'the same on {n}',
  'verdict.count.unclear': 'unclear on {n}',
  'verdict.and': 'and',
  'verdict.note': 'Verdicts are our reading of the sources, from Ukraine’s side.',
  'comparison.point': 'Point',
  // Before the treaty's title under its text; the translated editions add whose translation it is.
  'comparison.treaty': 'Article 5,',
  'comparison.treatyTranslation': '',
  'comparison.article5': 'NATO Article 5',
  'comparison.proposal': 'Proposed guarantee for Ukraine',
  'timeline.later': 'Later development',
  'timeline.heading': 'Timeline',
  'sources.title': 'Sources',
  'sources.intro': 'Every document this explainer relies on, and which cards cite it.',
  'sources.citedBy': 'Cited in',
  'sources.article': 'The report this explainer is about',
  'sources.background': 'Background sources',
  'sources.terms': 'Terms used',
  'sources.standards': 'How we choose and label sources',
  'sources.tier': 'Kind of source',
  // Source tiers and the copies we read sources through (src/lib/content/source-tiers.ts).
  'tier.primary': 'official document or statement',
  'tier.wire': 'news agency',
  'tier.news': 'news outlet',
  'tier.specialist': 'specialist analysis (think tank, tracker, law firm or legal journal)',
  'tier.state': 'state-controlled media',
  'tier.relay': 'relay of another outlet’s reporting',
  'carrier.publisher': 'the publisher’s own page',
  'carrier.syndication': 'licensed syndication',
  'carrier.archive': 'archive',
  'carrier.official-mirror': 'official mirror',
  'carrier.reprint': 'credited reprint',
  'carrier.aggregator': 'aggregator',
  'carrier.forum': 'forum',
  'carrier.blog': 'blog',
  'carrier.unknown': 'copy of unknown kind',
  // "Russia’s state news agency"; "Axios’s reporting, as relayed by RBC-Ukraine"; "read via a copy on Wenxuecity (forum)".
  'source.stateMedia': '{government}’s {outlet}',
  'source.aGovernment': 'a government',
  'source.relayed': '{relays}’s reporting, as relayed by {publisher}',
  'source.anotherOutlet': 'another outlet',
  'source.readViaCopy': 'read via a copy on {carrier}',
  // Units in words (chart notes, alt text) and confidence levels (src/lib/charts/text.ts).
  'unit.people': 'people',
  'unit.troops': 'troops',
  'unit.eur-bn': 'billions of euros',
  'unit.usd-bn': 'billions of US dollars',
  'unit.gbp-bn': 'billions of pounds',
  'unit.chf-bn': 'billions of Swiss francs',
  'unit.percent': 'percent',
  'unit.km2': 'square kilometres',
  'unit.count': 'a count',
  'confidence.high': 'High',
  'confidence.medium': 'Medium',
  'confidence.low': 'Low',
  'sources.readVia': 'Read via a copy on',
  'sources.carrierRelay': 'A copy of this kind makes it count as a relay.',
  'sources.standardsIntro':
    'We rely first on official documents and statements, news agencies and established newsrooms, and name the source of every figure and quote. Where we read a text through a copy on another site, we say so and link to the copy we read, and to the original as well when we know its address. Developments after 18 December 2025 are dated and marked as updates.',
  'sources.tiersIntro': 'Each source below is labelled with its kind:',
  'sources.tierRule.state': 'may carry a figure or quote alone only when it reports its own government, and is then named as state media',
  'sources.tierRule.relay': 'never carries a figure or quote alone, and is never the only basis for high confidence',
  'sources.carriers': 'Where we read a source through a copy, its entry names the copy and its kind. A copy on the publisher’s own page, a licensed syndication, an archive, an official mirror or a credited reprint keeps the source’s kind; a copy on an aggregator, a forum or a blog makes it count as a relay, whatever the byline says.',
  'sources.corrections':
    'When we get something wrong, we correct it in the open: a dated correction or clarification at the top of the card, in its change log, on the updates page and in the feed. When we replace a source with a better copy or outlet without changing what we say, the card’s change log and the updates page’s list of source updates record it.',
  'sources.reportError': 'To report an error, write to',
  'updates.title': 'Updates',
  'updates.intro': 'What has happened since Bloomberg’s report of 18 December 2025, newest first. Below it, every correction and clarification we have made.',
  'updates.developments': 'What has happened',
  'updates.inCards': 'Read more:',
  'updates.corrections': 'Corrections and clarifications',
  'updates.correctionsIntro': 'Where we told readers something wrong, or less exactly than our sources, dated the day we fixed it. Each is also a notice at the top of its card.',
  'updates.housekeeping': 'Source updates',
  'updates.housekeepingIntro': 'Sources we replaced with a better copy or outlet, where what we say did not change. Each is also in its card’s change log.',
  'updates.feed': 'Follow the updates in a feed reader (RSS)',
  'search.title': 'Search',
  'search.label': 'Search the explainer',
  'search.button': 'Search',
  'search.noscript': 'Search needs JavaScript. Every explainer is also listed on the home page.',
  'search.needsHttp':
    'Search needs the site to be served over HTTP (for example with npm start); it does not work when the files are opened directly from disk.',
  'search.noResults': 'No results for “{query}”',
  // The count says what is listed: cards (a page's sections) and the pages they are on.
  'search.count': '{cards} on {pages} for “{query}”',
  'search.countPages': '{pages} for “{query}”',
  'search.cards.one': '{count} card',
  'search.cards.other': '{count} cards',
  'search.pages.one': '{count} page',
  'search.pages.other': '{count} pages',
  // Heading over the matches that have a query's words but not its number-and-word phrase.
  'search.apart': 'Other matches, without “{phrase}” as a phrase',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address. Try the home page or search.',
  'footer.sourceArticle': 'Based on reporting by Bloomberg News, 18 December 2025.',
  // Charts (src/components/charts, src/lib/charts)
  'chart.downloadCsv': 'Download CSV',
  'chart.downloadPng': 'Download PNG',
  'chart.cite': 'Cite this',
  'chart.citeShort': 'Short citation',
  'chart.citeLong': 'Full citation',
  'chart.source': 'Source',
  'chart.sources': 'Sources',
  'chart.data': 'Show the data',
  'chart.about': 'Sources, notes and data',
  'chart.permalink': 'Link to this chart',
  'chart.notes': 'Notes',
  'chart.asOf': 'as of',
  'chart.updated': 'Data checked',
  'chart.confidence': 'confidence',
  'chart.lowConfidence': 'low confidence',
  'chart.afterArticle': 'later development',
  'chart.range': 'Range where sources differ',
  'chart.confidenceSummary': 'Confidence, row by row in the table',
  'chart.dataCaption': 'data',
  'chart.notDrawnList': 'Listed in the table but not drawn',
  'chart.notDrawn': 'Not drawn: reported in {unit}; we have no sourced conversion to {chartUnit}.',
  'chart.col.item': 'Item',
  'chart.col.value': 'Value',
  'chart.col.source': 'Source',
  'chart.col.note': 'Note',
  'chart.noteRef': 'Note {n}',
  'chart.tableNotes': 'Notes to the table',
  'chart.keyboardHint': 'Use the arrow keys to step through the bars, Home and End for the first and last, Escape to hide the details.',
  'chart.kind.bar': 'Bar chart',
  'chart.kind.part-to-whole': 'Stacked bar chart',
  'chart.kind.map': 'Map',
  'chart.context': 'For comparison, not drawn to this scale',
  'map.data': 'Map data',
  'map.regionsShown': 'Regions, shaded more strongly the larger the share',
  'map.citiesShown': 'Cities marked',
  'map.locator': 'An inset map of Ukraine shows where the regions are',
  'chart.compiledBy': 'compiled by',
  'chart.datasetTag': '[chart and dataset]',
  'chart.originalTag': '[original data]',
  'chart.retrieved': 'Retrieved {date} from {url}',
  // Embeds (src/components/embed, src/layouts/EmbedLayout.astro, src/pages/embed)
  'embed.button': 'Embed',
  'embed.intro': 'Put this {kind} in your own article: copy one of these codes. It links back here and carries its sources.',
  'embed.kind.card': 'card',
  'embed.kind.chart': 'chart',
  'embed.responsive': 'Responsive code (recommended): resizes itself to fit',
  'embed.iframe': 'Plain iframe, for systems that remove scripts: a fixed height, here for a column {from} to {to} pixels wide',
  'embed.iframeHeights': 'For a column of another width, set the height to: {list}.',
  'embed.iframeClass': '{height} for {from} to {to} pixels',
  'embed.iframeClassLast': '{height} for {from} pixels and wider',
  'embed.iframeNone': 'Plain iframe: not offered for this {kind}. Its height changes too much with the width of the column for a frame of fixed height; use the responsive code or the web address for oEmbed, which size themselves.',
  'embed.url': 'Web address for oEmbed: paste it on its own line in WordPress, Ghost and other systems',
  // Under the recommended (responsive) code, the other three on request.
  'embed.moreCodes': 'Other codes: script embed, plain iframe, web address for oEmbed',
  'embed.copy': 'Copy',
  'embed.copied': 'Copied',
  'embed.copyFailed': 'Could not copy: select the text and copy it',
  'embed.siteUnknown': 'This copy of the site was built without its public address (SITE_URL), so these codes name {site}: put the address this page is served from in its place.',
  'embed.preview': 'Open the embed page',
  'embed.readFull': 'Read the full explainer',
  'embed.continue': 'Continue reading on the explainer',
  'embed.expand': 'Continue reading',
  'embed.script': 'Script embed (no iframe): renders into your page, restyled by your CSS custom properties (see the embedding guide)',
  'embed.sources': 'Sources',
  'embed.updated': 'updated',
  'embed.gallery.title': 'Embed our cards and charts',
  'embed.gallery.intro':
    'Every card, chart and map of this explainer can go into your own article. Pick one from the pictures, show one section at a time, and copy its code. The responsive code sizes itself in any page; the plain iframe works where scripts are removed; the web address works wherever your system supports oEmbed. Each unit’s live previews show it at 320, 600 and 900 pixels wide, as wide as in your page; they load only when you open them.',
  'embed.gallery.filter': 'Show',
  'embed.gallery.all': 'Everything',
  'embed.gallery.updated': 'Updated',
  'embed.gallery.cards': 'Cards',
  'embed.gallery.charts': 'Charts and map',
  'embed.gallery.width': '{width} pixels wide',
  'embed.gallery.previews': 'Live previews',
  'embed.gallery.inArticle': 'In the explainer',
  'nav.embeds': 'Embed our work',
  // Publishing (social cards, feed, datasets)
  'social.explainer': 'Explainer',
  'social.chart': 'Chart',
  'dataset.description': 'Each row gives its value, unit, as-of date, source and confidence; the CSV carries the same rows, with plain numbers and ISO dates.',
  'feed.description': 'Every update, correction and clarification to the explainer, newest first.',
  'feed.sources': 'Sources',
} as const;

export type StringKey = keyof typeof strings;

/** Each edition's interface text: the same keys (src/lib/strings-uk.ts is typed to have them all). */
// Typed as every key of `strings`: a key the Ukrainian table lacks does not compile.
const ukrainian: Record<StringKey, string> & Readonly<Record<string, string>> = stringsUk;
const TABLES: Record<Language, Readonly<Record<string, string>>> = { en: strings, uk: ukrainian };

/** The interface text of an edition, by default the one this build makes (src/lib/editions.ts). */
export const stringsFor = (lang: Language = currentEdition()): Readonly<Record<string, string>> => TABLES[lang];

/** Fill {name} placeholders in a template; an unknown name stays as it is. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** Look up an interface string, filling {name} placeholders. */
export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  return fill(stringsFor()[key]!, vars);
}

/** Keys with plural forms: `<base>.one`, `<base>.other` (and any other CLDR category the language has). */
export type PluralBase = { [K in StringKey]: K extends `${infer B}.other` ? B : never }[StringKey];

/**
 * The template for `count` among a table's plural forms of `base`, chosen by Intl.PluralRules for
 * the strings' language (`base.one` for 1 in English, `base.other` otherwise); a category the
 * table lacks falls back to `base.other`. Takes the table so the search page's script can pass
 * the few strings it was given instead of bundling this file's.
 */
export function pluralTemplate(table: Readonly<Record<string, string>>, base: string, count: number, language: string = currentEdition()): string {
  const category = new Intl.PluralRules(language).select(count);
  const template = table[`${base}.${category}`] ?? table[`${base}.other`];
  if (template === undefined) throw new Error(`No plural forms for "${base}"`);
  return template;
}

/** An interface string with a count, in the right plural form: tn('search.cards', 6) is "6 cards". */
export function tn(base: PluralBase, count: number, vars: Record<string, string | number> = {}): string {
  return fill(pluralTemplate(stringsFor(), base, count), { count, ...vars });
}

/** The interface strings whose keys start with `prefix`, for a script that needs a few of them. */
export function stringsWithPrefix(prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(stringsFor()).filter(([key]) => key.startsWith(prefix)));
}

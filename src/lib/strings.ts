/**
 * Every piece of interface text, in one place, with flat dotted keys (after Starlight's
 * translations). A partner translating or re-wording the site changes this file only.
 */
export const strings = {
  'site.name': "Ukraine's security guarantees, explained",
  'site.shortName': 'Ukraine guarantees',
  'site.description':
    'What the December 2025 plan of security guarantees for Ukraine contains, how it compares with NATO’s Article 5, and the fight over frozen Russian assets. Every number sourced.',
  'site.credit': 'Explainer by the graphics desk',
  'nav.skip': 'Skip to content',
  'nav.home': 'Home',
  'nav.sources': 'Sources',
  'nav.updates': 'Updates',
  'nav.search': 'Search',
  'nav.label': 'Explainers',
  'card.updated': 'Updated',
  'card.published': 'Published',
  'card.sources': 'Sources',
  'card.whatChanged': 'What changed',
  'card.correction': 'Correction',
  'card.update': 'Update',
  'card.permalink': 'Link to this card',
  'callout.unknown': 'What we don’t know',
  'value.asOf': 'as of',
  'value.source': 'Source',
  'value.confidence': 'confidence',
  'home.asOf': 'As of',
  'home.updatesSince': 'Updates since then',
  'home.summary': 'The plan in five sentences',
  'home.keyNumbers': 'Key numbers',
  'home.know': 'What we know',
  'home.dontKnow': 'What we don’t know',
  'home.explainers': 'The explainers',
  'timeline.later': 'After the article',
  'timeline.heading': 'Timeline',
  'sources.title': 'Sources',
  'sources.intro': 'Every document this explainer relies on, and which cards cite it.',
  'sources.citedBy': 'Cited in',
  'sources.article': 'The article this explainer is about',
  'sources.background': 'Background sources',
  'updates.title': 'Updates',
  'updates.intro': 'Every change since the article of 18 December 2025, newest first. Corrections are marked.',
  'search.title': 'Search',
  'search.label': 'Search the explainer',
  'search.button': 'Search',
  'search.noscript': 'Search needs JavaScript. Every explainer is also listed on the home page.',
  'search.needsHttp':
    'Search needs the site to be served over HTTP (for example with npm start); it does not work when the files are opened directly from disk.',
  'search.noResults': 'No results for',
  'search.results': 'results for',
  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address. Try the home page or search.',
  'footer.sourceArticle': 'Based on reporting by Bloomberg News, 18 December 2025.',
} as const;

export type StringKey = keyof typeof strings;

/** Look up an interface string, filling {name} placeholders. */
export function t(key: StringKey, vars: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

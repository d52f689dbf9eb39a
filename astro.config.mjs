// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import contentCheck from './src/integrations/content-check.ts';
import headInjectDirective from './src/integrations/head-inject-directive.ts';
import pagefind from './src/integrations/pagefind.ts';
import hostHeaders from './src/integrations/host-headers.ts';
import inlineStylesheet from './src/integrations/inline-stylesheet.ts';
import deferredScripts from './src/integrations/deferred-scripts.ts';
import embedFragments from './src/integrations/embed-fragments.ts';
import chartImages from './src/integrations/chart-images.ts';
import sitemap from '@astrojs/sitemap';
import brandCss from './src/integrations/brand-css.ts';
import socialCards from './src/integrations/social-cards.ts';
import siteUrl from './src/integrations/site-url.ts';
import { getBrand } from './src/config/brand-loader.ts';
import { normaliseBase } from './src/lib/urls.ts';
import { currentEdition, editionBase, rootEdition } from './src/lib/editions.ts';

// Where the site lives. A partner hosting it under its own sub-path sets both at build time:
//   SITE_URL=https://news.example BASE_PATH=/interactives/ukraine-guarantees/ npm run build
// (and BRAND_FILE=… for its own brand; the brand's url is the default site). Without SITE_URL
// (`npm start`) the build says so, and the codes and links readers copy use the address the
// page is served from (src/lib/served-address.ts).
const site = process.env.SITE_URL || getBrand().url;
const siteBase = normaliseBase(process.env.BASE_PATH || '/');
// One build per edition (src/cli/build.ts sets EDITION): the Ukrainian one lives under uk/ when
// English is published too, so its base is the site's base plus uk/ and every link it writes
// stays in Ukrainian. `astro build` alone builds the root edition.
const { languages } = getBrand();
const edition = process.env.EDITION ? currentEdition() : rootEdition(languages);
if (!languages.includes(edition)) throw new Error(`EDITION=${edition}, but the brand publishes only ${languages.join(', ')}`);
const base = editionBase(siteBase, edition, languages);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Scoped styles by class keep the HTML small (no data-astro-cid-* attribute on every element).
  scopedStyleStrategy: 'class',
  // Never inline scripts: every script is a file from 'self'. The one inline script is the loader
  // site pages get after the build (src/integrations/deferred-scripts.ts), allowed by its hash.
  // One stylesheet for the whole site (about 5 KB brotli), never one per component chunk. Site
  // pages carry it inline after the build (src/integrations/inline-stylesheet.ts), so nothing
  // blocks the first paint but the page itself; embed pages link it.
  // EDITION reaches pages and client scripts as import.meta.env.EDITION (src/lib/editions.ts).
  vite: { build: { assetsInlineLimit: 0, cssCodeSplit: false }, define: { 'import.meta.env.EDITION': JSON.stringify(edition), 'import.meta.env.SITE_BASE': JSON.stringify(siteBase) } },
  integrations: [
    siteUrl(),
    brandCss(),
    contentCheck(),
    mdx(),
    // No boxed MODULE_LEVEL_DIRECTIVE warning per card in the build log.
    headInjectDirective(),
    chartImages(),
    socialCards(),
    pagefind(),
    // Article pages only: embeds are noindex copies of cards, search has no content of its own.
    sitemap({ filter: (page) => !/^\/(?:embed|search|404)\//.test(new URL(page).pathname.slice(base.length - 1)) }),
    // Each embed's fragment.json for the script embed, made from the built embed page.
    embedFragments(),
    // Site pages carry the stylesheet inline, its hash added to their CSP (before host-headers).
    inlineStylesheet(),
    // Site pages load their (enhancement-only) scripts after the first paint, by an inline loader
    // allowed by hash (before host-headers).
    deferredScripts(),
    // Last: writes dist/_headers from the built files (framing, CSP, CORS, caching; src/lib/host-headers.ts).
    hostHeaders(),
  ],
  markdown: { syntaxHighlight: false },
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      // Pagefind compiles WebAssembly; its fallback path needs 'wasm-unsafe-eval'. 'self' must be restated.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});

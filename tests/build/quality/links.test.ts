/**
 * Links: crawl each build from its home page over HTTP, served at the root and under the
 * sub-path, as a reader without JavaScript would. Zero broken links, anchors or assets; zero
 * pages nothing links to (the 404 page aside).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builds, SITE_URL } from '../../support/builds.ts';
import { listPages } from '../../support/html.ts';
import { crawl, formatLinkProblems } from '../../support/links.ts';
import { serveStatic, type StaticServer } from '../../support/static-server.ts';

describe.each(Object.entries(builds))('links in the %s build', (_name, { outDir, base }) => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(outDir, { base });
  });
  afterAll(() => server?.close());

  it('has no broken link, anchor or asset and no orphan page', async () => {
    const result = await crawl({ url: server.url, dist: outDir, publicUrl: new URL(base, SITE_URL).href });
    expect(formatLinkProblems(result)).toBe('');
    // Sanity: the crawl really walked the site (every page is reached, or it is an orphan above).
    expect(result.pages.length).toBe(listPages(outDir).length);
  });
});

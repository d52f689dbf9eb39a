/**
 * Same bytes: two clean builds of the same sources give byte-identical dist/ trees. The second
 * build runs in a fresh copy of the project at another path, with its own caches, in another
 * time zone and locale, so absolute paths, cache state, clocks, machine settings and random ids
 * would all show up as differences.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { builds, ROOT } from '../../support/builds.ts';
import { cleanBuild, compareTrees, formatDifferences, rebuild } from '../../support/same-bytes.ts';

describe('reproducible build', () => {
  it('two clean builds produce byte-identical trees', { timeout: 300_000 }, () => {
    // dist/ is a clean build made by the global setup in this run; with SKIP_BUILD=1 it may be
    // stale, so then both sides are built here.
    const first = process.env.SKIP_BUILD === '1' ? cleanBuild(`${ROOT}tests/.tmp/same-bytes-a`) : builds.root.outDir;
    // Another machine: another time zone (UTC+14, so the date differs from UTC's for part of
    // every day) and another locale, which must not reach dates or numbers on the page.
    const second = cleanBuild(`${ROOT}tests/.tmp/same-bytes-b`, '/', { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });
    const diffs = compareTrees(first, second);
    expect(formatDifferences(diffs), `${diffs.length} file(s) differ`).toBe('');
    // Kept when they differ, for a look; removed when they match (they hold links to node_modules).
    for (const dir of ['same-bytes-a', 'same-bytes-b']) rmSync(`${ROOT}tests/.tmp/${dir}`, { recursive: true, force: true });
  });
});

describe('image cache', () => {
  it('a cached build gives the same bytes as a clean build', { timeout: 600_000 }, () => {
    // First build of a fresh copy: the image cache starts empty and is filled.
    const work = `${ROOT}tests/.tmp/same-bytes-cache`;
    const clean = cleanBuild(work);
    const cacheDir = `${work}/node_modules/.cache/explainer-images`;
    expect(existsSync(cacheDir) && readdirSync(cacheDir).length).toBeGreaterThan(0);
    const first = `${ROOT}tests/.tmp/same-bytes-clean`;
    rmSync(first, { recursive: true, force: true });
    cpSync(clean, first, { recursive: true });
    // Second build of the same copy: every chart image and social card comes from the cache.
    const cachedOut = rebuild(work);
    const diffs = compareTrees(first, cachedOut);
    expect(formatDifferences(diffs), `${diffs.length} file(s) differ`).toBe('');
    for (const dir of ['same-bytes-cache', 'same-bytes-clean']) rmSync(`${ROOT}tests/.tmp/${dir}`, { recursive: true, force: true });
  });
});

/**
 * A build reads each content file once: the builds made by tests/global-setup.ts run with
 * CONTENT_READ_LOG, so the one content loader (src/data/model.ts) lists every file it reads.
 * The start-of-build check, the card collection, every page, the chart images and the social
 * cards all take their records from that one read; a second loader, or a module that built its
 * own loader, would show up here as a file read twice.
 */
import { getBrand } from '../../src/config/brand-loader';
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { builds, contentReadLog, ROOT } from '../support/builds';
import { diskReader, readContentFiles } from '../../src/lib/content/loader';

const contentFiles = Object.keys(readContentFiles(ROOT, diskReader)).sort();

describe.each(Object.keys(builds) as (keyof typeof builds)[])('the %s build', (name) => {
  // `npm run build` builds every edition in one process (src/cli/build.ts), from one loader.
  it(`read every content file exactly once for all ${getBrand().languages.length} editions`, () => {
    const log = contentReadLog(name);
    expect(existsSync(log), `${log} is written by the builds of tests/global-setup.ts (run without SKIP_BUILD=1)`).toBe(true);
    const reads = readFileSync(log, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((file) => relative(ROOT, file).split('\\').join('/'));
    const counts = new Map<string, number>();
    for (const file of reads) counts.set(file, (counts.get(file) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(contentFiles);
    expect([...counts].filter(([, n]) => n !== 1)).toEqual([]);
  });
});

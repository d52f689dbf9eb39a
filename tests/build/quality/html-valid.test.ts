/**
 * Valid HTML: the W3C Nu Html Checker over every page of both builds, zero errors. Pages are
 * found by walking dist/, so new pages are checked without being listed.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { builds } from '../../support/builds.ts';
import { listPages } from '../../support/html.ts';
import { formatVnu, validateHtml } from '../../support/vnu.ts';

describe('valid HTML (vnu)', () => {
  it('every page of the root and sub-path builds has zero errors', () => {
    const files = Object.values(builds).flatMap(({ outDir }) => listPages(outDir).map((p) => join(outDir, p.file)));
    expect(files.length).toBeGreaterThan(4);
    const errors = validateHtml(files);
    expect(formatVnu(errors), `${errors.length} HTML error(s)`).toBe('');
  });
});

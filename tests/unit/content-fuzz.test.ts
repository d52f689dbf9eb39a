/**
 * The content check against 100+ hostile and careless single-file edits (tests/support/content-fuzz.ts),
 * in-process: each edit is either refused with a message naming its file, or accepted. What an
 * accepted edit publishes is checked on real builds in tests/build/content-fuzz-build.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ContentLoader, readContentFiles, type ContentReader } from '../../src/lib/content/loader';
import { formatProblem } from '../../src/lib/content/check';
import { fuzzCases, type FuzzCase } from '../support/content-fuzz';
import { ROOT } from '../support/builds';

const base = readContentFiles(ROOT);
const cases = fuzzCases();

/** The content with one case's edit applied, read through the loader (bytes decoded as on disk). */
function check(c: FuzzCase) {
  const files = { ...base };
  const edited = c.edit(files);
  if (edited === undefined) delete files[c.file];
  else files[c.file] = edited;
  const root = '/fuzz';
  const reader: ContentReader = {
    list: () => Object.keys(files).map((p) => join(root, p)),
    read: (file) => {
      const path = file.slice(root.length + 1);
      if (path === c.file && c.bytes) return c.bytes(base[c.file] === undefined ? files : { ...files, [c.file]: base[c.file]! });
      return files[path] === undefined ? undefined : new TextEncoder().encode(files[path]);
    },
  };
  return new ContentLoader(root, reader).result().problems;
}

const tally = { refused: 0, builds: 0 };

describe('content fuzz: every edit is refused naming its file, or accepted', () => {
  it('has at least 100 cases in every category', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const categories = new Set(cases.map((c) => c.category));
    expect([...categories].sort()).toEqual(['card body: code', 'card body: text', 'card front matter', 'data files', 'encoding', 'markup as text', 'structure']);
    expect(new Set(cases.map((c) => c.name)).size, 'case names are unique').toBe(cases.length);
  });

  it('leaves the real content sound (the baseline)', () => {
    expect(new ContentLoader(ROOT).result().problems.map(formatProblem)).toEqual([]);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const problems = check(c);
    const lines = problems.map(formatProblem);
    if (c.outcome === 'builds') {
      expect(lines).toEqual([]);
    } else {
      expect(lines.length, 'refused').toBeGreaterThan(0);
      expect(problems.some((p) => p.file === c.file), `a problem names ${c.file}:\n${lines.join('\n')}`).toBe(true);
      for (const line of lines) {
        expect(line).not.toMatch(/\n\s+at |undefined|\[object Object\]/);
      }
    }
    tally[c.outcome]++;
  });

  it('counts the outcomes', () => {
    console.log(`content fuzz: ${cases.length} edits, ${tally.refused} refused with their file named, ${tally.builds} accepted as harmless text`);
    expect(tally.refused + tally.builds).toBe(cases.length);
  });
});

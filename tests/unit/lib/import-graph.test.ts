/**
 * The import graph over a small fake project: runtime imports are followed (relative, aliased,
 * `.js` naming `.ts`, re-exports, literal `import()`), type-only ones are not, packages are
 * named, and an import that cannot be followed stops with the file that has it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { importGraph, packageName } from '../../../src/lib/import-graph';

let root: string;
const write = (files: Record<string, string>) => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'ex-graph-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('importGraph', () => {
  it('follows runtime imports, skips type-only ones, and names the packages', () => {
    write({
      'src/a.ts': [
        "import type { T } from './types';",
        "import { b, type B } from './b.js';",
        "import { readFileSync } from 'node:fs';",
        "import path from 'path';",
        "export * from './again';",
        "export type { U } from './types-too';",
        'export const a = <M,>(x: M): M => x;',
        "const later = () => import('./lazy');",
        "type Lazy = typeof import('./types-lazy');",
      ].join('\n'),
      'src/b.ts': "import { Chart } from 'chart.js/auto';\nimport { canvas } from '@napi-rs/canvas';\nimport { d } from '@/lib/d';\nexport const b = 1;",
      'src/again/index.ts': "import data from './data.json' with { type: 'json' };\nexport const again = data;",
      'src/again/data.json': '{}',
      'src/lazy.ts': 'export const lazy = 1;',
      'src/lib/d.ts': 'export const d = 1;',
      'src/types.ts': "import './never-reached';\nexport type T = 1;",
      'src/types-too.ts': 'export type U = 1;',
      'src/types-lazy.ts': 'export type L = 1;',
      'src/unrelated.ts': "import './b';",
    });
    expect(importGraph(root, ['src/a.ts'], { aliases: { '@/': 'src/' } })).toEqual({
      files: ['src/a.ts', 'src/again/data.json', 'src/again/index.ts', 'src/b.ts', 'src/lazy.ts', 'src/lib/d.ts'],
      packages: ['@napi-rs/canvas', 'chart.js'],
    });
  });

  it('visits each file once, however many import it, cycles included', () => {
    write({ 'a.ts': "import './b';\nimport './c';", 'b.ts': "import './c';\nimport './a';", 'c.ts': "import './b';" });
    expect(importGraph(root, ['a.ts', 'b.ts']).files).toEqual(['a.ts', 'b.ts', 'c.ts']);
  });

  it('stops on an import it cannot follow, naming the file', () => {
    write({ 'a.ts': "import { gone } from './gone';" });
    expect(() => importGraph(root, ['a.ts'])).toThrow('import graph: a.ts imports "./gone", which is not there');
    write({ 'a.ts': 'const load = (name: string) => import(`./drawings/${name}.ts`);' });
    expect(() => importGraph(root, ['a.ts'])).toThrow('import graph: a.ts has an import() of a computed path, which cannot be followed');
    expect(() => importGraph(root, ['missing.ts'])).toThrow(/entry missing\.ts not found/);
  });

  it('names the package of a deep or scoped import', () => {
    expect(['chart.js/auto', '@napi-rs/canvas', '@fontsource/inter/unicode.json', 'd3-geo'].map(packageName)).toEqual([
      'chart.js',
      '@napi-rs/canvas',
      '@fontsource/inter',
      'd3-geo',
    ]);
  });
});

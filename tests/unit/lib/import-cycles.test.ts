/**
 * src/lib has no import circle, type-only imports included: a circle means two modules are one
 * idea split in two, or a shape (a Problem, the ContentModel) living in the module that uses it
 * rather than beside it. The content model once had one (the check imported the source-tier
 * rules, which imported the check for its Problem type); src/lib/content/model.ts ended it.
 * Imports are read as text, so `import type` counts; es-module-lexer (the image cache's reader)
 * erases those, which is right for a cache and wrong here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const LIB = join(ROOT, 'src/lib');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  return undefined;
}

/** Every relative import of every module under src/lib, `import type` and `export … from` included. */
export function libGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g)]
      .map((m) => resolveImport(file, m[1]!))
      .filter((t): t is string => t !== undefined && t.startsWith(LIB));
    graph.set(file, targets);
  }
  return graph;
}

/** The first circle found by depth-first search, as a list of paths, or undefined. */
export function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === 'done') return undefined;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('imports in src/lib', () => {
  it('form no circle, type-only imports included', () => {
    const cycle = findCycle(libGraph(tsFiles(LIB)));
    expect(cycle?.map((f) => relative(ROOT, f)).join(' → ')).toBeUndefined();
  });

  it('the search finds a circle when there is one (a type-only one too)', () => {
    const graph = new Map([
      ['/a.ts', ['/b.ts']],
      ['/b.ts', ['/c.ts']],
      ['/c.ts', ['/a.ts']],
    ]);
    expect(findCycle(graph)).toEqual(['/a.ts', '/b.ts', '/c.ts', '/a.ts']);
    expect(findCycle(new Map([['/a.ts', ['/b.ts']], ['/b.ts', []]]))).toBeUndefined();
  });

  it('reads `import type` as an import', () => {
    const file = join(LIB, 'content/source-tiers.ts');
    expect(libGraph([file]).get(file)).toContain(join(LIB, 'content/model.ts'));
  });
});

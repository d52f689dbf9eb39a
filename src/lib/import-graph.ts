/**
 * The modules a program runs, found by following its imports from its entry modules.
 *
 * The image cache keys its drawings on the code that draws them (./images/cache.ts): a list
 * kept by hand misses the module someone adds next (the one that writes a PNG's source line
 * was missed), so the list is read from the code itself. Imports are read with
 * es-module-lexer, a real lexer that knows TypeScript's type-only imports: those are erased
 * before the code runs, so they are not followed. Relative and aliased imports are followed
 * into the project; a bare import names a package, whose version the caller weighs instead.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
// The asm.js build parses synchronously (the Wasm build needs an awaited init), so a
// build hook can ask for the graph without becoming async.
import { parse } from 'es-module-lexer/js';

export interface ImportGraph {
  /** Every project file reached, the entries included: paths relative to the root, '/'-separated, sorted. */
  files: string[];
  /** The packages the reached files import by name (`chart.js`, `@napi-rs/canvas`), sorted. */
  packages: string[];
}

export interface ImportGraphOptions {
  /** Specifier prefixes that stand for a folder of the project, as tsconfig.json's `paths` ({ '@/': 'src/' }). */
  aliases?: Record<string, string>;
}

/** Files whose imports are read; anything else reached (JSON, say) is a leaf. */
const CODE = /\.(?:[cm]?[jt]sx?)$/;
/** What an import without an extension may name, in the order TypeScript looks. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs', '.json'];

/** The package an import names: `chart.js/auto` → `chart.js`, `@napi-rs/canvas/x` → `@napi-rs/canvas`. */
export const packageName = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** The file an import of `path` (absolute, without query) loads, or undefined. */
function resolveFile(path: string): string | undefined {
  const candidates = [path, ...EXTENSIONS.map((ext) => path + ext), ...EXTENSIONS.map((ext) => join(path, `index${ext}`))];
  // TypeScript lets `./x.js` name `./x.ts`.
  if (/\.[cm]?js$/.test(path)) candidates.push(path.replace(/js$/, 'ts'));
  return candidates.find(isFile);
}

/**
 * Every project file reachable from `entries` (paths relative to `root`) through runtime
 * imports, and the packages they import. Throws on an import it cannot follow (a relative
 * path that is not there, a computed `import()`), so no code is ever silently left out.
 */
export function importGraph(root: string, entries: readonly string[], options: ImportGraphOptions = {}): ImportGraph {
  const aliases = Object.entries(options.aliases ?? {});
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = entries.map((entry) => {
    const file = resolveFile(resolve(root, entry));
    if (!file) throw new Error(`import graph: entry ${entry} not found under ${root}`);
    return file;
  });

  while (pending.length) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!CODE.test(file)) continue;
    const from = relative(root, file);
    let imports;
    try {
      [imports] = parse(readFileSync(file, 'utf8'), from);
    } catch (error) {
      throw new Error(`import graph: cannot read the imports of ${from}: ${(error as Error).message}`);
    }
    for (const imp of imports) {
      if (imp.type === 'import-meta') continue;
      if (imp.type === 'dynamic') {
        if (imp.probablyTypeOnly) continue;
        if (imp.specifier === undefined || imp.glob) throw new Error(`import graph: ${from} has an import() of a computed path, which cannot be followed`);
      } else if (imp.typeOnly) continue;
      const specifier = imp.specifier!.replace(/\?.*$/, '');
      const alias = aliases.find(([prefix]) => specifier.startsWith(prefix));
      const target = alias
        ? resolve(root, alias[1], specifier.slice(alias[0].length))
        : specifier.startsWith('.') || specifier.startsWith('/')
          ? resolve(dirname(file), specifier)
          : undefined;
      if (target === undefined) {
        if (!isBuiltin(specifier)) packages.add(packageName(specifier));
        continue;
      }
      const resolved = resolveFile(target);
      if (!resolved) throw new Error(`import graph: ${from} imports "${imp.specifier}", which is not there`);
      pending.push(resolved);
    }
  }

  const toRelative = (file: string) => relative(root, file).split(sep).join('/');
  return { files: [...files].map(toRelative).sort(), packages: [...packages].sort() };
}

/**
 * The content loader: reads every file under content/ once, checks it once (schemas and
 * cross-references, src/lib/content-integrity.ts) and keeps the result. Everything that needs
 * content (the start-of-build check, pages, the card collection, chart images, social cards,
 * feed, JSON-LD) asks one loader instead of reading the files again. In `astro dev` a changed
 * file is re-read on its own (`fileChanged`) and the model is checked again; nothing else is.
 *
 * The disk is reached only through a `ContentReader`, so a test can count the reads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent, formatProblem, type CheckResult, type ContentFiles, type ContentModel } from './content-integrity';

export interface ContentReader {
  /** Every file under `dir`, recursively, as absolute paths. Listing is not reading. */
  list(dir: string): string[];
  /** The text of one file, or undefined when it is gone. */
  read(file: string): string | undefined;
}

export const diskReader: ContentReader = {
  list(dir) {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const full = join(d, name);
        if (statSync(full).isDirectory()) walk(full);
        else out.push(full);
      }
    };
    walk(dir);
    return out;
  },
  read(file) {
    try {
      return readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  },
};

/** Files the content check looks at: data, charts and cards. */
const CONTENT_FILE = /\.(ya?ml|mdx|json)$/;

/** 'content/data/sources.yaml' for a file under `root` (always with '/'). */
export const contentPath = (root: string, file: string) => relative(root, file).split('\\').join('/');

/** Read every content file under `root`/content (paths relative to `root`). */
export function readContentFiles(root: string, reader: ContentReader = diskReader): ContentFiles {
  const files: ContentFiles = {};
  for (const file of reader.list(join(root, 'content')).sort()) {
    if (!CONTENT_FILE.test(file)) continue;
    const text = reader.read(file);
    if (text !== undefined) files[contentPath(root, file)] = text;
  }
  return files;
}

/** Content that fails the check: every problem, one line each (file: field: problem). */
export class ContentError extends Error {
  override name = 'ContentError';
  constructor(readonly problems: CheckResult['problems']) {
    super(`Content has ${problems.length} problem(s); nothing was built:\n  ${problems.map(formatProblem).join('\n  ')}`);
  }
}

export class ContentLoader {
  private files: ContentFiles | undefined;
  private checked: CheckResult | undefined;
  private readonly listeners = new Map<string, () => void>();
  /** Goes up by one whenever a file changes, so callers can tell a model is stale. */
  version = 0;

  constructor(
    readonly root: string,
    private readonly reader: ContentReader = diskReader,
  ) {}

  /** The file texts, read on first use. */
  private texts(): ContentFiles {
    this.files ??= readContentFiles(this.root, this.reader);
    return this.files;
  }

  /** The check's result: the model and every problem (empty when the content is sound). */
  result(): CheckResult {
    this.checked ??= checkContent(this.texts());
    return this.checked;
  }

  /** The model, or a ContentError listing every problem. */
  model(): ContentModel {
    const { problems, model } = this.result();
    if (problems.length) throw new ContentError(problems);
    return model;
  }

  /**
   * A file was added, changed or deleted (dev): read that one file again. Returns whether
   * anything changed; when it did, the next `result()` checks the content again and every
   * listener is told.
   */
  fileChanged(file: string): boolean {
    const path = contentPath(this.root, file);
    if (!path.startsWith('content/') || !CONTENT_FILE.test(path) || !this.files) return false;
    const text = this.reader.read(join(this.root, path));
    if (text === this.files[path]) return false;
    if (text === undefined) delete this.files[path];
    else this.files[path] = text;
    this.checked = undefined;
    this.version++;
    for (const listener of this.listeners.values()) listener();
    return true;
  }

  /** Call `listener` after each change; a second listener under the same name replaces the first. */
  onChange(name: string, listener: () => void): void {
    this.listeners.set(name, listener);
  }
}

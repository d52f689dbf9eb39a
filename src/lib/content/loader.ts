/**
 * The content loader: reads every file under content/ once, checks it once (schemas and
 * cross-references, src/lib/content/check.ts) and keeps the result. Everything that needs
 * content (the start-of-build check, pages, the card collection, chart images, social cards,
 * feed, JSON-LD) asks one loader instead of reading the files again. In `astro dev` a changed
 * file is re-read on its own (`fileChanged`) and the model is checked again; nothing else is.
 *
 * The disk is reached only through a `ContentReader`, so a test can count the reads.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkContent, formatProblem, type CheckResult, type ContentFiles, type ContentModel, type Problem } from './check';
import { decodeContent, normaliseText } from './text';
import { SOURCE_LANGUAGE, type Language } from './languages';

export interface ContentReader {
  /** Every file under `dir`, recursively, as absolute paths. Listing is not reading. */
  list(dir: string): string[];
  /**
   * One file: its bytes (decoded and normalised by the loader, src/lib/content/text.ts), text
   * already decoded (tests), or undefined when it is gone.
   */
  read(file: string): Uint8Array | string | undefined;
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
      return readFileSync(file);
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

/** One file's text, normalised (no BOM, LF line ends), or why it cannot be read as text. */
function decodeFile(path: string, content: Uint8Array | string): { text: string; problem?: Problem } {
  if (typeof content === 'string') return { text: normaliseText(content) };
  const decoded = decodeContent(content);
  if ('text' in decoded) return decoded;
  // The rest of the check still reads the file (bad bytes as U+FFFD), so the file is not also
  // reported as missing and its other problems show at once; the build is refused either way.
  return {
    text: normaliseText(new TextDecoder('utf-8').decode(content)),
    problem: { file: path, field: '(file)', message: `is not UTF-8 at byte ${decoded.badByte}; save it as UTF-8 (most editors: "Save with encoding", UTF-8)` },
  };
}

/** Read every content file under `root`/content (paths relative to `root`), and the files that could not be read as text. */
export function readContent(root: string, reader: ContentReader = diskReader): { files: ContentFiles; problems: Problem[] } {
  const files: ContentFiles = {};
  const problems: Problem[] = [];
  for (const file of reader.list(join(root, 'content')).sort()) {
    if (!CONTENT_FILE.test(file)) continue;
    const content = reader.read(file);
    if (content === undefined) continue;
    const path = contentPath(root, file);
    const decoded = decodeFile(path, content);
    files[path] = decoded.text;
    if (decoded.problem) problems.push(decoded.problem);
  }
  return { files, problems };
}

/** Read every content file under `root`/content; throws a ContentError when one is not text. */
export function readContentFiles(root: string, reader: ContentReader = diskReader): ContentFiles {
  const { files, problems } = readContent(root, reader);
  if (problems.length) throw new ContentError(problems);
  return files;
}

/** What an editor reads when content is refused: every problem, one line each (file: field: what is wrong). */
export const refusalReport = (problems: readonly Problem[], outcome = 'nothing was built') =>
  `Content has ${problems.length} problem(s); ${outcome}. Fix each line (file: field: what is wrong):\n  ${problems.map(formatProblem).join('\n  ')}`;

/** Content that fails the check: every problem, one line each (file: field: problem). */
export class ContentError extends Error {
  override name = 'ContentError';
  readonly problems: CheckResult['problems'];
  constructor(problems: CheckResult['problems']) {
    super(refusalReport(problems));
    this.problems = problems;
    // For editors, not developers: where in our code the content was refused says nothing to
    // them, and Astro prints a stack trace whenever an error carries one.
    this.stack = '';
  }
}

export class ContentLoader {
  private files: ContentFiles | undefined;
  /** Files that exist but are not text (not UTF-8), by path. */
  private unreadable = new Map<string, Problem>();
  private checked: CheckResult | undefined;
  private readonly listeners = new Map<string, () => void>();
  /** Goes up by one whenever a file changes, so callers can tell a model is stale. */
  version = 0;

  readonly root: string;
  private readonly reader: ContentReader;

  // Plain fields, not parameter properties: the command-line tools run this file on Node's
  // type stripping, which does not rewrite constructors (src/cli/resolve-ts.ts).
  /** The editions to check and build (the brand's `languages`). */
  readonly languages: readonly Language[];

  constructor(root: string, reader: ContentReader = diskReader, languages: readonly Language[] = [SOURCE_LANGUAGE]) {
    this.root = root;
    this.reader = reader;
    this.languages = languages;
  }

  /** The file texts, read on first use. */
  private texts(): ContentFiles {
    if (!this.files) {
      const { files, problems } = readContent(this.root, this.reader);
      this.files = files;
      for (const p of problems) this.unreadable.set(p.file, p);
    }
    return this.files;
  }

  /** The checked text of one content file (normalised), as the check read it; undefined when it has none. */
  text(path: string): string | undefined {
    return this.texts()[path];
  }

  /** The check's result: the model and every problem (empty when the content is sound). */
  result(): CheckResult {
    if (!this.checked) {
      const checked = checkContent(this.texts(), undefined, { languages: this.languages });
      this.checked = this.unreadable.size ? { ...checked, problems: [...this.unreadable.values(), ...checked.problems] } : checked;
    }
    return this.checked;
  }

  /** The model, or a ContentError listing every problem. */
  model(): ContentModel {
    const { problems, model } = this.result();
    if (problems.length) throw new ContentError(problems);
    return model;
  }

  /** One edition's model (English by default), or a ContentError listing every problem. */
  edition(lang: Language = SOURCE_LANGUAGE): ContentModel {
    const { problems, editions } = this.result();
    if (problems.length) throw new ContentError(problems);
    const model = editions[lang];
    if (!model) throw new Error(`the ${lang} edition is not built (the brand's languages are ${this.languages.join(', ')})`);
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
    const content = this.reader.read(join(this.root, path));
    const decoded = content === undefined ? undefined : decodeFile(path, content);
    const text = decoded?.text;
    const problem = decoded?.problem;
    if (text === this.files[path] && problem?.message === this.unreadable.get(path)?.message) return false;
    if (text === undefined) delete this.files[path];
    else this.files[path] = text;
    if (problem) this.unreadable.set(path, problem);
    else this.unreadable.delete(path);
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

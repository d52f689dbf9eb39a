/**
 * The content loader reads each content file once and checks the content once, however many
 * times the model is asked for; after an edit (dev) it reads that one file again.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ContentError, ContentLoader, diskReader, readContentFiles, type ContentReader } from '../../../src/lib/content/loader';
import { indexContent } from '../../../src/lib/content/lookups';
import { formatProblem } from '../../../src/lib/content/check';
import { fixtureFiles } from '../../support/fixtures';

const ROOT = '/project';

/** The fixture content in memory, behind a reader that counts what it reads. */
function countingReader(files: Record<string, string> = fixtureFiles()) {
  const disk = new Map(Object.entries(files).map(([path, text]) => [join(ROOT, path), text]));
  const reads = new Map<string, number>();
  const reader: ContentReader = {
    list: (dir) => [...disk.keys()].filter((f) => f.startsWith(`${dir}/`)),
    read: (file) => {
      const path = file.slice(ROOT.length + 1);
      reads.set(path, (reads.get(path) ?? 0) + 1);
      return disk.get(file);
    },
  };
  return { reader, reads, disk };
}

describe('ContentLoader', () => {
  it('reads every content file exactly once, however often the model is asked for', () => {
    const { reader, reads } = countingReader();
    const loader = new ContentLoader(ROOT, reader);
    // What a build does: the start-of-build check, the card collection, every page's lookups, the image integrations.
    expect(loader.model().cards.map((c) => c.path)).toEqual(['guarantees/first-card']);
    for (let i = 0; i < 50; i++) {
      loader.result();
      indexContent(loader.model()).sources.get('article');
    }
    expect([...reads.keys()].sort()).toEqual(Object.keys(fixtureFiles()).sort());
    expect([...reads.values()].every((n) => n === 1)).toBe(true);
  });

  it('checks the content once: the same model object every time', () => {
    const loader = new ContentLoader(ROOT, countingReader().reader);
    expect(loader.model()).toBe(loader.model());
    expect(loader.result()).toBe(loader.result());
  });

  it('after an edit reads only the edited file again, and the model shows the edit', () => {
    const { reader, reads, disk } = countingReader();
    const loader = new ContentLoader(ROOT, reader);
    const before = loader.model();
    let told = 0;
    loader.onChange('test', () => told++);
    const figures = join(ROOT, 'content/data/figures.yaml');
    disk.set(figures, disk.get(figures)!.replace('value: 800000', 'value: 850000'));
    expect(loader.fileChanged(figures)).toBe(true);
    expect(told).toBe(1);
    const after = loader.model();
    expect(after).not.toBe(before);
    expect(after.figures.find((f) => f.id === 'army')?.value).toBe(850000);
    expect(reads.get('content/data/figures.yaml')).toBe(2);
    expect([...reads].filter(([path]) => path !== 'content/data/figures.yaml').every(([, n]) => n === 1)).toBe(true);
  });

  it('ignores a save that changes nothing and files outside content/', () => {
    const { reader } = countingReader();
    const loader = new ContentLoader(ROOT, reader);
    const model = loader.model();
    expect(loader.fileChanged(join(ROOT, 'content/data/figures.yaml'))).toBe(false);
    expect(loader.fileChanged(join(ROOT, 'src/pages/index.astro'))).toBe(false);
    expect(loader.model()).toBe(model);
    expect(loader.version).toBe(0);
  });

  it('forgets a deleted file', () => {
    const { reader, disk } = countingReader();
    const loader = new ContentLoader(ROOT, reader);
    loader.model();
    const glossary = join(ROOT, 'content/data/glossary.yaml');
    disk.delete(glossary);
    expect(loader.fileChanged(glossary)).toBe(true);
    expect(loader.result().problems.map(formatProblem)).toContain('content/data/glossary.yaml: (file): is missing');
  });

  it('refuses broken content with every problem as file: field: problem', () => {
    const files = fixtureFiles();
    files['content/data/figures.yaml'] = files['content/data/figures.yaml']!.replace('source: article', 'source: nowhere');
    const loader = new ContentLoader(ROOT, countingReader(files).reader);
    expect(() => loader.model()).toThrow(ContentError);
    expect(() => loader.model()).toThrow(/content\/data\/figures\.yaml: \[0\] \(id "army"\)\.source: unknown source id "nowhere"/);
  });

  it('reads the disk the same way (the reader the build uses)', () => {
    const root = join(import.meta.dirname, '../../fixtures');
    expect(readContentFiles(root, diskReader)).toEqual(fixtureFiles());
  });
});

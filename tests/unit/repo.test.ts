/**
 * The repository explains itself: nothing in it points outside it, and every relative link in
 * the README and the guides in docs/ leads to a file (and heading) that exists. Someone who
 * clones the project has only what is in it.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../support/builds';
import { headingAnchors, isExternal, markdownLinks } from '../support/markdown-links';

// Spelled in pieces so this file does not mention the path it forbids.
const OUTSIDE = ['..', 'shared'].join('/');

/** Every file git would commit: tracked files plus new ones not ignored. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(out.split('\0').filter(Boolean))].filter((f) => existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).isFile());
}

const guides = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Problems with one guide's links, as `file:line: target: problem`. */
function linkProblems(guide: string): string[] {
  const text = readFileSync(join(ROOT, guide), 'utf8');
  const problems: string[] = [];
  for (const { target, line } of markdownLinks(text)) {
    if (isExternal(target)) continue;
    const [path = '', anchor] = target.split('#');
    const file = path ? resolve(ROOT, dirname(guide), decodeURIComponent(path)) : join(ROOT, guide);
    const where = `${guide}:${line}: ${target}`;
    if (relative(ROOT, file).startsWith('..')) problems.push(`${where}: leads outside the repository`);
    else if (!existsSync(file)) problems.push(`${where}: no such file`);
    else if (anchor && file.endsWith('.md') && !headingAnchors(readFileSync(file, 'utf8')).has(anchor)) problems.push(`${where}: no heading with that anchor`);
  }
  return problems;
}

describe('the repository stands alone', () => {
  it(`no file refers to ${OUTSIDE}`, () => {
    const offenders = repositoryFiles().filter((f) => {
      const bytes = readFileSync(join(ROOT, f));
      return !bytes.includes(0) && bytes.toString('utf8').includes(OUTSIDE);
    });
    expect(offenders).toEqual([]);
  });

  it('every guide a file names (docs/<name>.md) exists', () => {
    const missing = repositoryFiles().flatMap((f) => {
      const bytes = readFileSync(join(ROOT, f));
      if (bytes.includes(0)) return [];
      return [...bytes.toString('utf8').matchAll(/\bdocs\/[\w.-]+\.md\b/g)].map((m) => m[0]).filter((g) => !existsSync(join(ROOT, g))).map((g) => `${f}: ${g}`);
    });
    expect(missing).toEqual([]);
  });
});

describe('the guides', () => {
  it('are README.md and the files in docs/', () => {
    expect(guides).toContain('README.md');
    expect(guides.length).toBeGreaterThan(1);
  });

  it.each(guides)('%s: every relative link resolves to a file and heading in the repository', (guide) => {
    expect(linkProblems(guide)).toEqual([]);
  });

  it('README.md links every guide in docs/', () => {
    const linked = new Set(markdownLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((l) => l.target.split('#')[0]));
    expect(guides.filter((g) => g !== 'README.md' && !linked.has(g))).toEqual([]);
  });
});

describe('markdownLinks and headingAnchors', () => {
  const sample = [
    '# The CSP header',
    'See [quality](docs/quality.md#the-csp-header), ![logo](logo.svg) and <https://oembed.com/>.',
    'Not a link: `[x](nowhere.md)`.',
    '```md',
    '[inside a fence](nowhere.md)',
    '## Not a heading',
    '```',
    '## What "good" means here',
    '## The CSP header',
  ].join('\n');

  it('finds inline links, images and autolinks, but not those in code', () => {
    expect(markdownLinks(sample)).toEqual([
      { target: 'docs/quality.md#the-csp-header', line: 2 },
      { target: 'logo.svg', line: 2 },
      { target: 'https://oembed.com/', line: 2 },
    ]);
  });

  it('gives headings the anchors GitHub gives them, repeats numbered', () => {
    expect([...headingAnchors(sample)]).toEqual(['the-csp-header', 'what-good-means-here', 'the-csp-header-1']);
  });

  it('tells a URL from a path', () => {
    expect(isExternal('https://example.org/')).toBe(true);
    expect(isExternal('mailto:a@b.example')).toBe(true);
    expect(isExternal('docs/quality.md')).toBe(false);
    expect(isExternal('#anchor')).toBe(false);
  });
});

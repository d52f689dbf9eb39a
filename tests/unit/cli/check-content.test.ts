/**
 * `npm run check:content`, run as npm runs it (the project's Node, on its own TypeScript support)
 * over a scratch copy of content/: every problem at once, one line each, exit code 1; clean
 * content says so with exit code 0. No stack trace either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../support/builds';

let dir: string;
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
// The script's arguments after `node`, run with the Node that runs these tests (the project's own).
const args = pkg.scripts['check:content']!.split(' ').slice(1);
const checkContent = () => spawnSync(process.execPath, [...args, dir], { cwd: ROOT, encoding: 'utf8' });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ex-check-content-'));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check:content', () => {
  it('is a node script that needs no build', () => {
    expect(pkg.scripts['check:content']).toMatch(/^node --import \.\/src\/cli\/resolve-ts\.ts src\/cli\/check-content\.ts$/);
  });

  it('says the content is sound, with exit code 0', () => {
    const run = checkContent();
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Content OK: \d+ cards in \d+ stacks, \d+ sources, \d+ charts; editions: en, uk \(checked in \d+ ms\)\.$/m);
  });

  it('lists every problem at once, one line each, with exit code 1 and no stack trace', () => {
    const card = join(dir, 'content/explainers/article-5/legal-form.mdx');
    writeFileSync(card, `${readFileSync(card, 'utf8')}\n<script>alert(1)</script>\n`);
    const glossary = join(dir, 'content/data/glossary.yaml');
    writeFileSync(glossary, readFileSync(glossary, 'utf8').replace(/^(\s+term: )(.*)$/m, '$1"$2\u202E"'));
    const run = checkContent();
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Content has 2 problem\(s\); checked in \d+ ms\./);
    expect(run.stderr).toMatch(/content\/explainers\/article-5\/legal-form\.mdx: \(body, line \d+, column 1\): <script> is not allowed in a card/);
    expect(run.stderr).toMatch(/content\/data\/glossary\.yaml: \[0\]\.term: contains an invisible U\+202E RIGHT-TO-LEFT OVERRIDE/);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

/**
 * A broken content file must stop `astro build` with a message naming the file, the field and
 * the problem, and publish nothing. Each case copies the project to a scratch folder, breaks one
 * file and runs the real build.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/builds';

function buildWith(name: string, file: string, edit: (text: string) => string) {
  const dir = join(ROOT, 'tests/.tmp/broken', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const part of ['src', 'public', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  expect(after, 'the fault was injected').not.toBe(before);
  writeFileSync(path, after);
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BASE_PATH: '/', SITE_URL: 'https://example.org' },
  });
  const output = `${run.stdout}\n${run.stderr}`;
  const published = existsSync(join(dir, 'dist/index.html'));
  // A refusal is for editors: a plain list, never a stack trace or a location in our code.
  expect(output).not.toMatch(/An unhandled error|Stack trace|Location:|^\s+at .+:\d+:\d+\)?$/m);
  rmSync(dir, { recursive: true, force: true });
  return { status: run.status, output, published };
}

const CARD = 'content/explainers/frozen-assets/belgium-objections.mdx';

describe('a broken content file fails the build with file, field and problem', () => {
  it('unknown source id', () => {
    const r = buildWith('unknown-source', CARD, (t) => t.replace(/^sources:\n/m, 'sources:\n  - no-such-source\n'));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(`${CARD}: sources[0]: unknown source id "no-such-source"`);
    expect(r.published).toBe(false);
  });

  it('bad date', () => {
    const r = buildWith('bad-date', 'content/data/timeline.yaml', (t) => t.replace(/date: '?(\d{4})-\d{2}-\d{2}'?/, "date: '$1-02-30'"));
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/content\/data\/timeline\.yaml: \[0\] \(id "[^"]+"\)\.date: must be a real date written YYYY-MM-DD/);
    expect(r.published).toBe(false);
  });

  it('missing field', () => {
    const r = buildWith('missing-field', CARD, (t) => t.replace(/^dek:.*\n(?: {2}.*\n)*/m, ''));
    expect(r.status).not.toBe(0);
    expect(r.output).toContain(`${CARD}: dek: is required`);
    expect(r.published).toBe(false);
  });

  it('duplicate id', () => {
    const r = buildWith('duplicate-id', 'content/data/people.yaml', (t) => {
      // Append a second copy of the first record.
      const first = t.indexOf('- id:');
      return `${t.trimEnd()}\n${t.slice(first, t.indexOf('\n- id:', first) + 1)}`;
    });
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/content\/data\/people\.yaml: \[\d+\] \(id "[^"]+"\)\.id: duplicate id/);
    expect(r.published).toBe(false);
  });

  it('a quote whose only source is state media (issue 11: the tier rule)', () => {
    const r = buildWith('state-only-quote', 'content/data/sources.yaml', (t) =>
      t.replace(/(- id: rte-2026-01-08\n(?: {2}.*\n)*? {2}tier: )news\n/, '$1state\n  government: Ireland\n'),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/content\/data\/quotes\.yaml: \[\d+\] \(id "zakharova-legitimate-targets"\)\.source: rests only on state or relay sources \(rte-2026-01-08: state\)/);
    expect(r.published).toBe(false);
  });

  it('high confidence on a single relay (issue 11: the tier rule)', () => {
    const r = buildWith('single-relay-high', 'content/data/sources.yaml', (t) =>
      t.replace(/(- id: cnn-2022-02-25\n(?: {2}.*\n)*? {2}tier: )news\n/, '$1relay\n  relays: the IISS\n'),
    );
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/content\/data\/figures\.yaml: \[\d+\] \(id "ukraine-army-active-2022"\)\.confidence: is high but rests on a single relay \(cnn-2022-02-25\)/);
    expect(r.published).toBe(false);
  });
});

/**
 * `npm run sources:report`, run as npm runs it (the project's Node, on its own TypeScript
 * support): it prints the report over the project's content and both sets of totals, and a
 * wrong argument is one line and exit code 1.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/builds';

const report = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', './src/cli/resolve-ts.ts', 'src/cli/sources-report.ts', ...args], { cwd: ROOT, encoding: 'utf8' });

/** Each run starts Node with its TypeScript loader (a second or more on a loaded machine). */
const RUNS = 30_000;

describe('npm run sources:report', () => {
  it('is the script package.json runs', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['sources:report']).toBe('node --import ./src/cli/resolve-ts.ts src/cli/sources-report.ts');
  });

  it('prints claims grouped by file and the totals by effective and by publisher tier', () => {
    const run = report();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^content\/explainers\/security-guarantees\/what-is-the-plan\.mdx: \d+ claim\(s\)/m);
    expect(run.stdout).toMatch(/^ {2}by effective tier \(publisher and carrier\): \d+ claims; \d+ rest on relays only \(\d+ of them attributed in the text to whose reporting they are\); \d+ rest on one source/m);
    expect(run.stdout).toMatch(/^ {2}by publisher tier alone \(before carriers\): \d+ claims/m);
  }, RUNS);

  it('--weak prints fewer lines; an unknown argument is refused in one line', () => {
    expect(report('--weak').stdout.split('\n').length).toBeLessThan(report().stdout.split('\n').length);
    const bad = report('--everything');
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('unknown argument "--everything"');
  }, RUNS);
});

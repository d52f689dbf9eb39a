/**
 * `astro dev` picks up an edited content file without a restart: the test starts the dev
 * server in a scratch copy of the project, reads a page, changes a figure in figures.yaml and
 * waits for the served page to show the new value.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/builds';
import { copyProject } from '../support/project-copy';

// Outside the repository: Astro finds no pages under a hidden folder such as tests/.tmp.
const DIR = mkdtempSync(join(tmpdir(), 'dev-reload-'));
const FIGURES = join(DIR, 'content/data/figures.yaml');
/** A figure the Article 5 page shows ("about 1,900"), as written in figures.yaml. */
const RECORD = /(- id: ukraine-strategic-warheads\n(?:  .*\n)*?  value: )1900\n/;

let server: ChildProcess | undefined;

afterAll(() => {
  // The server was started in its own process group, so its children go with it.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  rmSync(DIR, { recursive: true, force: true });
});

const devEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && !k.startsWith('VITEST') && k !== 'TEST'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Fetch `url` until `until` holds for the body (the server may still be starting, or reloading). */
async function poll(url: string, until: (body: string) => boolean, what: string, limitMs = 90_000): Promise<string> {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < limitMs) {
    try {
      const res = await fetch(url);
      last = await res.text();
      if (res.ok && until(last)) return last;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: not seen at ${url} within ${limitMs / 1000} s; last body starts: ${last.slice(0, 300)}`);
}

describe('astro dev', () => {
  it('serves an edited figure without a restart', { timeout: 240_000 }, async () => {
    copyProject(ROOT, DIR);
    const port = await freePort();
    let log = '';
    server = spawn(process.execPath, [join(DIR, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: DIR,
      detached: true,
      // Vitest's own variables (NODE_ENV=test, VITEST…) would make Astro serve no routes.
      env: { ...devEnv(), BASE_PATH: '/', SITE_URL: 'https://example.org' },
    });
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    const url = `http://127.0.0.1:${port}/article-5/`;

    const before = await poll(url, (b) => b.includes('about 1,900'), 'the figure before the edit').catch((e) => {
      throw new Error(`${(e as Error).message}\n--- dev server log ---\n${log}`);
    });
    expect(before).not.toContain('about 1,937');

    // The dev server draws a card's social card and its gallery thumbnail when asked.
    for (const [path, magic] of [['og/article-5/what-article-5-says.png', '\x89PNG'], ['thumbs/article-5/what-article-5-says.webp', 'RIFF']] as const) {
      const res = await fetch(`http://127.0.0.1:${port}/${path}`);
      expect(res.status, path).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).toString('latin1', 0, 4), path).toBe(magic);
    }

    const text = readFileSync(FIGURES, 'utf8');
    expect(RECORD.test(text), 'the figure record is where the test expects it').toBe(true);
    writeFileSync(FIGURES, text.replace(RECORD, '$11937\n'));

    const after = await poll(url, (b) => b.includes('about 1,937'), 'the edited figure').catch((e) => {
      throw new Error(`${(e as Error).message}\n--- dev server log ---\n${log}`);
    });
    expect(after).not.toContain('about 1,900');
    expect(server.exitCode, 'the same server process served both').toBeNull();
  });
});

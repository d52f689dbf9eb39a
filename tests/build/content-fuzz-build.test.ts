/**
 * A handful of the content fuzz edits (tests/support/content-fuzz.ts) built end to end with the
 * real `astro build`, with a planted deploy secret in the environment:
 * - refused edits stop the build before anything is written, with a readable message that
 *   names the file and no stack trace, and without printing the secret;
 * - accepted edits (markup typed into YAML text, escaped braces, a Windows editor's file) build,
 *   and nothing in dist/ carries live markup from them, a `javascript:` URL or the secret.
 * The other 200-odd edits run in-process in tests/unit/content-fuzz.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { ROOT } from '../support/builds';
import { copyProject } from '../support/project-copy';
import { attr, elements, parseHtml, textOf } from '../support/html';
import { listFiles } from '../support/dist';
import { fuzzCases, MARK, PLANTED_SECRET, PLANTED_SECRET_NAME, type FuzzCase } from '../support/content-fuzz';
import { readContentFiles } from '../../src/lib/content/loader';

const base = readContentFiles(ROOT);
const byName = new Map(fuzzCases().map((c) => [c.name, c]));
const pick = (name: string): FuzzCase => {
  const c = byName.get(name);
  if (!c) throw new Error(`no fuzz case "${name}"`);
  return c;
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Copy the project, apply the edits (one per file), build; the image cache is shared (it is content-addressed). */
function buildWith(name: string, edits: FuzzCase[]) {
  const dir = join(ROOT, 'tests/.tmp/fuzz', name);
  dirs.push(dir);
  copyProject(ROOT, dir);
  const cache = join(ROOT, 'node_modules/.cache/explainer-images');
  mkdirSync(cache, { recursive: true });
  mkdirSync(join(dir, 'node_modules/.cache'), { recursive: true });
  symlinkSync(cache, join(dir, 'node_modules/.cache/explainer-images'));
  expect(new Set(edits.map((e) => e.file)).size, 'one edit per file').toBe(edits.length);
  for (const c of edits) {
    const files = { ...base };
    const text = c.edit(files);
    if (text === undefined) throw new Error('no deletions here');
    mkdirSync(join(dir, c.file, '..'), { recursive: true });
    writeFileSync(join(dir, c.file), c.bytes ? c.bytes(files) : text);
  }
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BASE_PATH: '/', SITE_URL: 'https://example.org', [PLANTED_SECRET_NAME]: PLANTED_SECRET },
  });
  return { dir, status: run.status, output: `${run.stdout}\n${run.stderr}`, published: existsSync(join(dir, 'dist/index.html')) };
}

/** A refusal for editors: the file named, one line per problem, no stack trace, no secret. */
function expectReadableRefusal(r: ReturnType<typeof buildWith>, file: string, message: RegExp) {
  expect(r.status).not.toBe(0);
  expect(r.published).toBe(false);
  expect(r.output).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*${message.source}`));
  expect(r.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(r.output).not.toMatch(/An unhandled error|Stack trace|Location:/);
  expect(r.output).not.toContain(PLANTED_SECRET);
}

describe('refused edits stop a real build with a readable message', () => {
  it('an expression printing an environment variable', () => {
    const c = pick('env expression in content/explainers/article-5/legal-form.mdx');
    expectReadableRefusal(buildWith('env', [c]), c.file, /cannot run JavaScript expressions/);
  });

  it('a script element and an unknown component', () => {
    const c = pick('script element in content/explainers/security-guarantees/european-force.mdx');
    const d = pick('unknown component in content/explainers/frozen-assets/belgium-objections.mdx');
    const r = buildWith('script', [c, d]);
    expectReadableRefusal(r, c.file, /<script> is not allowed in a card/);
    expect(r.output).toMatch(/belgium-objections\.mdx: \(body, line \d+, column \d+\): unknown component <Evil>/);
  });

  it('a javascript: source URL and a file that is not UTF-8', () => {
    const r = buildWith('url-encoding', [pick('javascript: source url'), pick('Latin-1 byte')]);
    expectReadableRefusal(r, 'content/data/sources.yaml', /url: must be a full http\(s\) URL/);
    expect(r.output).toMatch(/legal-form\.mdx: \(file\): is not UTF-8 at byte \d+/);
  });
});

describe('accepted edits build as harmless text', () => {
  const accepted = [
    pick('markup in a dek (5)'),
    pick('markup in a source title (2)'),
    pick('markup in a glossary definition (4)'),
    pick('escaped braces in content/explainers/article-5/legal-form.mdx'),
    pick('BOM and CRLF (a Windows editor)'),
  ];
  let r: ReturnType<typeof buildWith>;

  it('builds', () => {
    r = buildWith('accepted', accepted);
    expect(r.status, r.output.slice(-2000)).toBe(0);
    expect(r.published).toBe(true);
  }, 240_000);

  /** Every HTML document or fragment in dist/: pages, the script embed's fragments, the feed's HTML. */
  function htmlIn(dist: string): { where: string; html: string }[] {
    const out: { where: string; html: string }[] = [];
    const strings = (v: unknown, where: string): void => {
      if (typeof v === 'string') {
        if (v.includes('<')) out.push({ where, html: v });
      } else if (Array.isArray(v)) v.forEach((x) => strings(x, where));
      else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, where));
    };
    for (const file of listFiles(dist)) {
      const text = readFileSync(join(dist, file), 'utf8');
      if (file.endsWith('.html')) out.push({ where: file, html: text });
      else if (file.endsWith('.json')) strings(JSON.parse(text), file);
      else if (file.endsWith('.xml')) strings(new XMLParser({ processEntities: true, htmlEntities: true }).parse(text), file);
    }
    return out;
  }

  it('publishes no live markup, no javascript: URL and no secret anywhere in dist/', () => {
    const dist = join(r.dir, 'dist');
    const files = listFiles(dist).filter((f) => /\.(html|json|xml|txt|js|css|csv|svg|webmanifest)$/.test(f));
    for (const file of files) expect(readFileSync(join(dist, file), 'utf8'), file).not.toContain(PLANTED_SECRET);
    let sawMark = 0;
    for (const { where, html } of htmlIn(dist)) {
      const doc = parseHtml(html.startsWith('<!') ? html : `<!doctype html><body>${html}`);
      for (const el of elements(doc)) {
        const label = `${where}: <${el.tagName}>`;
        if (el.tagName === 'script') {
          // JSON-LD carries the typed text as data; it must still be one whole JSON document
          // (a payload that closed the script would leave broken JSON and a second script).
          if (attr(el, 'type') === 'application/ld+json') expect(() => JSON.parse(textOf(el)), label).not.toThrow();
          else expect(textOf(el), label).not.toContain(MARK);
        }
        if (el.tagName === 'svg' || el.tagName === 'img') expect(el.attrs.map((a) => a.value).join(' '), label).not.toContain(MARK);
        for (const a of el.attrs) {
          if (/^on/i.test(a.name)) expect(a.value, `${label} ${a.name}`).not.toContain(MARK);
          if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(a.name)) expect(a.value.trim(), `${label} ${a.name}`).not.toMatch(/^javascript:/i);
        }
      }
      if (textOf(doc).includes(MARK)) sawMark++;
    }
    // The payloads were published, as text: the test looked at the right pages.
    expect(sawMark, 'pages where the typed markup shows as text').toBeGreaterThan(3);
  });

  it('shows the escaped braces as text, and the Windows editor’s card as its plain twin', () => {
    const dist = join(r.dir, 'dist');
    const article5 = readFileSync(join(dist, 'article-5/index.html'), 'utf8');
    expect(textOf(parseHtml(article5))).toContain(`{process.env.${PLANTED_SECRET_NAME}}`);
    const context = readFileSync(join(dist, 'context/index.html'), 'utf8');
    expect(context).not.toMatch(/\r|\uFEFF/);
    const title = /^title: (.*)$/m.exec(base['content/explainers/context/donbas.mdx']!)![1]!.replace(/^['"]|['"]$/g, '');
    expect(textOf(parseHtml(context))).toContain(title);
    expect(attr([...elements(parseHtml(context))].find((e) => attr(e, 'id') === 'donbas')!, 'id')).toBe('donbas');
  });
});

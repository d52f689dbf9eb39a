/**
 * Each build-output check catches its fault: a broken link, a missing anchor, a missing asset
 * and an orphan page (links); an inline script, an event handler, a style attribute and an
 * unsafe policy (CSP); invalid HTML (vnu); over-budget pages and a render-blocking script
 * (budgets); a changed byte (same bytes); a header policy that differs from the meta (CSP
 * headers). Each runs the same module the real test runs, on a copy of dist/ with one fault planted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { builds, ROOT, SITE_URL } from '../../support/builds.ts';
import { editFile, faultyCopy, inHead, inMain, incompressible } from '../../support/faults.ts';
import { crawl } from '../../support/links.ts';
import { cspProblems, framingProblems, headerPoliciesFor, metaPolicies, parseHeadersFile, policyCoversMeta } from '../../support/csp.ts';
import { validateHtml } from '../../support/vnu.ts';
import { budgetProblems, measureSite } from '../../support/budgets.ts';
import { compareTrees } from '../../support/same-bytes.ts';
import { listFiles, parseHtml } from '../../support/html.ts';
import { serveStatic } from '../../support/static-server.ts';

afterAll(() => rmSync(`${ROOT}tests/.tmp/faults`, { recursive: true, force: true }));

describe('fault injection: each check catches its fault', () => {
  it('links: a broken link, a missing anchor, a missing asset and an orphan page', async () => {
    const dir = faultyCopy('links');
    editFile(dir, 'index.html', inMain('<p><a href="/no-such-page/">gone</a> <a href="/sources/#no-such-anchor">anchor</a></p>'));
    // A missing asset: a chart image a stack page shows (every page carries its stylesheet inline).
    const image = listFiles(dir).find((f) => /^charts\/[^/]+\/[^/]+-light\.svg$/.test(f))!;
    rmSync(join(dir, image));
    mkdirSync(join(dir, 'orphan'));
    writeFileSync(join(dir, 'orphan/index.html'), readFileSync(join(dir, 'sources/index.html')));
    const server = await serveStatic(dir);
    try {
      const result = await crawl({ url: server.url, dist: dir, publicUrl: new URL('/', SITE_URL).href });
      const lines = result.problems.map((p) => `${p.from}: ${p.ref}: ${p.message}`);
      expect(lines).toContain('/: /no-such-page/: broken (404)');
      expect(lines).toContain('/: /sources/#no-such-anchor: no element with id "no-such-anchor"');
      expect(lines.some((l) => l.includes(image.split('/').pop()!) && l.endsWith('broken (404)'))).toBe(true);
      expect(result.orphans).toEqual(['orphan/']);
    } finally {
      await server.close();
    }
  });

  it('CSP: an inline script, an inline handler, a style attribute, a javascript: URL and an unsafe policy', () => {
    const html = readFileSync(join(builds.root.outDir, 'index.html'), 'utf8');
    expect(cspProblems(html)).toEqual([]);
    const faulty = inMain('<script>alert(1)</script><button onclick="x()">b</button><p style="color:red">s</p><a href="javascript:void(0)">j</a>')(html);
    const problems = cspProblems(faulty).join('\n');
    expect(problems).toMatch(/inline script whose hash is not in script-src <script>: alert\(1\)/);
    expect(problems).toMatch(/inline event handler <button\[onclick="x\(\)"\]>/);
    expect(problems).toMatch(/style attribute <p\[style="color:red"\]>/);
    expect(problems).toMatch(/javascript: URL/);
    // The script loader is allowed by its hash; the same tag with other code is not.
    const withLoader = readFileSync(join(builds.root.outDir, 'frozen-assets', 'index.html'), 'utf8');
    expect(cspProblems(withLoader)).toEqual([]);
    expect(cspProblems(withLoader.replace(/(<script type="module" data-scripts="[^"]*">)/, '$1alert(1);')).join('\n')).toMatch(/inline script whose hash is not in script-src/);
    // JSON-LD is data, not script: it is allowed.
    expect(cspProblems(inMain('<script type="application/ld+json">{}</script>')(html))).toEqual([]);
    // Astro may list a script's hash before 'self': plant the fault whatever the order.
    const unsafe = html.replace(/script-src /, "script-src 'unsafe-inline' ");
    expect(unsafe, 'the fault was planted').not.toBe(html);
    expect(cspProblems(unsafe)).toContain("CSP script-src allows 'unsafe-inline'");
    const noMeta = html.replace(/<meta http-equiv="content-security-policy"[^>]*>/, '');
    expect(cspProblems(noMeta)[0]).toMatch(/expected one CSP <meta/);
  });

  it('CSP headers: a header policy that differs from the meta, and an embed that cannot be framed', () => {
    const dir = builds.root.outDir;
    const rules = parseHeadersFile(readFileSync(join(dir, '_headers'), 'utf8'));
    const meta = metaPolicies(parseHtml(readFileSync(join(dir, 'index.html'), 'utf8')))[0]!;
    expect(headerPoliciesFor(rules, '/').flatMap((p) => policyCoversMeta(p, meta))).toEqual([]);
    const headers = readFileSync(join(dir, '_headers'), 'utf8');
    const loosened = parseHeadersFile(headers.replace(/script-src /g, 'script-src https://cdn.example '));
    expect(loosened, 'the fault was planted').not.toEqual(parseHeadersFile(headers));
    expect(headerPoliciesFor(loosened, '/').flatMap((p) => policyCoversMeta(p, meta)).join('\n')).toMatch(/script-src: header \[.*https:\/\/cdn.example/);
    // A header without a hash the page's meta allows would block that inline element on the hosts.
    const tightened = parseHeadersFile(headers.replace(/(style-src 'self') 'sha256-[^']+'/g, '$1'));
    expect(tightened, 'the fault was planted').not.toEqual(parseHeadersFile(headers));
    expect(headerPoliciesFor(tightened, '/').flatMap((p) => policyCoversMeta(p, meta)).join('\n')).toMatch(/style-src: the header lacks the meta's 'sha256-/);
    const locked = parseHeadersFile('/*\n  X-Frame-Options: DENY\n');
    expect(framingProblems(locked, '/embed/a/b/', true)[0]).toMatch(/an embed sent X-Frame-Options DENY/);
    expect(framingProblems(parseHeadersFile(''), '/', false)[0]).toMatch(/may be framed by any site/);
    // The file main had: a site-wide X-Frame-Options lifted for embeds by Cloudflare's detach line,
    // then a second /* rule for the CSP. Netlify ignores the detach line and keeps DENY on embeds;
    // Cloudflare keeps only the last /* rule, so pages lose DENY.
    const old = '/*\n  X-Frame-Options: DENY\n/embed/*\n  ! X-Frame-Options\n  Content-Security-Policy: frame-ancestors *\n/*\n  Content-Security-Policy: default-src \'self\'\n';
    expect(framingProblems(parseHeadersFile(old), '/embed/a/b/', true, 'netlify')[0]).toMatch(/an embed sent X-Frame-Options DENY/);
    expect(framingProblems(parseHeadersFile(old), '/', false, 'cloudflare')[0]).toMatch(/may be framed by any site/);
    // A site-wide CSP with frame-ancestors 'none' before the embeds' own: Cloudflare joins both.
    const joined = "/*\n  Content-Security-Policy: frame-ancestors 'none'\n/embed/*\n  Content-Security-Policy: frame-ancestors *\n";
    expect(framingProblems(parseHeadersFile(joined), '/embed/a/b/', true, 'cloudflare')[0]).toMatch(/newsrooms cannot frame this embed/);
    expect(framingProblems(parseHeadersFile(joined), '/embed/a/b/', true, 'netlify')).toEqual([]);
  });

  it('valid HTML: a stray end tag and a duplicate id', () => {
    const dir = faultyCopy('html');
    editFile(dir, 'index.html', inMain('<p id="main">duplicate id</p></span>'));
    const errors = validateHtml([join(dir, 'index.html'), join(dir, 'sources/index.html')]);
    expect(errors.every((e) => e.url.endsWith('faults/html/index.html'))).toBe(true);
    expect(errors.map((e) => e.message).join('\n')).toMatch(/Duplicate ID “main”/);
    expect(errors.map((e) => e.message).join('\n')).toMatch(/Stray end tag “span”/);
  });

  it('budgets: heavy HTML, a heavy stylesheet (linked or inline), a render-blocking script and heavy JavaScript on load', async () => {
    const dir = faultyCopy('budgets');
    writeFileSync(join(dir, '_astro/fault-heavy.css'), `.x{content:"${incompressible(10 * 1024)}"}`);
    writeFileSync(join(dir, '_astro/fault-heavy.js'), `console.log("${incompressible(24 * 1024)}");`);
    writeFileSync(join(dir, '_astro/fault-blocking.js'), 'void 0;');
    editFile(dir, 'sources/index.html', inMain(`<p>${incompressible(45 * 1024)}</p>`));
    editFile(dir, 'updates/index.html', inHead('<link rel="stylesheet" href="/_astro/fault-heavy.css"><script src="/_astro/fault-blocking.js"></script>'));
    editFile(dir, '404.html', inHead('<script type="module" src="/_astro/fault-heavy.js"></script>'));
    editFile(dir, 'search/index.html', inHead(`<style>.x{content:"${incompressible(10 * 1024)}"}</style>`));
    const problems = budgetProblems(await measureSite(dir, '/', ['search/', 'sources/', 'updates/', '404.html'])).join('\n');
    expect(problems).toMatch(/^search\/: render-blocking CSS \d+\.\d KB brotli > 8\.0 KB$/m);
    expect(problems).toMatch(/^sources\/: HTML \d+\.\d KB brotli > 40\.0 KB$/m);
    expect(problems).toMatch(/^updates\/: render-blocking CSS \d+\.\d KB brotli > 8\.0 KB$/m);
    expect(problems).toMatch(/^updates\/: render-blocking scripts: \/_astro\/fault-blocking\.js$/m);
    expect(problems).toMatch(/^404\.html: JavaScript on first load \d+\.\d KB brotli > 20\.0 KB$/m);
  });

  it('budgets: the home page over one round trip', async () => {
    const dir = faultyCopy('home-budget');
    editFile(dir, 'index.html', inMain(`<p>${incompressible(14 * 1024)}</p>`));
    const problems = budgetProblems(await measureSite(dir, '/', [''])).join('\n');
    expect(problems).toMatch(/^\/: HTML \+ render-blocking CSS \d+\.\d KB brotli > 14\.0 KB \(one round trip\)$/m);
  });

  it('same bytes: one changed byte and one extra file are listed', () => {
    const dir = faultyCopy('same-bytes');
    editFile(dir, 'sources/index.html', (s) => s.replace('<html', '<html '));
    writeFileSync(join(dir, 'build-time.txt'), String(Date.now()));
    const diffs = compareTrees(builds.root.outDir, dir);
    expect(diffs.map((d) => `${d.file}: ${d.kind}`)).toEqual(['build-time.txt: only in second', 'sources/index.html: differs']);
  });
});

import { describe, expect, it } from 'vitest';
import { deferScripts, moduleScripts } from '../../../src/lib/deferred-scripts';
import { deferredScripts, EMBED_SCRIPT_LOADER, SCRIPT_LOADER, scriptLoaderTag } from '../../../src/lib/script-loader';
import { cspHash } from '../../../src/lib/page-policy';

const policy = `<meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">`;
const page = (csp = policy, body = '<script type="module" src="/_astro/Card.A1.js"></script><p>Hi</p><script type="module" src="/_astro/Chart.B2.js"></script><script type="application/ld+json">{"@type":"Article"}</script>') =>
  `<!doctype html><html><head>${csp}<title>T</title></head><body>${body}</body></html>`;

describe('deferScripts', () => {
  it('lists external module scripts in page order, once each, and nothing else', () => {
    const html = page(policy, `${page()}<script type="module" src="/_astro/Card.A1.js"></script><script src="/classic.js"></script><script type="module">inline()</script>`);
    expect(moduleScripts(html)).toEqual(['/_astro/Card.A1.js', '/_astro/Chart.B2.js']);
  });

  it('replaces the tags with one loader before </body>, allowed by exactly its hash', () => {
    const out = deferScripts(page(), 'article-5/index.html');
    expect(moduleScripts(out)).toEqual([]);
    expect(deferredScripts(out)).toEqual(['/_astro/Card.A1.js', '/_astro/Chart.B2.js']);
    expect(deferredScripts(page())).toEqual([]);
    expect(out).toContain(`<script type="module" data-scripts="/_astro/Card.A1.js /_astro/Chart.B2.js">${SCRIPT_LOADER}</script></body>`);
    expect(out).toContain('<script type="application/ld+json">{"@type":"Article"}</script>');
    const csp = /content="([^"]*)"/.exec(out)![1]!;
    expect(csp).toContain(`script-src ${cspHash(SCRIPT_LOADER)} 'self' 'wasm-unsafe-eval'`);
    expect(csp).toContain("style-src 'self'");
  });

  it('writes the same loader, so the same hash, whatever scripts the page needs', () => {
    const one = deferScripts(page(policy, '<script type="module" src="/_astro/Card.A1.js"></script>'), 'a/index.html');
    const other = deferScripts(page(policy, '<script type="module" src="/uk/_astro/Search.C3.js"></script>'), 'uk/search/index.html');
    const policyOf = (html: string) => /content="([^"]*)"/.exec(html)![1];
    expect(policyOf(one)).toBe(policyOf(other));
    expect(scriptLoaderTag(['/uk/_astro/Search.C3.js'])).toContain(SCRIPT_LOADER);
    expect(() => deferScripts(page(policy, '<script type="module" src="/a b.js"></script>'), 'c/index.html')).toThrow(/c\/index.html: a module script's src cannot be written/);
  });

  /** Runs the loader's text with stand-ins for the page's globals (import() → importer()). */
  function runLoader(paintTiming: boolean, loader = SCRIPT_LOADER) {
    const calls: string[] = [];
    const listeners: Record<string, () => void> = {};
    const frames: (() => void)[] = [];
    const tasks: (() => void)[] = [];
    const observers: { fire: () => void; options?: unknown; disconnected: boolean }[] = [];
    class PerformanceObserver {
      static supportedEntryTypes = paintTiming ? ['paint', 'resource'] : ['resource'];
      private entry: { fire: () => void; options?: unknown; disconnected: boolean };
      constructor(callback: (list: unknown, observer: PerformanceObserver) => void) {
        this.entry = { fire: () => callback({}, this), disconnected: false };
        observers.push(this.entry);
      }
      observe(options: unknown) { this.entry.options = options; }
      disconnect() { this.entry.disconnected = true; }
    }
    const env = {
      document: { readyState: 'interactive', querySelector: (sel: string) => (sel === 'script[data-scripts]' ? { dataset: { scripts: '/a.js /b.js' } } : null) },
      addEventListener: (type: string, fn: () => void) => (listeners[type] = fn),
      requestAnimationFrame: (fn: () => void) => frames.push(fn),
      setTimeout: (fn: () => void) => tasks.push(fn),
      PerformanceObserver,
      importer: (u: string) => calls.push(u),
    };
    const body = loader.replace(/\bimport\(/g, 'importer(');
    new Function(...Object.keys(env), body)(...Object.values(env));
    return { calls, listeners, frames, tasks, observers };
  }

  it('the loader imports every script only after load, a reported paint, a frame and a task', () => {
    const { calls, listeners, frames, tasks, observers } = runLoader(true);
    expect(calls).toEqual([]);
    listeners.load!();
    expect(observers).toHaveLength(1);
    expect(observers[0]!.options).toEqual({ type: 'paint', buffered: true });
    expect(frames).toHaveLength(0);
    observers[0]!.fire();
    expect(observers[0]!.disconnected).toBe(true);
    expect(calls).toEqual([]);
    frames.shift()!();
    expect(calls).toEqual([]);
    tasks.shift()!();
    expect(calls).toEqual(['/a.js', '/b.js']);
  });

  it('an embed page’s loader waits for the first reported paint alone, not for load', () => {
    const { calls, listeners, frames, tasks, observers } = runLoader(true, EMBED_SCRIPT_LOADER);
    expect(listeners.load).toBeUndefined();
    expect(observers).toHaveLength(1);
    observers[0]!.fire();
    frames.shift()!();
    tasks.shift()!();
    expect(calls).toEqual(['/a.js', '/b.js']);
  });

  it('an embed page: its height reporter written in place and allowed by its hash, the rest after the first paint', () => {
    const reporter = 'const h=()=>parent.postMessage(document.body.scrollHeight,"*");h();';
    const html = page(policy, '<main>Card</main><script type="module" src="/_astro/Card.A1.js"></script><script type="module" src="/_astro/EmbedLayout.R1.js"></script>');
    const out = deferScripts(html, 'embed/a/b/index.html', { afterLoad: false, inline: new Map([['/_astro/EmbedLayout.R1.js', reporter]]) });
    expect(out).toContain(`<main>Card</main><script type="module">${reporter}</script>`);
    expect(deferredScripts(out)).toEqual(['/_astro/Card.A1.js']);
    expect(out).toContain(`>${EMBED_SCRIPT_LOADER}</script></body>`);
    const csp = /content="([^"]*)"/.exec(out)![1]!;
    expect(csp).toContain(cspHash(reporter));
    expect(csp).toContain(cspHash(EMBED_SCRIPT_LOADER));
    expect(csp).not.toContain(cspHash(SCRIPT_LOADER));
    // A script that imports another cannot be written into the page: its import would resolve against the page.
    expect(() => deferScripts(html, 'embed/a/b/index.html', { inline: new Map([['/_astro/EmbedLayout.R1.js', 'import"./x.js";go()']]) })).toThrow(/embed\/a\/b\/index.html: \/_astro\/EmbedLayout.R1.js imports another module/);
  });

  it('without paint timing, the loader imports after load, a frame and a task', () => {
    const { calls, listeners, frames, tasks, observers } = runLoader(false);
    listeners.load!();
    expect(observers).toHaveLength(0);
    frames.shift()!();
    tasks.shift()!();
    expect(calls).toEqual(['/a.js', '/b.js']);
  });

  it('leaves a page without module scripts as it is', () => {
    const html = page(policy, '<p>No scripts</p>');
    expect(deferScripts(html, 'updates/index.html')).toBe(html);
  });

  it('fails, naming the page, without a policy, its script-src or a </body>', () => {
    expect(() => deferScripts(page(''), 'search/index.html')).toThrow(/search\/index.html: no Content-Security-Policy <meta> to allow the script loader/);
    expect(() => deferScripts(page(`<meta http-equiv="content-security-policy" content="default-src 'self'">`), 'a.html')).toThrow(/a.html: its Content-Security-Policy has no script-src/);
    expect(() => deferScripts(page().replace('</body>', ''), 'b.html')).toThrow(/b.html: no <\/body>/);
  });
});

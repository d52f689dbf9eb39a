/** Reading a built site: its HTML pages and the URLs they reference. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export function assertBuilt(dir: string): void {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`No build in ${dir}: run the build tests through vitest (global setup builds) or npm run build`);
}

/** Every file under dir, as paths relative to it with '/'. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export const listHtml = (dir: string) => listFiles(dir).filter((f) => f.endsWith('.html'));

export const readText = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

/** Values of href, src and srcset URLs (and content of og:image-like metas is not included). */
export function referencedUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) urls.push(m[1]!.replace(/&amp;/g, '&'));
  for (const m of html.matchAll(/\ssrcset="([^"]*)"/g)) {
    for (const part of m[1]!.split(',')) urls.push(part.trim().split(/\s+/)[0]!);
  }
  return urls;
}

/** The file a site-relative URL path (without base) would be served from, or undefined. */
export function fileForPath(dir: string, path: string): string | undefined {
  const clean = decodeURIComponent(path.split('#')[0]!.split('?')[0]!);
  const candidates = clean === '' || clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`];
  return candidates.find((c) => existsSync(join(dir, c)) && statSync(join(dir, c)).isFile());
}

/** All id="…" values in a page. */
export const idsIn = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

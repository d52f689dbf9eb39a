/**
 * A tiny static file server for tests: serves a built `dist/` folder under a base path on
 * 127.0.0.1, the way a plain static host would (index.html for folders, 404.html for misses,
 * correct Content-Types for Pagefind and oEmbed files). No dependency, loopback only.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { headersFor, parseHeadersFile } from './csp.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  // Pagefind's own binary formats
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

export interface StaticServer {
  /** Origin plus base, always ending in '/': http://127.0.0.1:PORT/base/ */
  url: string;
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** URL prefix the site is mounted at, e.g. '/interactives/ukraine-guarantees/'. Default '/'. */
  base?: string;
  /** Host name to bind and advertise. Default 127.0.0.1. */
  host?: string;
  port?: number;
  /** Extra headers per response, e.g. to emulate a host header file. */
  headers?: (path: string) => Record<string, string>;
}

async function fileFor(root: string, rel: string): Promise<string | undefined> {
  const path = normalize(join(root, rel));
  if (!path.startsWith(normalize(root))) return undefined;
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) {
      const index = join(path, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    /* not found */
  }
  return undefined;
}

export async function serveStatic(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = options.base ?? '/';
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let body: Buffer | undefined;
    let type = 'text/plain; charset=utf-8';
    let status = 404;
    if (pathname.startsWith(base)) {
      const rel = pathname.slice(base.length);
      // A folder URL without its trailing slash redirects, as static hosts do.
      const file = await fileFor(root, rel);
      if (file && rel !== '' && !rel.endsWith('/') && file.endsWith('index.html') && !rel.endsWith('.html')) {
        res.writeHead(301, { Location: `${pathname}/` });
        res.end();
        return;
      }
      if (file) {
        body = await readFile(file);
        type = TYPES[extname(file)] ?? 'application/octet-stream';
        status = 200;
      }
    }
    if (status === 404) {
      const notFound = await fileFor(root, '404.html');
      body = notFound ? await readFile(notFound) : Buffer.from('Not found');
      type = notFound ? TYPES['.html']! : type;
    }
    res.writeHead(status, { 'Content-Type': type, ...(options.headers?.(pathname) ?? {}) });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://${host}:${port}`;
  return {
    url: `${origin}${base}`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A free TCP port on loopback, for servers the tests start (nginx, the host CLIs). */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createNetServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/**
 * The headers a build's own dist/_headers gives each path, as a host that reads the file sends
 * them (Cloudflare's merging; the file is shaped so that Netlify's gives the same), for
 * serveStatic's `headers` option.
 */
export function headersFileFor(outDir: string): (path: string) => Record<string, string> {
  // Read on first use: test modules create this before their build check runs.
  let rules: ReturnType<typeof parseHeadersFile> | undefined;
  return (path) => Object.fromEntries(headersFor((rules ??= parseHeadersFile(readFileSync(join(outDir, '_headers'), 'utf8'))), path));
}

/**
 * A tiny static server on 127.0.0.1 for the demo article, test pages and the real pages in
 * tests/fixtures/real-pages (served under /real-pages/). Extra routes let a test serve a page
 * with its own headers (a strict CSP) or generated content. It serves nothing from outside
 * those two folders of the repository.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const FIXTURE_PAGES = path.resolve(import.meta.dirname, '../fixtures/pages');
export const REAL_PAGES = path.resolve(import.meta.dirname, '../fixtures/real-pages');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface Route {
  readonly body: string;
  readonly headers?: Record<string, string>;
  /** The response waits for this (a slow script the page's parser must wait for, say). */
  readonly held?: Promise<void>;
}

export interface StaticServer {
  readonly origin: string;
  url(pathname: string): string;
  /** Serves `body` at `pathname` from now on. */
  route(pathname: string, route: Route): void;
  close(): Promise<void>;
}

function resolveFile(pathname: string): string | undefined {
  const decoded = decodeURIComponent(pathname);
  const [base, rel] = decoded.startsWith('/real-pages/')
    ? [REAL_PAGES, decoded.slice('/real-pages/'.length)]
    : [FIXTURE_PAGES, decoded.slice(1)];
  const file = path.resolve(base, rel || 'demo-article.html');
  if (!file.startsWith(base + path.sep) && file !== base) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

export async function startStaticServer(port = 0): Promise<StaticServer> {
  const routes = new Map<string, Route>();
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes.get(pathname);
    if (route) {
      void (route.held ?? Promise.resolve()).then(() => {
        res.writeHead(200, { 'content-type': TYPES['.html']!, ...route.headers });
        res.end(route.body);
      });
      return;
    }
    const file = resolveFile(pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    route: (pathname, route) => routes.set(pathname, route),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

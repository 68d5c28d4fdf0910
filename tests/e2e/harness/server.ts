/**
 * The fixture server: one HTTPS server on 127.0.0.1 answering for every real hostname in
 * hosts.ts. `https://x.com/home` serves tests/fixtures/x/home.html. Tests can add dynamic routes
 * (a list publisher under test control) and read the log of every request.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { makeCert } from './cert';
import { SITE_HOSTS } from './hosts';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../../fixtures');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.sig': 'application/json',
};

export type Route = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface FixtureServer {
  port: number;
  server: Server;
  /** every request seen, as `host + path` */
  requests: string[];
  /** add a dynamic handler for `host` + exact `path` */
  route(host: string, path: string, handler: Route): void;
  close(): Promise<void>;
}

/** Map a URL path to a fixture file: `/` → index.html, `/home` → home.html, `/a/b` → a/b.html. */
function fileFor(site: string, pathname: string): string | null {
  const base = join(FIXTURES_DIR, site);
  const clean = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const candidates = [clean === '/' ? '/index.html' : clean, `${clean}.html`, join(clean, 'index.html')];
  for (const c of candidates) {
    const file = join(base, c);
    if (!file.startsWith(base)) continue;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** `port` 0 = any free port (Chromium maps hosts to it); Firefox needs 443 (see firefox.ts). */
export async function startFixtureServer(port = 0): Promise<FixtureServer> {
  const { key, cert } = makeCert();
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const server = createServer({ key, cert }, async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push(`${host}${url.pathname}`);
    const dynamic = routes.get(`${host}${url.pathname}`);
    if (dynamic) return dynamic(req, res);
    const site = SITE_HOSTS[host];
    const file = site ? fileFor(site, url.pathname) : null;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${host}${url.pathname}`);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  return {
    port: (server.address() as AddressInfo).port,
    server,
    requests,
    route: (host, path, handler) => routes.set(`${host}${path}`, handler),
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/**
 * A real local HTTPS server for the updater tests, with a self-signed certificate made by openssl at
 * test time (nothing committed). Tests swap route handlers to publish, break and replay lists.
 * The client side is undici's fetch (the implementation behind Node's global fetch) with the test
 * certificate as its only trusted CA — real TLS, redirects, streaming and aborts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { Agent, fetch as undiciFetch } from 'undici';
import type { FetchLike } from '../../../../lib/list/fetch-capped';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  origin: string;
  /** path → handler; unknown paths answer 404 */
  routes: Map<string, Handler>;
  /** every request seen: path and the conditional headers */
  log: { path: string; ifNoneMatch?: string; ifModifiedSince?: string }[];
  fetch: FetchLike;
  close(): Promise<void>;
}

function makeCert(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'jn-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const listen = (s: Server) =>
  new Promise<number>((resolve) => s.listen(0, '127.0.0.1', () => resolve((s.address() as AddressInfo).port)));

function route(routes: Map<string, Handler>, log: TestServer['log']): Handler {
  return (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    log.push({
      path,
      ifNoneMatch: req.headers['if-none-match'] as string | undefined,
      ifModifiedSince: req.headers['if-modified-since'] as string | undefined,
    });
    const h = routes.get(path);
    if (h) h(req, res);
    else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  };
}

export async function startHttpsServer(): Promise<TestServer> {
  const { key, cert } = makeCert();
  const routes = new Map<string, Handler>();
  const log: TestServer['log'] = [];
  const server = createServer({ key, cert }, route(routes, log));
  const port = await listen(server);
  const agent = new Agent({ connect: { ca: cert } });
  const fetch = ((url: string, init?: RequestInit) =>
    undiciFetch(url, { ...(init as object), dispatcher: agent } as Parameters<
      typeof undiciFetch
    >[1])) as unknown as FetchLike;
  return {
    origin: `https://127.0.0.1:${port}`,
    routes,
    log,
    fetch,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await agent.close();
    },
  };
}

/** A plain-HTTP server (to test a redirect from HTTPS to HTTP). */
export async function startHttpServer(handler: Handler): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createHttp(handler);
  const port = await listen(server);
  return {
    origin: `http://127.0.0.1:${port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Serve a body with a content type, an ETag and optional extra headers; 304 when the ETag matches. */
export function serve(
  body: string | Uint8Array,
  opts: { type?: string; etag?: string; headers?: Record<string, string> } = {},
): Handler {
  return (req, res) => {
    if (opts.etag && req.headers['if-none-match'] === opts.etag) {
      res.writeHead(304, { etag: opts.etag });
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': opts.type ?? 'application/json',
      ...(opts.etag ? { etag: opts.etag } : {}),
      ...opts.headers,
    });
    res.end(body);
  };
}

/**
 * One server for the whole test file, emptied before each test: call at the top level of a file
 * (or a describe block). The returned object stands for the server once `beforeAll` has started it.
 */
export function useHttpsServer(): TestServer {
  let server: TestServer | undefined;
  const live = (): TestServer => {
    if (!server) throw new Error('the test server starts in beforeAll: use it inside a test or hook');
    return server;
  };
  beforeAll(async () => {
    server = await startHttpsServer();
  });
  afterAll(async () => {
    await server?.close();
  });
  beforeEach(() => {
    live().routes.clear();
    live().log.length = 0;
  });
  return {
    get origin() {
      return live().origin;
    },
    get routes() {
      return live().routes;
    },
    get log() {
      return live().log;
    },
    fetch: (...args) => live().fetch(...args),
    close: () => live().close(),
  };
}

/**
 * One HTTPS GET for the list updater, with every guard the list needs (docs/list-format.md §9):
 * HTTPS only (also after redirects), conditional request (ETag / Last-Modified → 304), a timeout
 * covering headers AND body, a JSON content type, and a size cap enforced while the body streams in:
 * at the cap the download is aborted, so no more than `maxBytes` is ever held in memory.
 * Web APIs only (fetch, AbortController, streams): runs in a service worker and in Node.
 */

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface CappedRequest {
  fetch: FetchLike;
  url: string;
  maxBytes: number;
  timeoutMs: number;
  /** validators of the copy we hold; sent as If-None-Match / If-Modified-Since */
  etag?: string;
  lastModified?: string;
  /** require a JSON Content-Type (lists, manifests, shards; not `.sig` files, often served as octet-stream) */
  requireJson: boolean;
  /** what the document is, for messages ("the list", "shard prov/32.json") */
  what: string;
}

export type Fetched =
  | { status: 'ok'; bytes: Uint8Array; etag?: string; lastModified?: string; finalUrl: string }
  | { status: 'not-modified' }
  | { status: 'error'; reason: string; httpStatus?: number; tooLarge?: true };

const err = (reason: string, httpStatus?: number, tooLarge?: true): Fetched =>
  tooLarge ? { status: 'error', reason, httpStatus, tooLarge } : { status: 'error', reason, httpStatus };

/** `application/json`, `text/json` or any `+json` type, with or without parameters. */
export const isJsonType = (ct: string | null): boolean =>
  !!ct && /^(application\/([\w.-]+\+)?json|text\/json)\s*(;|$)/i.test(ct.trim());

const causeOf = (e: unknown): string => {
  if (!(e instanceof Error)) return String(e);
  const c = (e as { cause?: unknown }).cause;
  const inner = c instanceof Error ? c.message : typeof c === 'string' ? c : '';
  return inner && inner !== e.message ? `${e.message}: ${inner}` : e.message;
};

export function checkHttpsUrl(url: string, what: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `${what} URL ${JSON.stringify(url.slice(0, 100))} is not a valid URL`;
  }
  if (u.protocol !== 'https:')
    return `${what} URL must use HTTPS; ${u.protocol.replace(':', '')} is refused (${u.href.slice(0, 100)})`;
  if (u.username || u.password) return `${what} URL must not contain a user name or password`;
  return undefined;
}

export async function fetchCapped(req: CappedRequest): Promise<Fetched> {
  const bad = checkHttpsUrl(req.url, req.what);
  if (bad) return err(bad);
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, req.timeoutMs);
  const secs = req.timeoutMs / 1000;
  const timeoutMsg = () =>
    `${req.what}: no complete answer within ${secs < 10 ? secs.toFixed(1) : Math.round(secs)} s (timed out)`;
  try {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    let res: Response;
    try {
      res = await req.fetch(req.url, {
        headers,
        redirect: 'follow', // a redirect loop makes fetch fail ("redirect count exceeded"), reported below
        signal: ctrl.signal,
        credentials: 'omit', // never send the user's cookies to a list host
        cache: 'no-store', // our own validators decide; the HTTP cache must not answer for the server
      });
    } catch (e) {
      return err(timedOut ? timeoutMsg() : `${req.what}: could not fetch ${req.url} (${causeOf(e)})`);
    }
    const finalUrl = res.url || req.url;
    const close = () => res.body?.cancel().catch(() => {});
    if (!finalUrl.startsWith('https:')) {
      close();
      return err(`${req.what}: the server redirected to a non-HTTPS URL (${finalUrl.slice(0, 100)}); refused`);
    }
    if (res.status === 304) {
      close();
      return { status: 'not-modified' };
    }
    if (!res.ok) {
      close();
      return err(
        `${req.what}: the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`,
        res.status,
      );
    }
    const ct = res.headers.get('content-type');
    if (req.requireJson && !isJsonType(ct)) {
      close();
      return err(
        `${req.what}: the server sent ${ct ? `"${ct.slice(0, 60)}"` : 'no Content-Type'}, not JSON (expected application/json)`,
      );
    }
    const encoded = !!res.headers.get('content-encoding');
    const declared = res.headers.get('content-length');
    const length = declared === null ? undefined : Number(declared);
    if (!encoded && length !== undefined && length > req.maxBytes) {
      close();
      ctrl.abort();
      return err(tooBig(req, length), undefined, true);
    }
    const body = await readCapped(res, req.maxBytes, ctrl);
    if (body.status === 'error')
      return timedOut ? err(timeoutMsg()) : err(`${req.what}: ${body.reason}`, undefined, body.tooLarge);
    if (!encoded && length !== undefined && body.bytes.byteLength !== length)
      return err(`${req.what}: truncated — received ${body.bytes.byteLength} of ${length} bytes`);
    return {
      status: 'ok',
      bytes: body.bytes,
      etag: res.headers.get('etag') ?? undefined,
      lastModified: res.headers.get('last-modified') ?? undefined,
      finalUrl,
    };
  } finally {
    clearTimeout(timer);
  }
}

const tooBig = (req: CappedRequest, n: number) =>
  `${req.what} is larger than the limit of ${req.maxBytes.toLocaleString('en')} bytes (${n.toLocaleString('en')} bytes or more); download stopped`;

async function readCapped(
  res: Response,
  maxBytes: number,
  ctrl: AbortController,
): Promise<{ status: 'ok'; bytes: Uint8Array } | { status: 'error'; reason: string; tooLarge?: true }> {
  if (!res.body) return { status: 'ok', bytes: new Uint8Array(0) };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Stop here: cancel the stream and the connection; the chunk over the cap is dropped.
        await reader.cancel().catch(() => {});
        ctrl.abort();
        return {
          status: 'error',
          tooLarge: true,
          reason: `larger than the limit of ${maxBytes.toLocaleString('en')} bytes; download stopped at ${total.toLocaleString('en')} bytes`,
        };
      }
      chunks.push(value);
    }
  } catch (e) {
    return {
      status: 'error',
      reason: `the connection broke before the whole document arrived (truncated: ${causeOf(e)})`,
    };
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { status: 'ok', bytes };
}

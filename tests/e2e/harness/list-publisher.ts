/**
 * A list publisher under test control on https://lists.jaga-netral.test: publish a document (and
 * optionally its detached signature), or raw junk, and watch the extension fetch it.
 */
import type { CandidateList } from '../../../lib/list/types';
import { generateSigningKey, type PrivateKeyFile, renderSignature, signBytes } from '../../../lib/list/sign-node';
import type { FixtureServer } from './server';

export const LIST_HOST = 'lists.jaga-netral.test';
export const LIST_PATH = '/v1/list.json';
export const LIST_URL = `https://${LIST_HOST}${LIST_PATH}`;

export interface Publisher {
  /** `key_id:base64` for the options page */
  keyLine: string;
  publish(list: CandidateList, opts?: { sign?: boolean }): void;
  publishRaw(body: string, sig?: string): void;
  /** how many times the extension fetched the list */
  hits(): number;
}

export function startPublisher(server: FixtureServer): Publisher {
  const { privateFile, publicKey } = generateSigningKey('e2e-test');
  const key: PrivateKeyFile = privateFile;
  let body = '';
  let sig: string | undefined;
  let hits = 0;
  // Publishers must allow CORS (static hosts do): the extension asks for no host permission.
  const headers = {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
  };
  server.route(LIST_HOST, LIST_PATH, (_req, res) => {
    hits++;
    res.writeHead(body ? 200 : 404, headers).end(body);
  });
  server.route(LIST_HOST, `${LIST_PATH}.sig`, (_req, res) => {
    res.writeHead(sig ? 200 : 404, headers).end(sig ?? '');
  });
  return {
    keyLine: `${publicKey.key_id}:${publicKey.public_key}`,
    publish(list, opts = {}) {
      body = JSON.stringify(list);
      sig = opts.sign === false ? undefined : renderSignature(signBytes(new TextEncoder().encode(body), key));
    },
    publishRaw(raw, rawSig) {
      body = raw;
      sig = rawSig;
    },
    hits: () => hits,
  };
}

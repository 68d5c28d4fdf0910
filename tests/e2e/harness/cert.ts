/**
 * A self-signed certificate made fresh for each run with openssl, covering every fixture host.
 * Chromium is told to ignore certificate errors (the real sites are HSTS-preloaded, so there
 * is no click-through); nothing here is trusted system-wide.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_HOSTS } from './hosts';

export interface Cert {
  key: Buffer;
  cert: Buffer;
}

export function makeCert(hosts: string[] = ALL_HOSTS): Cert {
  const dir = mkdtempSync(join(tmpdir(), 'jn-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  const san = hosts.map((h) => `DNS:${h}`).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=jaga-netral-test',
      '-addext',
      `subjectAltName=${san}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

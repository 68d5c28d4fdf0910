/**
 * What the options page shows about the site rules in use: per site the version and where it comes
 * from (built in, or a signed update with its stream, sequence and acceptance time), and the last
 * check's refusal in a sentence. Pure: the panel (components/SiteRulesPanel.tsx) and tests use it.
 * The versions and sources are the ones the background published (lib/site-rules/in-effect.ts), so
 * the options page carries no site's rules.
 */
import type { Platform } from '../list/types';
import { SITE_LIST } from '../sites/registry';
import type { RulesInEffect } from './in-effect';
import type { ActiveSiteRules, RulesMeta, SiteRulesErrorCode } from './updater';

/** The sentence a person reads for each refusal, Bahasa Indonesia first. */
export const SITE_RULES_ERROR_TEXT: Record<SiteRulesErrorCode, { id: string; en: string }> = {
  unsigned: {
    id: 'Aturan situs ini tidak bertanda tangan: ditolak.',
    en: 'These site rules are not signed: refused.',
  },
  'bad-signature': {
    id: 'Tanda tangan aturan situs tidak cocok dengan kunci yang diatur: ditolak.',
    en: 'The site rules’ signature does not match a configured key: refused.',
  },
  invalid: {
    id: 'Isi aturan situs tidak sesuai format: ditolak.',
    en: 'The site rules do not follow the format: refused.',
  },
  'too-large': { id: 'Aturan situs terlalu besar: ditolak.', en: 'The site rules are too large: refused.' },
  'wrong-stream': {
    id: 'Aturan situs ini dari aliran lain daripada yang sedang dipakai: ditolak.',
    en: 'These site rules belong to another stream than the one in use: refused.',
  },
  rollback: {
    id: 'Aturan situs ini tidak lebih baru daripada yang sudah diterima (nomor urut): ditolak.',
    en: 'These site rules are not newer than those already accepted (sequence): refused.',
  },
  'older-issue': {
    id: 'Aturan situs ini diterbitkan lebih awal daripada yang sudah diterima dari kunci yang sama: ditolak.',
    en: 'These site rules were issued before rules already accepted from the same key: refused.',
  },
  'bad-keys': {
    id: 'Kunci publik yang diatur tidak dapat dibaca.',
    en: 'The configured public key cannot be read.',
  },
  network: {
    id: 'Aturan situs tidak dapat diunduh.',
    en: 'The site rules could not be fetched.',
  },
};

export interface SiteRulesRow {
  site: Platform;
  version: number;
  source: 'built-in' | 'signed';
  streamId?: string;
  sequence?: number;
  /** epoch ms the signed document was accepted */
  acceptedAt?: number;
}

export interface SiteRulesView {
  /** `ok` (the last check passed or nothing is configured), `error` (the last check failed or was refused) */
  state: 'ok' | 'error';
  rows: SiteRulesRow[];
  /** the accepted document in use, if any */
  active?: { streamId: string; sequence: number; url: string; keyId: string; acceptedAt: number };
  lastCheck?: number;
  errorCode?: SiteRulesErrorCode;
  error?: string;
}

export function siteRulesView(
  inEffect: RulesInEffect | undefined,
  active: ActiveSiteRules | undefined,
  meta: RulesMeta | undefined,
): SiteRulesView {
  // what the background published (lib/site-rules/publish.ts), in the registry's order; a site it
  // has not published yet is left out rather than guessed
  const rows: SiteRulesRow[] = SITE_LIST.flatMap(({ platform: site }): SiteRulesRow[] => {
    const s = inEffect?.[site]?.source;
    if (!s) return [];
    if (s.source !== 'signed') return [{ site, version: s.version, source: 'built-in' }];
    const row: SiteRulesRow = {
      site,
      version: s.version,
      source: 'signed',
      streamId: s.stream_id,
      sequence: s.sequence,
    };
    // the acceptance time is the document's (read beside the record; a moment apart while it changes)
    if (active) row.acceptedAt = active.acceptedAt;
    return [row];
  });
  const view: SiteRulesView = { state: meta?.lastErrorCode ? 'error' : 'ok', rows };
  if (active)
    view.active = {
      streamId: active.doc.stream_id,
      sequence: active.doc.sequence,
      url: active.url,
      keyId: active.keyId,
      acceptedAt: active.acceptedAt,
    };
  if (meta?.lastCheck !== undefined) view.lastCheck = meta.lastCheck;
  if (meta?.lastErrorCode) {
    view.errorCode = meta.lastErrorCode;
    if (meta.lastError) view.error = meta.lastError;
  }
  return view;
}

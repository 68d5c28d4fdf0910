/** What the options page and popup show about the active candidate list. */
export type ListState = 'ok' | 'stale' | 'error' | 'updating';

/**
 * Why the last check did not activate a list. Each code has a sentence for people
 * ({@link LIST_ERROR_TEXT}); the technical detail follows it.
 */
export type ListErrorCode =
  /** the source has a URL but no public key: an unsigned list is never activated */
  | 'unsigned-source'
  /** the configured keys (settings, policy or subscription code) are badly written */
  | 'bad-keys'
  /** no `.sig` file beside the list */
  | 'no-signature'
  /** the signature is by an unknown key, malformed, or does not match the bytes */
  | 'bad-signature'
  /** the document breaks the format */
  | 'invalid'
  /** `expires_at` had already passed when the list was fetched */
  | 'expired'
  /** a `sequence` lower than one already accepted for the same `list_id` */
  | 'rollback'
  /** the same `sequence` with other content */
  | 'changed-content'
  /** `issued_at` older than the newest list already accepted from the same key (any `list_id`) */
  | 'older-issue'
  /** a manifest with more shards than the client accepts */
  | 'too-many-shards'
  /** a document, or the list and its shards together, above the byte cap */
  | 'too-large'
  /** a shard that does not match its manifest entry or release */
  | 'bad-shard'
  /** network, HTTP status, timeout, content type, redirect */
  | 'network';

/** The sentence a person reads for each refusal, Bahasa Indonesia first. */
export const LIST_ERROR_TEXT: Record<ListErrorCode, { id: string; en: string }> = {
  'unsigned-source': {
    id: 'Sumber daftar ini tidak punya kunci publik, jadi daftar darinya tidak dipakai. Tempel kode langganan dari penerbit daftar (URL beserta kuncinya).',
    en: 'This list source has no public key, so its list is not used. Paste the publisher’s subscription code (the URL with its key).',
  },
  'bad-keys': {
    id: 'Kunci publik yang diatur tidak dapat dibaca.',
    en: 'The configured public key cannot be read.',
  },
  'no-signature': {
    id: 'Daftar ini tidak bertanda tangan: ditolak.',
    en: 'This list is not signed: refused.',
  },
  'bad-signature': {
    id: 'Tanda tangan daftar tidak cocok dengan kunci yang diatur: ditolak.',
    en: 'The list’s signature does not match a configured key: refused.',
  },
  invalid: { id: 'Isi daftar tidak sesuai format: ditolak.', en: 'The list does not follow the format: refused.' },
  expired: {
    id: 'Daftar ini sudah kedaluwarsa saat diunduh: ditolak.',
    en: 'This list had already expired when it was fetched: refused.',
  },
  rollback: {
    id: 'Daftar ini lebih lama daripada yang sudah diterima (nomor urut rilis lebih kecil): ditolak.',
    en: 'This list is older than one already accepted (lower sequence): refused.',
  },
  'changed-content': {
    id: 'Rilis dengan nomor urut yang sama sudah diterima dengan isi lain: ditolak.',
    en: 'A release with the same sequence was already accepted with other content: refused.',
  },
  'older-issue': {
    id: 'Daftar ini diterbitkan lebih awal daripada daftar terbaru yang sudah diterima dari kunci yang sama: ditolak.',
    en: 'This list was issued before the newest list already accepted from the same key: refused.',
  },
  'too-many-shards': {
    id: 'Manifest daftar memuat terlalu banyak bagian (shard): ditolak.',
    en: 'The list manifest has too many shards: refused.',
  },
  'too-large': { id: 'Daftar terlalu besar: ditolak.', en: 'The list is too large: refused.' },
  'bad-shard': {
    id: 'Salah satu bagian (shard) daftar tidak cocok dengan manifest: ditolak.',
    en: 'A shard of the list does not match its manifest: refused.',
  },
  network: { id: 'Daftar tidak dapat diunduh.', en: 'The list could not be downloaded.' },
};

export interface ListStatus {
  state: ListState;
  listId: string;
  sequence: number;
  publisher: string;
  /**
   * bundled (inside the extension), remote (fetched from the configured URL), demo, or none (a
   * second or further source that has no verified list yet: it adds nothing)
   */
  source: 'bundled' | 'remote' | 'demo' | 'none';
  signed: boolean;
  /** the remote list's URL (absent for the bundled list) */
  url?: string;
  /** the key that verified the remote list, when signed */
  keyId?: string;
  counts: { elections: number; tickets: number; people: number; accounts: number };
  expiresAt?: string;
  lastCheck?: number;
  nextCheck?: number;
  /** human-readable reason when state is `error` (technical detail, English) */
  error?: string;
  /** what kind of refusal or failure `error` is; the page shows {@link LIST_ERROR_TEXT} for it */
  errorCode?: ListErrorCode;
}

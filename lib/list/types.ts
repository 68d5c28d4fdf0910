/**
 * Candidate list format, version 1 — the contract with list publishers.
 * Described in docs/list-format.md; the JSON Schema in lib/list/schema.json is checked
 * against these types by a test so the two cannot drift.
 */

export const LIST_FORMAT = 'jaga-netral/candidate-list' as const;
export const MANIFEST_FORMAT = 'jaga-netral/candidate-manifest' as const;
export const FORMAT_VERSION = 1 as const;

export type Platform = 'facebook' | 'instagram' | 'x' | 'tiktok' | 'youtube' | 'threads' | 'whatsapp';
export const PLATFORMS: readonly Platform[] = [
  'facebook',
  'instagram',
  'x',
  'tiktok',
  'youtube',
  'threads',
  'whatsapp',
];

export type Strength = 'strong' | 'medium' | 'weak';

/** A bare string is a strong alias. */
export type Alias = string | { text: string; strength: Strength };

export type AccountKind = 'official' | 'campaign' | 'supporter' | 'party';

export interface Account {
  platform: Platform;
  /** Without the leading `@`; compared case-insensitively. */
  handle?: string;
  /** The platform's stable id (Facebook numeric id, YouTube `UC…`). */
  id?: string;
  /** May stand instead of handle and id (a group URL, a WhatsApp channel link). */
  url?: string;
  kind?: AccountKind;
}

export interface Party {
  id: string;
  number?: number;
  name: string;
  abbrev?: string;
  aliases?: Alias[];
  accounts?: Account[];
}

export type Role =
  | 'capres'
  | 'cawapres'
  | 'cagub'
  | 'cawagub'
  | 'cabup'
  | 'cawabup'
  | 'cawalkot'
  | 'cawawalkot'
  | 'caleg'
  | 'calon_dpd';

export interface Person {
  id: string;
  role: Role;
  /** Natural name without titles, e.g. `Dedi Mulyadi`. */
  name: string;
  /** As KPU prints it, e.g. `H. DEDI MULYADI, S.H., M.M.`. */
  official_name?: string;
  aliases?: Alias[];
  accounts?: Account[];
}

export type TicketKind = 'pair' | 'individual' | 'empty_column';
export type TicketStatus = 'active' | 'withdrawn' | 'disqualified';

export interface Ticket {
  id: string;
  number?: number;
  label?: string;
  kind?: TicketKind;
  status?: TicketStatus;
  warn?: boolean;
  members: Person[];
  party_ids?: string[];
  aliases?: Alias[];
  hashtags?: string[];
  slogans?: Alias[];
  accounts?: Account[];
}

export type ElectionType =
  | 'pilpres'
  | 'pileg_dpr'
  | 'pileg_dpd'
  | 'pileg_dprd_prov'
  | 'pileg_dprd_kabkota'
  | 'pilgub'
  | 'pilbup'
  | 'pilwalkot';

export type RegionLevel = 'nasional' | 'provinsi' | 'kabupaten' | 'kota' | 'dapil';

export interface Region {
  /** Kemendagri/KPU code without dots; `00` or `""` for national. */
  code: string;
  name: string;
  level: RegionLevel;
  /**
   * For an electoral district (`level` `dapil`): the Kemendagri codes of the kabupaten/kota,
   * kecamatan or desa it covers. The extension then scopes the district's candidates to the people
   * living there, not to its whole province or regency/city.
   */
  areas?: string[];
}

/**
 * One entry of a region directory: a province (2 digits), kabupaten/kota (4) or kecamatan (6) and
 * its name, so that the region picker can offer names where a list has no election of that region.
 */
export interface RegionName {
  code: string;
  name: string;
}

export interface ElectionWindow {
  from: string;
  until: string;
  /** KPU's formal determination; before it people are *bakal calon*. */
  determined_at?: string;
}

export interface Election {
  id: string;
  type: ElectionType;
  name: string;
  region: Region;
  voting_date: string;
  window: ElectionWindow;
  keywords?: string[];
  tickets: Ticket[];
}

export interface Keywords {
  context_terms?: string[];
  ballot_call_terms?: string[];
}

export interface Publisher {
  name: string;
  url?: string;
  contact?: string;
}

export interface CandidateList {
  format: typeof LIST_FORMAT;
  format_version: typeof FORMAT_VERSION;
  list_id: string;
  sequence: number;
  issued_at: string;
  expires_at: string;
  publisher: Publisher;
  parties?: Party[];
  elections: Election[];
  keywords?: Keywords;
  /** region directory (provinces, kabupaten/kota, kecamatan with their names), for the region picker */
  regions?: RegionName[];
}

export interface ShardRef {
  path: string;
  /** `00` national, a province code (`32`) or a regency/city code (`3273`). */
  scope: string;
  sha256: string;
  bytes?: number;
  /**
   * Finer regions the shard's elections concern (an electoral district's kabupaten/kota, kecamatan
   * or desa codes). A client whose region is set more finely than the scope takes the shard only when
   * one of these codes contains the region or lies within it; a client that does not know the field
   * takes every shard of its scope, as before.
   */
  areas?: string[];
}

export interface CandidateManifest {
  format: typeof MANIFEST_FORMAT;
  format_version: typeof FORMAT_VERSION;
  list_id: string;
  sequence: number;
  issued_at: string;
  expires_at: string;
  publisher: Publisher;
  shards: ShardRef[];
  /** region directory, as in a list document; the merged list of the shards taken carries it */
  regions?: RegionName[];
}

/** `LIST.json.sig` */
export interface DetachedSignature {
  alg: 'Ed25519';
  key_id: string;
  /** base64 of the 64-byte signature over the exact bytes of LIST.json */
  sig: string;
}

export interface PublicKey {
  key_id: string;
  /** base64 of the 32-byte raw Ed25519 public key */
  public_key: string;
}

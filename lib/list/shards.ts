/**
 * Manifest and shards (docs/list-format.md §6). A national list (~250,000 legislative candidates)
 * is served as a manifest pointing at shards by region; a client takes the national shard `00`,
 * plus the shards of the user's province and regency/city (or every shard, if the user asks).
 * Only the manifest is signed; each shard is pinned by its SHA-256.
 *
 * Region codes are Kemendagri/KPU codes without dots: a province has 2 digits (`32`), a
 * regency/city 4 digits whose first 2 are its province (`3273`).
 */
import { toHex } from './base64';
import type { CandidateList, CandidateManifest, Election, Party, RegionName, ShardRef } from './types';
import { type ListResult, validateList } from './validate';

const NATIONAL = '00';

/** The shard an election belongs in: national, a province, or a regency/city. */
export function scopeOfElection(e: Election): string {
  const code = e.region.code;
  if (e.type === 'pilpres' || e.region.level === 'nasional' || code === '' || code === NATIONAL || code.length < 2)
    return NATIONAL;
  // DPRD kab/kota electoral districts carry the regency code (`330701` → 3307); every other
  // dapil (DPR `3201`, DPRD province `320001`, DPD `32`) lies within one province.
  if (e.type === 'pileg_dprd_kabkota') return code.length >= 4 ? code.slice(0, 4) : code.slice(0, 2);
  if (e.region.level === 'dapil' || e.region.level === 'provinsi') return code.slice(0, 2);
  return code.length >= 4 ? code.slice(0, 4) : code.slice(0, 2);
}

/**
 * The scopes a user in `region` needs: national, their province, their regency/city. The region may
 * be a province (`32`), a regency/city (`3273`), a kecamatan (`327301`) or a desa (`3273012001`).
 */
export function scopesForRegion(region: string): string[] {
  const scopes = [NATIONAL];
  if (/^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$/.test(region) && region !== NATIONAL) {
    scopes.push(region.slice(0, 2));
    if (region.length >= 4) scopes.push(region.slice(0, 4));
  }
  return scopes;
}

/** Does a shard limited to `areas` concern a user in `region`? (one contains the other) */
export const areasCover = (areas: readonly string[] | undefined, region: string): boolean =>
  !areas?.length || !region || areas.some((a) => a.startsWith(region) || region.startsWith(a));

export interface ShardChoice {
  /** the user's home region (`32`, `3273`) or '' */
  region: string;
  /** take every shard */
  all?: boolean;
}

export function chooseShards(manifest: CandidateManifest, choice: ShardChoice): ShardRef[] {
  if (choice.all) return [...manifest.shards];
  const want = new Set(scopesForRegion(choice.region));
  // a shard of the user's scope limited to some areas (an electoral district) is taken when the
  // user's region is one of them or lies within one (or, set coarser, contains one)
  const region = want.size > 1 ? choice.region : '';
  return manifest.shards.filter((s) => want.has(s.scope) && areasCover(s.areas, region));
}

/**
 * A stable key for a shard choice, to notice when the user's region changed. A region finer than a
 * regency/city adds itself: its dapil shards differ from its neighbours'.
 */
export const choiceKey = (c: ShardChoice): string => {
  if (c.all) return 'all';
  const scopes = scopesForRegion(c.region);
  return scopes.length === 3 && c.region.length > 4 ? `${scopes.join(',')}:${c.region}` : scopes.join(',');
};

export type UrlResult = { ok: true; url: string } | { ok: false; reason: string };

/** Resolve a shard path against the manifest URL; it must stay HTTPS on the manifest's origin. */
export function resolveShardUrl(manifestUrl: string, path: string): UrlResult {
  let base: URL;
  let url: URL;
  try {
    base = new URL(manifestUrl);
    url = new URL(path, base);
  } catch {
    return { ok: false, reason: `shard path ${JSON.stringify(path.slice(0, 80))} is not a valid URL path` };
  }
  if (url.protocol !== 'https:')
    return { ok: false, reason: `shard ${JSON.stringify(path.slice(0, 80))} is not served over HTTPS` };
  if (url.origin !== base.origin)
    return {
      ok: false,
      reason: `shard ${JSON.stringify(path.slice(0, 80))} leaves the manifest's origin ${base.origin}; shards must be on the same host`,
    };
  return { ok: true, url: url.href };
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
}

/** Check a downloaded shard against its manifest entry (hash, size), before it is even parsed. */
export async function checkShardBytes(ref: ShardRef, bytes: Uint8Array): Promise<string | undefined> {
  if (ref.bytes !== undefined && ref.bytes !== bytes.byteLength)
    return `shard ${ref.path} is ${bytes.byteLength} bytes; the manifest says ${ref.bytes}`;
  const got = await sha256Hex(bytes);
  if (got !== ref.sha256.toLowerCase()) return `shard ${ref.path} does not match its SHA-256 in the manifest`;
  return undefined;
}

/** A shard must belong to the same release as its manifest. */
export function checkShardHead(manifest: CandidateManifest, ref: ShardRef, list: CandidateList): string | undefined {
  if (list.list_id !== manifest.list_id)
    return `shard ${ref.path} has list_id "${list.list_id}"; the manifest has "${manifest.list_id}"`;
  if (list.sequence !== manifest.sequence)
    return `shard ${ref.path} has sequence ${list.sequence}; the manifest has ${manifest.sequence}`;
  return undefined;
}

/**
 * Merge validated shards into one list document with the manifest's identity. Parties repeated in
 * several shards (each shard must resolve its own party_ids) are kept once; the merged document is
 * validated again so ids duplicated across shards are caught. The manifest's region directory (or,
 * without one, the shards' directories united) goes with it, for the region picker.
 */
export function mergeShards(manifest: CandidateManifest, shards: readonly CandidateList[]): ListResult {
  const parties = new Map<string, Party>();
  const context = new Set<string>();
  const calls = new Set<string>();
  const elections: Election[] = [];
  const regions = new Map<string, RegionName>();
  for (const r of manifest.regions ?? []) if (!regions.has(r.code)) regions.set(r.code, r);
  for (const s of shards) {
    if (!manifest.regions) for (const r of s.regions ?? []) if (!regions.has(r.code)) regions.set(r.code, r);
    for (const p of s.parties ?? []) if (!parties.has(p.id)) parties.set(p.id, p);
    for (const t of s.keywords?.context_terms ?? []) context.add(t);
    for (const t of s.keywords?.ballot_call_terms ?? []) calls.add(t);
    elections.push(...s.elections);
  }
  const merged: CandidateList = {
    format: 'jaga-netral/candidate-list',
    format_version: 1,
    list_id: manifest.list_id,
    sequence: manifest.sequence,
    issued_at: manifest.issued_at,
    expires_at: manifest.expires_at,
    publisher: manifest.publisher,
    parties: [...parties.values()],
    elections,
  };
  if (context.size || calls.size) merged.keywords = { context_terms: [...context], ballot_call_terms: [...calls] };
  if (regions.size) merged.regions = [...regions.values()];
  // The alias limit is per published document; a merged national view may hold more.
  return validateList(merged, { maxAliases: Number.MAX_SAFE_INTEGER });
}

export interface ShardSpec {
  scope: string;
  path: string;
  list: CandidateList;
  /** set for an electoral district's own shard: the region codes it covers */
  areas?: string[];
}

const DAPIL_FILE: Partial<Record<Election['type'], string>> = {
  pileg_dpr: 'dpr',
  pileg_dprd_prov: 'dprd-prov',
  pileg_dprd_kabkota: 'dprd',
};

/**
 * Publisher side (CLI `shard`, `publish`): split one list into shard documents by scope. With
 * `areas` (election id → the region codes a dapil covers; without the map, each election's own
 * `region.areas`), each mapped DPR, DPRD provinsi and DPRD kabupaten/kota dapil gets a shard of its
 * own in its province's or regency's scope (`prov/16/dpr-1602.json`, `kab/1607/dprd-160701.json`),
 * so that a person whose region is a kecamatan fetches their own dapil only. The list's region
 * directory is left to the manifest.
 */
export function splitIntoShards(list: CandidateList, areas?: ReadonlyMap<string, readonly string[]>): ShardSpec[] {
  const byKey = new Map<string, { scope: string; path: string; elections: Election[]; areas?: string[] }>();
  for (const e of list.elections) {
    const scope = scopeOfElection(e);
    const own = areas ? areas.get(e.id) : e.region.areas;
    const file = DAPIL_FILE[e.type];
    const path =
      own?.length && file
        ? `${scope.length === 2 ? 'prov' : 'kab'}/${scope}/${file}-${e.region.code}.json`
        : scope === NATIONAL
          ? 'national.json'
          : scope.length === 2
            ? `prov/${scope}.json`
            : `kab/${scope}.json`;
    const group = byKey.get(path);
    if (group) {
      group.elections.push(e);
      if (group.areas && own) group.areas = [...new Set([...group.areas, ...own])].sort();
    } else byKey.set(path, { scope, path, elections: [e], ...(own?.length && file ? { areas: [...own] } : {}) });
  }
  if (![...byKey.values()].some((g) => g.scope === NATIONAL))
    byKey.set('national.json', { scope: NATIONAL, path: 'national.json', elections: [] });
  const groups = [...byKey.values()].sort(
    (x, y) =>
      x.scope.length - y.scope.length ||
      x.scope.localeCompare(y.scope) ||
      Number(!!x.areas) - Number(!!y.areas) ||
      x.path.localeCompare(y.path),
  );
  return groups.map(({ scope, path, elections, areas: own }) => {
    const used = new Set(elections.flatMap((e) => e.tickets.flatMap((t) => t.party_ids ?? [])));
    // The national shard carries every party (it is always fetched); others only those they use.
    const parties = (list.parties ?? []).filter((p) => scope === NATIONAL || used.has(p.id));
    const shard: CandidateList = { ...list, elections };
    delete shard.parties;
    delete shard.keywords;
    delete shard.regions;
    if (parties.length) shard.parties = parties;
    if (scope === NATIONAL && list.keywords) shard.keywords = list.keywords;
    return own ? { scope, path, list: shard, areas: own } : { scope, path, list: shard };
  });
}

/**
 * Serialized form of the index: JSON-safe (browser.storage.local holds only JSON), compact
 * (typed arrays as little-endian base64), and cheap to load: the entries are stored in their
 * lookup order, so the content script decodes them and only counts the bucket bounds and rebuilds
 * the small number map; nothing is re-normalised or re-hashed. loadIndex validates every field and
 * every cross-reference, because a corrupt or foreign value in storage must fail loudly at load
 * time rather than misbehave in a click handler.
 */
import {
  T_ELECTION,
  T_ID,
  T_LABEL,
  T_STRIDE,
  bucketBounds,
  bucketCount,
  buildNumbers,
  type ElectionInfo,
  INDEX_FORMAT,
  INDEX_VERSION,
  K_PARTY,
  K_PARTY_ACCOUNT,
  K_ROLE,
  MAX_PHRASE,
  type MatchIndex,
} from './structure';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INV = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) B64_INV[B64.charCodeAt(i)] = i;

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += B64[n >>> 18]! + B64[(n >>> 12) & 63]! + B64[(n >>> 6) & 63]! + B64[n & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    chunk += `${B64[n >>> 18]!}${B64[(n >>> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    chunk += `${B64[n >>> 18]!}${B64[(n >>> 12) & 63]!}${B64[(n >>> 6) & 63]!}=`;
  }
  parts.push(chunk);
  return parts.join('');
}

export function fromBase64(s: string, what: string): Uint8Array {
  if (s.length % 4 !== 0) throw new Error(`match index: ${what} is not base64`);
  let pad = 0;
  if (s.endsWith('==')) pad = 2;
  else if (s.endsWith('=')) pad = 1;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const c = s.charCodeAt(i + k);
      let v = c < 128 ? B64_INV[c]! : -1;
      if (c === 0x3d && i + k >= s.length - pad) v = 0;
      if (v < 0) throw new Error(`match index: ${what} is not base64`);
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >>> 16) & 255;
    if (o < out.length) out[o++] = (n >>> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

type Ints = Int32Array | Uint32Array | Uint16Array | Uint8Array;
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Little-endian bytes of an integer array, whatever the platform's byte order. */
function pack(a: Ints): string {
  if (LITTLE_ENDIAN) return toBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  const w = a.BYTES_PER_ELEMENT;
  const bytes = new Uint8Array(a.length * w);
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    for (let k = 0; k < w; k++) bytes[i * w + k] = (v >>> (8 * k)) & 255;
  }
  return toBase64(bytes);
}

function unpack<T extends Ints>(v: unknown, make: (n: number) => T, what: string): T {
  if (typeof v !== 'string') throw new Error(`match index: ${what} missing`);
  const bytes = fromBase64(v, what);
  const out = make(0);
  const w = out.BYTES_PER_ELEMENT;
  if (bytes.length % w !== 0) throw new Error(`match index: ${what} has a bad length`);
  const a = make(bytes.length / w);
  if (LITTLE_ENDIAN) {
    new Uint8Array(a.buffer).set(bytes);
    return a;
  }
  for (let i = 0; i < a.length; i++) {
    let x = 0;
    for (let k = w - 1; k >= 0; k--) x = x * 256 + bytes[i * w + k]!;
    a[i] = x;
  }
  return a;
}

export interface SerializedIndex {
  format: typeof INDEX_FORMAT;
  v: typeof INDEX_VERSION;
  elections: ElectionInfo[];
  /** tInfo (T_STRIDE ints per ticket) and the id/label pool */
  tickets: { info: string; pool: string };
  parties: { start: string; tickets: string; names: string[] };
  entries: {
    hi: string;
    lo: string;
    target: string;
    kind: string;
    str: string;
    termOff: string;
    termLen: string;
    pool: string;
  };
  filter: string;
  multiFilter: string;
  pairFilter: string;
  maxLen: number;
}

export function serializeIndex(idx: MatchIndex): SerializedIndex {
  return {
    format: INDEX_FORMAT,
    v: INDEX_VERSION,
    elections: idx.elections,
    tickets: { info: pack(idx.tInfo), pool: idx.ticketPool },
    parties: { start: pack(idx.partyStart), tickets: pack(idx.partyTickets), names: idx.partyNames },
    entries: {
      hi: pack(idx.eHi),
      lo: pack(idx.eLo),
      target: pack(idx.eTarget),
      kind: pack(idx.eKind),
      str: pack(idx.eStr),
      termOff: pack(idx.eTermOff),
      termLen: pack(idx.eTermLen),
      pool: idx.termPool,
    },
    filter: pack(idx.filter),
    multiFilter: pack(idx.multiFilter),
    pairFilter: pack(idx.pairFilter),
    maxLen: idx.maxLen,
  };
}

const obj = (v: unknown, what: string): Record<string, unknown> => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`match index: ${what} is not an object`);
  return v as Record<string, unknown>;
};
const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new Error(`match index: ${what} is not a string`);
  return v;
};
const num = (v: unknown, what: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`match index: ${what} is not a number`);
  return v;
};
const i32 = (n: number) => new Int32Array(n);
const u32 = (n: number) => new Uint32Array(n);

function election(v: unknown, i: number): ElectionInfo {
  const o = obj(v, `elections[${i}]`);
  const det = o.determinedAt;
  const areas = o.areas;
  if (areas !== undefined && !(Array.isArray(areas) && areas.every((a) => typeof a === 'string')))
    throw new Error(`match index: elections[${i}].areas is not a list of strings`);
  return {
    ...(areas ? { areas: areas as string[] } : {}),
    id: str(o.id, `elections[${i}].id`),
    name: str(o.name, `elections[${i}].name`),
    type: str(o.type, `elections[${i}].type`),
    region: str(o.region, `elections[${i}].region`),
    from: num(o.from, `elections[${i}].from`),
    until: num(o.until, `elections[${i}].until`),
    determinedAt: det === null ? null : num(det, `elections[${i}].determinedAt`),
    numbered: o.numbered === true,
  };
}

function checkPool(off: Int32Array, len: ArrayLike<number>, pool: string, what: string): void {
  if (off.length !== len.length) throw new Error(`match index: ${what} offsets and lengths differ`);
  for (let i = 0; i < off.length; i++) {
    if (off[i]! < 0 || off[i]! + len[i]! > pool.length) throw new Error(`match index: ${what}[${i}] is out of range`);
  }
}

/** Load a serialized index. Throws an Error naming the problem on anything that is not one. */
export function loadIndex(data: unknown): MatchIndex {
  const d = obj(data, 'value');
  if (d.format !== INDEX_FORMAT)
    throw new Error(`match index: not a ${INDEX_FORMAT} (format is ${JSON.stringify(d.format)})`);
  if (d.v !== INDEX_VERSION)
    throw new Error(`match index: version ${JSON.stringify(d.v)} is not ${INDEX_VERSION}; rebuild it`);
  if (!Array.isArray(d.elections)) throw new Error('match index: elections is not an array');
  const elections = d.elections.map(election);
  const t = obj(d.tickets, 'tickets');
  const tInfo = unpack(t.info, i32, 'tickets.info');
  const ticketPool = str(t.pool, 'tickets.pool');
  if (tInfo.length % T_STRIDE !== 0) throw new Error('match index: tickets.info has a bad length');
  const nt = tInfo.length / T_STRIDE;
  // id and label offsets run in order through the pool (each string ends where the next begins)
  let last = 0;
  for (let i = 0; i < nt; i++) {
    const at = i * T_STRIDE;
    const e = tInfo[at + T_ELECTION]!;
    if (e < 0 || e >= elections.length) throw new Error(`match index: ticket ${i} names no election`);
    for (const f of [T_ID, T_LABEL]) {
      const o = tInfo[at + f]!;
      if (o < last || o > ticketPool.length) throw new Error(`match index: tickets.info[${i}] is out of range`);
      last = o;
    }
  }
  const p = obj(d.parties, 'parties');
  const partyStart = unpack(p.start, i32, 'parties.start');
  const partyTickets = unpack(p.tickets, i32, 'parties.tickets');
  if (!Array.isArray(p.names) || !p.names.every((x) => typeof x === 'string'))
    throw new Error('match index: parties.names is not a string array');
  const partyNames = p.names as string[];
  if (partyStart.length !== partyNames.length + 1) throw new Error('match index: parties.start has a bad length');
  for (let i = 0; i < partyStart.length; i++) {
    const s = partyStart[i]!;
    if (s < 0 || s > partyTickets.length || (i > 0 && s < partyStart[i - 1]!))
      throw new Error('match index: parties.start is not ordered');
  }
  for (const x of partyTickets) if (x < 0 || x >= nt) throw new Error('match index: a party names no ticket');
  const e = obj(d.entries, 'entries');
  const eHi = unpack(e.hi, u32, 'entries.hi');
  const eLo = unpack(e.lo, u32, 'entries.lo');
  const eTarget = unpack(e.target, i32, 'entries.target');
  const eKind = unpack(e.kind, (n) => new Uint8Array(n), 'entries.kind');
  const eStr = unpack(e.str, (n) => new Uint8Array(n), 'entries.str');
  const eTermOff = unpack(e.termOff, i32, 'entries.termOff');
  const eTermLen = unpack(e.termLen, (n) => new Uint16Array(n), 'entries.termLen');
  const termPool = str(e.pool, 'entries.pool');
  const n = eHi.length;
  if ([eLo, eTarget, eKind, eStr, eTermOff, eTermLen].some((a) => a.length !== n))
    throw new Error('match index: entry arrays differ in length');
  checkPool(eTermOff, eTermLen, termPool, 'entries.term');
  for (let i = 0; i < n; i++) {
    const k = eKind[i]!;
    const tg = eTarget[i]!;
    if (eHi[i]! >= 1 << 21) throw new Error(`match index: entry ${i} has a bad key`);
    if (k > K_PARTY_ACCOUNT) throw new Error(`match index: entry ${i} has an unknown kind`);
    const ok =
      k === K_ROLE
        ? tg >= -1 && tg < elections.length
        : k === K_PARTY || k === K_PARTY_ACCOUNT
          ? tg >= 0 && tg < partyNames.length
          : tg >= 0 && tg < nt;
    if (!ok) throw new Error(`match index: entry ${i} points nowhere`);
  }
  const filter = unpack(d.filter, u32, 'filter');
  const multiFilter = unpack(d.multiFilter, u32, 'multiFilter');
  const pairFilter = unpack(d.pairFilter, u32, 'pairFilter');
  for (const [f, what] of [
    [filter, 'filter'],
    [multiFilter, 'multiFilter'],
    [pairFilter, 'pairFilter'],
  ] as const) {
    const words = f.length;
    if (words < 1 || (words & (words - 1)) !== 0) throw new Error(`match index: ${what} size is not a power of two`);
  }
  const maxLen = num(d.maxLen, 'maxLen');
  if (!Number.isInteger(maxLen) || maxLen < 1 || maxLen > MAX_PHRASE)
    throw new Error('match index: maxLen out of range');
  const bucketMask = bucketCount(n) - 1;
  const bucketStart = bucketBounds(eLo, bucketMask);
  if (!bucketStart) throw new Error('match index: entries are not in bucket order');
  return {
    format: INDEX_FORMAT,
    v: INDEX_VERSION,
    elections,
    tInfo,
    ticketPool,
    partyStart,
    partyTickets,
    partyNames,
    eHi,
    eLo,
    eTarget,
    eKind,
    eStr,
    eTermOff,
    eTermLen,
    termPool,
    bucketStart,
    bucketMask,
    filter,
    filterMask: filter.length - 1,
    multiFilter,
    multiMask: multiFilter.length - 1,
    pairFilter,
    pairMask: pairFilter.length - 1,
    maxLen,
    numbers: buildNumbers(elections, tInfo),
  };
}

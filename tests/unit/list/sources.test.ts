/**
 * Several list subscriptions (lib/list/updater.ts `createSources`, lib/list/union.ts): each source
 * its own URL, keys, status, sequence, ETag and last good list; the union for the matcher; a
 * failing source never stops the others; conflicts are reported, never resolved silently; an
 * installation that had one subscription keeps it as source 1, list and sequence intact.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatKey } from '../../../lib/list/signature';
import { generateSigningKey, renderSignature, signBytes } from '../../../lib/list/sign-node';
import type { CandidateList } from '../../../lib/list/types';
import { unionLists } from '../../../lib/list/union';
import { createSources, createUpdater, type SourceConfig, STORAGE_KEYS } from '../../../lib/list/updater';
import { compileIndex, decide } from '../../../lib/match';
import { sourceSlot } from '../../../lib/settings/managed';
import { STORAGE_KEYS as ALL_KEYS, listSourceKeys } from '../../../lib/storage-keys';
import { clone, minimalList } from './fixtures';
import { serve, useHttpsServer } from './helpers/https-server';
import { MemoryStore } from './helpers/memory-store';

const srv = useHttpsServer();

const national = generateSigningKey('nasional-2026');
const regional = generateSigningKey('bkpsdm-3273-2026');
const stranger = generateSigningKey('stranger');
const T0 = Date.parse('2024-10-01T00:00:00Z');
const bundledRaw = readFileSync('public/lists/bundled.json', 'utf8');

/** Publish `list` at `path`, signed by `key` (null: no .sig). */
function publish(path: string, list: CandidateList, key: typeof national | null, etag?: string) {
  const body = new TextEncoder().encode(JSON.stringify(list));
  srv.routes.set(path, serve(body, { etag }));
  if (key) srv.routes.set(`${path}.sig`, serve(renderSignature(signBytes(body, key.privateFile))));
  else srv.routes.delete(`${path}.sig`);
}

/** The national list (the fixture's Jawa Barat pilgub) and a BKPSDM list of its own election. */
const nationalList = (sequence: number, over: Partial<CandidateList> = {}) =>
  minimalList({ list_id: 'test/nasional', sequence, ...over });
function regionalList(sequence: number): CandidateList {
  const base = minimalList();
  return {
    ...base,
    list_id: 'test/bkpsdm-3273',
    sequence,
    publisher: { name: 'BKPSDM Kota Bandung' },
    parties: [],
    elections: [
      {
        id: 'pilwalkot-2024-3273',
        type: 'pilwalkot',
        name: 'Pemilihan Wali Kota Bandung 2024',
        region: { code: '3273', name: 'Kota Bandung', level: 'kota' },
        voting_date: '2024-11-27',
        window: { from: '2024-08-27', until: '2024-12-31', determined_at: '2024-09-22' },
        tickets: [
          {
            id: 'pilwalkot-2024-3273/1',
            number: 1,
            members: [
              { id: 'haru', role: 'cawalkot', name: 'Haru Suandharu' },
              { id: 'ridwan', role: 'cawawalkot', name: 'Ridwan Dhani Wirianata' },
            ],
          },
        ],
      },
    ],
  };
}

const N_URL = () => `${srv.origin}/nasional/LIST.json`;
const R_URL = () => `${srv.origin}/bkpsdm/LIST.json`;

function setup(initial?: SourceConfig[]) {
  const store = new MemoryStore();
  const clock = { t: T0 };
  let sources: SourceConfig[] = initial ?? [
    { n: 1, slot: '', url: N_URL(), keys: formatKey(national.publicKey), region: '', origin: 'user' },
    {
      n: 2,
      slot: sourceSlot(R_URL()),
      url: R_URL(),
      keys: formatKey(regional.publicKey),
      region: '',
      origin: 'policy',
    },
  ];
  const deps = {
    fetch: srv.fetch,
    store,
    now: () => clock.t,
    random: () => 0.5,
    loadBundled: async () => bundledRaw,
    limits: { timeoutMs: 2_000, maxBytes: 256 * 1024 },
  };
  const multi = createSources({ ...deps, getSources: () => sources });
  return {
    store,
    clock,
    deps,
    multi,
    setSources(s: SourceConfig[]) {
      sources = s;
    },
  };
}

const ticketIds = (lists: CandidateList[]) =>
  lists.flatMap((l) => l.elections.flatMap((e) => e.tickets.map((t) => t.id)));

describe('several sources: each its own, the union for the matcher', () => {
  it('two sources verify on their own keys; the matcher gets both lists', async () => {
    const { multi, store } = setup();
    publish('/nasional/LIST.json', nationalList(1), national, '"n1"');
    publish('/bkpsdm/LIST.json', regionalList(7), regional, '"r7"');
    const s = await multi.updateNow();
    // the first source's status is what a single subscription always showed
    expect(s).toMatchObject({ state: 'ok', source: 'remote', listId: 'test/nasional', sequence: 1 });
    expect(s.sources.map((x) => [x.n, x.state, x.source, x.listId, x.sequence, x.keyId, x.origin])).toEqual([
      [1, 'ok', 'remote', 'test/nasional', 1, 'nasional-2026', 'user'],
      [2, 'ok', 'remote', 'test/bkpsdm-3273', 7, 'bkpsdm-3273-2026', 'policy'],
    ]);
    expect(s.conflicts).toEqual([]);
    const active = await multi.getActiveLists();
    expect(active.lists.map((l) => l.list_id)).toEqual(['test/nasional', 'test/bkpsdm-3273']);
    expect(ticketIds(active.lists)).toContain('pilwalkot-2024-3273/1');
    // each source keeps its own records: the first under the keys of a single subscription
    expect(((await store.get(STORAGE_KEYS.pointer)) as { etag: string }).etag).toBe('"n1"');
    const k2 = listSourceKeys(sourceSlot(R_URL()));
    expect(((await store.get(k2.pointer)) as { etag: string }).etag).toBe('"r7"');
    expect(await store.get(ALL_KEYS.list.slots)).toEqual([sourceSlot(R_URL())]);
    // a post naming the regional candidate is found by the index of the union
    const d = decide(compileIndex(active.lists), {
      site: 'x',
      text: 'Ayo dukung Haru Suandharu jadi wali kota Bandung! Coblos nomor 1 di pilkada',
      now: T0,
    });
    expect(d.matches.map((m) => m.ticketId)).toContain('pilwalkot-2024-3273/1');
  });

  it('one source failing (404, then a bad signature): the other still serves, the failure has its reason', async () => {
    const { multi } = setup();
    publish('/nasional/LIST.json', nationalList(1), national);
    // the regional host is down
    let s = await multi.updateNow();
    expect(s.state).toBe('ok');
    expect(s.sources[1]).toMatchObject({ n: 2, state: 'error', errorCode: 'network', source: 'none', listId: '' });
    expect(s.sources[1]!.error).toMatch(/404/);
    expect((await multi.getActiveLists()).lists.map((l) => l.list_id)).toEqual(['test/nasional']);
    // the regional list appears, signed by a key the source does not have
    publish('/bkpsdm/LIST.json', regionalList(7), stranger);
    s = await multi.updateNow();
    expect(s.sources[0]).toMatchObject({ state: 'ok', listId: 'test/nasional', sequence: 1 });
    expect(s.sources[1]).toMatchObject({ state: 'error', errorCode: 'bad-signature', source: 'none' });
    // now the first source fails (bad signature) after its list verified: its last good list stays,
    // and the regional list, correctly signed this time, is taken all the same
    publish('/nasional/LIST.json', nationalList(2), stranger);
    publish('/bkpsdm/LIST.json', regionalList(7), regional);
    s = await multi.updateNow();
    expect(s).toMatchObject({ state: 'error', errorCode: 'bad-signature', listId: 'test/nasional', sequence: 1 });
    expect(s.sources[1]).toMatchObject({ state: 'ok', listId: 'test/bkpsdm-3273', sequence: 7 });
    expect((await multi.getActiveLists()).lists.map((l) => `${l.list_id}@${l.sequence}`)).toEqual([
      'test/nasional@1',
      'test/bkpsdm-3273@7',
    ]);
    // the history says which source each check was
    const h = await multi.history();
    expect(h.filter((r) => r.source === 2).map((r) => r.code ?? r.outcome)).toEqual([
      'updated',
      'bad-signature',
      'network',
    ]);
  });

  it('a further source adds nothing until it verifies (the bundled list stands in for the first only)', async () => {
    const { multi } = setup([
      { n: 1, slot: '', url: '', keys: '', region: '', origin: 'user' },
      {
        n: 2,
        slot: sourceSlot(R_URL()),
        url: R_URL(),
        keys: formatKey(regional.publicKey),
        region: '',
        origin: 'user',
      },
    ]);
    let s = await multi.status();
    expect(s.source).toBe('bundled');
    expect(s.sources[1]).toMatchObject({ source: 'none', state: 'ok', listId: '', sequence: 0 });
    expect((await multi.getActiveLists()).lists.map((l) => l.list_id)).toEqual(['id.jaga-netral/bundled']);
    publish('/bkpsdm/LIST.json', regionalList(7), regional);
    s = await multi.updateNow();
    expect((await multi.getActiveLists()).lists.map((l) => l.list_id)).toEqual([
      'id.jaga-netral/bundled',
      'test/bkpsdm-3273',
    ]);
    // no list URL for the first source: nothing fetched for it
    expect(srv.log.map((r) => r.path)).toEqual(['/bkpsdm/LIST.json', '/bkpsdm/LIST.json.sig']);
  });

  it('a removed source is forgotten: its list and records are deleted at the next check', async () => {
    const { multi, store, setSources } = setup();
    publish('/nasional/LIST.json', nationalList(1), national);
    publish('/bkpsdm/LIST.json', regionalList(7), regional);
    await multi.updateNow();
    const k2 = listSourceKeys(sourceSlot(R_URL()));
    expect(store.keys().filter((k) => k.startsWith(k2.dataPrefix))).toHaveLength(1);
    setSources([{ n: 1, slot: '', url: N_URL(), keys: formatKey(national.publicKey), region: '', origin: 'user' }]);
    const s = await multi.updateNow();
    expect(s.sources).toHaveLength(1);
    expect(store.keys().filter((k) => k.startsWith(ALL_KEYS.list.sourcePrefix))).toEqual([]);
    expect(await store.get(ALL_KEYS.list.slots)).toEqual([]);
    expect((await multi.getActiveLists()).lists.map((l) => l.list_id)).toEqual(['test/nasional']);
  });

  it('a rollback is refused whichever source brings it (what was accepted is shared)', async () => {
    const mirror = `${srv.origin}/mirror/LIST.json`;
    const { multi } = setup([
      { n: 1, slot: '', url: N_URL(), keys: formatKey(national.publicKey), region: '', origin: 'user' },
      { n: 2, slot: sourceSlot(mirror), url: mirror, keys: formatKey(national.publicKey), region: '', origin: 'user' },
    ]);
    publish('/nasional/LIST.json', nationalList(5), national);
    publish('/mirror/LIST.json', nationalList(4), national);
    const s = await multi.updateNow();
    expect(s.sources[0]).toMatchObject({ state: 'ok', sequence: 5 });
    expect(s.sources[1]).toMatchObject({ state: 'error', errorCode: 'rollback' });
  });

  it('the schedule checks only the sources that are due; "update now" checks every one', async () => {
    const { multi, clock } = setup();
    publish('/nasional/LIST.json', nationalList(1), national);
    await multi.updateNow(); // the regional host is down: it retries in minutes, the national in hours
    srv.log.length = 0;
    clock.t += 10 * 60_000;
    publish('/bkpsdm/LIST.json', regionalList(7), regional);
    expect(await multi.nextDelay()).toBe(0);
    expect((await multi.updateNow({ dueOnly: true })).checked).toEqual([2]);
    expect(srv.log.map((r) => r.path)).toEqual(['/bkpsdm/LIST.json', '/bkpsdm/LIST.json.sig']);
    srv.log.length = 0;
    expect((await multi.updateNow()).checked).toEqual([1, 2]);
    expect(srv.log.map((r) => r.path).filter((p) => !p.endsWith('.sig'))).toEqual([
      '/nasional/LIST.json',
      '/bkpsdm/LIST.json',
    ]);
  });
});

describe('conflicts: shown, never resolved silently', () => {
  it('the same ticket id with other names and number: a conflict, and both versions stay matched', async () => {
    const { multi } = setup();
    publish('/nasional/LIST.json', nationalList(1), national);
    const other = nationalList(9, { list_id: 'test/bkpsdm-jabar', publisher: { name: 'BKPSDM Jabar' } });
    const t = other.elections[0]!.tickets[0]!;
    t.number = 5;
    t.members[1]!.name = 'Erwin Setiawan';
    publish('/bkpsdm/LIST.json', other, regional);
    const s = await multi.updateNow();
    expect(s.conflictCount).toBe(1);
    expect(s.conflicts).toEqual([
      {
        ticketId: 'pilgub-2024-32/4',
        fields: ['names', 'number'],
        first: {
          source: 1,
          listId: 'test/nasional',
          electionId: 'pilgub-2024-32',
          region: '32',
          number: 4,
          names: ['Dedi Mulyadi', 'Erwan Setiawan'],
          label: '04',
        },
        other: {
          source: 2,
          listId: 'test/bkpsdm-jabar',
          electionId: 'pilgub-2024-32',
          region: '32',
          number: 5,
          names: ['Dedi Mulyadi', 'Erwin Setiawan'],
          label: '04',
        },
      },
    ]);
    // both versions are in the union: the name only the second source has still warns
    const { lists } = await multi.getActiveLists();
    expect(ticketIds(lists).filter((id) => id === 'pilgub-2024-32/4')).toHaveLength(2);
    const d = decide(compileIndex(lists), {
      site: 'x',
      text: 'Pilih Erwin Setiawan untuk Jawa Barat! Coblos di pilgub jabar',
      now: T0,
    });
    expect(d.matches.map((m) => m.ticketId)).toContain('pilgub-2024-32/4');
  });

  it('the same facts in two sources: one ticket, with what the later one adds (an account)', () => {
    const a = nationalList(1);
    const b = clone(nationalList(1, { list_id: 'test/copy' }));
    b.elections[0]!.tickets[0]!.members[0]!.name = '  dedi  MULYADI '; // written differently, the same name
    b.elections[0]!.tickets[0]!.accounts = [{ platform: 'tiktok', handle: 'kdm.jabar' }];
    const u = unionLists([
      { source: 1, list: a },
      { source: 2, list: b },
    ]);
    expect(u.conflicts).toEqual([]);
    // the second list's copies are left out, and its election with them (every ticket was a copy)
    expect(u.lists[1]!.elections).toEqual([]);
    expect(ticketIds(u.lists)).toEqual(['pilgub-2024-32/4', 'pilgub-2024-32/2']);
    expect(u.lists[0]!.elections[0]!.tickets[0]!.accounts).toEqual([{ platform: 'tiktok', handle: 'kdm.jabar' }]);
    // the inputs are not modified
    expect(a.elections[0]!.tickets[0]!.accounts).toBeUndefined();
    expect(b.elections[0]!.tickets).toHaveLength(2);
  });

  it('other election or region: conflicts with their fields; the count goes on past the list shown', () => {
    const a = nationalList(1);
    const b = nationalList(1, { list_id: 'test/b' });
    b.elections[0]!.id = 'pilgub-2024-32-x';
    b.elections[0]!.region = { code: '36', name: 'Banten', level: 'provinsi' };
    const u = unionLists([
      { source: 1, list: a },
      { source: 3, list: b },
    ]);
    expect(u.conflicts.map((c) => [c.ticketId, c.fields, c.first.source, c.other.source])).toEqual([
      ['pilgub-2024-32/4', ['election', 'region'], 1, 3],
      ['pilgub-2024-32/2', ['election', 'region'], 1, 3],
    ]);
    expect(u.lists[1]).toBe(b);
    const many = clone(a);
    many.elections[0]!.tickets = Array.from({ length: 250 }, (_, i) => ({
      id: `x/${i}`,
      number: 1,
      members: [{ id: `p${i}`, role: 'cagub' as const, name: `Nama ${i}` }],
    }));
    const flipped = clone(many);
    for (const t of flipped.elections[0]!.tickets) t.number = 2;
    const big = unionLists([
      { source: 1, list: many },
      { source: 2, list: flipped },
    ]);
    expect(big.conflictCount).toBe(250);
    expect(big.conflicts).toHaveLength(200);
  });
});

describe('an error belongs to its source', () => {
  it('after a change of source, the old source error is not shown while the new one is checked', async () => {
    const store = new MemoryStore();
    let source = { url: N_URL(), keys: formatKey(national.publicKey), region: '' };
    const u = createUpdater({
      fetch: srv.fetch,
      store,
      now: () => T0,
      random: () => 0.5,
      loadBundled: async () => bundledRaw,
      getSource: () => source,
    });
    publish('/nasional/LIST.json', nationalList(1), stranger);
    expect(await u.updateNow()).toMatchObject({ state: 'error', errorCode: 'bad-signature' });
    source = { url: R_URL(), keys: formatKey(regional.publicKey), region: '' };
    const s = await u.status();
    expect(s).toMatchObject({ state: 'ok', source: 'bundled' });
    expect(s.errorCode).toBeUndefined();
    // its own error shows once it is checked
    expect(await u.updateNow()).toMatchObject({ state: 'error', errorCode: 'network' });
  });
});

describe('migration: a single subscription becomes source 1', () => {
  it('keeps its list, sequence and ETag: no download, and the next check is conditional', async () => {
    const store = new MemoryStore();
    const clock = { t: T0 };
    const single = { url: N_URL(), keys: formatKey(national.publicKey), region: '' };
    // what the previous version (one subscription, createUpdater) left in storage
    const old = createUpdater({
      fetch: srv.fetch,
      store,
      now: () => clock.t,
      random: () => 0.5,
      loadBundled: async () => bundledRaw,
      getSource: () => single,
    });
    publish('/nasional/LIST.json', nationalList(3), national, '"v3"');
    await old.updateNow();
    const before = store.keys().sort();
    srv.log.length = 0;
    // the new version: the same settings are source 1, a regional source added beside it
    const multi = createSources({
      fetch: srv.fetch,
      store,
      now: () => clock.t,
      random: () => 0.5,
      loadBundled: async () => bundledRaw,
      getSources: () => [
        { ...single, n: 1, slot: '', origin: 'user' },
        {
          n: 2,
          slot: sourceSlot(R_URL()),
          url: R_URL(),
          keys: formatKey(regional.publicKey),
          region: '',
          origin: 'user',
        },
      ],
    });
    const s = await multi.status();
    expect(s).toMatchObject({ state: 'ok', source: 'remote', listId: 'test/nasional', sequence: 3 });
    expect((await multi.getActiveList()).list.sequence).toBe(3);
    expect(srv.log).toEqual([]);
    expect(store.keys().sort()).toEqual(before);
    publish('/bkpsdm/LIST.json', regionalList(1), regional);
    await multi.updateNow();
    expect(srv.log.find((r) => r.path === '/nasional/LIST.json')).toMatchObject({ ifNoneMatch: '"v3"' });
    // an older release is still refused: the accepted sequence carried over
    publish('/nasional/LIST.json', nationalList(2), national);
    const after = await multi.updateNow();
    expect(after).toMatchObject({ errorCode: 'rollback', sequence: 3 });
    expect(after.sources[1]).toMatchObject({ state: 'ok', sequence: 1 });
  });
});

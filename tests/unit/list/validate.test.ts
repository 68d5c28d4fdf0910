import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkSequence,
  formatError,
  MAX_DOCUMENT_BYTES,
  validateDocument,
  validateList,
  validateManifest,
} from '../../../lib/list/validate';
import { loose, minimalList } from './fixtures';

const errorsOf = (raw: unknown) => {
  const r = validateList(raw);
  if (r.ok) throw new Error('expected a rejection');
  return r.errors.map(formatError);
};

describe('validateList: accepts', () => {
  it('the minimal fixture, from an object, text and bytes', () => {
    const doc = minimalList();
    expect(validateList(doc).ok).toBe(true);
    expect(validateList(JSON.stringify(doc)).ok).toBe(true);
    expect(validateList(new TextEncoder().encode(JSON.stringify(doc))).ok).toBe(true);
  });

  it('the bundled list in public/lists', () => {
    const r = validateList(readFileSync('public/lists/bundled.json'));
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual([]);
    if (!r.ok) return;
    const ids = r.list.elections.flatMap((e) => e.tickets.map((t) => t.id));
    // other engineers' tests rely on these ids
    expect(ids).toEqual(expect.arrayContaining(['pilpres-2024/1', 'pilpres-2024/2', 'pilpres-2024/3']));
    expect(r.list.elections.filter((e) => e.type === 'pilgub').length).toBeGreaterThanOrEqual(10);
  });

  it('a UTF-8 byte-order mark before the JSON', () => {
    expect(validateList(`\uFEFF${JSON.stringify(minimalList())}`).ok).toBe(true);
  });

  it('RFC 3339 days and timestamps with offsets', () => {
    const doc = loose(minimalList());
    doc.issued_at = '2024-09-24T07:00:00+07:00';
    doc.expires_at = '2025-01-31T23:59:59.5Z';
    doc.elections[0].window = { from: '2024-08-27T00:00:00+07:00', until: '2024-08-27' };
    expect(validateList(doc).ok).toBe(true);
  });
});

describe('validateList: bad input, each rejected with where and why', () => {
  it('malformed JSON, with line and column', () => {
    const [e] = errorsOf('{\n  "format": "jaga-netral/candidate-list",\n  "sequence": 1,,\n}');
    expect(e).toMatch(/^\(document\): malformed JSON at line 3, column \d+/);
    expect(errorsOf('')[0]).toMatch(/empty/);
    expect(errorsOf('[1, 2')[0]).toMatch(/malformed JSON/);
  });

  it('a truncated document', () => {
    const text = JSON.stringify(minimalList());
    expect(errorsOf(text.slice(0, text.length / 2))[0]).toMatch(/malformed JSON/);
  });

  it('invalid UTF-8 bytes', () => {
    expect(errorsOf(new Uint8Array([0x7b, 0xff, 0x7d]))[0]).toMatch(/UTF-8/);
  });

  it('a top level that is not an object', () => {
    expect(errorsOf('[]')[0]).toBe('(document): expected a JSON object { … } at the top level');
    expect(errorsOf('null')[0]).toMatch(/top level/);
  });

  it('wrong types, naming the path', () => {
    const doc = loose(minimalList());
    doc.sequence = '3';
    doc.elections[0].tickets[1].number = 2.5;
    doc.elections[0].tickets[0].members[0].aliases[0] = 7;
    doc.elections[0].tickets[0].warn = 'no';
    doc.elections[0].tickets[0].hashtags = '#x';
    doc.publisher.url = null;
    expect(errorsOf(doc)).toEqual([
      'sequence: expected a whole number ≥ 1, got the text "3"',
      'publisher.url: expected text, got null',
      'elections[0].tickets[0].warn: expected true or false, got the text "no"',
      'elections[0].tickets[0].members[0].aliases[0]: expected an alias: text, or {"text": …, "strength": …}; got the number 7',
      'elections[0].tickets[0].hashtags: expected a list [ … ], got the text "#x"',
      'elections[0].tickets[1].number: expected a whole number ≥ 0, got the number 2.5',
    ]);
  });

  it('values outside an enum', () => {
    const doc = loose(minimalList());
    doc.elections[0].type = 'pilkades';
    doc.elections[0].tickets[0].members[0].accounts[0].platform = 'telegram';
    doc.elections[0].tickets[0].members[0].aliases[0].strength = 'very';
    const errs = errorsOf(doc);
    expect(errs[0]).toBe(
      'elections[0].type: the text "pilkades" is not one of: pilpres, pileg_dpr, pileg_dpd, pileg_dprd_prov, pileg_dprd_kabkota, pilgub, pilbup, pilwalkot',
    );
    expect(errs).toContain(
      'elections[0].tickets[0].members[0].aliases[0].strength: the text "very" is not one of: strong, medium, weak',
    );
    expect(errs.some((e) => e.startsWith('elections[0].tickets[0].members[0].accounts[0].platform:'))).toBe(true);
  });

  it('missing required fields', () => {
    const doc = loose(minimalList());
    delete doc.publisher;
    delete doc.elections[0].window;
    delete doc.elections[0].tickets[0].members[1].role;
    expect(errorsOf(doc)).toEqual([
      'publisher: required field is missing',
      'elections[0].window: required field is missing',
      'elections[0].tickets[0].members[1].role: required field is missing',
    ]);
  });

  it('an account with none of handle, id, url', () => {
    const doc = loose(minimalList());
    doc.elections[0].tickets[0].accounts = [{ platform: 'x', kind: 'campaign' }];
    expect(errorsOf(doc)).toEqual(['elections[0].tickets[0].accounts[0]: needs at least one of "handle", "id", "url"']);
  });

  it('empty ids and names', () => {
    const doc = loose(minimalList());
    doc.elections[0].tickets[0].id = '';
    expect(errorsOf(doc)).toEqual(['elections[0].tickets[0].id: must not be empty']);
  });

  it('a wrong or missing format, and an unknown format_version', () => {
    expect(errorsOf({ ...minimalList(), format: 'something/else' })).toEqual([
      'format: expected "jaga-netral/candidate-list", got "something/else"',
    ]);
    expect(errorsOf({ ...minimalList(), format: undefined })[0]).toMatch(/^format: required field is missing/);
    expect(errorsOf({ ...minimalList(), format_version: 2 })).toEqual([
      'format_version: format_version 2 is not supported: this extension reads version 1 only — update the extension, or publish a version 1 document',
    ]);
    expect(errorsOf({ ...minimalList(), format_version: '1' })[0]).toMatch(
      /^format_version: expected the whole number 1/,
    );
  });

  it('duplicate ids: elections, tickets, parties, persons within a ticket', () => {
    const doc = loose(minimalList());
    doc.parties.push({ id: 'pdip', name: 'again' });
    doc.elections.push({ ...loose(doc.elections[0]) });
    doc.elections[0].tickets[1].members[1].id = 'jeje';
    const errs = errorsOf(doc);
    expect(errs).toEqual([
      'parties[2].id: "pdip" is already used by parties[1]',
      'elections[0].tickets[1].members[1].id: "jeje" is already used by members[0] of this ticket',
      'elections[1].id: "pilgub-2024-32" is already used by elections[0]',
      'elections[1].tickets[0].id: "pilgub-2024-32/4" is already used by elections[0].tickets[0]',
      'elections[1].tickets[1].id: "pilgub-2024-32/2" is already used by elections[0].tickets[1]',
    ]);
  });

  it('party_ids that resolve to no party', () => {
    const doc = loose(minimalList());
    doc.elections[0].tickets[0].party_ids = ['gerindra', 'gerindr'];
    expect(errorsOf(doc)).toEqual([
      'elections[0].tickets[0].party_ids[1]: "gerindr" is not the id of any party in "parties"',
    ]);
    delete doc.parties;
    expect(errorsOf(doc)[0]).toMatch(/\(the document has no parties\)$/);
  });

  it('member counts by kind, with the default kind named', () => {
    const doc = loose(minimalList());
    doc.elections[0].tickets[0].members.pop();
    doc.elections[0].tickets[1].kind = 'individual';
    expect(errorsOf(doc)).toEqual([
      'elections[0].tickets[0].members: expected 2 members for kind "pair" (the default for pilgub; set "kind" if this is not one), found 1',
      'elections[0].tickets[1].members: expected 1 member for kind "individual", found 2',
    ]);
    const empty = loose(minimalList());
    empty.elections[0].tickets[1] = { id: 'kk', kind: 'empty_column', warn: false, members: [] };
    expect(validateList(empty).ok).toBe(true);
    empty.elections[0].type = 'pileg_dpr';
    expect(errorsOf(empty)[0]).toMatch(/expected 1 member for kind "individual" \(the default for pileg_dpr/);
  });

  it('a window that ends before it starts', () => {
    const doc = loose(minimalList());
    doc.elections[0].window = { from: '2024-12-31', until: '2024-08-27' };
    expect(errorsOf(doc)).toEqual(['elections[0].window: from (2024-12-31) is after until (2024-08-27); swap them']);
  });

  it('dates that do not parse', () => {
    for (const bad of [
      '2024-02-30',
      '2024-13-01',
      '27-11-2024',
      '2024-11-27T10:00',
      'yesterday',
      '2024-11-27 10:00:00Z',
    ]) {
      const doc = loose(minimalList());
      doc.elections[0].voting_date = bad;
      expect(errorsOf(doc)).toEqual([
        expect.stringMatching(/^elections\[0\]\.voting_date: ".*" is not an RFC 3339 date/),
      ]);
    }
  });

  it('a string longer than 512 characters', () => {
    const doc = loose(minimalList());
    doc.elections[0].name = 'x'.repeat(513);
    expect(errorsOf(doc)).toEqual(['elections[0].name: text is 513 characters long; the limit is 512 — shorten it']);
    doc.elections[0].name = 'x'.repeat(512);
    expect(validateList(doc).ok).toBe(true);
  });

  it('a document over 32 MiB, as text and as bytes, before parsing', () => {
    const big = `{"format":"jaga-netral/candidate-list","pad":"${'x'.repeat(MAX_DOCUMENT_BYTES)}"}`;
    expect(errorsOf(big)[0]).toMatch(
      /^\(document\): the document is 33,554,4\d\d bytes; the limit is 33,554,432 bytes/,
    );
    expect(errorsOf(new TextEncoder().encode(big))[0]).toMatch(/limit is 33,554,432 bytes/);
    // multi-byte text counted in UTF-8 bytes, not characters
    const r = validateList(`"${'é'.repeat(20)}"`, { maxBytes: 30 });
    expect(r.ok ? '' : formatError(r.errors[0]!)).toMatch(/42 bytes; the limit is 30 bytes/);
  });

  it('600,000 aliases (the limit is 500,000 in all)', () => {
    const doc = loose(minimalList());
    doc.elections[0].tickets[0].aliases = Array.from({ length: 300_000 }, (_, i) => `a${i}`);
    doc.elections[0].tickets[1].slogans = Array.from({ length: 300_000 }, (_, i) => ({
      text: `s${i}`,
      strength: 'weak',
    }));
    expect(errorsOf(doc)).toEqual([
      '(document): 600,002 aliases and slogans in all; the limit is 500,000 — split the list into shards',
    ]);
    doc.elections[0].tickets[1].slogans = doc.elections[0].tickets[1].slogans.slice(0, 199_998);
    expect(validateList(doc).ok).toBe(true);
  });

  it('stops after 50 errors on a junk document', () => {
    const doc = loose(minimalList());
    doc.elections[0].tickets = Array.from({ length: 100_000 }, () => ({ members: 1 }));
    const errs = errorsOf(doc);
    expect(errs.length).toBe(51);
    expect(errs.at(-1)).toBe('(document): more errors not shown (stopped after 50)');
  });
});

describe('validateList: hostile content stays inert', () => {
  it('strips unknown fields everywhere', () => {
    const doc = loose(minimalList());
    doc.extra = { a: 1 };
    doc.elections[0].tickets[0].members[0].x_internal = 'secret';
    doc.elections[0].tickets[0].members[0].aliases[0].note = 'n';
    const r = validateList(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect('extra' in r.list).toBe(false);
    expect(r.list.elections[0]!.tickets[0]!.members[0]).not.toHaveProperty('x_internal');
    expect(r.list.elections[0]!.tickets[0]!.members[0]!.aliases![0]).toEqual({ text: 'KDM', strength: 'medium' });
  });

  it('__proto__, constructor and prototype keys pollute nothing', () => {
    const base = JSON.stringify(minimalList());
    const text = base
      .replace(
        '{"format"',
        '{"__proto__":{"polluted":true,"sequence":99},"constructor":{"prototype":{"polluted":true}},"format"',
      )
      .replace('"members":[{', '"members":[{"__proto__":{"role":"capres"},"prototype":1,');
    expect(JSON.parse(text)).toHaveProperty('__proto__'); // JSON.parse makes it an own property
    const r = validateList(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.getPrototypeOf(r.list)).toBe(Object.prototype);
    expect(Object.hasOwn(r.list, '__proto__')).toBe(false);
    expect(Object.hasOwn(r.list, 'constructor')).toBe(false);
    expect(r.list.sequence).toBe(3);
    expect((r.list as unknown as { polluted?: boolean }).polluted).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(r.list.elections[0]!.tickets[0]!.members[0]!.role).toBe('cagub');
  });

  it('ids named __proto__ or constructor are plain data', () => {
    const doc = loose(minimalList());
    doc.parties[0].id = '__proto__';
    doc.elections[0].tickets[0].party_ids = ['__proto__'];
    doc.elections[0].tickets[1].party_ids = ['constructor'];
    expect(errorsOf(doc)).toEqual([
      'elections[0].tickets[1].party_ids[0]: "constructor" is not the id of any party in "parties"',
    ]);
    doc.elections[0].tickets[1].party_ids = ['__proto__'];
    doc.list_id = '__proto__';
    expect(validateList(doc).ok).toBe(true);
    expect(checkSequence('__proto__', 1, new Map()).ok).toBe(true);
    expect(checkSequence('constructor', 1, new Map([['__proto__', 5]])).ok).toBe(true);
  });

  it('deeply nested junk: in an unknown field, in a known field, and as the whole document', () => {
    const depth = 200_000;
    const deep = `${'{"x":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const text = JSON.stringify(minimalList()).replace('{"format"', `{"junk":${deep},"format"`);
    expect(validateList(text).ok).toBe(true);
    const inKnown = JSON.stringify(minimalList()).replace('"name":"Dedi Mulyadi"', `"name":${deep}`);
    expect(errorsOf(inKnown)).toEqual(['elections[0].tickets[0].members[0].name: expected text, got an object']);
    const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    expect(errorsOf(arrays)[0]).toMatch(/^\(document\): (expected a JSON object|malformed JSON)/);
  });

  it('keeps HTML and script as the same inert text', () => {
    const doc = loose(minimalList());
    const html = '<img src=x onerror="alert(1)"><script>alert(document.cookie)</script>';
    doc.elections[0].tickets[0].members[0].name = html;
    doc.publisher.name = '</div><a href="javascript:alert(1)">klik</a>';
    const r = validateList(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.list.elections[0]!.tickets[0]!.members[0]!.name).toBe(html);
    expect(r.list.publisher.name).toBe(doc.publisher.name);
  });

  it('accepts regular-expression metacharacters in names as plain text', () => {
    const doc = loose(minimalList());
    const names = ['A.*(B)+[x]', '^$\\d{2,}|?', '(?<g>x)\\1', 'Budi (Bud*)'];
    doc.elections[0].tickets[0].members[0].name = names[0];
    doc.elections[0].tickets[0].aliases = names.slice(1);
    doc.elections[0].tickets[0].hashtags = ['#[a-z]+'];
    const r = validateList(doc);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.list.elections[0]!.tickets[0]!.aliases).toEqual(names.slice(1));
  });
});

describe('validateManifest and validateDocument', () => {
  const manifest = {
    format: 'jaga-netral/candidate-manifest',
    format_version: 1,
    list_id: 'test/pemilu',
    sequence: 42,
    issued_at: '2024-01-01T00:00:00Z',
    expires_at: '2024-03-01T00:00:00Z',
    publisher: { name: 'X' },
    shards: [
      { path: 'national.json', scope: '00', sha256: 'a'.repeat(64), bytes: 10 },
      { path: 'prov/32.json', scope: '32', sha256: 'B'.repeat(64) },
    ],
  };
  it('accepts a manifest and tells the kinds apart', () => {
    expect(validateManifest(manifest).ok).toBe(true);
    const d = validateDocument(JSON.stringify(manifest));
    expect(d.ok && d.kind).toBe('manifest');
    const l = validateDocument(minimalList());
    expect(l.ok && l.kind).toBe('list');
  });
  it('rejects bad shard entries', () => {
    const m = loose(manifest);
    m.shards[1].scope = '3';
    m.shards[0].sha256 = 'zz';
    m.shards.push({ ...m.shards[0], sha256: 'c'.repeat(64) });
    const r = validateManifest(m);
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual([
      'shards[0].sha256: "zz" is not valid: expected 64 hexadecimal digits',
      'shards[1].scope: "3" is not valid: expected "00" for national, a 2-digit province or a 4-digit regency/city code',
    ]);
    m.shards[0].sha256 = 'a'.repeat(64);
    m.shards[1].scope = '3273';
    const dup = validateManifest(m);
    expect(dup.ok ? [] : dup.errors.map(formatError)).toEqual([
      'shards[2].path: "national.json" is already used by shards[0]',
    ]);
  });
  it('names both formats when the format is unknown', () => {
    const r = validateDocument({ format: 'foo' });
    expect(r.ok ? '' : formatError(r.errors[0]!)).toMatch(
      /a list\) or "jaga-netral\/candidate-manifest" \(a manifest\)/,
    );
  });
});

describe('checkSequence', () => {
  const last = new Map([['a', 5]]);
  it('accepts a first or a higher sequence', () => {
    expect(checkSequence('a', 6, last)).toEqual({ ok: true });
    expect(checkSequence('b', 1, last)).toEqual({ ok: true });
    expect(checkSequence('a', 1, undefined)).toEqual({ ok: true });
  });
  it('refuses the same or an older sequence for the same list_id', () => {
    expect(checkSequence('a', 5, last)).toEqual({ ok: false, reason: 'sequence 5 of "a" is already the active one' });
    expect(checkSequence('a', 4, last)).toEqual({
      ok: false,
      reason: 'rollback refused: "a" sequence 4 is older than the accepted sequence 5',
    });
  });
});

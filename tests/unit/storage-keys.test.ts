/**
 * One registry of storage keys (lib/storage-keys.ts): every key distinct, none a prefix of another
 * (the list documents live under a prefix), and no module keeps a storage key of its own.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STORAGE_KEYS } from '../../lib/storage-keys';

const ROOT = resolve(import.meta.dirname, '../..');

function leaves(o: object): string[] {
  return Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : leaves(v as object)));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('storage keys', () => {
  const keys = leaves(STORAGE_KEYS);

  it('are distinct, and none starts another', () => {
    expect(new Set(keys).size).toBe(keys.length);
    for (const a of keys)
      for (const b of keys) if (a !== b) expect(b.startsWith(a), `${b} starts with ${a}`).toBe(false);
  });

  it('are named only in the registry', () => {
    const offenders: string[] = [];
    for (const dir of ['lib', 'components', 'entrypoints']) {
      for (const f of files(join(ROOT, dir))) {
        if (f.endsWith('storage-keys.ts')) continue;
        const src = readFileSync(f, 'utf8');
        const patterns = [
          // a key constant with a literal value
          /\bconst \w*_KEYS?\s*=\s*['"`]/g,
          // a literal key handed to the storage API: get('x'), get(['x', …]), remove('x')
          /storage\.(?:local|session|sync)\.(?:get|remove)\(\s*\[?\s*['"`]/g,
          // set({ x: … }) with a plain (not computed) property name
          /storage\.(?:local|session|sync)\.set\(\s*\{\s*['"\w]/g,
        ];
        for (const re of patterns)
          for (const m of src.matchAll(re)) offenders.push(`${f.slice(ROOT.length + 1)}: ${m[0]}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

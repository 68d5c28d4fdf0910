/**
 * Content-script builds carry only the locale keys lib/i18n/content-keys.ts keeps. This walks the
 * import graph of every content-script entrypoint and fails when any file a content script runs
 * and imports lib/i18n names a locale key (as a string literal, or as the fixed start of a template literal such as
 * `action${kind}`) that the content builds would drop: the dialog would then show the key's name.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import id from '../../public/_locales/id/messages.json';
import { contentMessages, isContentKey } from '../../lib/i18n/content-keys';

const ROOT = resolve(import.meta.dirname, '../..');
const KEYS = Object.keys(id);

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  for (const c of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(c) && /\.(ts|tsx)$/.test(c)) return c;
  }
  return null;
}

function reachable(entry: string, values = false): Set<string> {
  const seen = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(
      /(?:import|export)([^'"]*?)from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g,
    )) {
      // values: only imports that bundle code (not `import type`)
      if (values && /^\s*type\b/.test(m[1] ?? '')) continue;
      const next = resolveImport(file, m[2] ?? m[3]!);
      if (next) todo.push(next);
    }
  }
  return seen;
}

const entries = readdirSync(join(ROOT, 'entrypoints'))
  .filter((f) => f.endsWith('.content.ts'))
  .map((f) => join(ROOT, 'entrypoints', f));

describe('content scripts carry every UI string they use', () => {
  it('finds the content-script entrypoints and the dialog among what they run', () => {
    expect(entries.length).toBeGreaterThanOrEqual(7);
    const files = new Set(entries.flatMap((e) => [...reachable(e)]));
    expect([...files].some((f) => f.endsWith('WarningDialog.ts'))).toBe(true);
  });

  it('keeps every key named in a file a content script runs', () => {
    const used = new Map<string, string>();
    for (const entry of entries) {
      for (const file of reachable(entry)) {
        const src = readFileSync(file, 'utf8');
        // Only a module that imports the i18n module can look a string up.
        if (!/from\s*['"][./]*(?:lib\/)?i18n(?:\/content)?['"]/.test(src)) continue;
        for (const m of src.matchAll(/['"]([A-Za-z][A-Za-z0-9]*)['"]/g)) {
          if (KEYS.includes(m[1]!)) used.set(m[1]!, file);
        }
        for (const m of src.matchAll(/`([A-Za-z][A-Za-z0-9]*)\$\{/g)) {
          for (const k of KEYS) if (k.startsWith(m[1]!)) used.set(k, file);
        }
      }
    }
    expect(used.size).toBeGreaterThan(10);
    const dropped = [...used].filter(([k]) => !isContentKey(k)).map(([k, f]) => `${k} (${f.slice(ROOT.length + 1)})`);
    expect(dropped).toEqual([]);
  });

  it('carry no locale table as code (the strings arrive as data: lib/i18n/content.ts)', () => {
    const offenders: string[] = [];
    for (const entry of entries) {
      for (const file of reachable(entry, true)) {
        const src = readFileSync(file, 'utf8');
        if (/import\s+(?!type\b)[^'"]*from\s*['"][./]*(?:lib\/)?i18n['"]|_locales\//.test(src)) {
          offenders.push(file.slice(ROOT.length + 1));
        }
      }
    }
    expect([...new Set(offenders)]).toEqual([]);
  });

  it('drops the pages-only strings', () => {
    const kept = contentMessages(id);
    expect(Object.keys(kept)).toContain('dialogLead');
    expect(Object.keys(kept)).not.toContain('exportCsv');
    expect(Object.keys(kept).length).toBeLessThan(KEYS.length / 2);
  });
});

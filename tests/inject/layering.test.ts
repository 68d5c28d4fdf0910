/**
 * The dependency wall: lib/ is the core and never imports the UI (components/) or the extension's
 * entry points (entrypoints/). The UI depends on lib/, and entry points wire the two together
 * (e.g. the content scripts hand components/WarningDialogHost.ts's UI to lib/guard/runtime.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [p] : [];
  });
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function specifiers(code: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\1/g;
  for (const m of code.matchAll(re)) out.push(m[2] as string);
  return out;
}

/** The imports of `file` that land in components/ or entrypoints/. */
function wallBreaches(file: string, code: string): string[] {
  return specifiers(code).filter((s) => {
    if (!s.startsWith('.') && !s.startsWith('@/') && !s.startsWith('~/')) return false;
    const target = s.startsWith('.') ? resolve(dirname(file), s) : join(ROOT, s.slice(2));
    const rel = relative(ROOT, target).split('\\').join('/');
    return rel.startsWith('components/') || rel === 'components' || rel.startsWith('entrypoints/');
  });
}

describe('lib/ does not import components/ or entrypoints/', () => {
  it('no file in lib/ imports the UI or an entry point', () => {
    const breaches = sources(join(ROOT, 'lib')).flatMap((f) =>
      wallBreaches(f, readFileSync(f, 'utf8')).map((s) => `${relative(ROOT, f)} → ${s}`),
    );
    expect(breaches).toEqual([]);
  });

  it('the check itself catches each form of import', () => {
    const f = join(ROOT, 'lib/guard/x.ts');
    expect(wallBreaches(f, "import { h } from '../../components/WarningDialog';")).toHaveLength(1);
    expect(wallBreaches(f, "import css from '../../components/WarningDialog.css?inline';")).toHaveLength(1);
    expect(wallBreaches(f, "export { a } from '../../entrypoints/background';")).toHaveLength(1);
    expect(wallBreaches(f, "const m = await import('../../components/PageBanner');")).toHaveLength(1);
    expect(wallBreaches(f, "import '@/components/page.css';")).toHaveLength(1);
    expect(wallBreaches(f, "import { t } from '../i18n';")).toEqual([]);
    expect(wallBreaches(f, "import browser from 'webextension-polyfill';")).toEqual([]);
  });
});

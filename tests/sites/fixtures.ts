/** Shared helpers of the site DOM tests: list a site's fixture pages, find an element or fail loudly. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every .html file under `root`, as paths relative to it. */
export function fixtureFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return fixtureFiles(root, p);
    return name.endsWith('.html') ? [relative(root, p)] : [];
  });
}

/** The element a test means to act on; a fixture without it is a broken test, not a pass. */
export function at(doc: Document, selector: string): Element {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`fixture has no ${selector}`);
  return el;
}

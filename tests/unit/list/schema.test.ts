/**
 * The JSON Schema, the typed description and the TypeScript types must not drift apart:
 * 1. lib/list/schema.json is exactly what schema-source.ts generates;
 * 2. the description's objects have the same fields, with the same optionality, as the interfaces in
 *    lib/list/types.ts, and its enums the same members as the string unions there (read with the
 *    TypeScript parser, so this fails at test time, not only under `tsc`).
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  type AnyDesc,
  type AnyObjectDesc,
  buildJsonSchema,
  CANDIDATE_LIST,
  CANDIDATE_MANIFEST,
  renderJsonSchema,
} from '../../../lib/list/schema-source';

describe('lib/list/schema.json', () => {
  it('is the one generated from schema-source.ts (regenerate: npm run list -- schema)', () => {
    expect(readFileSync('lib/list/schema.json', 'utf8')).toBe(renderJsonSchema());
  });
  it('is draft 2020-12 and covers both document kinds', () => {
    const s = buildJsonSchema();
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(s.$defs as object)).toEqual(expect.arrayContaining(['CandidateList', 'CandidateManifest']));
  });
});

interface TsObject {
  fields: Map<string, { optional: boolean; typeText: string }>;
}

function readTypes() {
  const src = ts.createSourceFile('types.ts', readFileSync('lib/list/types.ts', 'utf8'), ts.ScriptTarget.Latest, true);
  const objects = new Map<string, TsObject>();
  const unions = new Map<string, string[]>();
  const members = (list: ts.NodeArray<ts.TypeElement>): TsObject => {
    const fields = new Map<string, { optional: boolean; typeText: string }>();
    for (const m of list) {
      if (ts.isPropertySignature(m) && m.type)
        fields.set(m.name.getText(src), { optional: !!m.questionToken, typeText: m.type.getText(src) });
    }
    return { fields };
  };
  src.forEachChild((n) => {
    if (ts.isInterfaceDeclaration(n)) objects.set(n.name.text, members(n.members));
    if (ts.isTypeAliasDeclaration(n) && ts.isUnionTypeNode(n.type)) {
      const lits = n.type.types.filter(ts.isLiteralTypeNode).map((t) => t.literal);
      if (lits.length === n.type.types.length && lits.every(ts.isStringLiteral))
        unions.set(
          n.name.text,
          lits.map((l) => (l as ts.StringLiteral).text),
        );
      // Alias = string | { text; strength }
      const lit = n.type.types.find(ts.isTypeLiteralNode);
      if (lit) objects.set(`${n.name.text}Object`, members(lit.members));
    }
  });
  return { objects, unions };
}

function collect(d: AnyDesc, into: Map<string, AnyObjectDesc>) {
  if (d.t === 'array') collect(d.items, into);
  if (d.t === 'alias') collect(d.object, into);
  if (d.t !== 'object' || into.has(d.name)) return;
  into.set(d.name, d);
  for (const f of Object.values(d.fields)) collect(f.d, into);
}

describe('schema-source.ts against lib/list/types.ts', () => {
  const { objects, unions } = readTypes();
  const descs = new Map<string, AnyObjectDesc>();
  collect(CANDIDATE_LIST as AnyDesc, descs);
  collect(CANDIDATE_MANIFEST as AnyDesc, descs);

  it('describes every interface of the format', () => {
    const formatTypes = [...objects.keys()].filter((k) => !['DetachedSignature', 'PublicKey'].includes(k));
    expect([...descs.keys()].sort()).toEqual(formatTypes.sort());
  });

  for (const [name, desc] of descs) {
    it(`${name}: same fields, same optionality, same enum members`, () => {
      const t = objects.get(name);
      expect(t, `interface ${name} in types.ts`).toBeDefined();
      if (!t) return;
      expect(Object.keys(desc.fields).sort()).toEqual([...t.fields.keys()].sort());
      for (const [k, f] of Object.entries(desc.fields)) {
        const tf = t.fields.get(k)!;
        expect(f.required, `${name}.${k} required`).toBe(!tf.optional);
        const base = tf.typeText.replace(/\[\]$/, '');
        const inner = f.d.t === 'array' ? f.d.items : f.d;
        const union = unions.get(base);
        if (union) expect(inner.t === 'enum' ? [...inner.values] : inner, `${name}.${k} values`).toEqual(union);
        if (inner.t === 'enum') expect(union, `${name}.${k} is a string union in types.ts`).toBeDefined();
      }
    });
  }
});

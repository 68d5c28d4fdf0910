/** Building persons and pairs from printed names, shared by the Pilkada and Pilpres importers. */
import { slug } from '../from-kpu';
import type { Person, Role } from '../types';
import { cleanName } from './names';

/** A person from a printed name (id: a slug of the name, `-<suffix>` when given), or undefined when nothing of a name is left. */
export function person(printed: string, role: Role, suffix?: string): Person | undefined {
  const c = cleanName(printed);
  if (!c.name) return undefined;
  const base = slug(c.name) || 'calon';
  const p: Person = { id: suffix ? `${base}-${suffix}` : base, role, name: c.name };
  if (c.official_name) p.official_name = c.official_name;
  if (c.aliases.length) p.aliases = c.aliases;
  return p;
}

/** Two persons of one ticket must not share an id. */
export function distinctIds(members: Person[]): Person[] {
  if (members.length === 2 && members[0]!.id === members[1]!.id) members[1]!.id += '-2';
  return members;
}

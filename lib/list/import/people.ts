/** Building persons and pairs from printed names, shared by the Pilkada and Pilpres importers. */
import { slug } from '../from-kpu';
import type { Person, Role } from '../types';
import { cleanName } from './names';

/** A person from a printed name, or undefined when nothing of a name is left. */
export function person(printed: string, role: Role, id?: string): Person | undefined {
  const c = cleanName(printed);
  if (!c.name) return undefined;
  const p: Person = { id: id ?? (slug(c.name) || 'calon'), role, name: c.name };
  if (c.official_name) p.official_name = c.official_name;
  if (c.aliases.length) p.aliases = c.aliases;
  return p;
}

/** Two persons of one ticket must not share an id. */
export function distinctIds(members: Person[]): Person[] {
  if (members.length === 2 && members[0]!.id === members[1]!.id) members[1]!.id += '-2';
  return members;
}

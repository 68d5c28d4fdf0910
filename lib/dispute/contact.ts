/**
 * The list publisher's contact (`publisher.contact`, docs/list-format.md §2.1): an email address, an
 * https:// address, or one of each separated by a space. The validator already refused anything
 * else; this reads it again defensively (the page never trusts list text to be well formed).
 */
import { CONTACT_EMAIL, CONTACT_URL } from '../list/schema-source';

export interface Contact {
  email?: string;
  url?: string;
}

const EMAIL = new RegExp(`^${CONTACT_EMAIL}$`);
const URL_RE = new RegExp(`^${CONTACT_URL}$`);

/** The first email address and the first https:// address in `contact`; `{}` when it has neither. */
export function parseContact(contact: string | undefined): Contact {
  const out: Contact = {};
  for (const part of (contact ?? '').trim().split(/\s+/).slice(0, 2)) {
    if (part.length > 512) continue;
    if (!out.email && EMAIL.test(part)) out.email = part;
    else if (!out.url && URL_RE.test(part)) out.url = part;
  }
  return out;
}

/** Real hostnames the fixture server answers for, and the fixture folder each one serves. */
import { SITE_LIST } from '../../../lib/sites/registry';

/** Every host of every guarded site (lib/sites/registry.ts) serves tests/fixtures/<platform>/. */
export const SITE_HOSTS: Record<string, string> = {
  ...Object.fromEntries(SITE_LIST.flatMap((s) => s.hosts.map((h) => [h, s.platform]))),
  // a list publisher under test control
  'lists.jaga-netral.test': 'lists',
  // a list host with a real-looking name (the real-data tier publishes there)
  'lists.jaganetral.id': 'lists',
};

export const ALL_HOSTS = Object.keys(SITE_HOSTS);

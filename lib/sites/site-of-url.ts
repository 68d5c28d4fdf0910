import type { Platform } from '../list/types';

/** Which guarded site a tab's URL belongs to (for the popup's "pause on this site"). */
const HOSTS: Array<[RegExp, Platform]> = [
  [/(^|\.)facebook\.com$/, 'facebook'],
  [/(^|\.)instagram\.com$/, 'instagram'],
  [/(^|\.)(x|twitter)\.com$/, 'x'],
  [/(^|\.)tiktok\.com$/, 'tiktok'],
  [/(^|\.)youtube\.com$/, 'youtube'],
  [/(^|\.)threads\.(com|net)$/, 'threads'],
  [/^web\.whatsapp\.com$/, 'whatsapp'],
];

export function siteOfUrl(url: string | undefined): Platform | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  return HOSTS.find(([re]) => re.test(host))?.[1] ?? null;
}

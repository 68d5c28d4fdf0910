import type { Platform } from '../list/types';
import { siteOfHost } from './registry';

/** Which guarded site a tab's URL belongs to (the popup's notice and "pause on this site"). */
export function siteOfUrl(url: string | undefined): Platform | null {
  if (!url) return null;
  try {
    return siteOfHost(new URL(url).hostname);
  } catch {
    return null;
  }
}

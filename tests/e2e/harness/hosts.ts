/** Real hostnames the fixture server answers for, and the fixture folder each one serves. */
export const SITE_HOSTS: Record<string, string> = {
  'x.com': 'x',
  'www.x.com': 'x',
  'twitter.com': 'x',
  'mobile.x.com': 'x',
  'www.facebook.com': 'facebook',
  'web.facebook.com': 'facebook',
  'm.facebook.com': 'facebook',
  'www.instagram.com': 'instagram',
  'www.tiktok.com': 'tiktok',
  'www.youtube.com': 'youtube',
  'm.youtube.com': 'youtube',
  'www.threads.com': 'threads',
  'www.threads.net': 'threads',
  'web.whatsapp.com': 'whatsapp',
  // a list publisher under test control (issue 4)
  'lists.jaga-netral.test': 'lists',
};

export const ALL_HOSTS = Object.keys(SITE_HOSTS);

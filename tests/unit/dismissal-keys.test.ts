import { describe, expect, it } from 'vitest';
import { dismissalKeys, postKey } from '../../lib/guard/local-state';
import { FACEBOOK_LINKS, X_LINKS } from '../../lib/log/links';

describe('dismissal keys', () => {
  it('a dismissed post is keyed by its stored permalink: same site, no query string, no fragment', () => {
    expect(postKey(X_LINKS, 'https://x.com/warga/status/123?s=20&t=abc#reply')).toBe(
      'post:https://x.com/warga/status/123',
    );
    expect(postKey(FACEBOOK_LINKS, 'https://web.facebook.com/warga.test/posts/2002?__cft__[0]=AZx2')).toBe(
      'post:https://www.facebook.com/warga.test/posts/2002',
    );
  });

  it('a link the page chose that is no permalink of the site gives no post key', () => {
    expect(postKey(X_LINKS, 'https://evil.example/x.com/status/1')).toBeNull();
    expect(postKey(X_LINKS, undefined)).toBeNull();
  });

  it('the lookup uses the same key as the dismissal, whatever tracking the page adds later', () => {
    const dismissed = postKey(X_LINKS, 'https://x.com/warga/status/123?s=20');
    const later = dismissalKeys(X_LINKS, {
      text: '',
      permalink: 'https://mobile.x.com/warga/status/123?t=zz',
    } as never);
    expect(later).toContain(dismissed);
  });
});

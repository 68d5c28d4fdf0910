/**
 * Calls `fn` whenever the page's URL changes, also for single-page-app navigations a content
 * script cannot see directly (history.pushState in the page's world). Three cheap signals: the
 * Navigation API where the browser has it, popstate, and a 500 ms string comparison as the
 * fallback that always works. All stop when `signal` aborts.
 */
export function onUrlChange(win: Window, fn: (url: string) => void, signal: AbortSignal): void {
  let last = win.location.href;
  const check = () => {
    const now = win.location.href;
    if (now === last) return;
    last = now;
    fn(now);
  };
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  // navigatesuccess fires after the URL has changed; `navigate` fires before.
  nav?.addEventListener('navigatesuccess', check, { signal });
  win.addEventListener('popstate', check, { signal });
  const timer = win.setInterval(check, 500);
  signal.addEventListener('abort', () => win.clearInterval(timer));
}

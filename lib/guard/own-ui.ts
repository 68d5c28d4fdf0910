/**
 * Our own UI is recognised by identity, never by tag name: a page can create elements named like
 * ours (`<jaga-netral-banner>` around its own Like button) and must not thereby escape the guard.
 * The hosts we create register here; events inside them (retargeted to the host at `window`) are
 * never intercepted.
 */
const hosts = new WeakSet<object>();

export function registerOwnHost(host: Element): void {
  hosts.add(host);
}

export function isOwnUi(node: EventTarget | null): boolean {
  let n = node as (Node & { host?: Node }) | null;
  while (n) {
    if (hosts.has(n)) return true;
    n = (n.parentNode ?? n.host ?? null) as (Node & { host?: Node }) | null;
  }
  return false;
}

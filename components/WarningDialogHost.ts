/**
 * Mounts the warning dialog in `<jaga-netral-dialog>`. The shadow root is CLOSED, so page scripts
 * can neither read the dialog (role, elections, warning count) nor press its buttons; only with the
 * automation switch on is it open, carrying the documented automation names (docs/automation.md).
 * The CSS (published by the background: lib/guard/ui-styles.ts) goes into a `<style>` in the shadow
 * root, so no web-accessible resource exists for pages to probe.
 * The host is fixed-position on <html>: the page's layout never shifts. If the page removes the
 * host, the dialog resolves as Cancel.
 */
import type { Choice } from '../lib/guard/guard';
import type { DialogData, GuardUi } from '../lib/guard/ui';
import { mountHost } from './dom';
import { hideBanner, showBanner } from './PageBannerHost';
import { buildWarningDialog } from './WarningDialog';

export const DIALOG_TAG = 'jaga-netral-dialog';

export function showDialog(
  doc: Document,
  data: DialogData,
  opts: { open: boolean; recent?: Promise<number> },
): Promise<Choice> {
  return new Promise((resolve) => {
    const previousFocus = doc.activeElement as HTMLElement | null;
    let done = false;
    const view = buildWarningDialog(doc, data, finish);
    const host = doc.createElement(DIALOG_TAG);
    // CSSOM, not a style attribute: a page's CSP may refuse inline style attributes.
    host.style.cssText = 'position:fixed;inset:0;z-index:2147483647;display:block;';
    mountHost(doc, host, 'dialog', opts.open, view.root);
    const win = doc.defaultView ?? window;
    // Cancel takes the focus just before the dialog's first frame: focusing now would force the
    // page's style and layout in the middle of the click (tens of ms on a long feed).
    win.requestAnimationFrame(() => {
      if (!done) view.focus();
    });
    // Escape cancels wherever the focus is while the dialog is open (also before that frame).
    const onKey = (e: KeyboardEvent) => {
      if (!e.isTrusted || e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      finish('cancel');
    };
    win.addEventListener('keydown', onKey, true);

    // A page that removes our host (or replaces <html>) gets a Cancel: the action stays held and
    // the guard is free to warn again.
    const watch = new MutationObserver(() => {
      if (!host.isConnected) finish('cancel');
    });
    for (const n of [doc.documentElement, doc]) watch.observe(n, { childList: true });
    function finish(choice: Choice): void {
      if (done) return;
      done = true;
      watch.disconnect();
      win.removeEventListener('keydown', onKey, true);
      host.remove();
      // Return focus to where the person was, so keyboard users keep their place (and can repeat).
      if (previousFocus?.isConnected) previousFocus.focus({ preventScroll: true });
      resolve(choice);
    }
    // The count comes from the background; the dialog never waits for it.
    opts.recent?.then(
      (n) => !done && view.setRecent(n),
      () => {},
    );
  });
}

/** The plain-DOM implementation of the guard's UI, handed to lib/guard/runtime.ts by the content scripts. */
export const guardUi: GuardUi = { showDialog, showBanner, hideBanner };

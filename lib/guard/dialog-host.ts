/**
 * Mounts the warning dialog in `<jaga-netral-dialog>` with an OPEN shadow root (a stable hook for
 * agencies' test suites, see shared/spec/test-contract.md). The CSS is inlined into the shadow
 * root, so no web-accessible resource exists for pages to probe. The host is fixed-position on
 * <html>: the page's layout never shifts.
 */
import { h, render } from 'preact';
import css from '../../components/WarningDialog.css?inline';
import { WarningDialog, type WarningDialogProps } from '../../components/WarningDialog';
import type { Choice } from './guard';

export const DIALOG_TAG = 'jaga-netral-dialog';

export function isInsideHost(node: EventTarget): boolean {
  return node instanceof Element && node.closest(`${DIALOG_TAG}, jaga-netral-banner`) !== null;
}

export function showDialog(
  doc: Document,
  props: Omit<WarningDialogProps, 'onChoice' | 'recent'>,
  recent?: Promise<number>,
): Promise<Choice> {
  return new Promise((resolve) => {
    const previousFocus = doc.activeElement as HTMLElement | null;
    const host = doc.createElement(DIALOG_TAG);
    host.style.cssText = 'position:fixed;inset:0;z-index:2147483647;display:block;';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
    const mount = doc.createElement('div');
    shadow.append(mount);
    doc.documentElement.append(host);

    let done = false;
    const finish = (choice: Choice) => {
      if (done) return;
      done = true;
      render(null, mount);
      host.remove();
      // Return focus to where the user was, so keyboard users keep their place in the feed.
      if (previousFocus?.isConnected) previousFocus.focus({ preventScroll: true });
      resolve(choice);
    };
    const draw = (n?: number) => !done && render(h(WarningDialog, { ...props, recent: n, onChoice: finish }), mount);
    draw();
    // The count comes from the background; the dialog never waits for it.
    recent?.then(draw, () => undefined);
  });
}

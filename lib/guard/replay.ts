/**
 * Replays the one action the user confirmed. The original trusted events were swallowed, so the
 * page has seen nothing of the gesture; we give it a complete, consistent sequence once. Our own
 * capture listener lets these through because `isReplaying()` is true only during this
 * synchronous dispatch (dispatchEvent runs listeners synchronously, so nothing can interleave).
 */
let replaying = false;

export function isReplaying(): boolean {
  return replaying;
}

export type ReplayKind = 'click' | 'dblclick' | 'key' | 'submit';

function pointer(type: string, view: Window): Event {
  const init = {
    bubbles: true,
    cancelable: true,
    composed: true,
    view,
    button: 0,
    buttons: type.endsWith('down') ? 1 : 0,
  };
  // PointerEvent is missing in a few DOMs (old Firefox content scripts, some test DOMs).
  return typeof PointerEvent === 'function'
    ? new PointerEvent(type, { ...init, pointerType: 'mouse', isPrimary: true, pointerId: 1 })
    : new MouseEvent(type, init);
}

export function replay(kind: ReplayKind, el: Element, original?: KeyboardEvent): void {
  const view = el.ownerDocument.defaultView ?? window;
  const mouse = (type: string, detail: number) =>
    new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, view, button: 0, detail });
  replaying = true;
  try {
    if (kind === 'submit') {
      const form = el.closest('form');
      if (form) form.requestSubmit();
      return;
    }
    if (kind === 'key' && original) {
      const init: KeyboardEventInit = {
        key: original.key,
        code: original.code,
        ctrlKey: original.ctrlKey,
        metaKey: original.metaKey,
        shiftKey: original.shiftKey,
        altKey: original.altKey,
        bubbles: true,
        cancelable: true,
        composed: true,
      };
      el.dispatchEvent(new KeyboardEvent('keydown', init));
      el.dispatchEvent(new KeyboardEvent('keyup', init));
      return;
    }
    const clicks = kind === 'dblclick' ? 2 : 1;
    for (let i = 1; i <= clicks; i++) {
      el.dispatchEvent(pointer('pointerdown', view));
      el.dispatchEvent(mouse('mousedown', i));
      el.dispatchEvent(pointer('pointerup', view));
      el.dispatchEvent(mouse('mouseup', i));
      el.dispatchEvent(mouse('click', i));
    }
    if (kind === 'dblclick') el.dispatchEvent(mouse('dblclick', 2));
  } finally {
    replaying = false;
  }
}

/**
 * The in-page warning dialog as plain DOM (components/WarningDialog.ts), in a DOM environment
 * (linkedom): the automation names and ARIA it promises, and that only the person's own (trusted)
 * input chooses. The browser suites (tests/e2e) drive the same dialog on the site fixtures.
 */
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWarningDialog, type DialogChoice } from '../../components/WarningDialog';
import { showDialog } from '../../components/WarningDialogHost';
import { uiStrings } from '../../lib/background/ui-strings';
import type { DialogData } from '../../lib/guard/ui';
import { setUiStrings } from '../../lib/i18n/content';
import type { TicketMatch } from '../../lib/match/types';

const MATCH: TicketMatch = {
  ticketId: 'pilpres-2024/2',
  electionId: 'pilpres-2024',
  electionName: 'Pilpres 2024',
  label: 'Calon Dua',
  strength: 'strong',
  stage: 'calon',
  evidence: [
    { kind: 'account', term: 'x:@calondua', source: 'author' },
    { kind: 'hashtag', term: '#CalonDua', source: 'text', start: 0, end: 9, strength: 'strong' },
  ],
};

const DATA: DialogData = {
  lang: 'id',
  kind: 'like',
  aboutPage: false,
  matches: [MATCH],
  role: 'pns',
  demo: false,
  phase: 'action',
  allowSeconds: 20,
};

function setup(data: Partial<DialogData> = {}) {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const choices: DialogChoice[] = [];
  const view = buildWarningDialog(document as unknown as Document, { ...DATA, ...data }, (c) => choices.push(c));
  document.body.append(view.root as never);
  const q = (sel: string) => view.root.querySelector(sel) as HTMLElement;
  const fire = (target: Element, type: string, trusted: boolean, init: Record<string, unknown> = {}) => {
    const Ev = (document as unknown as { defaultView: { Event: typeof Event } }).defaultView.Event;
    const e = new Ev(type, { bubbles: true, cancelable: true });
    Object.assign(e, init);
    Object.defineProperty(e, 'isTrusted', { value: trusted });
    target.dispatchEvent(e);
  };
  return { view, choices, q, fire };
}

beforeAll(() => setUiStrings(uiStrings()));

describe('warning dialog (plain DOM)', () => {
  it('carries the documented automation names and ARIA', () => {
    const { q, view } = setup();
    const d = q('.dialog');
    expect(d.getAttribute('role')).toBe('alertdialog');
    expect(d.getAttribute('aria-modal')).toBe('true');
    expect(d.getAttribute('aria-labelledby')).toBe('jn-title');
    expect(d.getAttribute('aria-describedby')).toBe('jn-lead jn-rule jn-again');
    expect(d.getAttribute('data-action-kind')).toBe('like');
    expect(d.getAttribute('data-tickets')).toBe('pilpres-2024/2');
    expect(d.className).toBe('dialog kind-like stage-calon');
    expect(q('#jn-title').textContent).toBe(uiStrings().id.dialogTitleLike);
    expect(q('[data-ticket="pilpres-2024/2"] strong').textContent).toBe('Calon Dua');
    expect([...view.root.querySelectorAll('[data-evidence]')].map((e) => e.getAttribute('data-evidence'))).toEqual([
      'account',
      'hashtag',
    ]);
    expect(q('[data-evidence="account"]').textContent).toContain('@calondua');
    expect(q('[data-again="like"]').textContent).toContain('20');
    expect(q('button[name="report_list_error"]').getAttribute('data-ticket')).toBe('pilpres-2024/2');
    expect(q('[data-report-status]').getAttribute('role')).toBe('status');
    expect(q('[data-choice="proceed"]').hasAttribute('disabled')).toBe(true);
    expect(q('[data-choice="not_campaign"]').hasAttribute('disabled')).toBe(true);
    expect(q('[data-choice="cancel"]').hasAttribute('disabled')).toBe(false);
    expect(view.root.querySelector('#jn-post')).toBeNull();
    // the focus trap's ':enabled' is exactly the buttons and the checkbox that are not disabled
    const enabled = [...view.root.querySelectorAll(':enabled')];
    expect(enabled).toEqual([...view.root.querySelectorAll('button:not([disabled]), input:not([disabled])')]);
    expect(enabled.length).toBe(3);
  });

  it('names every action kind and every kind of evidence with its own text', () => {
    const s = uiStrings().id;
    const kinds = { like: 'Like', comment: 'Comment', share: 'Share', follow: 'Follow', post: 'Post' } as const;
    for (const [kind, cap] of Object.entries(kinds) as Array<[keyof typeof kinds, string]>) {
      const { q } = setup({ kind });
      expect(q('#jn-title').textContent).toBe(s[`dialogTitle${cap}`]);
      expect(q('[data-choice="proceed"]').textContent).toBe(s[`proceed${cap}`]);
    }
    // at most four distinct pieces are shown: two dialogs of four
    const evidence = ['account', 'name', 'alias', 'hashtag', 'slogan', 'number', 'party', 'context'] as const;
    for (const four of [evidence.slice(0, 4), evidence.slice(4)]) {
      const { q } = setup({
        matches: [{ ...MATCH, evidence: four.map((kind) => ({ kind, term: 'istilah', source: 'text' }) as never) }],
      });
      for (const kind of four) {
        const key = `evidence${kind.charAt(0).toUpperCase()}${kind.slice(1)}`;
        expect(s[key], key).toBeTruthy();
        expect(q(`[data-evidence="${kind}"]`).textContent).toBe(
          s[key]?.replace('$1', kind === 'account' ? '@istilah' : 'istilah'),
        );
      }
    }
  });

  it('describes the own-post note and leaves out the repeat hint at comment start', () => {
    const { q } = setup({ kind: 'post' as never, phase: 'comment-start' });
    expect(q('.dialog').getAttribute('aria-describedby')).toBe('jn-lead jn-post jn-rule');
    expect(q('#jn-post').hasAttribute('data-post-note')).toBe(true);
    expect(q('[data-again]')).toBeNull();
  });

  it('chooses only on trusted input; Proceed needs the trusted acknowledgement first', () => {
    const { q, fire, choices } = setup();
    fire(q('[data-choice="cancel"]'), 'click', false);
    fire(q('[data-choice="proceed"]'), 'click', true);
    expect(choices).toEqual([]);
    const box = q('[data-choice="acknowledge"]') as HTMLInputElement;
    box.checked = true;
    fire(box, 'change', false);
    expect(box.checked).toBe(false);
    expect(q('[data-choice="proceed"]').hasAttribute('disabled')).toBe(true);
    box.checked = true;
    fire(box, 'change', true);
    expect((q('[data-choice="proceed"]') as HTMLButtonElement).disabled).toBe(false);
    fire(q('[data-choice="proceed"]'), 'click', false);
    expect(choices).toEqual([]);
    fire(q('[data-choice="proceed"]'), 'click', true);
    fire(q('[data-choice="cancel"]'), 'click', true);
    expect(choices).toEqual(['proceed', 'cancel']);
  });

  it('the week count arrives later', () => {
    const { q, view } = setup();
    expect(q('.hint').textContent).not.toContain('3');
    view.setRecent(3);
    expect(q('.hint').textContent).toContain('3');
  });

  it('Escape cancels through the host (trusted only): its window listener, which sees the key before the dialog', async () => {
    const { document, MutationObserver } = parseHTML('<!doctype html><html><body></body></html>');
    const win = document.defaultView as unknown as Window & { Event: typeof Event };
    Object.assign(win, { requestAnimationFrame: () => 0 });
    const saved = globalThis.MutationObserver;
    globalThis.MutationObserver = MutationObserver as never;
    try {
      const choice = showDialog(document as unknown as Document, DATA, { open: true });
      const host = document.querySelector('jaga-netral-dialog') as unknown as HTMLElement;
      const cancel = host.shadowRoot?.querySelector('[data-choice="cancel"]') as HTMLElement;
      expect(cancel).toBeTruthy();
      const pressEscape = (trusted: boolean) => {
        const e = new win.Event('keydown', { bubbles: true, cancelable: true });
        Object.assign(e, { key: 'Escape' });
        Object.defineProperty(e, 'isTrusted', { value: trusted });
        // linkedom does not carry events out of a shadow root: press it on the host, where a
        // browser retargets a key pressed inside the dialog
        host.dispatchEvent(e);
      };
      pressEscape(false);
      expect(host.isConnected).toBe(true);
      pressEscape(true);
      expect(await choice).toBe('cancel');
      expect(host.isConnected).toBe(false);
    } finally {
      globalThis.MutationObserver = saved;
    }
  });
});

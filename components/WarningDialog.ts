/**
 * The warning shown before a held action. Cancel is the default, focused and easiest choice;
 * Proceed and "not campaign" both need a deliberate acknowledgement first. Rendered inside a
 * (closed) shadow root on the social site (see components/WarningDialogHost.ts), so the page's CSS
 * cannot reach it. Every handler ignores events the browser did not get from the person.
 *
 * Plain DOM, no UI framework: it runs in every tab of every guarded site (components/dom.ts).
 * The automation names (data-choice, data-tickets, data-evidence…) are docs/automation.md's.
 */
import { t } from '../lib/i18n/content';
import type { DialogData } from '../lib/guard/ui';
import { ruleKey } from '../lib/match/rule';
import type { Evidence, TicketMatch } from '../lib/match/types';
import { send } from '../lib/messages';
import type { Lang } from '../lib/settings/settings';
import { el } from './dom';

export type DialogChoice = 'cancel' | 'proceed' | 'not_campaign';

export interface WarningDialogView {
  /** the backdrop, to be placed in the shadow root */
  root: HTMLElement;
  /** focus the default choice (Cancel) */
  focus(): void;
  /** warnings in the last 7 days, including this one; arrives after the dialog opens */
  setRecent(n: number): void;
}

/** `like` → `Like`: the key suffix of a kind's texts (`dialogTitleLike`, `evidenceAccount`…). */
const cap = <K extends string>(k: K) => (k.charAt(0).toUpperCase() + k.slice(1)) as Capitalize<K>;

function evidenceText(lang: Lang, e: Evidence): string {
  const term = e.kind === 'account' ? `@${e.term.replace(/^[a-z]+:/, '').replace(/^@/, '')}` : e.term;
  return t(lang, `evidence${cap(e.kind)}`, term);
}

/** Show each distinct piece of evidence once, at most four: enough to judge, not a wall of text. */
function uniqueEvidence(m: TicketMatch): Evidence[] {
  const seen = new Set<string>();
  return m.evidence
    .filter((e) => {
      const k = `${e.kind}:${e.term.toLowerCase()}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .slice(0, 4);
}

export function buildWarningDialog(
  doc: Document,
  data: DialogData,
  onChoice: (choice: DialogChoice) => void,
): WarningDialogView {
  const { lang, kind, matches, role } = data;
  const stage = matches.some((m) => m.stage === 'calon') ? 'calon' : 'bakal_calon';
  const c = cap(kind);
  const again = data.phase === 'action';
  // The person's own new post, caption or status: say that making it is itself what the rule covers.
  const ownPost = c === 'Post';
  const describedBy = ['jn-lead', ...(ownPost ? ['jn-post'] : []), 'jn-rule', ...(again ? ['jn-again'] : [])].join(' ');
  let ack = false;

  /** only the person's own input counts: a script's synthetic click is ignored */
  const button = (
    attrs: { class: string; 'data-choice': DialogChoice },
    ...children: (Node | string)[]
  ): HTMLButtonElement => {
    const choice = attrs['data-choice'];
    const b = el(doc, 'button', { type: 'button', ...attrs, disabled: choice !== 'cancel' }, ...children);
    b.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      if (choice !== 'cancel' && !ack) return;
      onChoice(choice);
    });
    return b;
  };

  const cancel = button(
    { class: 'cancel', 'data-choice': 'cancel' },
    `${t(lang, 'cancel')} `,
    el(doc, 'small', null, `(${t(lang, 'cancelHint')})`),
  );
  const proceed = button({ class: 'proceed', 'data-choice': 'proceed' }, t(lang, `proceed${c}`));
  const notCampaign = button({ class: 'link', 'data-choice': 'not_campaign' }, t(lang, 'notCampaign'));
  const box = el(doc, 'input', { type: 'checkbox', 'data-choice': 'acknowledge' });
  box.addEventListener('change', (e) => {
    if (!e.isTrusted) {
      box.checked = ack;
      return;
    }
    ack = box.checked;
    proceed.disabled = !ack;
    notCampaign.disabled = !ack;
  });

  const recent = doc.createTextNode('');
  /** after "report a list error": the report page opened in a new tab, or could not be opened */
  const reportStatus = el(doc, 'span', { role: 'status', 'data-report-status': '' });
  const setReported = (r: '' | 'opened' | 'failed') => {
    reportStatus.setAttribute('data-report-status', r);
    reportStatus.textContent = r ? `${t(lang, r === 'opened' ? 'dialogReportOpened' : 'dialogReportFailed')} ` : '';
  };
  /**
   * "Report a list error": the background opens the extension's report page in a new tab. Nothing
   * in this page navigates or changes but the status line; the held action still waits for a choice.
   */
  const reportButton = (m: TicketMatch): HTMLButtonElement => {
    const b = el(
      doc,
      'button',
      {
        type: 'button',
        class: 'link report',
        name: 'report_list_error',
        'data-ticket': m.ticketId,
        'aria-label': t(lang, 'dialogReportFor', m.label),
      },
      t(lang, 'dialogReport'),
    );
    b.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      setReported('');
      send('dispute:open', { ticketId: m.ticketId, from: 'warning' }).then(
        () => setReported('opened'),
        () => setReported('failed'),
      );
    });
    return b;
  };
  const dialog = el(
    doc,
    'div',
    {
      class: `dialog kind-${kind} stage-${stage}`,
      role: 'alertdialog',
      'aria-modal': 'true',
      'aria-labelledby': 'jn-title',
      'aria-describedby': describedBy,
      'data-action-kind': kind,
      'data-tickets': matches.map((m) => m.ticketId).join(' '),
    },
    el(
      doc,
      'header',
      null,
      el(doc, 'span', { class: 'brand', 'aria-hidden': 'true' }, '🛡️ Jaga Netral'),
      data.demo && el(doc, 'span', { class: 'demo' }, t(lang, 'demoBadge')),
    ),
    el(doc, 'h2', { id: 'jn-title' }, t(lang, `dialogTitle${c}`)),
    el(doc, 'p', { id: 'jn-lead' }, t(lang, data.aboutPage ? 'dialogLeadPage' : 'dialogLead', t(lang, `action${c}`))),
    el(
      doc,
      'ul',
      { class: 'tickets' },
      ...matches
        .slice(0, 3)
        .map((m) =>
          el(
            doc,
            'li',
            { 'data-ticket': m.ticketId },
            el(doc, 'strong', null, m.label),
            el(
              doc,
              'span',
              { class: 'election' },
              `${m.electionName} · ${t(lang, m.stage === 'calon' ? 'stageCalon' : 'stageBakalCalon')}`,
            ),
            m.strength === 'low' && el(doc, 'span', { class: 'low' }, t(lang, 'strengthLow')),
            el(
              doc,
              'details',
              null,
              el(doc, 'summary', null, t(lang, 'dialogWhy')),
              el(
                doc,
                'ul',
                { class: 'evidence' },
                ...uniqueEvidence(m).map((e) => el(doc, 'li', { 'data-evidence': e.kind }, evidenceText(lang, e))),
              ),
            ),
            reportButton(m),
          ),
        ),
    ),
    ownPost &&
      el(doc, 'p', { id: 'jn-post', class: 'rule post-note', 'data-post-note': '' }, t(lang, 'dialogPostNote')),
    el(
      doc,
      'p',
      { id: 'jn-rule', class: 'rule' },
      t(lang, ruleKey(matches)),
      role === 'non_asn' && ` ${t(lang, 'ruleNonAsn')}`,
    ),
    el(
      doc,
      'div',
      { class: 'choices' },
      cancel,
      el(doc, 'label', { class: 'ack' }, box, t(lang, 'acknowledge')),
      proceed,
    ),
    again &&
      el(
        doc,
        'p',
        { id: 'jn-again', class: 'again', 'data-again': kind },
        el(doc, 'strong', null, t(lang, `again${c}`, data.allowSeconds)),
        ` ${t(lang, 'againHint')}`,
      ),
    el(doc, 'div', { class: 'secondary' }, notCampaign),
    el(doc, 'p', { class: 'hint' }, reportStatus, recent, t(lang, 'closedByEscape')),
  );

  dialog.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onChoice('cancel');
      return;
    }
    if (e.key !== 'Tab') return;
    // Trap focus inside the dialog: wrap from last to first and back.
    const focusables = Array.from(
      dialog.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled])'),
    );
    if (focusables.length === 0) return;
    const first = focusables[0]!;
    const last = focusables[focusables.length - 1]!;
    const active = (dialog.getRootNode() as ShadowRoot | Document).activeElement;
    if (e.shiftKey && active === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  });

  return {
    root: el(doc, 'div', { class: 'backdrop' }, dialog),
    focus: () => cancel.focus(),
    setRecent(n) {
      recent.data = n > 1 ? `${t(lang, 'recentCount', n)} ` : '';
    },
  };
}

/**
 * The warning shown before a held action. Cancel is the default, focused and easiest choice;
 * Proceed and "not campaign" both need a deliberate acknowledgement first. Rendered inside a
 * (closed) shadow root on the social site (see components/WarningDialogHost.ts), so the page's CSS
 * cannot reach it. Every handler ignores events the browser did not get from the person.
 *
 * Plain DOM, no UI framework: it runs in every tab of every guarded site (components/dom.ts).
 * The automation names (data-choice, data-tickets, data-evidence…) are docs/automation.md's.
 */
import { tr } from '../lib/i18n/content';
import type { DialogData } from '../lib/guard/ui';
import { ruleKey } from '../lib/match/rule';
import type { Evidence, TicketMatch } from '../lib/match/types';
import { send } from '../lib/messages';
import { type Child, dom, ticketIds } from './dom';

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
const cap = <K extends string>(k: K) => (k[0]!.toUpperCase() + k.slice(1)) as Capitalize<K>;

function evidenceText(t: ReturnType<typeof tr>, e: Evidence): string {
  const term = e.kind === 'account' ? `@${e.term.replace(/^([a-z]+:)?@?/, '')}` : e.term;
  return t(`evidence${cap(e.kind)}`, term);
}

/** Show each distinct piece of evidence once, at most four: enough to judge, not a wall of text. */
function uniqueEvidence(m: TicketMatch): Evidence[] {
  const seen = new Set<string>();
  return m.evidence
    .filter((e) => {
      const k = `${e.kind}:${e.term.toLowerCase()}`;
      return !seen.has(k) && seen.add(k);
    })
    .slice(0, 4);
}

export function buildWarningDialog(
  doc: Document,
  data: DialogData,
  onChoice: (choice: DialogChoice) => void,
): WarningDialogView {
  const { kind, matches, role } = data;
  const h = dom(doc);
  const t = tr(data.lang);
  const stage = matches.some((m) => m.stage === 'calon') ? 'calon' : 'bakal_calon';
  const c = cap(kind);
  const again = data.phase === 'action';
  // The person's own new post, caption or status: say that making it is itself what the rule covers.
  const ownPost = c === 'Post';
  let ack = false;

  /**
   * `spec` names the choice (`[data-choice=…]`, docs/automation.md) and, but for Cancel, starts it
   * disabled; only the person's own input counts: a script's synthetic click is ignored.
   */
  const button = (spec: string, ...children: Child[]) => {
    const b = h(
      `button${spec}[type=button]`,
      {
        click: (e: Event) => {
          if (e.isTrusted && (choice === 'cancel' || ack)) onChoice(choice);
        },
      },
      ...children,
    ) as HTMLButtonElement;
    const choice = b.dataset.choice as DialogChoice;
    return b;
  };

  const cancel = button('.cancel[data-choice=cancel]', `${t('cancel')} `, h('small', `(${t('cancelHint')})`));
  const proceed = button('.proceed[data-choice=proceed][disabled]', t(`proceed${c}`));
  const notCampaign = button('.link[data-choice=not_campaign][disabled]', t('notCampaign'));
  const box = h('input[type=checkbox][data-choice=acknowledge]', {
    change: (e: Event) => {
      if (!e.isTrusted) {
        box.checked = ack;
        return;
      }
      ack = box.checked;
      proceed.disabled = notCampaign.disabled = !ack;
    },
  }) as HTMLInputElement;

  const recent = doc.createTextNode('');
  /** after "report a list error": the report page opened in a new tab, or could not be opened */
  const reportStatus = h('span[role=status][data-report-status]');
  const setReported = (r: '' | 'opened' | 'failed') => {
    reportStatus.dataset.reportStatus = r;
    reportStatus.textContent = r ? `${t(r === 'opened' ? 'dialogReportOpened' : 'dialogReportFailed')} ` : '';
  };
  /**
   * "Report a list error": the background opens the extension's report page in a new tab. Nothing
   * in this page navigates or changes but the status line; the held action still waits for a choice.
   */
  const reportButton = (m: TicketMatch) =>
    h(
      'button.link.report[type=button][name=report_list_error]',
      {
        'data-ticket': m.ticketId,
        'aria-label': t('dialogReportFor', m.label),
        click: (e: Event) => {
          if (!e.isTrusted) return;
          setReported('');
          send('dispute:open', { ticketId: m.ticketId, from: 'warning' }).then(
            () => setReported('opened'),
            () => setReported('failed'),
          );
        },
      },
      t('dialogReport'),
    );
  /** the dialog's keydown */
  const trap = (e: KeyboardEvent) => {
    // (Escape is the host's: it listens on the window, before the event reaches the dialog.)
    if (!e.isTrusted || e.key !== 'Tab') return;
    // Trap focus inside the dialog: wrap from last to first and back. `:enabled` is its buttons and
    // the checkbox when not disabled (it has no other form controls; tests/inject/warning-dialog.test.ts).
    const focusables = dialog.querySelectorAll<HTMLElement>(':enabled');
    const first = focusables[0];
    const last = focusables[focusables.length - 1];
    const active = (dialog.getRootNode() as ShadowRoot | Document).activeElement;
    const to = e.shiftKey ? active === first && last : active === last && first;
    if (to) {
      e.preventDefault();
      to.focus();
    }
  };
  const dialog = h(
    'div[role=alertdialog][aria-modal=true][aria-labelledby=jn-title]',
    {
      class: `dialog kind-${kind} stage-${stage}`,
      'aria-describedby': `jn-lead${ownPost ? ' jn-post' : ''} jn-rule${again ? ' jn-again' : ''}`,
      'data-action-kind': kind,
      'data-tickets': ticketIds(matches),
      keydown: trap,
    },
    h('header', h('span.brand[aria-hidden=true]', '🛡️ Jaga Netral'), data.demo && h('span.demo', t('demoBadge'))),
    h('h2#jn-title', t(`dialogTitle${c}`)),
    h('p#jn-lead', t(data.aboutPage ? 'dialogLeadPage' : 'dialogLead', t(`action${c}`))),
    h(
      'ul.tickets',
      ...matches
        .slice(0, 3)
        .map((m) =>
          h(
            'li',
            { 'data-ticket': m.ticketId },
            h('strong', m.label),
            h('span.election', `${m.electionName} · ${t(m.stage === 'calon' ? 'stageCalon' : 'stageBakalCalon')}`),
            m.strength === 'low' && h('span.low', t('strengthLow')),
            h(
              'details',
              h('summary', t('dialogWhy')),
              h(
                'ul.evidence',
                ...uniqueEvidence(m).map((e) => h('li', { 'data-evidence': e.kind }, evidenceText(t, e))),
              ),
            ),
            reportButton(m),
          ),
        ),
    ),
    ownPost && h('p#jn-post.rule.post-note[data-post-note]', t('dialogPostNote')),
    h('p#jn-rule.rule', t(ruleKey(matches)), role === 'non_asn' && ` ${t('ruleNonAsn')}`),
    h('div.choices', cancel, h('label.ack', box, t('acknowledge')), proceed),
    again &&
      h(
        'p#jn-again.again',
        { 'data-again': kind },
        h('strong', t(`again${c}`, data.allowSeconds)),
        ` ${t('againHint')}`,
      ),
    h('div.secondary', notCampaign),
    h('p.hint', reportStatus, recent, t('closedByEscape')),
  );

  return {
    root: h('div.backdrop', dialog),
    focus: () => cancel.focus(),
    setRecent(n) {
      recent.data = n > 1 ? `${t('recentCount', n)} ` : '';
    },
  };
}

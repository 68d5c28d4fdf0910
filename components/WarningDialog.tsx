/**
 * The warning shown before a held action. Cancel is the default, focused and easiest choice;
 * Proceed and "not campaign" both need a deliberate acknowledgement first. Rendered inside a
 * (closed) shadow root on the social site (see components/WarningDialogHost.ts), so the page's CSS
 * cannot reach it. Every handler ignores events the browser did not get from the person.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ruleKey } from '../lib/match/rule';
import { type MessageKey, t } from '../lib/i18n';
import type { Evidence, TicketMatch } from '../lib/match/types';
import { send } from '../lib/messages';
import type { DialogData } from '../lib/guard/ui';
import type { Lang } from '../lib/settings/settings';
import type { ActionKind } from '../lib/sites/types';

export interface WarningDialogProps extends DialogData {
  /** warnings in the last 7 days, including this one; loaded after the dialog opens */
  recent?: number;
  onChoice(choice: 'cancel' | 'proceed' | 'not_campaign'): void;
}

/** The key suffix of each kind's texts (`dialogTitle<Kind>`, `action<Kind>`, `proceed<Kind>`, `again<Kind>`). */
const CAP: Record<ActionKind | 'post', 'Like' | 'Comment' | 'Share' | 'Follow' | 'Post'> = {
  like: 'Like',
  comment: 'Comment',
  share: 'Share',
  follow: 'Follow',
  post: 'Post',
};

const EVIDENCE_KEY: Record<Evidence['kind'], MessageKey> = {
  account: 'evidenceAccount',
  name: 'evidenceName',
  alias: 'evidenceAlias',
  hashtag: 'evidenceHashtag',
  slogan: 'evidenceSlogan',
  number: 'evidenceNumber',
  party: 'evidenceParty',
  context: 'evidenceContext',
};

function evidenceText(lang: Lang, e: Evidence): string {
  const term = e.kind === 'account' ? `@${e.term.replace(/^[a-z]+:/, '').replace(/^@/, '')}` : e.term;
  return t(lang, EVIDENCE_KEY[e.kind], term);
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

export function WarningDialog(props: WarningDialogProps) {
  const { lang, kind, matches, role } = props;
  const [ack, setAck] = useState(false);
  /** after "report a list error": the report page opened in a new tab, or could not be opened */
  const [reported, setReported] = useState<'' | 'opened' | 'failed'>('');
  const cancelRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const stage = matches.some((m) => m.stage === 'calon') ? 'calon' : 'bakal_calon';

  useEffect(() => {
    cancelRef.current?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent) {
    if (!e.isTrusted) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onChoice('cancel');
      return;
    }
    if (e.key !== 'Tab') return;
    // Trap focus inside the dialog: wrap from last to first and back.
    const focusables = Array.from(
      rootRef.current?.querySelectorAll<HTMLElement>('button:not([disabled]), input:not([disabled])') ?? [],
    );
    if (focusables.length === 0) return;
    const first = focusables[0]!;
    const last = focusables[focusables.length - 1]!;
    const active = (rootRef.current?.getRootNode() as ShadowRoot | Document | undefined)?.activeElement;
    if (e.shiftKey && active === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }

  const c = CAP[kind];
  /** only the person's own input counts: a script's synthetic click is ignored */
  const choose = (choice: 'cancel' | 'proceed' | 'not_campaign') => (e: Event) => {
    if (!e.isTrusted) return;
    if (choice !== 'cancel' && !ack) return;
    props.onChoice(choice);
  };
  /**
   * "Report a list error": the background opens the extension's report page in a new tab. Nothing
   * in this page navigates or changes but the status line; the held action still waits for a choice.
   */
  const report = (m: TicketMatch) => (e: Event) => {
    if (!e.isTrusted) return;
    setReported('');
    send('dispute:open', { ticketId: m.ticketId, from: 'warning' }).then(
      () => setReported('opened'),
      () => setReported('failed'),
    );
  };
  const again = props.phase === 'action';
  // The person's own new post, caption or status: say that making it is itself what the rule covers.
  const ownPost = c === 'Post';
  const describedBy = ['jn-lead', ...(ownPost ? ['jn-post'] : []), 'jn-rule', ...(again ? ['jn-again'] : [])].join(' ');
  return (
    <div class="backdrop">
      <div
        ref={rootRef}
        class={`dialog kind-${kind} stage-${stage}`}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="jn-title"
        aria-describedby={describedBy}
        data-action-kind={kind}
        data-tickets={matches.map((m) => m.ticketId).join(' ')}
        onKeyDown={onKeyDown}
      >
        <header>
          <span class="brand" aria-hidden="true">
            🛡️ Jaga Netral
          </span>
          {props.demo && <span class="demo">{t(lang, 'demoBadge')}</span>}
        </header>
        <h2 id="jn-title">{t(lang, `dialogTitle${c}`)}</h2>
        <p id="jn-lead">{t(lang, props.aboutPage ? 'dialogLeadPage' : 'dialogLead', t(lang, `action${c}`))}</p>
        <ul class="tickets">
          {matches.slice(0, 3).map((m) => (
            <li key={m.ticketId} data-ticket={m.ticketId}>
              <strong>{m.label}</strong>
              <span class="election">
                {m.electionName} · {t(lang, m.stage === 'calon' ? 'stageCalon' : 'stageBakalCalon')}
              </span>
              {m.strength === 'low' && <span class="low">{t(lang, 'strengthLow')}</span>}
              <details>
                <summary>{t(lang, 'dialogWhy')}</summary>
                <ul class="evidence">
                  {uniqueEvidence(m).map((e) => (
                    <li key={`${e.kind}${e.term}`} data-evidence={e.kind}>
                      {evidenceText(lang, e)}
                    </li>
                  ))}
                </ul>
              </details>
              <button
                type="button"
                class="link report"
                name="report_list_error"
                data-ticket={m.ticketId}
                aria-label={t(lang, 'dialogReportFor', m.label)}
                onClick={report(m)}
              >
                {t(lang, 'dialogReport')}
              </button>
            </li>
          ))}
        </ul>
        {ownPost && (
          <p id="jn-post" class="rule post-note" data-post-note="">
            {t(lang, 'dialogPostNote')}
          </p>
        )}
        <p id="jn-rule" class="rule">
          {t(lang, ruleKey(matches))}
          {role === 'non_asn' && <> {t(lang, 'ruleNonAsn')}</>}
        </p>
        <div class="choices">
          <button ref={cancelRef} type="button" class="cancel" data-choice="cancel" onClick={choose('cancel')}>
            {t(lang, 'cancel')} <small>({t(lang, 'cancelHint')})</small>
          </button>
          <label class="ack">
            <input
              type="checkbox"
              data-choice="acknowledge"
              checked={ack}
              onChange={(e) => {
                const box = e.currentTarget as HTMLInputElement;
                if (e.isTrusted) setAck(box.checked);
                else box.checked = ack;
              }}
            />
            {t(lang, 'acknowledge')}
          </label>
          <button type="button" class="proceed" data-choice="proceed" disabled={!ack} onClick={choose('proceed')}>
            {t(lang, `proceed${c}`)}
          </button>
        </div>
        {again && (
          <p id="jn-again" class="again" data-again={kind}>
            <strong>{t(lang, `again${c}`, props.allowSeconds)}</strong> {t(lang, 'againHint')}
          </p>
        )}
        <div class="secondary">
          <button
            type="button"
            class="link"
            data-choice="not_campaign"
            disabled={!ack}
            onClick={choose('not_campaign')}
          >
            {t(lang, 'notCampaign')}
          </button>
        </div>
        <p class="hint">
          <span role="status" data-report-status={reported}>
            {reported && <>{t(lang, reported === 'opened' ? 'dialogReportOpened' : 'dialogReportFailed')} </>}
          </span>
          {props.recent !== undefined && props.recent > 1 && <>{t(lang, 'recentCount', props.recent)} </>}
          {t(lang, 'closedByEscape')}
        </p>
      </div>
    </div>
  );
}

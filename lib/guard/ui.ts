/**
 * What the guard needs from a user interface, as an interface: lib/ never imports components/.
 * The content scripts (entrypoints/*.content.ts) pass the plain-DOM implementation in
 * (components/WarningDialogHost.ts, components/PageBannerHost.ts); tests pass fakes.
 */
import type { TicketMatch } from '../match/types';
import type { Lang, Role } from '../settings/settings';
import type { ActionKind } from '../sites/types';
import type { Choice } from './guard';

export interface DialogData {
  lang: Lang;
  kind: ActionKind;
  /** the action is on the page's own account (follow) rather than a post */
  aboutPage: boolean;
  matches: TicketMatch[];
  role: Role | '';
  demo: boolean;
  /** 'action': Proceed arms a one-time pass and the dialog asks the person to repeat the action */
  phase: 'action' | 'comment-start';
  /** seconds the person has to repeat the action after Proceed */
  allowSeconds: number;
}

export interface HostOptions {
  /** open shadow root (the automation switch); closed otherwise */
  open: boolean;
}

export interface GuardUi {
  /** show the warning; resolves with the choice, or 'cancel' if the page removed the dialog */
  showDialog(doc: Document, data: DialogData, opts: HostOptions & { recent?: Promise<number> }): Promise<Choice>;
  /** the opt-in in-page notice on a listed account's page */
  showBanner(doc: Document, data: { lang: Lang; matches: TicketMatch[] }, opts: HostOptions): void;
  /** remove our banner (only ours: never an element the page made) */
  hideBanner(): void;
}

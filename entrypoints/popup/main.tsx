import '../../components/page.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { usePageSettings } from '../../components/usePageSettings';
import { PAUSES_KEY, type Pauses, parsePauses } from '../../lib/guard/local-state';
import { t } from '../../lib/i18n';
import type { ListStatus } from '../../lib/list/status';
import type { Platform } from '../../lib/list/types';
import { getDb } from '../../lib/log/db';
import { recentCounts, STORAGE_FULL_KEY } from '../../lib/log/queries';
import { type ElectionWindowInfo, type PageNotice, send } from '../../lib/messages';
import { siteOfUrl } from '../../lib/sites/site-of-url';

function Popup() {
  const settings = usePageSettings();
  const [counts, setCounts] = useState({ today: 0, week: 0 });
  const [status, setStatus] = useState<ListStatus | null>(null);
  const [elections, setElections] = useState<ElectionWindowInfo[]>([]);
  const [site, setSite] = useState<Platform | null>(null);
  const [pauses, setPauses] = useState<Pauses>({});
  const [storageFull, setStorageFull] = useState(false);
  /** the listed account the current tab's page belongs to (told here, never inside the page) */
  const [notice, setNotice] = useState<PageNotice | null>(null);

  useEffect(() => {
    void recentCounts(getDb()).then(setCounts);
    void send('list:status', null).then(setStatus);
    void send('list:elections', null).then(setElections);
    // `?tab=<id>` names the tab explicitly (automated suites open the popup as a page of its own).
    const tabParam = Number(new URLSearchParams(location.search).get('tab'));
    const tabQuery =
      Number.isInteger(tabParam) && tabParam > 0
        ? browser.tabs.get(tabParam)
        : browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab);
    void tabQuery.then((tab) => {
      setSite(siteOfUrl(tab?.url));
      if (tab?.id !== undefined) void send('page:notice:get', { tabId: tab.id }).then(setNotice, () => undefined);
    });
    void browser.storage.local.get([PAUSES_KEY, STORAGE_FULL_KEY]).then((r) => {
      setPauses(parsePauses(r[PAUSES_KEY]));
      setStorageFull(typeof r[STORAGE_FULL_KEY] === 'number');
    });
  }, []);

  if (!settings) return null;
  const lang = settings.lang;
  const open = (path: string) => void browser.tabs.create({ url: browser.runtime.getURL(path) }).then(() => close());
  const openNow = elections.filter((e) => e.open);
  const pausedUntil = site ? (pauses[site] ?? 0) : 0;
  const fmtTime = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { timeStyle: 'short' });

  async function pause() {
    if (!site) return;
    const { until } = await send('site:pause', { site, minutes: 60 });
    setPauses({ ...pauses, [site]: until });
  }

  return (
    <main class="popup">
      <h1>🛡️ Jaga Netral</h1>
      <p data-consent={settings.consent ? 'on' : 'off'}>
        <strong>{settings.consent ? t(lang, 'popupOn') : t(lang, 'popupOff')}</strong>
        {settings.demo && <span class="badge"> {t(lang, 'demoBadge')}</span>}
      </p>
      {status && (
        <p class="small" data-list-status={status.state}>
          {t(lang, 'listSection')}: {status.publisher} · {t(lang, 'listSequence')} {status.sequence}
          {status.state !== 'ok' && <strong> · {status.state}</strong>}
        </p>
      )}
      <section aria-labelledby="el-h">
        <h2 id="el-h" class="small">
          {t(lang, 'electionsNow')}
        </h2>
        {openNow.length === 0 ? (
          <p class="muted small" data-elections-open="0">
            {t(lang, 'noElectionOpen')}
          </p>
        ) : (
          <ul class="small" data-elections-open={openNow.length}>
            {openNow.slice(0, 5).map((e) => (
              <li key={e.id}>
                {e.name} <span class="muted">({t(lang, 'untilDate', e.until)})</span>
              </li>
            ))}
            {openNow.length > 5 && <li class="muted">+{openNow.length - 5}</li>}
          </ul>
        )}
      </section>
      {settings.consent && notice && (
        <section class="card small" data-page-notice data-tickets={notice.tickets.join(' ')} aria-labelledby="pn-h">
          <h2 id="pn-h" class="small">
            {t(lang, 'pageNoticeTitle')}
          </h2>
          <ul>
            {notice.labels.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        </section>
      )}
      {storageFull && (
        <p class="error small" role="alert">
          {t(lang, 'storageFull')}
        </p>
      )}
      <p class="small">
        {t(lang, 'countToday', counts.today)} · {t(lang, 'countWeek', counts.week)}
      </p>
      {settings.consent && site && (
        <p class="small">
          {pausedUntil > Date.now() ? (
            <span data-paused-until={pausedUntil}>{t(lang, 'pausedUntil', site, fmtTime.format(pausedUntil))}</span>
          ) : (
            <button type="button" name="pause_site" onClick={pause}>
              {t(lang, 'pauseSite', site)}
            </button>
          )}
        </p>
      )}
      <div class="toolbar">
        {!settings.consent && (
          <button type="button" class="primary" onClick={() => open('/onboarding.html')}>
            {t(lang, 'popupOpenOnboarding')}
          </button>
        )}
        <button type="button" onClick={() => open('/history.html')}>
          {t(lang, 'linkHistory')}
        </button>
        <button type="button" onClick={() => open('/options.html')}>
          {t(lang, 'linkOptions')}
        </button>
      </div>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);

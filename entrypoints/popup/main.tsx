import '../../components/page.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { usePageSettings } from '../../components/usePageSettings';
import { t } from '../../lib/i18n';
import { getDb } from '../../lib/log/db';

function Popup() {
  const settings = usePageSettings();
  const [today, setToday] = useState(0);
  useEffect(() => {
    const start = new Date();
    start.setHours(0, 0, 0, 0);
    void getDb().decisions.where('at').aboveOrEqual(start.getTime()).count().then(setToday);
  }, []);
  if (!settings) return null;
  const lang = settings.lang;
  const open = (path: string) => void browser.tabs.create({ url: browser.runtime.getURL(path) }).then(() => close());
  return (
    <main style={{ width: '20rem', padding: '0.8rem' }}>
      <h1 style={{ fontSize: '1.2rem' }}>🛡️ Jaga Netral</h1>
      <p data-consent={settings.consent ? 'on' : 'off'}>
        <strong>{settings.consent ? t(lang, 'popupOn') : t(lang, 'popupOff')}</strong>
        {settings.demo && <> · {t(lang, 'demoBadge')}</>}
      </p>
      <p>{t(lang, 'countToday', today)}</p>
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

import '../../components/page.css';
import { render } from 'preact';
import { SettingsForm } from '../../components/SettingsForm';
import { usePageSettings } from '../../components/usePageSettings';
import { t } from '../../lib/i18n';

function Onboarding() {
  const settings = usePageSettings();
  if (!settings) return null;
  const lang = settings.lang;
  const demo = new URLSearchParams(location.search).get('demo') === '1';
  return (
    <main>
      <h1>🛡️ {t(lang, 'pageOnboardingTitle')}</h1>
      <section class="card">
        <p>{t(lang, 'onboardingWhat')}</p>
        <ul>
          <li>{t(lang, 'onboardingNot1')}</li>
          <li>{t(lang, 'onboardingNot2')}</li>
          <li>{t(lang, 'onboardingNot3')}</li>
        </ul>
      </section>
      <section class="card">
        <SettingsForm settings={settings} variant="onboarding" defaultDemo={demo} />
      </section>
    </main>
  );
}

render(<Onboarding />, document.getElementById('app')!);

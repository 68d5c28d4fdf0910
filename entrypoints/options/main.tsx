import '../../components/page.css';
import { render } from 'preact';
import { DiagnosticsPanel } from '../../components/DiagnosticsPanel';
import { ListStatusPanel } from '../../components/ListStatusPanel';
import { SettingsForm } from '../../components/SettingsForm';
import { SiteRulesPanel } from '../../components/SiteRulesPanel';
import { usePageSettings } from '../../components/usePageSettings';
import { t } from '../../lib/i18n';

function Options() {
  const settings = usePageSettings();
  if (!settings) return null;
  return (
    <main>
      <h1>🛡️ {t(settings.lang, 'pageOptionsTitle')}</h1>
      <section class="card">
        <SettingsForm settings={settings} variant="options" />
      </section>
      <ListStatusPanel lang={settings.lang} />
      <SiteRulesPanel lang={settings.lang} />
      <DiagnosticsPanel lang={settings.lang} />
      <p>
        <a href="/history.html">{t(settings.lang, 'linkHistory')}</a>
      </p>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);

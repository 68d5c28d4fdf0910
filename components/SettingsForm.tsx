/**
 * The settings form shared by onboarding and options. Control names are a public interface
 * (shared/spec/test-contract.md): consent, role, region, list_url, list_key, save.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { PLATFORMS, type Platform } from '../lib/list/types';
import { PROVINCES } from '../lib/settings/regions';
import { send } from '../lib/messages';
import { loadManaged, type ManagedSettings } from '../lib/settings/managed';
import { type Lang, type Role, type Settings, saveSettings } from '../lib/settings/settings';

const SITE_NAMES: Record<Platform, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X (Twitter)',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  threads: 'Threads',
  whatsapp: 'WhatsApp Web',
};

export interface SettingsFormProps {
  settings: Settings;
  /** onboarding shows the essentials; options shows the list source too */
  variant: 'onboarding' | 'options';
  /** pre-tick demo mode (npm start opens onboarding with ?demo=1); consent is never pre-ticked */
  defaultDemo?: boolean;
  onSaved?(s: Settings): void;
}

export function SettingsForm({ settings, variant, defaultDemo, onSaved }: SettingsFormProps) {
  const lang = settings.lang;
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  // Provinces, plus the regencies/cities the active list has elections for.
  const [regions, setRegions] = useState<ReadonlyArray<readonly [string, string]>>(PROVINCES);
  const [managed, setManaged] = useState<ManagedSettings>({});
  useEffect(() => {
    void loadManaged().then(setManaged);
    void send('list:regions', null).then((fromList) => {
      const all = new Map<string, string>(PROVINCES.map(([c, n]) => [c, n]));
      for (const r of fromList) if (!all.has(r.code)) all.set(r.code, r.name);
      setRegions([...all.entries()].sort((a, b) => a[0].localeCompare(b[0])));
    });
  }, []);

  async function onSubmit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const region = String(form.get('region') ?? '').trim();
    if (region && !/^\d{2}(\d{2})?$/.test(region)) {
      setError(lang === 'id' ? 'Kode wilayah harus 2 atau 4 angka.' : 'The region code must have 2 or 4 digits.');
      return;
    }
    const listUrl = String(form.get('list_url') ?? '').trim();
    if (listUrl && !listUrl.startsWith('https://')) {
      setError(lang === 'id' ? 'URL daftar harus memakai HTTPS.' : 'The list URL must use HTTPS.');
      return;
    }
    setError('');
    const next = await saveSettings({
      consent: form.get('consent') === 'on',
      role: String(form.get('role') ?? '') as Role | '',
      region,
      lang: (form.get('lang') === 'en' ? 'en' : 'id') as Lang,
      demo: form.get('demo') === 'on',
      storeLinks: form.get('store_links') === 'on',
      sites: Object.fromEntries(PLATFORMS.map((p) => [p, form.get(`site_${p}`) === 'on'])) as Record<Platform, boolean>,
      ...(variant === 'options' &&
        !managed.lockListSource && { listUrl, listKeys: String(form.get('list_key') ?? '') }),
      ...(variant === 'options' && {
        automation: form.get('automation') === 'on',
        pageBanner: form.get('page_banner') === 'on',
      }),
    });
    setMessage(next.consent ? t(next.lang, variant === 'onboarding' ? 'activeNow' : 'saved') : t(next.lang, 'saved'));
    onSaved?.(next);
  }

  return (
    <form onSubmit={onSubmit} aria-describedby="form-status">
      <div class="field">
        <label for="role">{t(lang, 'roleLabel')}</label>
        <select id="role" name="role" defaultValue={settings.role}>
          <option value="">{t(lang, 'roleNone')}</option>
          <option value="pns">{t(lang, 'rolePns')}</option>
          <option value="pppk">{t(lang, 'rolePppk')}</option>
          <option value="non_asn">{t(lang, 'roleNonAsn')}</option>
        </select>
      </div>
      <div class="field">
        <label for="region">
          {t(lang, 'regionLabel')} <span class="muted">({t(lang, 'regencyLabel')})</span>
        </label>
        <input
          id="region"
          name="region"
          type="text"
          inputMode="numeric"
          list="provinces"
          pattern="\d{2}(\d{2})?"
          defaultValue={settings.region}
        />
        <datalist id="provinces">
          {regions.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </datalist>
      </div>
      <fieldset>
        <legend>{t(lang, 'sitesLabel')}</legend>
        {PLATFORMS.map((p) => (
          <label class="check" key={p}>
            <input type="checkbox" name={`site_${p}`} defaultChecked={settings.sites[p]} /> {SITE_NAMES[p]}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="lang">{t(lang, 'langLabel')}</label>
        <select id="lang" name="lang" defaultValue={settings.lang}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </select>
      </div>
      <label class="check">
        <input type="checkbox" name="store_links" defaultChecked={settings.storeLinks} /> {t(lang, 'storeLinksLabel')}
      </label>
      <label class="check">
        <input type="checkbox" name="demo" defaultChecked={settings.demo || defaultDemo} /> {t(lang, 'demoLabel')}
      </label>
      {variant === 'options' && (
        <>
          <label class="check">
            <input
              type="checkbox"
              name="page_banner"
              aria-describedby="page_banner_help"
              defaultChecked={settings.pageBanner}
            />{' '}
            {t(lang, 'pageBannerLabel')}
          </label>
          <p id="page_banner_help" class="small muted">
            {t(lang, 'pageBannerHelp')}
          </p>
          <label class="check">
            <input
              type="checkbox"
              name="automation"
              aria-describedby="automation_help"
              defaultChecked={settings.automation}
            />{' '}
            {t(lang, 'automationLabel')}
          </label>
          <p id="automation_help" class="small muted">
            {t(lang, 'automationHelp')}
          </p>
        </>
      )}
      {variant === 'options' && (
        <>
          {managed.listUrl && (
            <p class="card small" data-policy="list">
              {t(lang, managed.lockListSource ? 'policyLocked' : 'policyPreset', managed.listUrl)}
            </p>
          )}
          <div class="field">
            <label for="list_url">{t(lang, 'listUrlLabel')}</label>
            <input
              id="list_url"
              name="list_url"
              type="url"
              defaultValue={settings.listUrl}
              disabled={managed.lockListSource === true}
            />
          </div>
          <div class="field">
            <label for="list_key">{t(lang, 'listKeyLabel')}</label>
            <textarea
              id="list_key"
              name="list_key"
              rows={2}
              defaultValue={settings.listKeys}
              disabled={managed.lockListSource === true}
            />
          </div>
        </>
      )}
      <label class="check consent">
        <input type="checkbox" name="consent" defaultChecked={settings.consent} />{' '}
        <strong>{t(lang, 'consentLabel')}</strong>
      </label>
      <button type="submit" name="save" class="primary">
        {t(lang, variant === 'onboarding' ? 'activate' : 'save')}
      </button>
      <p id="form-status" role="status">
        {error ? <span class="error">{error}</span> : message}
      </p>
    </form>
  );
}

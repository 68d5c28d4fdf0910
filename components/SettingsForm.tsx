/**
 * The settings form shared by onboarding and options. Control names are a public interface
 * (docs/automation.md): consent, role, region, list_url, list_key, save.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { PLATFORMS, type Platform } from '../lib/list/types';
import { formatSubscription, isSubscription, parseSubscription } from '../lib/list/subscription';
import { loadManaged, type ManagedSettings } from '../lib/settings/managed';
import { type Lang, type Role, type Settings, saveSettings } from '../lib/settings/settings';
import { SITES } from '../lib/sites/registry';
import { normaliseRegionCode } from '../lib/settings/regions';
import { RegionPicker } from './RegionPicker';

export interface SettingsFormProps {
  settings: Settings;
  /** onboarding shows the essentials; options shows the list source too */
  variant: 'onboarding' | 'options';
  /** pre-tick demo mode (npm start opens onboarding with ?demo=1); consent is never pre-ticked */
  defaultDemo?: boolean;
  onSaved?(s: Settings): void;
}

/** Text of the list-source fields (Bahasa Indonesia first). */
const SOURCE_TEXT = {
  id: {
    subscription: 'Kode langganan (tempel dari penerbit daftar: URL beserta kuncinya)',
    allShards:
      'Unduh daftar semua wilayah: penyedia daftar tidak dapat mengetahui wilayah Anda dari berkas yang diminta (unduhan lebih besar, hingga puluhan MB per rilis)',
    current: 'Kode langganan sumber ini',
    badCode: 'Kode langganan tidak dapat dipakai',
    noKey: 'Daftar dari URL tanpa kunci publik tidak akan dipakai: tempel kode langganan, atau isi kunci publiknya.',
    policyProblem: 'Kebijakan organisasi tidak dipakai sebagian',
  },
  en: {
    subscription: 'Subscription code (paste it from the list publisher: the URL with its key)',
    allShards:
      'Download the lists of every region: the list host cannot tell your region from the files requested (a larger download, up to tens of MB per release)',
    current: 'Subscription code of this source',
    badCode: 'The subscription code cannot be used',
    noKey: 'A list from a URL without a public key is never used: paste a subscription code, or add its public key.',
    policyProblem: 'Part of the organisation policy was not taken',
  },
} as const;

export function SettingsForm({ settings, variant, defaultDemo, onSaved }: SettingsFormProps) {
  const lang = settings.lang;
  const src = SOURCE_TEXT[lang];
  // Selects are controlled: Preact has no `defaultValue` for <select>, so an uncontrolled one showed
  // its first option ("Pilih…") whatever was stored, and an untouched save stored that.
  const [role, setRole] = useState<Role | ''>(settings.role);
  const [formLang, setFormLang] = useState<Lang>(settings.lang);
  // Stored values changed elsewhere (another page, the popup) show here too.
  useEffect(() => setRole(settings.role), [settings.role]);
  useEffect(() => setFormLang(settings.lang), [settings.lang]);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [managed, setManaged] = useState<ManagedSettings>({});
  useEffect(() => {
    void loadManaged().then(setManaged);
  }, []);

  async function onSubmit(e: Event) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const region = normaliseRegionCode(String(form.get('region') ?? ''));
    if (region === undefined) {
      setError(t(lang, 'regionCodeBad'));
      return;
    }
    let listUrl = String(form.get('list_url') ?? '').trim();
    let listKeys = String(form.get('list_key') ?? '');
    // One pasted line sets both (also when pasted into the URL field).
    const code = String(form.get('list_subscription') ?? '').trim() || (isSubscription(listUrl) ? listUrl : '');
    if (code) {
      const sub = parseSubscription(code);
      if (!sub.ok) {
        setError(`${src.badCode}: ${sub.reason}`);
        return;
      }
      listUrl = sub.url;
      listKeys = sub.keys;
    }
    if (listUrl && !listUrl.startsWith('https://')) {
      setError(t(lang, 'listUrlNotHttps'));
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
      ...(variant === 'options' && !managed.lockListSource && { listUrl, listKeys }),
      ...(variant === 'options' && { listAllShards: form.get('list_all_shards') === 'on' }),
      ...(variant === 'options' && {
        automation: form.get('automation') === 'on',
        pageBanner: form.get('page_banner') === 'on',
      }),
    });
    if (code) {
      const f = e.currentTarget as HTMLFormElement;
      for (const [name, value] of [
        ['list_url', listUrl],
        ['list_key', listKeys],
        ['list_subscription', ''],
      ] as const) {
        const el = f.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
        if (el) el.value = value;
      }
    }
    const saved = next.consent ? t(next.lang, variant === 'onboarding' ? 'activeNow' : 'saved') : t(next.lang, 'saved');
    const keyless = variant === 'options' && next.listUrl && !next.listKeys.trim();
    setMessage(keyless ? `${saved} ${SOURCE_TEXT[next.lang].noKey}` : saved);
    onSaved?.(next);
  }

  const currentCode = variant === 'options' ? formatSubscription(settings.listUrl, settings.listKeys) : undefined;
  return (
    <form onSubmit={onSubmit} aria-describedby="form-status">
      <div class="field">
        <label for="role">{t(lang, 'roleLabel')}</label>
        <select
          id="role"
          name="role"
          value={role}
          onChange={(e) => setRole((e.currentTarget as HTMLSelectElement).value as Role | '')}
        >
          <option value="">{t(lang, 'roleNone')}</option>
          <option value="pns">{t(lang, 'rolePns')}</option>
          <option value="pppk">{t(lang, 'rolePppk')}</option>
          <option value="non_asn">{t(lang, 'roleNonAsn')}</option>
        </select>
      </div>
      <RegionPicker lang={lang} value={settings.region} />
      <fieldset>
        <legend>{t(lang, 'sitesLabel')}</legend>
        {PLATFORMS.map((p) => (
          <label class="check" key={p}>
            <input type="checkbox" name={`site_${p}`} defaultChecked={settings.sites[p]} /> {SITES[p].name}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="lang">{t(lang, 'langLabel')}</label>
        <select
          id="lang"
          name="lang"
          value={formLang}
          onChange={(e) => setFormLang((e.currentTarget as HTMLSelectElement).value === 'en' ? 'en' : 'id')}
        >
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
          {managed.problems && (
            <div class="card small" data-policy="problems">
              {src.policyProblem}:
              <ul>
                {managed.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          )}
          <div class="field">
            <label for="list_subscription">{src.subscription}</label>
            <input
              id="list_subscription"
              name="list_subscription"
              type="text"
              spellcheck={false}
              autoComplete="off"
              placeholder="jaga-netral:list?url=…&key=…"
              disabled={managed.lockListSource === true}
            />
          </div>
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
          <label class="check">
            <input type="checkbox" name="list_all_shards" defaultChecked={settings.listAllShards} /> {src.allShards}
          </label>
          {currentCode && (
            <div class="field">
              <label for="list_code">{src.current}</label>
              <input id="list_code" type="text" readOnly value={currentCode} data-subscription="" />
            </div>
          )}
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

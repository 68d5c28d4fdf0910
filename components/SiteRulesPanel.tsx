import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../lib/i18n';
import type { Lang } from '../lib/settings/settings';
import { type RulesInEffect, rulesInEffectKey } from '../lib/site-rules/in-effect';
import { SITE_RULES_ERROR_TEXT, type SiteRulesView, siteRulesView } from '../lib/site-rules/status';
import { type ActiveSiteRules, type RulesMeta, STORAGE_KEYS } from '../lib/site-rules/updater';
import { SITE_LIST, SITES } from '../lib/sites/registry';

/**
 * The site-rules section of the options page: per site, the rules version in use and where it comes
 * from (built in, or a signed update: stream, sequence, when accepted), and why the last check was
 * refused. Stable names in docs/automation.md ("Site rules"). Follows storage, so a check the
 * background runs on its own shows at once.
 */
export function SiteRulesPanel({ lang }: { lang: Lang }) {
  const [view, setView] = useState<SiteRulesView | null>(null);
  const fmt = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' });

  useEffect(() => {
    const inEffectKeys = SITE_LIST.map((s) => [s.platform, rulesInEffectKey(s.platform)] as const);
    const load = () =>
      void browser.storage.local
        .get([...inEffectKeys.map(([, k]) => k), STORAGE_KEYS.active, STORAGE_KEYS.meta])
        .then((r) => {
          const inEffect = Object.fromEntries(inEffectKeys.map(([site, k]) => [site, r[k]])) as RulesInEffect;
          setView(
            siteRulesView(
              inEffect,
              r[STORAGE_KEYS.active] as ActiveSiteRules | undefined,
              r[STORAGE_KEYS.meta] as RulesMeta | undefined,
            ),
          );
        });
    load();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (
        area === 'local' &&
        (inEffectKeys.some(([, k]) => k in changes) || STORAGE_KEYS.active in changes || STORAGE_KEYS.meta in changes)
      )
        load();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);

  if (!view) return null;
  return (
    <section class="card" aria-labelledby="site-rules-h">
      <h2 id="site-rules-h">{t(lang, 'siteRulesTitle')}</h2>
      <p class="muted small">{t(lang, 'siteRulesHelp')}</p>
      <div
        class="status"
        role="status"
        data-site-rules-status={view.state}
        data-site-rules-sequence={view.active?.sequence ?? 0}
        data-site-rules-error={view.errorCode ?? ''}
      >
        {view.lastCheck !== undefined && (
          <div class="muted">
            {t(lang, 'siteRulesLastCheck')}: {fmt.format(view.lastCheck)}
          </div>
        )}
        {view.errorCode && (
          <div class="error" data-site-rules-reason="">
            <strong>{SITE_RULES_ERROR_TEXT[view.errorCode][lang]}</strong>{' '}
            {view.active ? t(lang, 'siteRulesKeepSigned', view.active.sequence) : t(lang, 'siteRulesKeepBuiltIn')}
            {view.error && <div class="small">{view.error}</div>}
          </div>
        )}
      </div>
      <table data-site-rules={view.rows.filter((r) => r.source === 'signed').length}>
        <caption class="small">{t(lang, 'siteRulesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t(lang, 'siteRulesSite')}</th>
            <th scope="col">{t(lang, 'siteRulesVersion')}</th>
            <th scope="col">{t(lang, 'siteRulesSource')}</th>
            <th scope="col">{t(lang, 'siteRulesSequence')}</th>
            <th scope="col">{t(lang, 'siteRulesWhen')}</th>
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr
              key={r.site}
              data-site-rules-site={r.site}
              data-rules-source={r.source}
              data-rules-version={r.version}
              data-rules-sequence={r.sequence ?? ''}
              data-rules-accepted={r.acceptedAt ? new Date(r.acceptedAt).toISOString() : ''}
            >
              <th scope="row">{SITES[r.site].name}</th>
              <td>{r.version}</td>
              <td>
                {r.source === 'signed'
                  ? `${t(lang, 'siteRulesSigned')} (${r.streamId ?? ''})`
                  : t(lang, 'siteRulesBuiltIn')}
              </td>
              <td>{r.sequence ?? '—'}</td>
              <td>{r.acceptedAt ? fmt.format(r.acceptedAt) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * The home-region picker of onboarding and options: province → kabupaten/kota → kecamatan by name,
 * from the provinces every build knows and the regions the active list names ('list:regions': its
 * region directory, docs/list-format.md §2.8, and the regions of its elections), in name order.
 * Where the list names nothing at a level, the person types the code. Every choice writes the
 * Kemendagri code into one text field, `input[name="region"]` (a public automation name,
 * docs/automation.md), which the form saves; typing a code there moves the selects with it. A
 * malformed code is refused by the form with its reason (no `pattern`: the browser's own bubble
 * speaks the browser's language, not the chosen one).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { send } from '../lib/messages';
import { type NamedRegion, normaliseRegionCode, PROVINCES, regionParts } from '../lib/settings/regions';
import type { Lang } from '../lib/settings/settings';

export interface RegionPickerProps {
  lang: Lang;
  /** the stored region code */
  value: string;
}

type Option = { code: string; name: string };

/** The options of one level, with the current code added (shown as its code) when no name is known. */
function withCurrent(options: Option[], current: string): Option[] {
  return !current || options.some((o) => o.code === current) ? options : [...options, { code: current, name: current }];
}

export function RegionPicker({ lang, value }: RegionPickerProps) {
  const [code, setCode] = useState(value);
  useEffect(() => setCode(value), [value]);
  const [named, setNamed] = useState<NamedRegion[]>([]);
  useEffect(() => {
    void send('list:regions', null)
      .then((r) => setNamed(Array.isArray(r) ? r : []))
      .catch(() => setNamed([]));
  }, []);

  const provinces = useMemo(() => {
    const all = new Map<string, string>(PROVINCES.map(([c, n]) => [c, n]));
    for (const r of named) if (r.level === 'provinsi' && !all.has(r.code)) all.set(r.code, r.name);
    return [...all.entries()].map(([c, n]) => ({ code: c, name: n })).sort((a, b) => a.code.localeCompare(b.code));
  }, [named]);

  const parts = regionParts(normaliseRegionCode(code) ?? '');
  const byName = (a: Option, b: Option) => a.name.localeCompare(b.name, 'id');
  const regencies = parts.province
    ? named
        .filter((r) => (r.level === 'kabupaten' || r.level === 'kota') && r.code.startsWith(parts.province))
        .sort(byName)
    : [];
  const districts = parts.regency
    ? named.filter((r) => r.level === 'kecamatan' && r.code.startsWith(parts.regency)).sort(byName)
    : [];
  const regencyOptions = withCurrent(regencies, parts.regency);
  const districtOptions = withCurrent(districts, parts.district);

  const pick = (next: string) => setCode(next);
  const selectValue = (e: Event) => (e.currentTarget as HTMLSelectElement).value;

  return (
    <fieldset class="region-picker" aria-describedby="region_help">
      <legend>{t(lang, 'regionPickerLegend')}</legend>
      <p id="region_help" class="small muted">
        {t(lang, 'regionPickerHelp')}
      </p>
      <div class="field">
        <label for="region_province">{t(lang, 'regionProvince')}</label>
        <select id="region_province" value={parts.province} onChange={(e) => pick(selectValue(e))}>
          <option value="">{t(lang, 'regionNone')}</option>
          {withCurrent(provinces, parts.province).map((o) => (
            <option key={o.code} value={o.code}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      {parts.province &&
        (regencyOptions.length > 0 ? (
          <div class="field">
            <label for="region_regency">{t(lang, 'regionRegency')}</label>
            <select id="region_regency" value={parts.regency} onChange={(e) => pick(selectValue(e) || parts.province)}>
              <option value="">{t(lang, 'regionWhole')}</option>
              {regencyOptions.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p class="small muted" data-region-note="regency">
            {t(lang, 'regionNoRegencyNames')}
          </p>
        ))}
      {parts.regency &&
        (districtOptions.length > 0 ? (
          <div class="field">
            <label for="region_district">{t(lang, 'regionDistrict')}</label>
            <select id="region_district" value={parts.district} onChange={(e) => pick(selectValue(e) || parts.regency)}>
              <option value="">{t(lang, 'regionWhole')}</option>
              {districtOptions.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <p class="small muted" data-region-note="district">
            {t(lang, 'regionNoDistrictNames')}
          </p>
        ))}
      <div class="field">
        <label for="region">{t(lang, 'regionCodeLabel')}</label>
        <input
          id="region"
          name="region"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          spellcheck={false}
          aria-describedby="region_code_help"
          value={code}
          onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
          onBlur={(e) => {
            // the element's value, not `code`: a blur may come before the re-render of the last input
            const typed = (e.currentTarget as HTMLInputElement).value;
            const n = normaliseRegionCode(typed);
            setCode(n ?? typed);
          }}
        />
        <p id="region_code_help" class="small muted">
          {t(lang, 'regionCodeHelp')}
        </p>
      </div>
    </fieldset>
  );
}

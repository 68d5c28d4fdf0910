/** Provinces with their Kemendagri codes (Papua provinces use Kemendagri, not BPS, codes). */
export const PROVINCES: ReadonlyArray<readonly [code: string, name: string]> = [
  ['11', 'Aceh'],
  ['12', 'Sumatera Utara'],
  ['13', 'Sumatera Barat'],
  ['14', 'Riau'],
  ['15', 'Jambi'],
  ['16', 'Sumatera Selatan'],
  ['17', 'Bengkulu'],
  ['18', 'Lampung'],
  ['19', 'Kepulauan Bangka Belitung'],
  ['21', 'Kepulauan Riau'],
  ['31', 'DKI Jakarta'],
  ['32', 'Jawa Barat'],
  ['33', 'Jawa Tengah'],
  ['34', 'DI Yogyakarta'],
  ['35', 'Jawa Timur'],
  ['36', 'Banten'],
  ['51', 'Bali'],
  ['52', 'Nusa Tenggara Barat'],
  ['53', 'Nusa Tenggara Timur'],
  ['61', 'Kalimantan Barat'],
  ['62', 'Kalimantan Tengah'],
  ['63', 'Kalimantan Selatan'],
  ['64', 'Kalimantan Timur'],
  ['65', 'Kalimantan Utara'],
  ['71', 'Sulawesi Utara'],
  ['72', 'Sulawesi Tengah'],
  ['73', 'Sulawesi Selatan'],
  ['74', 'Sulawesi Tenggara'],
  ['75', 'Gorontalo'],
  ['76', 'Sulawesi Barat'],
  ['81', 'Maluku'],
  ['82', 'Maluku Utara'],
  ['91', 'Papua'],
  ['92', 'Papua Barat'],
  ['93', 'Papua Selatan'],
  ['94', 'Papua Tengah'],
  ['95', 'Papua Pegunungan'],
  ['96', 'Papua Barat Daya'],
];

/**
 * A home region as the person or a policy wrote it, as a Kemendagri code without dots: a province
 * (`18`), a kabupaten/kota (`1811`), a kecamatan (`181101`) or a desa/kelurahan (`1811012001`);
 * the dotted form (`18.11.01`, `18.11.01.2001`) is accepted too. '' stays '' (no region);
 * anything else is `undefined`.
 */
export function normaliseRegionCode(raw: string): string | undefined {
  const s = raw.trim();
  if (s === '') return '';
  if (/^\d{2}(\d{2}(\d{2}(\d{4})?)?)?$/.test(s)) return s;
  if (/^\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?$/.test(s)) return s.replace(/\./g, '');
  return undefined;
}

/** The levels of a region code: province, kabupaten/kota, kecamatan (those it is fine enough for). */
export function regionParts(code: string): { province: string; regency: string; district: string } {
  return {
    province: code.length >= 2 ? code.slice(0, 2) : '',
    regency: code.length >= 4 ? code.slice(0, 4) : '',
    district: code.length >= 6 ? code.slice(0, 6) : '',
  };
}

export type PickLevel = 'provinsi' | 'kabupaten' | 'kota' | 'kecamatan';

/** A named region the picker can offer. */
export interface NamedRegion {
  code: string;
  name: string;
  level: PickLevel;
}

const LEVEL_OF_LENGTH: Record<number, PickLevel | undefined> = { 2: 'provinsi', 6: 'kecamatan' };

/** The level of a region-directory code: 2 digits a province, 4 a kabupaten or kota, 6 a kecamatan. */
function levelOfCode(code: string): PickLevel | undefined {
  if (code.length === 4) return Number(code.slice(2, 4)) >= 71 ? 'kota' : 'kabupaten';
  return LEVEL_OF_LENGTH[code.length];
}

/**
 * The named regions a list knows: its region directory (`regions`: provinces, kabupaten/kota and
 * kecamatan with their Kemendagri names), then the regions of its paslon races and DPD seats
 * (provinces, kabupaten, kota) and any kecamatan-level region it names. Electoral districts are
 * left out: a dapil code is not a region code. Codes are checked against their level's length; the
 * first name seen wins.
 */
export function namedRegionsOf(
  elections: ReadonlyArray<{ region: { code: string; name: string; level: string } }>,
  directory: ReadonlyArray<{ code: string; name: string }> = [],
): NamedRegion[] {
  const out = new Map<string, NamedRegion>();
  for (const r of directory) {
    const code = r.code.replace(/\./g, '');
    const name = r.name.trim();
    const level = /^\d+$/.test(code) && !/^0+$/.test(code) ? levelOfCode(code) : undefined;
    if (name && level && !out.has(code)) out.set(code, { code, name, level });
  }
  for (const { region } of elections) {
    const code = region.code.replace(/\./g, '');
    const name = region.name.trim();
    if (!name || !/^\d+$/.test(code) || /^0+$/.test(code) || out.has(code)) continue;
    const level: PickLevel | undefined =
      region.level === 'kabupaten' || region.level === 'kota'
        ? code.length === 4
          ? region.level
          : undefined
        : region.level === 'provinsi' || region.level === 'kecamatan'
          ? LEVEL_OF_LENGTH[code.length] === region.level
            ? region.level
            : undefined
          : undefined;
    if (level) out.set(code, { code, name, level });
  }
  return [...out.values()].sort((a, b) => a.code.localeCompare(b.code));
}

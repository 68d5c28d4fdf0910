import { describe, expect, it } from 'vitest';
import { fromKpuCsv } from '../../../../lib/list/from-kpu';

describe('from-kpu uses the import name rules', () => {
  it('strips Hi./Ny. titles, keeps the printed form, turns a nickname into a medium alias', () => {
    const csv = `election,region_code,region_name,nomor_urut,nama,jabatan
pilbup-2024-1811,1811,Mesuji,1,"Hi. RUSLAN EFENDI, S.E. (BANG RUSLAN)",cabup
pilbup-2024-1811,1811,Mesuji,1,NY. RATNA SARI,cawabup
`;
    const r = fromKpuCsv(csv, {
      listId: 'uji/kpu',
      publisher: 'Uji',
      sequence: 1,
      issuedAt: '2024-09-24T00:00:00Z',
      expiresAt: '2025-01-31',
      votingDate: '2024-11-27',
      from: '2024-08-27',
      until: '2025-02-24',
    });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    expect(r.list.elections[0]!.tickets[0]!.members).toEqual([
      {
        id: 'ruslan-efendi',
        role: 'cabup',
        name: 'Ruslan Efendi',
        official_name: 'Hi. RUSLAN EFENDI, S.E. (BANG RUSLAN)',
        aliases: [{ text: 'Bang Ruslan', strength: 'medium' }],
      },
      { id: 'ratna-sari', role: 'cawabup', name: 'Ratna Sari', official_name: 'NY. RATNA SARI' },
    ]);
  });
});

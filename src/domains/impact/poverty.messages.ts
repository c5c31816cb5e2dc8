// Messages of the poverty-by-area page (P0, P1), Bahasa Indonesia first.
import type { MessageTable } from '../../kernel/domain/index.js';

export const povertyMessages: MessageTable = {
  id: {
    'impact.table': 'Tabel, dapat digeser ke samping',
    'impact.poverty.title': 'Kemiskinan menurut wilayah (P0, P1)',
    'impact.poverty.intro':
      'Dari survei rumah tangga: P0 = persentase penduduk dengan pendapatan per kapita di bawah garis kemiskinan BPS; P1 = indeks kedalaman kemiskinan (rata-rata jarak ke garis). Kelurahan memakai garis perkotaan, desa garis perdesaan.',
    'impact.poverty.level': 'Tingkat',
    'impact.poverty.households': 'Rumah tangga disurvei',
    'impact.poverty.below': 'Di bawah garis',
    'impact.level.province': 'Provinsi',
    'impact.level.regency': 'Kabupaten/kota',
    'impact.level.district': 'Kecamatan',
    'impact.level.village': 'Desa/kelurahan',
  },
  en: {
    'impact.table': 'Table, scrolls sideways',
    'impact.poverty.title': 'Poverty by area (P0, P1)',
    'impact.poverty.intro':
      'From the household survey: P0 = share of people with per-capita income below the BPS poverty line; P1 = poverty gap index (mean distance to the line). Kelurahan use the urban line, desa the rural line.',
    'impact.poverty.level': 'Level',
    'impact.poverty.households': 'Households surveyed',
    'impact.poverty.below': 'Below the line',
    'impact.level.province': 'Province',
    'impact.level.regency': 'Regency/city',
    'impact.level.district': 'District',
    'impact.level.village': 'Village',
  },
};

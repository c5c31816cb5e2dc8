// Messages of the impact evaluation pages (the difference-in-differences estimate, its
// diagnostics and report), Bahasa Indonesia first.
import type { MessageTable } from '../../kernel/domain/index.js';

export const evaluationMessages: MessageTable = {
  id: {
    'impact.eval.title': 'Evaluasi dampak',
    'impact.eval.intro':
      "Membandingkan desa yang sudah bergabung dengan desa yang belum, sebelum dan sesudah bergabung (difference-in-differences bertahap, Callaway & Sant'Anna).",
    'impact.eval.outcome': 'Hasil yang diukur',
    'impact.eval.outcome.log_pc_income': 'Rata-rata log pendapatan per kapita desa',
    'impact.eval.outcome.poverty_headcount': 'Persentase penduduk miskin desa (P0)',
    'impact.eval.outcome.umkm_sales': 'Rata-rata log penjualan UMKM',
    'impact.eval.control': 'Kelompok pembanding',
    'impact.eval.control.never': 'Desa yang belum pernah bergabung',
    'impact.eval.control.notyet': 'Desa yang belum bergabung pada tahun itu',
    'impact.eval.base': 'Periode dasar',
    'impact.eval.base.varying': 'Berganti (tahun sebelumnya)',
    'impact.eval.base.universal': 'Tetap (tahun sebelum bergabung)',
    'impact.eval.cluster': 'Pengelompokan galat baku',
    'impact.eval.cluster.village': 'Per desa',
    'impact.eval.cluster.district': 'Per kecamatan',
    'impact.eval.run': 'Jalankan evaluasi',
    'impact.eval.recent': 'Evaluasi terakhir',
    'impact.eval.none': 'Belum ada evaluasi.',
    'impact.eval.queued': 'Evaluasi menunggu giliran…',
    'impact.eval.running': 'Evaluasi berjalan: langkah {done} dari {total}.',
    'impact.eval.refresh': 'Perhitungan masih berjalan. Perbarui halaman untuk melihat kemajuannya',
    'impact.eval.failed': 'Evaluasi tidak dapat dihitung: {reason}',
    'impact.eval.back': 'Kembali ke pengaturan evaluasi',
    'impact.eval.rerun': 'Jalankan lagi dengan pengaturan lain',
    'impact.eval.summary': 'Ringkasan',
    'impact.eval.chart': 'Studi peristiwa: dampak per tahun sejak bergabung',
    'impact.eval.chart_desc':
      'Titik: perkiraan dampak; pita gelap: selang kepercayaan 95% per titik; pita terang: pita seragam 95% (bootstrap sup-t). Tahun 0 = tahun bergabung.',
    'impact.eval.event_time': 'Tahun sejak bergabung',
    'impact.eval.att_table': 'Dampak per kelompok tahun bergabung dan tahun (ATT(g,t))',
    'impact.eval.group': 'Tahun bergabung',
    'impact.eval.year': 'Tahun',
    'impact.eval.estimate': 'Perkiraan',
    'impact.eval.se': 'Galat baku',
    'impact.eval.ci': 'Selang 95%',
    'impact.eval.uniform': 'Pita seragam 95%',
    'impact.eval.pretrend': 'Uji tren sebelum bergabung',
    'impact.eval.pretrend_ok':
      'Tidak ada bukti perbedaan tren sebelum bergabung (uji Wald χ² = {stat}, df = {df}, p = {p}).',
    'impact.eval.pretrend_bad':
      'Perhatian: tren sebelum bergabung berbeda (χ² = {stat}, df = {df}, p = {p}); perkiraan dampak mungkin bias.',
    'impact.eval.pretrend_none':
      'Uji tren tidak dapat dihitung (tidak ada periode sebelum bergabung).',
    'impact.eval.twfe': 'TWFE dan dekomposisi Bacon',
    'impact.eval.twfe_line':
      "Regresi efek tetap dua arah (TWFE): {beta} (galat baku {se}). Perkiraan utama (Callaway–Sant'Anna): {att}.",
    'impact.eval.diverge':
      'Peringatan: TWFE berbeda jauh dari perkiraan utama. Ini terjadi bila dampak berubah menurut waktu atau kelompok, karena TWFE juga memakai desa yang sudah lebih dulu bergabung sebagai pembanding. Pakai perkiraan utama.',
    'impact.eval.agree': 'TWFE dan perkiraan utama sejalan.',
    'impact.eval.bacon_type': 'Perbandingan 2×2',
    'impact.eval.weight': 'Bobot',
    'impact.eval.bacon.Treated vs Untreated': 'Bergabung vs belum pernah',
    'impact.eval.bacon.Earlier vs Later Treated': 'Lebih awal vs lebih lambat',
    'impact.eval.bacon.Later vs Earlier Treated':
      'Lebih lambat vs lebih awal (pembanding sudah bergabung)',
    'impact.eval.heterogeneity': 'Perbedaan antar kelompok',
    'impact.eval.subgroup': 'Kelompok',
    'impact.eval.villages': 'Desa',
    'impact.eval.treated': 'Sudah bergabung',
    'impact.eval.sub.KBI': 'KBI (barat)',
    'impact.eval.sub.KTI': 'KTI (timur)',
    'impact.eval.sub.poorer': 'Desa lebih miskin di awal (P0 ≥ median)',
    'impact.eval.sub.less_poor': 'Desa kurang miskin di awal',
    'impact.eval.not_estimable': 'tidak dapat dihitung',
    'impact.eval.facts':
      '{villages} desa ({treated} sudah bergabung, {never} belum pernah), tahun {from}–{to}, {clusters} klaster; {dropped} desa tanpa data lengkap tidak dipakai.',
    'impact.eval.line_note': 'Garis kemiskinan yang dipakai: periode {periods} (BPS).',
    'impact.eval.warnings': 'Catatan perhitungan',
    'impact.eval.summary.untrustworthy':
      'Uji tren sebelum program menolak tren paralel (p = {p}): desa peserta dan desa pembanding sudah berubah secara berbeda sebelum program dimulai, jadi perkiraan ini tidak dapat dipercaya sebagai dampak program. Coba kelompok pembanding lain atau wilayah lain.',
    'impact.eval.note.late_treated':
      '{units} desa baru bergabung setelah periode terakhir ({last}) dan dihitung sebagai belum pernah ikut.',
    'impact.eval.note.always_treated':
      '{units} desa sudah ikut sejak periode pertama ({first}) dan tidak dipakai.',
    'impact.eval.note.treated_with_anticipation':
      '{units} desa sudah ikut pada periode pertama (dengan antisipasi {anticipation}) dan tidak dipakai.',
    'impact.eval.note.no_never_treated':
      'Tidak ada desa yang belum pernah ikut: periode sejak {from} tidak dipakai dan kohort {cohort} menjadi pembanding.',
    'impact.eval.note.no_controls':
      'Tidak ada desa pembanding untuk kohort {cohort} pada tahun {period}; ATT({cohort},{period}) tidak diperkirakan.',
    'impact.eval.note.pretest_not_computed':
      'Uji tren sebelum program tidak dapat dihitung (tidak ada periode sebelum program, atau data tidak cukup).',
    'impact.eval.summary.pct':
      'Setelah {years} tahun, {what} naik sekitar {pct} (selang kepercayaan 95%: {lo} sampai {hi}).',
    'impact.eval.summary.pct_down':
      'Setelah {years} tahun, {what} turun sekitar {pct} (selang kepercayaan 95%: {lo} sampai {hi}).',
    'impact.eval.summary.pp':
      'Setelah {years} tahun, persentase penduduk miskin berubah {pp} poin persen (selang kepercayaan 95%: {lo} sampai {hi}).',
    'impact.eval.summary.overall':
      'Rata-rata seluruh tahun setelah bergabung: {att} (galat baku {se}).',
    'impact.eval.summary.significant':
      'Selang kepercayaan tidak mencakup nol: perubahan ini kemungkinan besar nyata.',
    'impact.eval.summary.not_significant':
      'Selang kepercayaan mencakup nol: data belum cukup untuk memastikan ada perubahan.',
    'impact.eval.summary.no_e': 'Belum ada desa yang diamati {years} tahun setelah bergabung.',
    'impact.eval.what.log_pc_income': 'pendapatan per kapita',
    'impact.eval.what.umkm_sales': 'penjualan UMKM',
    'impact.eval.what.poverty_headcount': 'persentase penduduk miskin',
    'impact.eval.error.NO_NEVER_TREATED':
      'tidak ada desa yang belum pernah bergabung; pilih pembanding "belum bergabung pada tahun itu".',
    'impact.eval.error.NO_TREATED':
      'belum ada data survei atau desa yang bergabung di wilayah ini.',
    'impact.eval.error.TOO_FEW_PERIODS': 'perlu data survei minimal dua tahun.',
    'impact.eval.error.INTERNAL': 'terjadi kesalahan tak terduga; coba lagi.',
    'impact.eval.error.other': 'data tidak memenuhi syarat perhitungan ({code}).',
  },
  en: {
    'impact.eval.title': 'Impact evaluation',
    'impact.eval.intro':
      "Compares villages that joined with villages that had not yet, before and after joining (staggered difference-in-differences, Callaway & Sant'Anna).",
    'impact.eval.outcome': 'Outcome',
    'impact.eval.outcome.log_pc_income': 'Village mean log per-capita income',
    'impact.eval.outcome.poverty_headcount': 'Village poverty headcount (P0)',
    'impact.eval.outcome.umkm_sales': 'Mean log UMKM sales',
    'impact.eval.control': 'Comparison group',
    'impact.eval.control.never': 'Never-enrolled villages',
    'impact.eval.control.notyet': 'Villages not yet enrolled that year',
    'impact.eval.base': 'Base period',
    'impact.eval.base.varying': 'Varying (previous year)',
    'impact.eval.base.universal': 'Universal (year before joining)',
    'impact.eval.cluster': 'Standard errors clustered by',
    'impact.eval.cluster.village': 'Village',
    'impact.eval.cluster.district': 'District (kecamatan)',
    'impact.eval.run': 'Run the evaluation',
    'impact.eval.recent': 'Recent evaluations',
    'impact.eval.none': 'No evaluations yet.',
    'impact.eval.queued': 'The evaluation is waiting its turn…',
    'impact.eval.running': 'The evaluation is running: step {done} of {total}.',
    'impact.eval.refresh': 'The computation is still running. Refresh the page to see its progress',
    'impact.eval.failed': 'The evaluation cannot be computed: {reason}',
    'impact.eval.back': 'Back to the evaluation settings',
    'impact.eval.rerun': 'Run again with other settings',
    'impact.eval.summary': 'Summary',
    'impact.eval.chart': 'Event study: effect by years since joining',
    'impact.eval.chart_desc':
      'Dots: estimated effect; dark band: pointwise 95% confidence interval; light band: 95% uniform band (sup-t bootstrap). Year 0 = year of joining.',
    'impact.eval.event_time': 'Years since joining',
    'impact.eval.att_table': 'Effect by joining cohort and year (ATT(g,t))',
    'impact.eval.group': 'Joined',
    'impact.eval.year': 'Year',
    'impact.eval.estimate': 'Estimate',
    'impact.eval.se': 'Std. error',
    'impact.eval.ci': '95% interval',
    'impact.eval.uniform': '95% uniform band',
    'impact.eval.pretrend': 'Pre-trend test',
    'impact.eval.pretrend_ok':
      'No evidence of different trends before joining (Wald χ² = {stat}, df = {df}, p = {p}).',
    'impact.eval.pretrend_bad':
      'Caution: trends before joining differ (χ² = {stat}, df = {df}, p = {p}); the effect estimate may be biased.',
    'impact.eval.pretrend_none':
      'The pre-trend test cannot be computed (no periods before joining).',
    'impact.eval.twfe': 'TWFE and its Bacon decomposition',
    'impact.eval.twfe_line':
      "Two-way fixed effects (TWFE): {beta} (std. error {se}). Main estimate (Callaway–Sant'Anna): {att}.",
    'impact.eval.diverge':
      'Warning: TWFE differs markedly from the main estimate. This happens when effects change over time or across cohorts, because TWFE also uses already-enrolled villages as controls. Rely on the main estimate.',
    'impact.eval.agree': 'TWFE and the main estimate agree.',
    'impact.eval.bacon_type': '2×2 comparison',
    'impact.eval.weight': 'Weight',
    'impact.eval.bacon.Treated vs Untreated': 'Enrolled vs never enrolled',
    'impact.eval.bacon.Earlier vs Later Treated': 'Earlier vs later enrolled',
    'impact.eval.bacon.Later vs Earlier Treated':
      'Later vs earlier enrolled (already-enrolled controls)',
    'impact.eval.heterogeneity': 'Differences between groups',
    'impact.eval.subgroup': 'Group',
    'impact.eval.villages': 'Villages',
    'impact.eval.treated': 'Enrolled',
    'impact.eval.sub.KBI': 'KBI (west)',
    'impact.eval.sub.KTI': 'KTI (east)',
    'impact.eval.sub.poorer': 'Poorer villages at the start (P0 ≥ median)',
    'impact.eval.sub.less_poor': 'Less poor villages at the start',
    'impact.eval.not_estimable': 'not estimable',
    'impact.eval.facts':
      '{villages} villages ({treated} enrolled, {never} never), years {from}–{to}, {clusters} clusters; {dropped} villages without complete data left out.',
    'impact.eval.line_note': 'Poverty lines used: period {periods} (BPS).',
    'impact.eval.warnings': 'Computation notes',
    'impact.eval.summary.untrustworthy':
      "The pre-trend test rejects parallel trends (p = {p}): enrolled and comparison villages were already changing differently before the programme, so this estimate cannot be trusted as the programme's effect. Try another control group or area.",
    'impact.eval.note.late_treated':
      '{units} villages joined after the last period ({last}) and are counted as never enrolled.',
    'impact.eval.note.always_treated':
      '{units} villages were enrolled from the first period ({first}) and are left out.',
    'impact.eval.note.treated_with_anticipation':
      '{units} villages were enrolled in the first period (with anticipation {anticipation}) and are left out.',
    'impact.eval.note.no_never_treated':
      'No village was never enrolled: periods from {from} on are dropped and cohort {cohort} serves as the comparison.',
    'impact.eval.note.no_controls':
      'No comparison villages for cohort {cohort} in {period}; ATT({cohort},{period}) is not estimated.',
    'impact.eval.note.pretest_not_computed':
      'The pre-trend test could not be computed (no periods before enrolment, or too little data).',
    'impact.eval.summary.pct':
      'After {years} years, {what} rose by about {pct} (95% confidence interval: {lo} to {hi}).',
    'impact.eval.summary.pct_down':
      'After {years} years, {what} fell by about {pct} (95% confidence interval: {lo} to {hi}).',
    'impact.eval.summary.pp':
      'After {years} years, the poverty headcount changed by {pp} percentage points (95% confidence interval: {lo} to {hi}).',
    'impact.eval.summary.overall': 'Average over all years after joining: {att} (std. error {se}).',
    'impact.eval.summary.significant':
      'The confidence interval excludes zero: the change is very likely real.',
    'impact.eval.summary.not_significant':
      'The confidence interval includes zero: the data cannot yet confirm a change.',
    'impact.eval.summary.no_e': 'No village has been observed {years} years after joining yet.',
    'impact.eval.what.log_pc_income': 'per-capita income',
    'impact.eval.what.umkm_sales': 'UMKM sales',
    'impact.eval.what.poverty_headcount': 'the poverty headcount',
    'impact.eval.error.NO_NEVER_TREATED':
      'no village has never joined; choose the "not yet enrolled that year" comparison.',
    'impact.eval.error.NO_TREATED': 'no survey data or enrolled villages in this area yet.',
    'impact.eval.error.TOO_FEW_PERIODS': 'at least two survey years are needed.',
    'impact.eval.error.INTERNAL': 'an unexpected error occurred; try again.',
    'impact.eval.error.other': "the data does not meet the estimator's requirements ({code}).",
  },
};

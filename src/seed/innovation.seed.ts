// Demo data of the innovation domain (see JOURNEYS.md): review history for the catalog's demo
// products, replayed through the innovation services at earlier dates so rounds, tasks and
// the dashboard's "days to market-ready" look like months of work. Most products end
// market-ready (kopi Bajawa, tenun ikat Sumba among them), some wait in review with tasks
// from an earlier round, some have changes requested, some never submitted, and those whose
// UMKM's certificate has since expired are unlisted by the certification sweep. Ibu Sari's
// "Gula Aren Cetak 500 g" fails packaging and PIRT in round 1, gets PIRT and halal, passes
// round 2, and has its value added per kg recorded.
// Logins: reviewers of Ngada (+6281100000028) and Banyuwangi (+6281100000029).
// Refs: `review:sari:1`, `review:sari:2`.
import type { SeedContext } from './context.js';
import { demoUser, type DemoLogin } from './demo-user.js';
import { byText } from './sorting.js';
import { inTransaction, type Db } from '../kernel/db/index.js';
import type { Actor } from '../kernel/auth/index.js';
import { unwrap } from '../kernel/errors/index.js';
import { activeHoldersOf } from '../domains/accounts/index.js';
import { productFactsByIds } from '../domains/catalog/index.js';
import { addCertification, umkmFactsByIds } from '../domains/community/index.js';
import {
  checklistFor,
  completeReview,
  markTaskDone,
  recordValueAdd,
  submitForReview,
  sweepCertifications,
  type ItemResult,
} from '../domains/innovation/index.js';

const DAY = 86400_000;

const COMMENTS: Record<string, string> = {
  photos: 'Foto gelap dan buram; ambil di siang hari dengan latar polos.',
  description: 'Deskripsi belum menyebut bahan, cara membuat dan ukuran.',
  price_weight: 'Harga per gram jauh di atas produk sejenis; cek berat bersih.',
  packaging: 'Kemasan plastik biasa mudah sobek di perjalanan; perlu kemasan tertutup rapat.',
  label: 'Label belum mencantumkan tanggal kedaluwarsa dan alamat produsen.',
  certification: 'Sertifikasi wajib belum ada atau sudah tidak berlaku.',
  shelf_life: 'Daya simpan terlalu pendek untuk pengiriman antarpulau.',
};

function items(
  category: string,
  fail: string[],
  comments: Record<string, string> = {},
): ItemResult[] {
  return checklistFor(category).map((key) => ({
    key,
    passed: !fail.includes(key),
    comment: fail.includes(key) ? (comments[key] ?? COMMENTS[key]) : '',
  }));
}

const reviewerActor = (userId: string, regency: string): Actor => ({
  userId,
  displayName: 'seed',
  locale: null,
  via: 'session',
  grants: [{ role: 'reviewer', scopeType: 'region', scopeId: regency, regionCode: regency }],
});
const sellerActor = (userId: string, umkmId: string): Actor => ({
  userId,
  displayName: 'seed',
  locale: null,
  via: 'session',
  grants: [{ role: 'seller', scopeType: 'umkm', scopeId: umkmId, regionCode: null }],
});

export async function seedInnovation(ctx: SeedContext): Promise<DemoLogin[]> {
  const logins = [
    await demoUser(
      ctx.h,
      {
        role: 'reviewer',
        name: 'Pak Markus (demo, penilai Pusat Inovasi Produk Ngada)',
        phone: '+6281100000028',
        scope: '53.09',
      },
      ctx.refs,
    ),
    await demoUser(
      ctx.h,
      {
        role: 'reviewer',
        name: 'Bu Wulan (demo, penilai Pusat Inovasi Produk Banyuwangi)',
        phone: '+6281100000029',
        scope: '35.10',
      },
      ctx.refs,
    ),
  ];
  const all = (ctx.refs['prd:all'] ?? '').split(',').filter(Boolean);
  if (all.length === 0) return logins; // no catalog: nothing to review
  const db = ctx.h.db;
  const reviewers: Record<string, Actor> = {
    '53.09': reviewerActor(ctx.refs['user:+6281100000028'], '53.09'),
    '35.10': reviewerActor(ctx.refs['user:+6281100000029'], '35.10'),
  };
  const products = [...(await productFactsByIds(db, all)).values()].sort((a, b) =>
    byText(a.id, b.id),
  );
  const now = Date.now();
  const at = (daysAgo: number, hour = 2) => new Date(now - daysAgo * DAY + hour * 3600_000);
  const due = (fromDaysAgo: number, within: number) =>
    new Date(now - fromDaysAgo * DAY + within * DAY).toISOString().slice(0, 10);
  // The journey products (buyer searches, the agent's neighbour's list) are all market-ready.
  const JOURNEY = ['kopi-bajawa', 'tenun-sumba', 'kopi-osing', 'pupuk', 'cangkul', 'beras'];
  const special = new Set(
    ['sari-gula-aren', ...JOURNEY].map((k) => ctx.refs[`prd:${k}`]).filter(Boolean),
  );

  await inTransaction(db, async (tx) => {
    const tdb = tx as unknown as Db;
    const reviewerOf = (village: string) => reviewers[village.slice(0, 5)] ?? reviewers['53.09'];
    const sellerOf = (umkmId: string) => sellerActor(ctx.refs['user:national_admin'], umkmId);
    const submit = async (p: (typeof products)[number], daysAgo: number) =>
      unwrap(await submitForReview(tdb, sellerOf(p.umkm_id), p.id, { now: at(daysAgo) }));
    /** One completed round; a passing round whose certification is not valid that day becomes a certification failure. */
    const review = async (
      p: (typeof products)[number],
      daysAgo: number,
      fail: string[],
      o: {
        comments?: Record<string, string>;
        mentor?: string | null;
        submittedDaysAgo?: number;
      } = {},
    ) => {
      const s = await submit(p, o.submittedDaysAgo ?? daysAgo + 3);
      const input = {
        items: items(p.category, fail, o.comments),
        dueOn: due(daysAgo, 21),
        mentorUserId: o.mentor ?? null,
      };
      let r = await completeReview(tdb, reviewerOf(p.village_code), s.reviewId, input, {
        now: at(daysAgo, 5),
      });
      if (!r.ok && r.code === 'INNOVATION_CERTIFICATION_MISSING') {
        r = await completeReview(
          tdb,
          reviewerOf(p.village_code),
          s.reviewId,
          { ...input, items: items(p.category, [...fail, 'certification'], o.comments) },
          { now: at(daysAgo, 5) },
        );
      }
      return { reviewId: s.reviewId, ...unwrap(r) };
    };

    // Two food UMKM got their halal certificate long ago but let PIRT lapse recently: their
    // products passed review while PIRT was valid and are unlisted by the sweep below.
    const admin: Actor = {
      userId: ctx.refs['user:national_admin'],
      displayName: 'seed',
      locale: null,
      via: 'session',
      grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
    };
    for (const [i, slug] of ['kopi-robusta-waepana', 'sambal-teri-riung'].entries()) {
      const umkmId = ctx.refs[`umkm:${slug}`];
      if (!umkmId) continue;
      unwrap(
        await addCertification(tx, admin, umkmId, {
          kind: 'halal_self_declare',
          number: `ID5309071${i}2345670125`,
          issued_on: new Date(now - 400 * DAY).toISOString().slice(0, 10),
          expires_on: null,
        }),
      );
    }

    // Ibu Sari's journey: round 1 fails packaging and PIRT; PIRT and halal arrive; round 2 passes.
    const sariId = ctx.refs['prd:sari-gula-aren'];
    const sari =
      products.find((p) => p.id === sariId) ??
      products.find((p) => p.title === 'Gula Aren Cetak 500 g');
    if (sari) {
      const mentor = (await activeHoldersOf(tx, 'mentor')).find(
        (m) => m.region_code === null || m.region_code === sari.village_code.slice(0, 5),
      );
      const r1 = await review(sari, 44, ['packaging', 'certification'], {
        mentor: mentor?.id ?? null,
        comments: {
          packaging:
            'Perlu kemasan standing pouch yang tertutup rapat (sealed) dan label dengan tanggal kedaluwarsa.',
          certification: 'PIRT belum ada. Ajukan SPP-IRT ke Dinas Kesehatan Kabupaten Ngada.',
        },
      });
      ctx.refs['review:sari:1'] = r1.reviewId;
      for (const [i, taskId] of r1.taskIds.entries())
        unwrap(await markTaskDone(tdb, sellerOf(sari.umkm_id), taskId, { now: at(20 - i * 4) }));
      // The BUMDes manager records the new certificates and the value added (admin when the community seed has no manager).
      const umkm = (await umkmFactsByIds(tx, [sari.umkm_id])).get(sari.umkm_id);
      if (!umkm)
        throw new Error(`innovation seed: UMKM ${sari.umkm_id} of Ibu Sari's product is missing`);
      const manager: Actor =
        ctx.refs['user:bumdes-manager'] && umkm.organisation_id
          ? {
              userId: ctx.refs['user:bumdes-manager'],
              displayName: 'seed',
              locale: null,
              via: 'session',
              grants: [
                {
                  role: 'community_manager',
                  scopeType: 'organisation',
                  scopeId: umkm.organisation_id,
                  regionCode: umkm.village_code,
                },
              ],
            }
          : {
              userId: ctx.refs['user:national_admin'],
              displayName: 'seed',
              locale: null,
              via: 'session',
              grants: [
                { role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null },
              ],
            };
      const issued = new Date(now - 18 * DAY).toISOString().slice(0, 10);
      const expires = new Date(now + (5 * 365 - 18) * DAY).toISOString().slice(0, 10);
      unwrap(
        await addCertification(tx, manager, sari.umkm_id, {
          kind: 'pirt',
          number: 'P-IRT 2530902011234-31',
          issued_on: issued,
          expires_on: expires,
        }),
      );
      unwrap(
        await addCertification(tx, manager, sari.umkm_id, {
          kind: 'halal_self_declare',
          number: 'ID53090211234560126',
          issued_on: issued,
          expires_on: null,
        }),
      );
      const r2 = await review(sari, 9, [], { submittedDaysAgo: 12 });
      ctx.refs['review:sari:2'] = r2.reviewId;
      unwrap(
        await recordValueAdd(
          tdb,
          manager,
          sari.id,
          {
            rawCostBefore: 9000,
            priceBefore: 15000,
            rawCostAfter: 10500,
            priceAfter: 25000,
            weightGrams: 500,
            note: 'Sebelum: dijual curah di pasar Bajawa. Sesudah: standing pouch, label, PIRT.',
          },
          { isDemo: true, at: at(8).toISOString() },
        ),
      );
    }
    for (const key of JOURNEY) {
      const p = products.find((x) => x.id === ctx.refs[`prd:${key}`]);
      if (p) await review(p, 30 + key.length, []);
    }

    // The rest: a mix that keeps every state on the dashboard.
    for (const [i, p] of products.filter((x) => !special.has(x.id)).entries()) {
      const ago = 15 + ((i * 7) % 60);
      switch (i % 10) {
        case 0:
          break; // never submitted
        case 1:
          await submit(p, 1 + (i % 9));
          break; // waiting in the queue
        case 2: {
          // in review again, with the tasks of round 1 still open
          await review(p, ago, i % 4 === 0 ? ['photos'] : ['label', 'packaging']);
          await submit(p, 2 + (i % 5));
          break;
        }
        case 3:
          await review(p, ago, i % 3 === 0 ? ['photos', 'description'] : ['packaging']);
          break;
        case 4:
          await review(p, ago + 20, ['photos']).then(() => review(p, ago, []));
          break; // two rounds to market-ready
        default:
          await review(p, ago, []);
      }
    }
  });
  // Certificates that ran out since their review: the sweep unlists those products.
  await sweepCertifications(db);
  return logins;
}

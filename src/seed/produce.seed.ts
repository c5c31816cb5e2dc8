// Demo of the produce domain: Koperasi Desa Merah Putih Beja (Ngada) takes in red cherries
// from 30 farmers, pools them into one lot, dries and hulls it, sells it to a trader, settles
// and pays every farmer their exact share. Names are fictitious; every record is demo data.
import type { Actor } from '../kernel/auth/index.js';
import { unwrap } from '../kernel/errors/index.js';
import {
  createLot,
  payOutLot,
  recordIntake,
  recordLoss,
  recordSale,
  registerProducer,
  setPriceBasis,
  settleLot,
} from '../domains/produce/index.js';
import { demoUser, type DemoLogin } from './demo-user.js';
import type { SeedContext } from './context.js';

const FIRST = [
  'Daniel',
  'Yosef',
  'Maria',
  'Agustinus',
  'Theresia',
  'Paulus',
  'Veronika',
  'Fransiskus',
  'Katarina',
  'Petrus',
];
const LAST = ['Wea', 'Lado', 'Dhiu'];
const VILLAGES = ['53.09.06.2001', '53.09.06.2002', '53.09.06.2003'];

const day = (daysAgo: number) =>
  new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);

export async function seedProduce(ctx: SeedContext): Promise<DemoLogin[]> {
  const db = ctx.h.db;
  const orgId = ctx.refs['org:koperasi-beja'];
  const pointId = ctx.refs['svp:beja'];
  if (!orgId || !pointId) return [];
  const village = '53.09.06.2001';
  const login = await demoUser(
    ctx.h,
    {
      role: 'community_manager',
      name: 'Ibu Agnes (demo, bendahara Koperasi Beja)',
      phone: '+6281100000086',
      scope: orgId,
    },
    ctx.refs,
  );
  const clerkLogin = await demoUser(
    ctx.h,
    {
      role: 'village_agent',
      name: 'Pak Marselinus (demo, juru timbang titik kumpul Beja)',
      phone: '+6281100000087',
      scope: pointId,
    },
    ctx.refs,
  );
  const treasurer: Actor = {
    userId: ctx.refs['user:+6281100000086'],
    displayName: login.name,
    locale: 'id',
    via: 'session',
    grants: [
      { role: 'community_manager', scopeType: 'organisation', scopeId: orgId, regionCode: village },
    ],
  };
  const clerk: Actor = {
    userId: ctx.refs['user:+6281100000087'],
    displayName: clerkLogin.name,
    locale: 'id',
    via: 'session',
    grants: [
      { role: 'village_agent', scopeType: 'service_point', scopeId: pointId, regionCode: village },
    ],
  };
  // Price bases for red cherries this season, beside what the tengkulak pays.
  for (const [grade, price, trader] of [
    ['g1', 13_000, 9_500],
    ['g2', 12_000, 9_000],
  ] as const)
    unwrap(
      await setPriceBasis(db, treasurer, {
        organisationId: orgId,
        commodity: 'kopi_arabika',
        grade,
        validFrom: day(200),
        validTo: day(-100),
        pricePerKg: price,
        traderPricePerKg: trader,
      }),
    );
  const intakeIds: string[] = [];
  for (let i = 0; i < 30; i++) {
    const name = i === 0 ? 'Daniel Wea' : `${FIRST[i % 10]} ${LAST[Math.floor(i / 10)]}`;
    const producerId = unwrap(
      await registerProducer(
        db,
        clerk,
        {
          fullName: name,
          // A third of the farmers have no phone: they are producers all the same.
          phone: i % 3 === 2 ? null : `+6285239${String(100000 + i).slice(1)}`,
          organisationId: orgId,
          villageCode: VILLAGES[i % 3],
          plots: [{ commodity: 'kopi_arabika', areaM2: 2_500 + 250 * (i % 7) }],
        },
        { isDemo: true },
      ),
    );
    const gross = i === 0 ? 62_500 : 35_000 + ((i * 7_919) % 45_000);
    const grade = i % 4 === 3 ? 'g2' : 'g1';
    const r = unwrap(
      await recordIntake(
        db,
        clerk,
        {
          producerId,
          commodity: 'kopi_arabika',
          grade,
          grossGrams: gross,
          tareGrams: 500,
          moisturePermille: 580 - (i % 5) * 10,
          measure: grade === 'g1' ? 6 + (i % 5) : 15,
          receivedOn: day(120 - (i % 20)),
          advance: i % 5 === 0 ? 150_000 : 0,
        },
        { isDemo: true },
      ),
    );
    intakeIds.push(r.id);
  }
  const lot = unwrap(
    await createLot(
      db,
      treasurer,
      { organisationId: orgId, name: 'Kopi Arabika Bajawa, grade 1, 60 kg karung', intakeIds },
      { isDemo: true },
    ),
  );
  const input = (
    await db
      .selectFrom('produce_lots')
      .select('weight_g')
      .where('id', '=', lot.id)
      .executeTakeFirstOrThrow()
  ).weight_g;
  // Red cherries → parchment (drying) → green beans (hulling): about a fifth of the weight.
  const dried = Math.round(input * 0.42);
  const green = Math.round(input * 0.2);
  unwrap(
    await recordLoss(db, treasurer, lot.id, {
      stage: 'drying',
      weightAfterGrams: dried,
      reason: 'Olah basah, jemur di para-para 12 hari',
    }),
  );
  unwrap(
    await recordLoss(db, treasurer, lot.id, {
      stage: 'hulling',
      weightAfterGrams: green,
      reason: 'Pengupasan kulit tanduk di huller koperasi',
    }),
  );
  const price = Math.round((green / 1000) * 95_000);
  unwrap(
    await recordSale(db, treasurer, lot.id, {
      buyerName: 'CV Kopi Flores Lestari (demo)',
      priceTotal: price,
      soldOn: day(30),
      documents: 'Nota jual 031/KMP-Beja; surat jalan 12',
    }),
  );
  unwrap(
    await settleLot(db, treasurer, lot.id, {
      proceeds: price,
      marginBp: 800,
      processingCost: 1_250_000,
      logisticsCost: 600_000,
      platformFee: 0,
    }),
  );
  unwrap(await payOutLot(db, treasurer, lot.id));
  ctx.refs['lot:bajawa'] = lot.id;
  return [login, clerkLogin];
}

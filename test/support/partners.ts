// The partners test world: a BUMDes with two UMKM (one product listed, one not), an UMKM of
// another organisation, a service point, two partner records and a local HTTP receiver standing
// in for the partner's webhook endpoint (real HTTP). Used by the partners test files.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWorld, type World } from './world.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from './community.js';
import { makeProduct } from './catalog.js';
import { hashToken } from '../../src/domains/accounts/index.js';
import { newId } from '../../src/kernel/ids/index.js';
import { nowIso } from '../../src/kernel/db/index.js';
import type { Actor } from '../../src/kernel/auth/index.js';
import { createPartnerRecord } from '../../src/domains/partners/partners.service.js';

type Variant = { productId: string; variantId: string };
export interface PartnersWorld {
  w: World;
  village: string;
  orgId: string;
  umkmA: string;
  umkmB: string;
  umkmOther: string;
  partnerId: string;
  otherPartner: string;
  listed: Variant;
  unlisted: Variant;
  notPartnered: Variant;
  pointId: string;
  hookUrl: string;
  /** What the webhook receiver got; `failNext` makes it answer 500 that many times. */
  hook: { received: { body: string; sig: string }[]; failNext: number };
  close(): Promise<void>;
}

export const ADMIN: Actor = {
  userId: 'usr_test_admin',
  displayName: 'Admin',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
};

export const bearer = (tok: string) => ({ authorization: `Bearer ${tok}` });

export async function partnersWorld(): Promise<PartnersWorld> {
  const w = await createWorld({ env: {} });
  const hookState: PartnersWorld['hook'] = { received: [], failNext: 0 };
  const village = await anyVillage(w.h.db);
  const orgId = await makeOrganisation(w.h.db, { villageCode: village, name: 'BUMDes Mitra' });
  const umkmA = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: orgId,
    name: 'Gula Aren Sari',
  });
  const umkmB = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: orgId,
    name: 'Kopi Bajawa',
  });
  const umkmOther = await makeUmkm(w.h.db, {
    villageCode: await anyVillage(w.h.db, '53.09', 1),
    name: 'Tidak bermitra',
  });
  const listed = await makeProduct(w.h, {
    umkmId: umkmA,
    title: 'Gula Aren Cetak 500 g',
    price: 25000,
    stock: 50,
  });
  const unlisted = await makeProduct(w.h, {
    umkmId: umkmB,
    title: 'Kopi belum siap',
    listed: false,
  });
  const notPartnered = await makeProduct(w.h, { umkmId: umkmOther, title: 'Keripik lain' });
  const pointId = await makeServicePoint(w.h.db, { villageCode: village });
  const hook = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      if (req.url === '/slow') return; // never answers: the client's time-out must fire
      if (hookState.failNext > 0) {
        hookState.failNext--;
        res.statusCode = 500;
        return res.end('down');
      }
      hookState.received.push({ body, sig: String(req.headers['lumbung-signature']) });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  const partnerId = await createPartnerRecord(w.h.db, {
    name: 'Pasar Nusantara',
    kind: 'marketplace',
    webhookUrl: hookUrl,
  });
  const otherPartner = await createPartnerRecord(w.h.db, { name: 'Toko Lain', kind: 'retailer' });
  return {
    w,
    village,
    orgId,
    umkmA,
    umkmB,
    umkmOther,
    partnerId,
    otherPartner,
    listed,
    unlisted,
    notPartnered,
    pointId,
    hookUrl,
    hook: hookState,
    async close() {
      hook.closeAllConnections();
      hook.close();
      await w.close();
    },
  };
}

/** An API token for a partner user of `partnerId` (a new user holding the partner grant). */
export async function partnerToken(w: World, partnerId: string): Promise<string> {
  const c = await w.as([['partner', partnerId]]);
  const grant = await w.h.db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', c.userId)
    .executeTakeFirstOrThrow();
  const tok = `lmb_test_${newId('x')}`;
  await w.h.db
    .insertInto('api_tokens')
    .values({
      id: newId('tok'),
      user_id: c.userId,
      name: 'feed',
      token_hash: hashToken(tok),
      grant_id: grant.id,
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return tok;
}

/** A partner order's body for the API: `qty` of the listed product, COD, picked up at the point. */
export const partnerOrderBody = (pw: PartnersWorld, qty = 2) => ({
  externalId: 'PN-8842',
  lines: [{ variantId: pw.listed.variantId, qty }],
  buyer: { name: 'Rina', phone: '081234560001' },
  delivery: { kind: 'pickup', servicePointId: pw.pointId },
  paymentMethod: 'cod',
});

/** The partner offers to the BUMDes and its manager accepts, through the pages. */
export async function acceptPartnership(pw: PartnersWorld): Promise<void> {
  const p = await pw.w.as([['partner', pw.partnerId]]);
  const offered = await p.form('/mitra/tawar', {
    target: `organisation:${pw.orgId}`,
    commission_pct: '7.5',
    ships_by: 'lumbung',
    terms: 'Komisi 7,5% dari nilai barang',
    starts_on: '2026-01-01',
  });
  if (offered.status !== 201) throw new Error(`offer: ${offered.status}`);
  const row = await pw.w.h.db
    .selectFrom('partnerships')
    .select('id')
    .where('partner_id', '=', pw.partnerId)
    .executeTakeFirstOrThrow();
  const manager = await pw.w.as('community_manager', pw.orgId);
  const accepted = await manager.form(`/kemitraan/${row.id}`, { decision: 'accepted' });
  if (accepted.status !== 303) throw new Error(`accept: ${accepted.status}`);
}

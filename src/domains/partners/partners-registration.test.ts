// Registering a partner: the partner record and its contact's invitation are one transaction.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN, partnersWorld, type PartnersWorld } from '../../../test/support/partners.js';
import type { World } from '../../../test/support/world.js';
import { registerPartner } from './partners.service.js';

let pw: PartnersWorld;
let w: World;

before(async () => {
  pw = await partnersWorld();
  w = pw.w;
  // A user whose phone the new partner's contact then collides with.
  await w.as([['partner', pw.partnerId]]);
});
after(() => pw.close());

test('registering a partner whose contact cannot be invited leaves no partner behind', async () => {
  const taken = (
    await w.h.db
      .selectFrom('users')
      .select('phone')
      .where('phone', 'is not', null)
      .executeTakeFirstOrThrow()
  ).phone!;
  const before = (await w.h.db.selectFrom('partners').select('id').execute()).length;
  const r = await registerPartner(w.h.db, ADMIN, {
    name: 'Mitra Gagal',
    kind: 'marketplace',
    webhookUrl: null,
    contactName: 'Pak Kontak',
    contactPhone: taken,
  });
  assert.equal(!r.ok && r.code, 'ACCOUNTS_USER_EXISTS');
  assert.equal((await w.h.db.selectFrom('partners').select('id').execute()).length, before);
});

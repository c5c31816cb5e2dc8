// Thin wrappers the demo seed uses to run the same use cases as the pages (no shortcuts).
import type { Tx } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { settleOrganisation } from './seller/earnings.js';
import { collectAtPoint } from './assisted/pickup-cash.js';

export async function settleOrganisationForSeed(db: Tx, organisationId: string, actorId: string) {
  return settleOrganisation(db, organisationId, actorId);
}

export async function collectAtPointForSeed(
  db: Tx,
  orderId: string,
  servicePointId: string,
  agentId: string,
) {
  const agent: Actor = {
    userId: agentId,
    displayName: 'seed',
    locale: null,
    via: 'session',
    grants: [
      {
        role: 'village_agent',
        scopeType: 'service_point',
        scopeId: servicePointId,
        regionCode: null,
      },
    ],
  };
  return collectAtPoint(db, orderId, servicePointId, agent);
}

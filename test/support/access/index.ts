// Every domain's access cases, imported statically so the matrix runs from a bundle as from
// tsx. access-matrix.test.ts checks that each `<domain>.cases.ts` beside this file is listed.
import type { AccessCases } from '../world.js';
import { accessCases as accountsCases } from './accounts.cases.js';
import { accessCases as agentappCases } from './agentapp.cases.js';
import { accessCases as catalogCases } from './catalog.cases.js';
import { accessCases as collectiveCases } from './collective.cases.js';
import { accessCases as communityCases } from './community.cases.js';
import { accessCases as impactCases } from './impact.cases.js';
import { accessCases as innovationCases } from './innovation.cases.js';
import { accessCases as ledgerCases } from './ledger.cases.js';
import { accessCases as logisticsCases } from './logistics.cases.js';
import { accessCases as notificationsCases } from './notifications.cases.js';
import { accessCases as ordersCases } from './orders.cases.js';
import { accessCases as partnersCases } from './partners.cases.js';
import { accessCases as produceCases } from './produce.cases.js';
import { accessCases as regionsCases } from './regions.cases.js';
import { accessCases as trainingCases } from './training.cases.js';

export const accessCasesByDomain: Record<string, AccessCases> = {
  accounts: accountsCases,
  agentapp: agentappCases,
  catalog: catalogCases,
  collective: collectiveCases,
  community: communityCases,
  impact: impactCases,
  innovation: innovationCases,
  ledger: ledgerCases,
  logistics: logisticsCases,
  notifications: notificationsCases,
  orders: ordersCases,
  partners: partnersCases,
  produce: produceCases,
  regions: regionsCases,
  training: trainingCases,
};

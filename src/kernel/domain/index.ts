export {
  defineDomain,
  installDomains,
  assertNeedsMet,
  describeWiring,
  migrationsOf,
  type DomainManifest,
  type MessageTable,
} from './manifest.js';
export {
  Topic,
  Port,
  on,
  onMany,
  provide,
  type Subscriber,
  type Subscription,
  type Provision,
} from './ports.js';

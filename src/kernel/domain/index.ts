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
  provide,
  type Subscriber,
  type Subscription,
  type Provision,
} from './ports.js';

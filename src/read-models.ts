// Every read model the domains declare in their manifests (`reads`), for the read worker.
import type { ReadModel } from './kernel/offloop/index.js';
import { DOMAINS } from './domains.js';

export const reads: ReadModel<any[], unknown>[] = DOMAINS.flatMap((d) => d.reads ?? []);

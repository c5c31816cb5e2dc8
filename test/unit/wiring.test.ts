// The wiring is visible: domains register nothing when imported, the kernel's catalogues are
// filled only by installDomains from the manifests, and every seam between domains is a
// declared topic or port that src/domains.ts + the manifests connect (issue: make the wiring visible).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { composeDomains, DOMAINS } from '../../src/domains.js';
import { describeWiring } from '../../src/kernel/domain/index.js';

const root = resolve(import.meta.dirname, '../..');

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.tsx?$/.test(n) && !/\.test\.tsx?$/.test(n)) out.push(p);
  }
  return out;
}
const rel = (p: string) => relative(root, p).split(sep).join('/');
const production = files(join(root, 'src'));

// The kernel's catalogues and the old cross-domain registries; only the installer calls them.
const REGISTRARS =
  /\b(registerNav|registerHomePanel|registerMessages|defineErrors|registerJob|registerCommand|registerStartupTask|registerScopeResolver|registerShippingQuoter|registerParcelLookup|registerHomeSection|onOrderChangeInTx|onCertificationChanged|onProductContentChangedInTx)\s*\(/;

// Process entry points run their work at the top level by design; they are not imported.
const ENTRY_POINTS = new Set([
  'src/main.ts',
  'src/read-worker.ts',
  'src/checkout-writer.ts',
  'src/domains/orders/checkout/crash-child.ts',
]);

test('no domain module registers anything at import time: statements at the top level of a file are declarations', () => {
  const bad: string[] = [];
  // The kernel's own catalogue entries (its error codes and messages, pg's type parsers) and
  // lib's worker entry are mechanism, not wiring between domains.
  for (const f of production.filter(
    (p) => !/^src\/(kernel|lib)\//.test(rel(p)) && !ENTRY_POINTS.has(rel(p)),
  )) {
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, i) => {
      // A top-level call statement: an identifier (or member) call at column 0.
      if (
        /^[A-Za-z_$][\w$.]*\s*\(/.test(line) &&
        !/^(export|import|function|async|const|let|var|type|interface|class|enum|declare)\b/.test(
          line,
        )
      ) {
        bad.push(`${rel(f)}:${i + 1}: ${line.slice(0, 80)}`);
      }
    });
  }
  assert.deepEqual(bad, []);
});

test("the kernel's registries are filled only by installDomains", () => {
  const bad: string[] = [];
  for (const f of production) {
    const r = rel(f);
    // The installer, and the kernel's own catalogue entries (its error codes and messages).
    if (r.startsWith('src/kernel/')) continue;
    const text = readFileSync(f, 'utf8');
    text.split('\n').forEach((line, i) => {
      if (/^\s*(export\s+)?(async\s+)?function\s/.test(line) || /^\s*\/\/|^\s*\*/.test(line))
        return;
      if (REGISTRARS.test(line)) bad.push(`${r}:${i + 1}: ${line.trim().slice(0, 80)}`);
    });
  }
  assert.deepEqual(bad, []);
});

test('every domain folder has a manifest in src/domains.ts, and every seam is connected', () => {
  const folders = readdirSync(join(root, 'src/domains'))
    .filter((n) => statSync(join(root, 'src/domains', n)).isDirectory())
    .sort();
  const listed = DOMAINS.map((d) => d.name)
    .filter((n) => n !== 'app')
    .sort();
  assert.deepEqual(listed, folders);
  composeDomains();
  const wiring = describeWiring(DOMAINS);
  assert.ok(!wiring.some((l) => l.includes('UNMET')), wiring.join('\n'));
  // The seams a reader should find by reading the manifests.
  for (const seam of [
    'catalog publishes catalog.product_content_changed -> innovation',
    'community publishes community.certification_changed -> innovation',
    'innovation publishes innovation.mentor_named_for_tasks -> training',
    'orders publishes orders.order_changed -> logistics, partners, ledger, produce, notifications',
    'partners publishes partners.incentive_issued -> ledger, notifications',
    'orders needs orders.shipping_quoter <- logistics',
    'orders needs orders.parcel_lookup <- logistics',
    'logistics needs logistics.consolidated_runs <- collective',
    'ledger publishes ledger.payout_issued -> notifications',
    'collective publishes collective.group_buy_settled -> notifications',
    'produce publishes produce.lot_sale_settled -> ledger',
    'produce needs produce.owed_to_umkm <- ledger',
  ])
    assert.ok(wiring.includes(seam), `${seam}\n in\n${wiring.join('\n')}`);
});

// One parcel for the people who handle it (`/paket/{no}`: history and proof of delivery), the
// proof photo itself (never cached, never public), the seller's parcel list, and the photo
// hand-overs: an agent at the buyer's point, or a hub courier at an address. Upload paths
// contain `/photos` so they get the kernel's larger body limit; the 5 MB rule is catalog's.
import type { Context, Hono } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { page, readForm, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError, errorSpec, type Result } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { agentPointIds, OVERSEERS } from './logistics.access.js';
import { sellerParcels, visibleParcel } from './pages.queries.js';
import { nodeNames, scansOf } from './parcels.service.js';
import { recordScan, type ScanOutcome } from './scans.service.js';
import { photoOf, readProof } from './proof-photos.js';
import { clientScanIdSchema, trackingSchema } from './logistics.schema.js';
import { ParcelDetail, SellerParcels } from './parcel.views.js';
import { boardPage } from './agent.routes.js';
import { dayPage, failureMessage, loadHub, todayAt } from './hub.routes.js';
import { z } from 'zod';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').h.db;
const VIEWERS = ['village_agent', 'hub_operator', 'seller', ...OVERSEERS] as const;
const photoFormSchema = z.object({
  tracking: trackingSchema,
  client_scan_id: clientScanIdSchema,
  point: z.string().max(64).optional(),
});

/** Field errors of a refused photo hand-over: photo rules beside the file, the rest beside the number. */
function photoErrors(c: C, r: Result<unknown>): Record<string, string> {
  if (r.ok) return {};
  return { [r.code.startsWith('CATALOG_PHOTO') ? 'photo' : 'tracking']: failureMessage(c, r) };
}

// Pages answer 409/413 as such; an unsupported type (415) is a form error like any other (422).
const statusOf = (code: string): 409 | 413 | 422 => {
  const s = errorSpec(code).status;
  return s === 409 || s === 413 ? s : 422;
};

function doneNotice(c: C, r: ScanOutcome): string {
  const tr = (k: string, p: Record<string, unknown> = {}) => t(c.get('locale'), k, p);
  return r.duplicate
    ? tr('logistics.scan.duplicate', { tracking: r.trackingNumber })
    : tr('logistics.scan.done', {
        tracking: r.trackingNumber,
        status: tr(`logistics.status.${r.status}`),
      });
}

async function parcelFor(
  c: C,
): Promise<{ actor: Actor; parcel: NonNullable<Awaited<ReturnType<typeof visibleParcel>>> }> {
  const actor = requireRole(c, ...VIEWERS);
  const parcel = await visibleParcel(db(c), actor, c.req.param('tracking')!);
  if (!parcel) throw new AppError('NOT_FOUND');
  return { actor, parcel };
}

export function parcelRoutes(app: Hono<AppEnv>) {
  app.get('/paket', async (c) => {
    const actor = requireRole(c, 'seller');
    return page(
      c,
      { title: t(c.get('locale'), 'logistics.seller.title') },
      <SellerParcels c={c} rows={await sellerParcels(db(c), actor)} />,
    );
  });

  app.get('/paket/:tracking', async (c) => {
    const { parcel } = await parcelFor(c);
    const scans = await scansOf(db(c), parcel.id);
    const names = await nodeNames(
      db(c),
      scans.map((s) => s.location_id),
    );
    return page(
      c,
      { title: t(c.get('locale'), 'logistics.parcel.title', { tracking: parcel.tracking_number }) },
      <ParcelDetail
        c={c}
        parcel={parcel}
        region={parcel.destination_village_code ?? parcel.origin_village_code}
        scans={scans.map((s) => ({
          kind: s.kind,
          at: s.at,
          place: (s.location_id && names.get(s.location_id)) ?? '',
        }))}
      />,
    );
  });

  app.get('/paket/:tracking/bukti/:width', async (c) => {
    const { parcel } = await parcelFor(c);
    if (parcel.proof_kind !== 'photo' || !parcel.proof_photo) throw new AppError('NOT_FOUND');
    const data = await readProof(
      c.get('deps').config.uploadDir,
      parcel.proof_photo,
      Number(c.req.param('width')),
    );
    if (!data) throw new AppError('NOT_FOUND');
    // A doorstep photo: never stored by shared caches or kept by the browser.
    return c.body(new Uint8Array(data), 200, {
      'content-type': 'image/webp',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
  });

  app.post('/titik/paket/photos', async (c) => {
    const actor = requireRole(c, 'village_agent');
    const form = await readForm(c, photoFormSchema);
    const pointId = form.raw.point;
    if (!pointId || !agentPointIds(actor).includes(pointId)) throw new AppError('FORBIDDEN');
    const again = (errors: Record<string, string>, status: 409 | 413 | 422) =>
      boardPage(c, actor, pointId, { errors, raw: form.raw, activeKind: 'photo', status });
    if (!form.ok) return again(form.errors, 422);
    const file = photoOf(await c.req.parseBody());
    if (!file) return again({ photo: t(c.get('locale'), 'logistics.err.photo_missing') }, 422);
    const r = await recordScan(db(c), actor, {
      tracking: form.data.tracking,
      kind: 'delivered',
      locationId: pointId,
      clientScanId: form.data.client_scan_id,
      photo: {
        bytes: new Uint8Array(await file.arrayBuffer()),
        uploadDir: c.get('deps').config.uploadDir,
      },
    });
    if (!r.ok) {
      if (r.code === 'FORBIDDEN') throw new AppError('FORBIDDEN');
      return again(photoErrors(c, r), statusOf(r.code));
    }
    return boardPage(c, actor, pointId, { notice: doneNotice(c, r.value) });
  });

  app.post('/hub/:id/photos', async (c) => {
    const { actor, hub } = await loadHub(c);
    const form = await readForm(c, photoFormSchema);
    const date = todayAt(hub.region_code);
    const again = (errors: Record<string, string>, status: 409 | 413 | 422) =>
      dayPage(c, hub, actor, date, { errors, raw: { ...form.raw, form: 'photo' }, status });
    if (!form.ok) return again(form.errors, 422);
    const file = photoOf(await c.req.parseBody());
    if (!file) return again({ photo: t(c.get('locale'), 'logistics.err.photo_missing') }, 422);
    const r = await recordScan(db(c), actor, {
      tracking: form.data.tracking,
      kind: 'delivered',
      locationId: hub.id,
      clientScanId: form.data.client_scan_id,
      photo: {
        bytes: new Uint8Array(await file.arrayBuffer()),
        uploadDir: c.get('deps').config.uploadDir,
      },
    });
    if (!r.ok) {
      if (r.code === 'FORBIDDEN') throw new AppError('FORBIDDEN');
      return again(photoErrors(c, r), statusOf(r.code));
    }
    return dayPage(c, hub, actor, date, { notice: doneNotice(c, r.value) });
  });
}

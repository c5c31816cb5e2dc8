// Staff and seller views of one parcel (history and proof of delivery, the photo included),
// the seller's parcel list, and the photo hand-over form shared by agents and hub couriers.
import type { Context } from 'hono';
import { formatDateTime, t } from '../../kernel/i18n/index.js';
import { Csrf, type AppEnv } from '../../kernel/http/index.js';
import { PROOF_WIDTHS } from './proof-photos.js';
import type { ParcelsTable } from './logistics.tables.js';

type C = Context<AppEnv>;
// Own translator (not hub.views' trOf): hub.views renders PhotoForm, so importing it back would be a cycle.
const trOf = (c: C) => (k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

/** Delivery with a photo instead of the buyer's code: multipart, CSRF, no script needed. */
export function PhotoForm(p: {
  c: C;
  action: string;
  scanId: string;
  title: string;
  hint: string;
  point?: string;
  errors?: Record<string, string>;
  raw?: Record<string, string>;
  active: boolean;
}) {
  const tr = trOf(p.c);
  const err = p.active ? p.errors : undefined;
  return (
    <section class="card">
      <h2 id="h-photo">{p.title}</h2>
      <p class="muted" id="photo-hint">
        {p.hint}
      </p>
      <form method="post" action={p.action} enctype="multipart/form-data" aria-labelledby="h-photo">
        <Csrf c={p.c} />
        {p.point ? <input type="hidden" name="point" value={p.point} /> : null}
        <input type="hidden" name="client_scan_id" value={p.scanId} />
        <div class="field">
          <label for="t-photo">{tr('logistics.scan.tracking')}</label>
          <input
            id="t-photo"
            name="tracking"
            autocomplete="off"
            required
            value={p.active ? (p.raw?.tracking ?? '') : ''}
            aria-invalid={err?.tracking ? 'true' : undefined}
            aria-describedby={err?.tracking ? 't-photo-err' : undefined}
          />
          {err?.tracking ? (
            <p class="error" id="t-photo-err">
              {err.tracking}
            </p>
          ) : null}
        </div>
        <div class="field">
          <label for="f-photo-file">{tr('logistics.scan.photo')}</label>
          <input
            id="f-photo-file"
            name="photo"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            required
            aria-invalid={err?.photo ? 'true' : undefined}
            aria-describedby={err?.photo ? 'photo-hint f-photo-err' : 'photo-hint'}
          />
          {err?.photo ? (
            <p class="error" id="f-photo-err">
              {err.photo}
            </p>
          ) : null}
        </div>
        <button type="submit" class="primary">
          {tr('logistics.scan.submit')}
        </button>
      </form>
    </section>
  );
}

export interface ParcelDetailProps {
  c: C;
  parcel: ParcelsTable;
  scans: { kind: string; at: string; place: string }[];
  region: string | null;
}

/** One parcel for the people who handle it; the proof photo is shown here and only here. */
export function ParcelDetail(p: ParcelDetailProps) {
  const tr = trOf(p.c);
  const x = p.parcel;
  const src = (w: number) => `/paket/${x.tracking_number}/bukti/${w}`;
  return (
    <section class="card narrow">
      <h1>{tr('logistics.parcel.title', { tracking: x.tracking_number })}</h1>
      <p>
        {tr('logistics.track.status')}:{' '}
        <strong data-testid="status">{tr(`logistics.status.${x.status}`)}</strong>
        {x.returning && x.status !== 'returned' ? (
          <>
            {' '}
            <span class="badge">{tr('logistics.badge.returning')}</span>
          </>
        ) : null}
      </p>
      <p class="muted">{tr('logistics.parcel.private')}</p>
      <h2>{tr('logistics.parcel.proof')}</h2>
      {x.proof_kind === 'photo' && x.proof_photo ? (
        <figure>
          <figcaption>{tr('logistics.parcel.proof_photo')}</figcaption>
          <img
            src={src(320)}
            srcset={PROOF_WIDTHS.map((w) => `${src(w)} ${w}w`).join(', ')}
            sizes="(max-width: 400px) 90vw, 320px"
            width={320}
            alt={tr('logistics.parcel.proof_alt', { tracking: x.tracking_number })}
            data-testid="proof-photo"
          />
        </figure>
      ) : x.proof_kind === 'code' ? (
        <p>{tr('logistics.parcel.proof_code')}</p>
      ) : (
        <p>{tr('logistics.parcel.no_proof')}</p>
      )}
      <h2>{tr('logistics.track.history')}</h2>
      {p.scans.length === 0 ? (
        <p>{tr('logistics.track.none')}</p>
      ) : (
        <ol class="list">
          {[...p.scans].reverse().map((s) => (
            <li>
              {tr(`logistics.scan.${s.kind}`)} · {s.place}
              <br />
              <small>{formatDateTime(p.c.get('locale'), s.at, p.region)}</small>
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href={`/paket/${x.tracking_number}/label`}>{tr('logistics.label.title')}</a>
      </p>
    </section>
  );
}

export function SellerParcels(p: {
  c: C;
  rows: { tracking_number: string; status: string; returning: number; number: string }[];
}) {
  const tr = trOf(p.c);
  return (
    <section class="card">
      <h1>{tr('logistics.seller.title')}</h1>
      {p.rows.length === 0 ? (
        <p>{tr('logistics.seller.none')}</p>
      ) : (
        <ul class="list">
          {p.rows.map((r) => (
            <li>
              <a href={`/paket/${r.tracking_number}`}>{r.tracking_number}</a> · {r.number} ·{' '}
              {tr(`logistics.status.${r.status}`)}
              {r.returning && r.status !== 'returned'
                ? ` (${tr('logistics.badge.returning')})`
                : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

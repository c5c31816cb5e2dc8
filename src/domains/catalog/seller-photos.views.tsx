// The photos card of the seller's product page: photos in order (the first is the cover),
// and per photo small forms to move it left/right, make it the cover or delete it. Plain
// forms with CSRF: everything works without script on a cheap phone.
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { Csrf, Field, type AppEnv } from '../../kernel/http/index.js';
import { photoUrl } from './photo-urls.js';
import type { PhotosTable } from './catalog.tables.js';

type C = Context<AppEnv>;

function MoveForm(p: { c: C; action: string; position: number; label: string; text: string }) {
  return (
    <form method="post" action={p.action} class="inline">
      <Csrf c={p.c} />
      <input type="hidden" name="position" value={String(p.position)} />
      <button type="submit" aria-label={p.label}>
        {p.text}
      </button>
    </form>
  );
}

export function PhotosCard(p: {
  c: C;
  productId: string;
  photos: PhotosTable[];
  canEdit: boolean;
  errors?: Record<string, string>;
  raw?: Record<string, string | null | undefined>;
}) {
  const locale = p.c.get('locale');
  const tr = (k: string, params?: Record<string, unknown>) => t(locale, k, params);
  const base = `/jual/produk/${p.productId}/photos`;
  const e = p.errors;
  return (
    <section class="card" aria-labelledby="ph-h">
      <h2 id="ph-h">{tr('catalog.edit.photos')}</h2>
      {p.photos.length ? (
        <>
          <p class="muted">{tr('catalog.photo.cover_hint')}</p>
          {e?.position ? (
            <p class="error" role="alert" id="f-position-err">
              {e.position}
            </p>
          ) : null}
          <ol class="grid list-plain" data-testid="photos">
            {p.photos.map((ph, i) => {
              const n = i + 1;
              const at = `${base}/${ph.id}/posisi`;
              return (
                <li data-photo={ph.id} data-position={String(i)}>
                  <img
                    src={photoUrl(ph.path_stem, 160)}
                    alt={ph.alt}
                    width="160"
                    height="160"
                    loading="lazy"
                  />
                  <br />
                  <small>
                    {i === 0 ? (
                      <span class="badge" data-cover="1">
                        {tr('catalog.photo.cover')}
                      </span>
                    ) : (
                      tr('catalog.photo.position', { n })
                    )}
                  </small>
                  {p.canEdit ? (
                    <div>
                      {i > 0 ? (
                        <MoveForm
                          c={p.c}
                          action={at}
                          position={i - 1}
                          label={tr('catalog.photo.up', { n })}
                          text="←"
                        />
                      ) : null}{' '}
                      {i < p.photos.length - 1 ? (
                        <MoveForm
                          c={p.c}
                          action={at}
                          position={i + 1}
                          label={tr('catalog.photo.down', { n })}
                          text="→"
                        />
                      ) : null}{' '}
                      {i > 0 ? (
                        <MoveForm
                          c={p.c}
                          action={at}
                          position={0}
                          label={tr('catalog.photo.make_cover_label', { n })}
                          text={tr('catalog.photo.make_cover')}
                        />
                      ) : null}
                      <details>
                        <summary>{tr('catalog.photo.delete')}</summary>
                        <form method="post" action={`${base}/${ph.id}/hapus`}>
                          <Csrf c={p.c} />
                          <p>{tr('catalog.photo.delete_confirm')}</p>
                          <button
                            type="submit"
                            aria-label={tr('catalog.photo.delete_label', { n })}
                          >
                            {tr('catalog.photo.delete')}
                          </button>
                        </form>
                      </details>
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </>
      ) : (
        <p>{tr('catalog.edit.no_photos')}</p>
      )}
      {p.canEdit ? (
        <form method="post" action={base} enctype="multipart/form-data">
          <Csrf c={p.c} />
          <Field
            name="photo"
            type="file"
            label={tr('catalog.edit.photo_file')}
            error={e?.photo}
            required
          />
          <Field
            name="alt"
            label={tr('catalog.edit.photo_alt')}
            hint={tr('catalog.edit.photo_alt_hint')}
            value={e ? p.raw?.alt : ''}
            error={e?.alt}
            required
          />
          <button type="submit" class="primary">
            {tr('catalog.edit.upload')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

// What the innovation centre's reviewer sees of a product beside the checklist: every photo
// (packaging and label are judged from them), both descriptions, each variant's price,
// weight, SKU and stock, and the producer's certificates with their dates.
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import type { AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { categoryName } from './taxonomy.js';
import { photoSrcset, photoUrl } from './photo-urls.js';
import type { PublicProduct } from './product-page.queries.js';

export function ProductDossier(p: { c: Context<AppEnv>; product: PublicProduct }) {
  const locale = p.c.get('locale');
  const tr = (k: string, params?: Record<string, unknown>) => t(locale, k, params);
  const pr = p.product;
  return (
    <section class="card dossier" aria-labelledby="dossier-h" data-testid="dossier">
      <h2 id="dossier-h">{tr('catalog.dossier.title')}</h2>
      <p class="muted">
        {categoryName(pr.category, locale)} · {pr.umkm_name}
        {pr.village_name ? ` · ${pr.village_name}` : ''}
      </p>
      {pr.photos.length ? (
        <div class="photos">
          {pr.photos.map((ph) => (
            <a href={photoUrl(ph.path_stem, 640)}>
              <img
                src={photoUrl(ph.path_stem, 320)}
                srcset={photoSrcset(ph.path_stem)}
                sizes="(max-width: 40rem) 100vw, 320px"
                alt={ph.alt}
                width={ph.width}
                height={ph.height}
                loading="lazy"
                decoding="async"
              />
            </a>
          ))}
        </div>
      ) : (
        <p class="warn">{tr('catalog.dossier.no_photos')}</p>
      )}
      <h3>{tr('catalog.dossier.description')}</h3>
      <p lang="id" class="pre">
        {pr.description}
      </p>
      {pr.description_en ? (
        <p lang="en" class="pre muted">
          {pr.description_en}
        </p>
      ) : null}
      <h3>{tr('catalog.dossier.variants')}</h3>
      <div class="scroll" role="region" aria-labelledby="dossier-h" tabindex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{tr('catalog.page.variant')}</th>
              <th scope="col">{tr('catalog.dossier.price')}</th>
              <th scope="col">{tr('catalog.dossier.weight')}</th>
              <th scope="col">SKU</th>
              <th scope="col">{tr('catalog.dossier.stock')}</th>
            </tr>
          </thead>
          <tbody>
            {pr.variants.map((v) => (
              <tr data-variant={v.id}>
                <td>{v.label}</td>
                <td class="num">{formatRupiah(v.price)}</td>
                <td class="num">{tr('catalog.page.weight', { g: v.weight_grams })}</td>
                <td>{v.sku}</td>
                <td class="num">{v.available}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{tr('catalog.page.certifications')}</h3>
      {pr.certifications.length ? (
        <ul>
          {pr.certifications.map((x) => (
            <li data-cert={x.kind}>
              {tr(`catalog.cert.${x.kind}`)} {x.number}
              {x.expires_on ? ` (${tr('catalog.page.valid_until', { date: x.expires_on })})` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{tr('catalog.page.no_certifications')}</p>
      )}
    </section>
  );
}

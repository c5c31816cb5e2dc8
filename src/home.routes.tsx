// The public home page. Kept tiny (≤ 14 KB with CSS, gzip) because it is the first thing a
// phone on EDGE downloads.
import { Hono } from 'hono';
import { t } from './kernel/i18n/index.js';
import type { MessageTable } from './kernel/domain/index.js';
import { Field, page, type AppEnv } from './kernel/http/index.js';

export const homeMessages: MessageTable = {
  id: {
    'home.title': 'Lumbung — produk desa, dijual bersama',
    'home.lead':
      'UMKM desa menjual ke seluruh Indonesia lewat BUMDes, koperasi dan titik layanan desa.',
    'home.staff': 'Petugas, pendamping, agen dan penjual: masuk untuk membuka halaman kerja Anda.',
    'home.search': 'Cari produk desa',
    'home.search_hint': 'Misalnya kopi Bajawa, gula aren, tenun ikat',
    'home.search_submit': 'Cari',
  },
  en: {
    'home.title': 'Lumbung — village products, sold together',
    'home.lead':
      'Village businesses sell across Indonesia through their BUMDes, cooperatives and village service points.',
    'home.staff': 'Officers, mentors, agents and sellers: sign in to open your work pages.',
    'home.search': 'Search village products',
    'home.search_hint': 'For example kopi Bajawa, gula aren, tenun ikat',
    'home.search_submit': 'Search',
  },
};

/** A part of the public home page another domain renders (the storefront's featured villages and products). */
export type HomeSection = (c: import('hono').Context<AppEnv>) => Promise<unknown>;

/** The public home page with the sections app.ts passes in, in that order. */
export function homeRoutes(sections: readonly HomeSection[]) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const locale = c.get('locale');
    const extra = await Promise.all(sections.map((s) => s(c)));
    return page(
      c,
      { title: t(locale, 'home.title'), description: t(locale, 'home.lead') },
      <>
        <section class="hero">
          <h1>{t(locale, 'home.title')}</h1>
          <p>{t(locale, 'home.lead')}</p>
          <form method="get" action="/cari" role="search" class="row home-search">
            <Field
              name="q"
              type="search"
              inputmode="search"
              label={t(locale, 'home.search')}
              hint={t(locale, 'home.search_hint')}
            />
            <button type="submit" class="primary">
              {t(locale, 'home.search_submit')}
            </button>
          </form>
          {c.get('actor') ? null : (
            <p>
              <a class="button" href="/login">
                {t(locale, 'nav.login')}
              </a>{' '}
              <small>{t(locale, 'home.staff')}</small>
            </p>
          )}
        </section>
        {extra as any}
      </>,
    );
  });
  return app;
}

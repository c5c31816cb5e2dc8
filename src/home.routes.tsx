// The public home page. Kept tiny (≤ 14 KB with CSS, gzip) because it is the first thing a
// phone on EDGE downloads.
import { Hono } from 'hono';
import { t } from './kernel/i18n/index.js';
import type { MessageTable } from './kernel/domain/index.js';
import { page, type AppEnv } from './kernel/http/index.js';

export const homeMessages: MessageTable = {
  id: {
    'home.title': 'Lumbung — produk desa, dijual bersama',
    'home.lead': 'UMKM desa menjual ke seluruh Indonesia lewat BUMDes, koperasi dan titik layanan desa.',
    'home.staff': 'Petugas, pendamping, agen dan penjual: masuk untuk membuka halaman kerja Anda.',
  },
  en: {
    'home.title': 'Lumbung — village products, sold together',
    'home.lead': 'Village businesses sell across Indonesia through their BUMDes, cooperatives and village service points.',
    'home.staff': 'Officers, mentors, agents and sellers: sign in to open your work pages.',
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
    return page(c, { title: t(locale, 'home.title'), description: t(locale, 'home.lead') }, (
      <>
        <section class="hero">
          <h1>{t(locale, 'home.title')}</h1>
          <p>{t(locale, 'home.lead')}</p>
          {c.get('actor') ? null : <p><a class="button" href="/login">{t(locale, 'nav.login')}</a> <small>{t(locale, 'home.staff')}</small></p>}
        </section>
        {extra as any}
      </>
    ));
  });
  return app;
}

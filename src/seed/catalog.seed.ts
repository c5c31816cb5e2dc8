// Demo data of the catalog domain (see JOURNEYS.md): 150+ products for the demo UMKM the
// community seed registered (read from the umkm table, so products always reference real
// UMKM), across the taxonomy, with variants, stock and a small generated photo each. Six
// photo tiles (one per category group, a coloured square with the group's initial) are
// rendered once with sharp and reused, so the seed stays fast. Every product starts
// `not_reviewed`: the innovation seed decides which become listed.
// Refs: `prd:sari-gula-aren` (Gula Aren Cetak 500 g of `umkm:sari`), `prd:kopi-bajawa`,
// `prd:tenun-sumba`, `prd:kopi-osing`, `var:<same keys>` (their first variant), `prd:all`.
import sharp from 'sharp';
import type { SeedContext } from './index.js';
import type { DemoLogin } from './demo-user.js';
import { loadConfig } from '../kernel/config.js';
import { inTransaction, type Db } from '../kernel/db/index.js';
import { unwrap } from '../kernel/errors/index.js';
import type { Actor } from '../kernel/auth/index.js';
import { attachStoredPhoto, categoryOf, CATEGORY_GROUPS, createProduct, addVariant, processPhoto, storePhoto } from '../domains/catalog/index.js';

type V = [label: string, price: number, grams: number];
interface Tpl { title: string; category: string; description: string; variants: V[]; en?: string }

const FOOD: Tpl[] = [
  { title: 'Gula Aren Cetak 500 g', category: 'gula-aren', description: 'Gula aren cetak dari nira pohon aren yang disadap pagi hari, dimasak di tungku kayu tanpa pengawet.', variants: [['500 g', 25000, 550], ['1 kg', 47000, 1050]], en: 'Moulded palm sugar from fresh aren sap, cooked over a wood fire, no preservatives.' },
  { title: 'Gula Semut Aren Organik', category: 'gula-aren', description: 'Gula aren bubuk (gula semut) kering dan halus, mudah larut untuk kopi dan kue.', variants: [['250 g', 18000, 280], ['500 g', 32000, 540]] },
  { title: 'Keripik Pisang Kepok', category: 'keripik', description: 'Keripik pisang kepok tipis, digoreng dengan minyak kelapa, rasa manis gurih.', variants: [['200 g', 15000, 230]] },
  { title: 'Keripik Singkong Balado', category: 'keripik', description: 'Singkong dari kebun sendiri, diiris tipis dengan bumbu balado pedas.', variants: [['250 g', 14000, 280]] },
  { title: 'Sambal Lu’at Khas Flores', category: 'sambal', description: 'Sambal lu’at dari cabai rawit, jeruk nipis dan daun kemangi, pedas segar.', variants: [['150 ml', 22000, 300]] },
  { title: 'Sambal Bawang Rumahan', category: 'sambal', description: 'Sambal bawang goreng dengan cabai lokal, tahan dua bulan dalam botol kaca.', variants: [['200 g', 25000, 350]] },
  { title: 'Kue Kompiang Bajawa', category: 'kue-camilan', description: 'Roti kering kompiang bertabur wijen, teman minum kopi di dataran tinggi Bajawa.', variants: [['isi 10', 20000, 400]] },
  { title: 'Madu Hutan Flores', category: 'madu', description: 'Madu hutan dipanen lestari oleh kelompok pemburu madu desa, tanpa campuran.', variants: [['250 ml', 55000, 450], ['500 ml', 98000, 800]] },
  { title: 'Sirup Jahe Merah', category: 'minuman', description: 'Sirup jahe merah dengan gula aren, hangatkan badan, cukup seduh dengan air panas.', variants: [['250 ml', 30000, 420]] },
];
const COFFEE: Tpl[] = [
  { title: 'Kopi Arabika Bajawa Biji Sangrai', category: 'kopi', description: 'Kopi arabika Bajawa dari lereng Gunung Inerie, proses basah, sangrai medium. Aroma cokelat dan rempah.', variants: [['250 g', 65000, 300], ['500 g', 120000, 560]], en: 'Bajawa arabica from the slopes of Mount Inerie, washed, medium roast.' },
  { title: 'Kopi Arabika Bajawa Bubuk', category: 'kopi', description: 'Kopi arabika Bajawa digiling sedang, cocok untuk tubruk dan saring.', variants: [['200 g', 55000, 250]] },
  { title: 'Kopi Robusta Flores', category: 'kopi', description: 'Biji kopi robusta petik merah, dijemur di para-para bambu.', variants: [['500 g', 70000, 560]] },
  { title: 'Kopi Osing Kemiren', category: 'kopi', description: 'Kopi robusta Desa Kemiren disangrai di wajan tanah liat seperti tradisi Osing.', variants: [['200 g', 45000, 250]] },
  { title: 'Teh Kulit Kopi (Cascara)', category: 'teh-herbal', description: 'Kulit buah kopi yang dikeringkan, diseduh seperti teh, rasa buah manis.', variants: [['100 g', 35000, 150]] },
];
const CRAFT: Tpl[] = [
  { title: 'Kain Tenun Ikat Motif Sumba', category: 'tenun', description: 'Kain tenun ikat dengan motif kuda dan manusia khas Sumba, pewarna alam mengkudu dan nila, ditenun tiga minggu.', variants: [['2 x 1 m', 750000, 800]], en: 'Hand-woven ikat with Sumba horse motifs, natural dyes, three weeks on the loom.' },
  { title: 'Selendang Tenun Ikat Ngada', category: 'tenun', description: 'Selendang tenun ikat motif kuda Ngada, benang katun pewarna alam.', variants: [['180 x 40 cm', 250000, 250]] },
  { title: 'Sarung Tenun Ikat', category: 'tenun', description: 'Sarung tenun ikat tradisional untuk upacara adat, ditenun dengan gedogan.', variants: [['standar', 650000, 700]] },
  { title: 'Tas Anyaman Pandan', category: 'anyaman', description: 'Tas anyaman daun pandan hutan, kuat, ringan, dijahit tangan.', variants: [['sedang', 85000, 300], ['besar', 120000, 420]] },
  { title: 'Bakul Anyaman Bambu', category: 'anyaman', description: 'Bakul anyaman bambu untuk nasi atau buah, dikerjakan kelompok ibu-ibu desa.', variants: [['diameter 30 cm', 45000, 500]] },
  { title: 'Kendi Gerabah Tanah Liat', category: 'gerabah', description: 'Kendi gerabah dibakar tradisional, menjaga air tetap sejuk.', variants: [['1,5 liter', 60000, 1500]] },
  { title: 'Patung Ukir Kayu Ngadhu', category: 'ukiran', description: 'Ukiran kayu kecil berbentuk ngadhu, lambang leluhur kampung adat Ngada.', variants: [['30 cm', 175000, 900]] },
  { title: 'Kemeja Batik Gajah Oling', category: 'batik', description: 'Kemeja batik tulis motif Gajah Oling khas Banyuwangi.', variants: [['M', 225000, 350], ['L', 225000, 370]] },
  { title: 'Gelang Manik Tenun', category: 'aksesoris', description: 'Gelang dari sisa benang tenun dan manik kayu.', variants: [['satu ukuran', 25000, 50]] },
];
const FARM: Tpl[] = [
  { title: 'Beras Merah Organik Ngada', category: 'beras', description: 'Beras merah dari sawah tadah hujan tanpa pestisida kimia, digiling saat dipesan.', variants: [['1 kg', 28000, 1050], ['5 kg', 130000, 5100]] },
  { title: 'Beras Pandan Wangi', category: 'beras', description: 'Beras pulen wangi pandan hasil kelompok tani desa.', variants: [['5 kg', 85000, 5100]] },
  { title: 'Kemiri Kupas', category: 'rempah', description: 'Kemiri dari kebun desa, dikupas utuh dan dijemur kering.', variants: [['500 g', 40000, 550]] },
  { title: 'Cengkeh Kering', category: 'rempah', description: 'Cengkeh kering petik tangan, aroma kuat.', variants: [['250 g', 45000, 280]] },
  { title: 'Jeruk Keprok Soe', category: 'buah', description: 'Jeruk keprok manis segar, dipetik sehari sebelum dikirim.', variants: [['2 kg', 50000, 2200]] },
  { title: 'Buah Naga Merah', category: 'buah', description: 'Buah naga merah dari kebun lahan kering Banyuwangi.', variants: [['2 kg', 40000, 2200]] },
  { title: 'Sayur Kelor Kering', category: 'sayur', description: 'Daun kelor dikeringkan di tempat teduh, kaya gizi untuk sayur bening.', variants: [['100 g', 20000, 130]] },
  { title: 'Kacang Merah Kering', category: 'sayur', description: 'Kacang merah dataran tinggi, kering dan bersih.', variants: [['1 kg', 38000, 1050]] },
];
const FISH: Tpl[] = [
  { title: 'Ikan Teri Asin Kering', category: 'ikan-olahan', description: 'Ikan teri tangkapan nelayan desa, dijemur di bawah matahari, asin sedang.', variants: [['250 g', 35000, 280]] },
  { title: 'Abon Ikan Tuna', category: 'ikan-olahan', description: 'Abon ikan tuna dengan bumbu rempah, tanpa pengawet.', variants: [['100 g', 30000, 150]] },
  { title: 'Rumput Laut Kering', category: 'rumput-laut', description: 'Rumput laut dari budidaya perikanan pesisir, dikeringkan bersih.', variants: [['500 g', 30000, 550]] },
  { title: 'Ikan Kakap Segar Beku', category: 'ikan-segar', description: 'Ikan kakap segar dibekukan di hari tangkapan, untuk pengiriman dekat.', variants: [['1 kg', 85000, 1300]] },
];
const HERBAL: Tpl[] = [
  { title: 'Jamu Kunyit Asam', category: 'jamu', description: 'Jamu kunyit asam racikan turun-temurun dengan gula aren.', variants: [['250 ml', 15000, 320]] },
  { title: 'Teh Daun Kelor', category: 'teh-herbal', description: 'Teh daun kelor kering dalam kantong celup.', variants: [['20 kantong', 28000, 100]] },
  { title: 'Minyak Kayu Putih Desa', category: 'minyak-atsiri', description: 'Minyak kayu putih suling sendiri dari daun kayu putih.', variants: [['60 ml', 35000, 150]] },
  { title: 'Minyak Kelapa Murni (VCO)', category: 'minyak-atsiri', description: 'Minyak kelapa murni proses dingin, untuk kulit dan rambut.', variants: [['250 ml', 45000, 350]] },
];

/** Which templates suit which business type (community's BUSINESS_TYPES). */
const BY_TYPE: Record<string, Tpl[][]> = {
  makanan: [FOOD, FARM], minuman: [FOOD, HERBAL], kerajinan: [CRAFT], tenun: [CRAFT], pertanian: [FARM, HERBAL],
  perikanan: [FISH, FOOD], perkebunan: [COFFEE, FARM], jasa: [CRAFT, FOOD], lainnya: [FOOD, CRAFT, HERBAL],
};

const COLOURS = ['#7a3e00', '#5b3a8a', '#2e6b30', '#1d5c8a', '#8a1d4f', '#6b5a1d'];

async function groupTiles(uploadDir: string) {
  const tiles = new Map<string, { stem: string; width: number; height: number }>();
  for (const [i, g] of CATEGORY_GROUPS.entries()) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="640"><rect width="640" height="640" fill="${COLOURS[i]}"/><circle cx="320" cy="320" r="210" fill="#ffffff" fill-opacity="0.18"/><text x="320" y="410" font-family="sans-serif" font-size="280" font-weight="700" fill="#ffffff" text-anchor="middle">${g.name.id[0]}</text></svg>`;
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    const p = unwrap(await processPhoto(png));
    tiles.set(g.slug, { stem: await storePhoto(uploadDir, p), width: p.width, height: p.height });
  }
  return tiles;
}

async function demoUmkm(db: Db) {
  return db.selectFrom('umkm').select(['id', 'name', 'business_type', 'village_code']).where('is_demo', '=', 1).orderBy('created_at').orderBy('id').execute();
}

export async function seedCatalog(ctx: SeedContext): Promise<DemoLogin[]> {
  const db = ctx.h.db;
  const umkm = await demoUmkm(db);
  if (umkm.length === 0) return []; // No community (e.g. a bare database): nothing to attach to.
  const tiles = await groupTiles(loadConfig(process.env).uploadDir);
  const actorFor = (umkmId: string): Actor => ({
    userId: ctx.refs['user:national_admin'] ?? 'seed', displayName: 'seed', locale: null, via: 'session',
    grants: [{ role: 'seller', scopeType: 'umkm', scopeId: umkmId, regionCode: null }],
  });
  const pick = (test: (u: (typeof umkm)[number]) => boolean, fallback: string) => umkm.find(test)?.id ?? fallback;
  const sari = ctx.refs['umkm:sari'] ?? umkm[0].id;
  const special: [key: string, umkmId: string, tpl: Tpl][] = [
    ['sari-gula-aren', sari, FOOD[0]],
    ['kopi-bajawa', pick((u) => u.village_code.startsWith('53.09') && /kopi/i.test(u.name), pick((u) => u.business_type === 'perkebunan', umkm[0].id)), COFFEE[0]],
    ['tenun-sumba', pick((u) => u.business_type === 'tenun' || /tenun/i.test(u.name), pick((u) => u.business_type === 'kerajinan', umkm[0].id)), CRAFT[0]],
    ['kopi-osing', ctx.refs['umkm:kopi-osing-kemiren'] ?? pick((u) => /osing|kemiren/i.test(u.name), umkm[0].id), COFFEE[3]],
  ];
  // Four products per UMKM from the templates of its business type, at least 150 in all.
  const perUmkm = Math.max(4, Math.ceil(150 / umkm.length));
  const all: string[] = [];
  let n = 0;
  await inTransaction(db, async (tx) => {
    const make = async (umkmId: string, tpl: Tpl, titleSuffix: string) => {
      const c = { db: tx as unknown as Db, actor: actorFor(umkmId) };
      const [first, ...rest] = tpl.variants;
      const stock = (k: number) => (n % 11 === 0 ? 0 : 5 + ((n * 7 + k * 3) % 40));
      const r = unwrap(await createProduct(c, {
        umkmId, isDemo: true,
        details: { title: tpl.title + titleSuffix, description: tpl.description, description_en: tpl.en ?? null, category: tpl.category },
        variant: { label: first[0], price: first[1], weight_grams: first[2], sku: null, stock: stock(0) },
      }));
      for (const [k, v] of rest.entries()) unwrap(await addVariant(c, r.productId, { label: v[0], price: v[1], weight_grams: v[2], sku: null, stock: stock(k + 1) }));
      const tile = tiles.get(categoryOf(tpl.category)!.group)!;
      await attachStoredPhoto(tx, r.productId, { ...tile, alt: `Gambar kategori: ${tpl.title}` });
      all.push(r.productId);
      n++;
      return r;
    };
    for (const [key, umkmId, tpl] of special) {
      const r = await make(umkmId, tpl, '');
      ctx.refs[`prd:${key}`] = r.productId;
      ctx.refs[`var:${key}`] = r.variantId;
    }
    for (const [i, u] of umkm.entries()) {
      const pool = (BY_TYPE[u.business_type] ?? BY_TYPE.lainnya).flat();
      for (let k = 0; k < perUmkm; k++) {
        const tpl = pool[(i * 3 + k) % pool.length];
        // Each UMKM names its product after itself, so titles stay distinct across the demo.
        await make(u.id, tpl, ` — ${u.name}`);
      }
    }
  });
  ctx.refs['prd:all'] = all.join(',');
  ctx.progress?.update(all.length, all.length, 'catalog');
  return [];
}

// biome-ignore-all format: data tables, one record per line, read better than one field per line
// The community demo world's data (real village codes from Kemendagri / idn-area-data):
// organisations, service points and UMKM with their certifications. community.seed.ts creates them.
import type { CertificationKind } from '../domains/community/index.js';

export const ORGS = [
  { slug: 'bumdes-sari', kind: 'bumdes', name: 'BUMDes Radabata Maju', village: '53.09.02.2011' },
  { slug: 'koperasi-beja', kind: 'koperasi_merah_putih', name: 'Koperasi Desa Merah Putih Beja', village: '53.09.06.2001' },
  { slug: 'tani-waepana', kind: 'kelompok_tani', name: 'Kelompok Tani Kopi Fa Masa', village: '53.09.07.2001' },
  { slug: 'nelayan-wangka', kind: 'kelompok_nelayan', name: 'Kelompok Nelayan Wangka Bahari', village: '53.09.09.2006' },
  { slug: 'bumdes-keligejo', kind: 'bumdes', name: 'BUMDes Keligejo Sejahtera', village: '53.09.01.2001' },
  { slug: 'tenun-sangadeto', kind: 'umkm_group', name: 'Kelompok Tenun Ikat Sangadeto', village: '53.09.02.2009' },
  { slug: 'bumdes-kemiren', kind: 'bumdes', name: 'BUMDes Kemiren Osing', village: '35.10.15.2004' },
  { slug: 'koperasi-kedungrejo', kind: 'koperasi_merah_putih', name: 'Koperasi Desa Merah Putih Kedungrejo', village: '35.10.05.2002' },
  { slug: 'nelayan-kedungrejo', kind: 'kelompok_nelayan', name: 'Kelompok Nelayan Muncar Jaya', village: '35.10.05.2002' },
  { slug: 'bumdes-licin', kind: 'bumdes', name: 'BUMDes Licin Makmur', village: '35.10.24.2003' },
  { slug: 'koperasi-genteng', kind: 'koperasi', name: 'Koperasi Desa Genteng Wetan', village: '35.10.09.2002' },
] as const;

const ALL = ['assisted_buying', 'assisted_selling', 'parcels', 'cash_payment'] as const;
export const POINTS = [
  { slug: 'yohanes', name: 'Kios BUMDes Radabata', village: '53.09.02.2011', org: 'bumdes-sari', lat: -8.8312, lng: 121.0583, hours: 'Senin–Sabtu 07.30–17.00 WITA', services: ALL, agent: 'Pak Yohanes' },
  { slug: 'beja', name: 'Titik Layanan Koperasi Beja', village: '53.09.06.2001', org: 'koperasi-beja', lat: -8.8021, lng: 120.9794, hours: 'Senin–Jumat 08.00–16.00 WITA', services: ALL, agent: 'Ibu Yasinta' },
  { slug: 'wangka', name: 'Pos Layanan Wangka', village: '53.09.09.2006', org: 'nelayan-wangka', lat: -8.4478, lng: 121.0701, hours: 'Senin–Sabtu 08.00–14.00 WITA', services: ['assisted_selling', 'parcels', 'cash_payment'], agent: 'Pak Arnoldus' },
  { slug: 'kemiren', name: 'Kios BUMDes Kemiren', village: '35.10.15.2004', org: 'bumdes-kemiren', lat: -8.1953, lng: 114.3312, hours: 'Senin–Sabtu 08.00–17.00 WIB', services: ALL, agent: 'Mas Bagus' },
  { slug: 'kedungrejo', name: 'Titik Layanan Koperasi Kedungrejo', village: '35.10.05.2002', org: 'koperasi-kedungrejo', lat: -8.4329, lng: 114.3405, hours: 'Setiap hari 06.00–12.00 WIB', services: ALL, agent: 'Mbak Lilis' },
  { slug: 'licin', name: 'Kios BUMDes Licin', village: '35.10.24.2003', org: 'bumdes-licin', lat: -8.1716, lng: 114.2298, hours: 'Senin–Sabtu 08.00–15.00 WIB', services: ['assisted_buying', 'parcels', 'cash_payment'], agent: 'Pak Slamet' },
] as const;

/** [kind, issued days ago, expires in days (negative = expired; null = no expiry)]. */
export type CertSpec = [CertificationKind, number, number | null];
const nib = (ago = 700): CertSpec => ['nib', ago, null];
const pirt = (expiresIn: number): CertSpec => ['pirt', 1825 - expiresIn, expiresIn];
const halalSd = (expiresIn: number | null = 1200): CertSpec => ['halal_self_declare', 300, expiresIn];
const halal = (expiresIn: number | null = null): CertSpec => ['halal_regular', 500, expiresIn];
const bpomMd = (expiresIn: number): CertSpec => ['bpom_md', 1825 - expiresIn, expiresIn];

export const UMKM: { slug: string; name: string; type: string; village: string; org: string | null; owner: string; story: string; certs: CertSpec[] }[] = [
  { slug: 'sari', name: 'Gula Aren Ibu Sari', type: 'perkebunan', village: '53.09.02.2011', org: 'bumdes-sari', owner: 'Ibu Sari Dhiu', story: 'Nira aren disadap tiap pagi dari pohon di kebun keluarga, dimasak di tungku kayu sampai mengental, lalu dicetak dalam batok kelapa.', certs: [nib(120)] },
  { slug: 'kopi-bajawa-beja', name: 'Kopi Arabika Bajawa Beja', type: 'perkebunan', village: '53.09.06.2001', org: 'koperasi-beja', owner: 'Bapak Yosef Lado', story: 'Arabika dari lereng Inerie di 1.300 mdpl: petik merah, olah basah, dijemur di para-para bambu.', certs: [nib(), pirt(900), halalSd(40)] },
  { slug: 'kopi-robusta-waepana', name: 'Kopi Robusta Fa Masa', type: 'perkebunan', village: '53.09.07.2001', org: 'tani-waepana', owner: 'Bapak Fransiskus Lena', story: 'Robusta dataran Soa disangrai kecil-kecil di wajan tanah liat oleh kelompok tani.', certs: [nib(), pirt(-20)] },
  { slug: 'tenun-sangadeto', name: 'Tenun Ikat Ngada Mama Veronika', type: 'tenun', village: '53.09.02.2009', org: 'tenun-sangadeto', owner: 'Mama Veronika Tuga', story: 'Motif kuda dan ayam khas Ngada, benang diikat dan dicelup pewarna akar mengkudu dan tarum.', certs: [nib()] },
  { slug: 'tenun-bena', name: 'Tenun Ikat Motif Bena', type: 'tenun', village: '53.09.02.2009', org: 'tenun-sangadeto', owner: 'Ibu Klara Wonga', story: 'Satu kain selesai dalam tiga minggu di alat tenun gedogan di kolong rumah.', certs: [] },
  { slug: 'madu-hutan-soa', name: 'Madu Hutan Soa', type: 'pertanian', village: '53.09.07.2001', org: 'tani-waepana', owner: 'Bapak Kornelis Dhae', story: 'Madu lebah hutan dipanen tanpa membunuh koloni, disaring dan dibotolkan di desa.', certs: [nib(), pirt(10)] },
  { slug: 'ikan-asin-wangka', name: 'Ikan Asin Wangka Bahari', type: 'perikanan', village: '53.09.09.2006', org: 'nelayan-wangka', owner: 'Bapak Hamzah Daeng', story: 'Tangkapan pagi nelayan Riung, digarami dan dijemur dua hari di para-para pantai.', certs: [nib(), pirt(700)] },
  { slug: 'abon-tuna-riung', name: 'Abon Ikan Tuna Riung', type: 'perikanan', village: '53.09.09.2006', org: 'nelayan-wangka', owner: 'Ibu Siti Aminah', story: 'Tuna segar direbus, disuwir dan disangrai dengan bumbu oleh ibu-ibu nelayan.', certs: [nib(), pirt(55), halal()] },
  { slug: 'keripik-ubi-keligejo', name: 'Keripik Ubi Ungu Keligejo', type: 'makanan', village: '53.09.01.2001', org: 'bumdes-keligejo', owner: 'Ibu Anastasia Meo', story: 'Ubi ungu kebun sendiri diiris tipis dan digoreng dengan minyak kelapa.', certs: [nib(), pirt(1100)] },
  { slug: 'gula-semut-aimere', name: 'Gula Semut Aren Aimere', type: 'perkebunan', village: '53.09.01.2001', org: 'bumdes-keligejo', owner: 'Bapak Mikael Bara', story: 'Gula aren kristal dari nira segar, diayak halus, tanpa campuran.', certs: [nib(), halalSd()] },
  { slug: 'anyaman-lontar', name: 'Anyaman Lontar Radabata', type: 'kerajinan', village: '53.09.02.2011', org: 'bumdes-sari', owner: 'Ibu Elisabet Ngedu', story: 'Tikar dan tas dari daun lontar yang dijemur dan dianyam ibu-ibu sepulang dari kebun.', certs: [nib()] },
  { slug: 'sambal-teri-riung', name: 'Sambal Teri Riung', type: 'makanan', village: '53.09.09.2006', org: 'nelayan-wangka', owner: 'Ibu Nurhayati', story: 'Teri hasil bagan nelayan Riung diulek dengan cabai rawit kebun.', certs: [pirt(-5)] },
  { slug: 'mete-soa', name: 'Kacang Mete Soa', type: 'pertanian', village: '53.09.07.2001', org: 'tani-waepana', owner: 'Bapak Paulus Lewa', story: 'Mete dikupas satu per satu dengan tangan, lalu dipanggang kering.', certs: [nib(), pirt(30)] },
  { slug: 'minyak-kemiri', name: 'Minyak Kemiri Golewa', type: 'pertanian', village: '53.09.02.2011', org: 'bumdes-sari', owner: 'Ibu Rosalia Sebo', story: 'Kemiri disangrai dan diperas dingin untuk minyak rambut tradisional.', certs: [nib(), pirt(25)] },
  { slug: 'kopi-bubuk-radabata', name: 'Kopi Bubuk Radabata', type: 'perkebunan', village: '53.09.02.2011', org: 'bumdes-sari', owner: 'Bapak Benediktus Wea', story: 'Kopi kebun Radabata disangrai di desa dan digiling halus pada hari pengiriman.', certs: [nib(), pirt(1000), halalSd(9)] },
  { slug: 'vanili-beja', name: 'Vanili Kering Beja', type: 'perkebunan', village: '53.09.06.2001', org: 'koperasi-beja', owner: 'Bapak Aloysius Bhoki', story: 'Polong vanili dilayukan dan diperam tiga bulan sampai harum.', certs: [nib()] },
  { slug: 'cokelat-aimere', name: 'Cokelat Kakao Aimere', type: 'perkebunan', village: '53.09.01.2001', org: 'bumdes-keligejo', owner: 'Ibu Yuliana Dhosa', story: 'Biji kakao difermentasi lima hari, lalu diolah menjadi cokelat batang sederhana.', certs: [nib(), pirt(800), bpomMd(600)] },
  { slug: 'emping-jagung-soa', name: 'Emping Jagung Soa', type: 'makanan', village: '53.09.07.2001', org: 'tani-waepana', owner: 'Ibu Margareta Dopo', story: 'Jagung pulut disangrai dan dipipihkan dengan batu, cara turun-temurun.', certs: [pirt(12)] },
  { slug: 'teh-kelor', name: 'Teh Daun Kelor Ngada', type: 'minuman', village: '53.09.06.2001', org: 'koperasi-beja', owner: 'Ibu Fransiska Dae', story: 'Daun kelor pekarangan dikeringkan di para-para tertutup kasa dan diseduh seperti teh.', certs: [nib(), pirt(1400)] },
  { slug: 'selendang-bajawa', name: 'Selendang Tenun Bajawa', type: 'tenun', village: '53.09.06.2001', org: 'koperasi-beja', owner: 'Ibu Helena Rawa', story: 'Selendang tenun untuk upacara reba, kini juga untuk dikirim ke luar Flores.', certs: [nib()] },
  { slug: 'dodol-rumput-laut', name: 'Dodol Rumput Laut Riung', type: 'makanan', village: '53.09.09.2006', org: 'nelayan-wangka', owner: 'Ibu Halimah', story: 'Rumput laut budidaya Tujuh Belas Pulau dimasak dengan gula aren.', certs: [nib(), pirt(600), halalSd(-30)] },
  { slug: 'bambu-golewa', name: 'Kerajinan Bambu Golewa', type: 'kerajinan', village: '53.09.02.2009', org: 'tenun-sangadeto', owner: 'Bapak Dominikus Lako', story: 'Bakul dan tempat nasi dari bambu aur, diasap supaya awet.', certs: [] },
  { slug: 'kopi-osing-kemiren', name: 'Kopi Osing Kemiren', type: 'perkebunan', village: '35.10.15.2004', org: 'bumdes-kemiren', owner: 'Mas Adi Purwadi', story: 'Kopi sangrai tungku ala Osing, disajikan di festival Ngopi Sepuluh Ewu Kemiren.', certs: [nib(), pirt(1200), halal()] },
  { slug: 'jenang-kemiren', name: 'Jenang Kemiren', type: 'makanan', village: '35.10.15.2004', org: 'bumdes-kemiren', owner: 'Mbok Sutinah', story: 'Jenang ketan dan gula kelapa diaduk empat jam di kuali tembaga.', certs: [pirt(8)] },
  { slug: 'batik-gajah-oling', name: 'Batik Gajah Oling Kemiren', type: 'tenun', village: '35.10.15.2004', org: 'bumdes-kemiren', owner: 'Ibu Suwarni', story: 'Batik tulis motif Gajah Oling, motif tertua Banyuwangi.', certs: [nib()] },
  { slug: 'ikan-asin-muncar', name: 'Ikan Asin Muncar Barokah', type: 'perikanan', village: '35.10.05.2002', org: 'koperasi-kedungrejo', owner: 'Bapak Abdul Rohim', story: 'Lemuru dan tongkol dari pelabuhan Muncar, dijemur di tepi Selat Bali.', certs: [nib(), pirt(950)] },
  { slug: 'petis-muncar', name: 'Petis Udang Muncar', type: 'perikanan', village: '35.10.05.2002', org: 'koperasi-kedungrejo', owner: 'Ibu Khotijah', story: 'Kaldu udang dimasak pekat dengan gula merah sampai hitam mengkilap.', certs: [pirt(50), halalSd()] },
  { slug: 'terasi-kedungrejo', name: 'Terasi Udang Kedungrejo', type: 'perikanan', village: '35.10.05.2002', org: 'nelayan-kedungrejo', owner: 'Bapak Saiful', story: 'Rebon difermentasi dan ditumbuk, dibungkus daun pisang kering.', certs: [pirt(-60)] },
  { slug: 'keripik-pisang-genteng', name: 'Keripik Pisang Genteng', type: 'makanan', village: '35.10.09.2002', org: 'koperasi-genteng', owner: 'Ibu Sri Wahyuni', story: 'Pisang agung dan kepok dari kebun Genteng, diiris memanjang.', certs: [nib(), pirt(1500), halalSd()] },
  { slug: 'sambal-pecel', name: 'Sambal Pecel Mbok Sum', type: 'makanan', village: '35.10.09.2002', org: 'koperasi-genteng', owner: 'Mbok Sumiati', story: 'Kacang tanah sangrai diulek dengan kencur dan daun jeruk, resep tiga generasi.', certs: [pirt(20), halal()] },
  { slug: 'kopi-licin', name: 'Kopi Robusta Lereng Ijen', type: 'perkebunan', village: '35.10.24.2003', org: 'bumdes-licin', owner: 'Bapak Sugeng', story: 'Robusta dari lereng Ijen di 900 mdpl, dipetik merah oleh petani Licin.', certs: [nib(), pirt(1100)] },
  { slug: 'madu-ijen', name: 'Madu Hutan Ijen', type: 'pertanian', village: '35.10.24.2003', org: 'bumdes-licin', owner: 'Bapak Misdi', story: 'Madu lebah liar dari hutan lereng Ijen, diambil dua kali setahun.', certs: [pirt(13)] },
  { slug: 'anyaman-pandan', name: 'Anyaman Pandan Olehsari', type: 'kerajinan', village: '35.10.15.2005', org: 'bumdes-kemiren', owner: 'Ibu Rukayah', story: 'Tikar dan topi dari pandan duri, dianyam sore hari di teras.', certs: [nib()] },
  { slug: 'kerupuk-ikan', name: 'Kerupuk Ikan Tembokrejo', type: 'perikanan', village: '35.10.05.2003', org: 'koperasi-kedungrejo', owner: 'Ibu Maisaroh', story: 'Ikan tenggiri segar dicampur tapioka, dikukus dan dijemur.', certs: [pirt(700), halal()] },
  { slug: 'rengginang-genteng', name: 'Rengginang Ketan Genteng', type: 'makanan', village: '35.10.09.2002', org: 'koperasi-genteng', owner: 'Ibu Tumini', story: 'Ketan dikukus, dicetak bulat dan dijemur sebelum digoreng.', certs: [pirt(900)] },
  { slug: 'bagiak', name: 'Bagiak Khas Banyuwangi', type: 'makanan', village: '35.10.15.2004', org: 'bumdes-kemiren', owner: 'Ibu Siti Fatimah', story: 'Kue kering sagu dan telur, oleh-oleh khas Banyuwangi yang dipanggang di oven tanah.', certs: [pirt(1000), bpomMd(45)] },
  { slug: 'sirup-buah-naga', name: 'Sirup Buah Naga Genteng', type: 'minuman', village: '35.10.09.2003', org: 'koperasi-genteng', owner: 'Bapak Hariyanto', story: 'Buah naga merah kebun Banyuwangi dimasak menjadi sirup tanpa pewarna.', certs: [pirt(1300), bpomMd(1200)] },
  { slug: 'gula-kelapa-licin', name: 'Gula Kelapa Segobang', type: 'perkebunan', village: '35.10.24.2005', org: 'bumdes-licin', owner: 'Bapak Ponidi', story: 'Nira kelapa disadap sore dan pagi, dimasak di kawah besar.', certs: [nib()] },
  { slug: 'keripik-tempe', name: 'Keripik Tempe Setail', type: 'makanan', village: '35.10.09.2004', org: 'koperasi-genteng', owner: 'Ibu Partini', story: 'Tempe tipis buatan sendiri, dibalut tepung beras berbumbu.', certs: [pirt(-2)] },
  { slug: 'ikan-asap', name: 'Ikan Asap Kedungrejo', type: 'perikanan', village: '35.10.05.2002', org: 'nelayan-kedungrejo', owner: 'Bapak Ridwan', story: 'Tongkol diasap dengan sabut kelapa di rumah asap kelompok.', certs: [nib()] },
  { slug: 'kopi-lanang-jelun', name: 'Kopi Lanang Jelun', type: 'perkebunan', village: '35.10.24.2002', org: 'bumdes-licin', owner: 'Bapak Sunarto', story: 'Biji kopi lanang (peaberry) dipilih tangan dari panen petani Jelun.', certs: [nib(), pirt(1250)] },
  { slug: 'udeng-osing', name: 'Udeng Osing Olehsari', type: 'kerajinan', village: '35.10.15.2005', org: 'bumdes-kemiren', owner: 'Bapak Samsul', story: 'Ikat kepala batik khas Osing, dilipat dan dijahit tangan.', certs: [] },
  // Added last so the phone numbers of the UMKM above stay as they were.
  { slug: 'tenun-sumba', name: 'Tenun Ikat Sumba Mama Rambu', type: 'tenun', village: '53.09.02.2009', org: 'tenun-sangadeto', owner: 'Mama Rambu Ana', story: 'Mama Rambu belajar menenun di Sumba Timur dan kini tinggal di Bajawa. Ia menenun hinggi motif kuda, udang dan mamuli khas Sumba dengan pewarna mengkudu dan nila.', certs: [nib()] },
  { slug: 'toko-tani-radabata', name: 'Toko Tani BUMDes Radabata', type: 'pertanian', village: '53.09.02.2011', org: 'bumdes-sari', owner: 'Bapak Nikolaus Dopo', story: 'Toko sarana tani BUMDes: pupuk, alat tani dan beras petani desa, bisa dipesan lewat agen di kios BUMDes.', certs: [nib()] },
  { slug: 'toko-tani-kemiren', name: 'Toko Tani BUMDes Kemiren', type: 'pertanian', village: '35.10.15.2004', org: 'bumdes-kemiren', owner: 'Bapak Suroso', story: 'Toko sarana tani BUMDes Kemiren untuk petani kopi dan sayur: pupuk, cangkul dan beras.', certs: [nib()] },
];

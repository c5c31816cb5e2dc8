// biome-ignore-all format: a data table, one record per line, reads better than one field per line
// What each demo UMKM sells (keyed by the community seed's UMKM slug), so every product fits
// its producer: Ibu Sari makes gula aren, the Bajawa coffee UMKM roasts arabica, the Sumba
// weaver weaves ikat, the BUMDes shops sell fertiliser and tools. `pic` names the drawing
// (demo-pictures.ts) the product is shown with. The first product of some UMKM is a journey
// product other seeds refer to (`key`).
import type { PictureKind } from './demo-drawings.js';

type V = [label: string, price: number, grams: number];
export interface DemoProduct { title: string; category: string; pic: PictureKind; description: string; variants: V[]; en?: string; key?: string }

const p = (title: string, category: string, pic: PictureKind, description: string, variants: V[], extra: { en?: string; key?: string } = {}): DemoProduct =>
  ({ title, category, pic, description, variants, ...extra });

export const DEMO_PRODUCTS: Record<string, DemoProduct[]> = {
  sari: [
    p('Gula Aren Cetak 500 g', 'gula-aren', 'sugar-block', 'Gula aren cetak dari nira pohon aren yang disadap pagi hari, dimasak di tungku kayu tanpa pengawet.', [['500 g', 25000, 550]],
      { key: 'sari-gula-aren', en: 'Moulded palm sugar from fresh aren sap, cooked over a wood fire, no preservatives.' }),
    p('Gula Aren Batok Kelapa 1 kg', 'gula-aren', 'sugar-block', 'Gula aren dicetak dalam batok kelapa seperti cara nenek, padat dan harum asap tungku.', [['1 kg', 45000, 1050]]),
    p('Gula Semut Aren Ibu Sari', 'gula-aren', 'sugar-powder', 'Gula aren bubuk (gula semut) diayak halus, mudah larut untuk kopi, teh dan kue.', [['250 g', 18000, 280], ['500 g', 32000, 540]]),
    p('Gula Aren Cair Ibu Sari', 'gula-aren', 'syrup-bottle', 'Nira aren dimasak sampai kental seperti sirup, untuk es, bubur dan kolak.', [['250 ml', 22000, 380]]),
  ],
  'kopi-bajawa-beja': [
    p('Kopi Arabika Bajawa Biji Sangrai', 'kopi', 'coffee-sack', 'Kopi arabika Bajawa dari lereng Gunung Inerie, proses basah, sangrai medium. Aroma cokelat dan rempah.', [['250 g', 65000, 300], ['500 g', 120000, 560]],
      { key: 'kopi-bajawa', en: 'Bajawa arabica from the slopes of Mount Inerie, washed, medium roast.' }),
    p('Kopi Arabika Bajawa Bubuk', 'kopi', 'coffee-cup', 'Kopi arabika Bajawa digiling sedang, cocok untuk tubruk dan saring.', [['200 g', 55000, 250]]),
    p('Biji Mentah Arabika Bajawa (Green Bean)', 'kopi', 'green-coffee', 'Biji kopi arabika Bajawa belum disangrai, kadar air 12 %, untuk penyangrai kafe.', [['1 kg', 110000, 1050]]),
    p('Teh Kulit Kopi (Cascara) Bajawa', 'teh-herbal', 'tea', 'Kulit buah kopi arabika Bajawa yang dikeringkan, diseduh seperti teh, rasa buah manis.', [['100 g', 35000, 150]]),
  ],
  'kopi-robusta-waepana': [
    p('Kopi Robusta Soa Biji Sangrai', 'kopi', 'coffee-sack', 'Robusta petik merah dari dataran Soa, disangrai di wajan tanah liat oleh kelompok tani.', [['500 g', 70000, 560]]),
    p('Kopi Robusta Soa Bubuk', 'kopi', 'coffee-cup', 'Robusta Soa digiling halus, pekat untuk kopi tubruk.', [['250 g', 38000, 300]]),
    p('Biji Mentah Robusta Flores', 'kopi', 'green-coffee', 'Biji robusta kering dijemur di para-para bambu, siap sangrai.', [['1 kg', 65000, 1050]]),
  ],
  'tenun-sangadeto': [
    p('Kain Tenun Ikat Motif Kuda Ngada', 'tenun', 'ikat-cloth', 'Kain tenun ikat motif kuda khas Ngada, benang diikat dan dicelup akar mengkudu dan tarum.', [['2 x 1 m', 700000, 800]]),
    p('Selendang Tenun Ikat Ngada', 'tenun', 'ikat-red', 'Selendang tenun ikat motif kuda Ngada, benang katun pewarna alam.', [['180 x 40 cm', 250000, 250]]),
    p('Sarung Tenun Ikat Ngada', 'tenun', 'ikat-cloth', 'Sarung tenun ikat untuk upacara adat, ditenun dengan gedogan.', [['standar', 650000, 700]]),
  ],
  'tenun-bena': [
    p('Kain Tenun Ikat Motif Bena', 'tenun', 'ikat-red', 'Kain tenun dari kampung adat Bena, satu kain selesai tiga minggu di alat tenun gedogan.', [['2 x 1 m', 680000, 800]]),
    p('Syal Tenun Ikat Bena', 'tenun', 'ikat-cloth', 'Syal tenun ikat ringan motif Bena untuk dipakai sehari-hari.', [['150 x 30 cm', 150000, 180]]),
    p('Gelang Tenun Ikat', 'aksesoris', 'ikat-red', 'Gelang dari sisa benang tenun ikat dan manik kayu.', [['satu ukuran', 25000, 50]]),
  ],
  'tenun-sumba': [
    p('Kain Tenun Ikat Motif Sumba', 'tenun', 'ikat-cloth', 'Kain tenun ikat (hinggi) dengan motif kuda dan manusia khas Sumba Timur, pewarna alam mengkudu dan nila, ditenun tiga minggu.', [['2 x 1 m', 750000, 800]],
      { key: 'tenun-sumba', en: 'Hand-woven ikat (hinggi) with East Sumba horse motifs, natural dyes, three weeks on the loom.' }),
    p('Selendang Tenun Ikat Sumba', 'tenun', 'ikat-red', 'Selendang tenun ikat Sumba motif udang dan kuda, benang katun pewarna alam.', [['180 x 45 cm', 275000, 260]]),
    p('Taplak Tenun Ikat Sumba', 'tenun', 'ikat-cloth', 'Taplak meja dari tenun ikat Sumba, motif mamuli.', [['100 x 40 cm', 190000, 220]]),
  ],
  'madu-hutan-soa': [
    p('Madu Hutan Flores', 'madu', 'honey-jar', 'Madu hutan dipanen lestari oleh kelompok pemburu madu Soa tanpa membunuh koloni, tanpa campuran.', [['250 ml', 55000, 450], ['500 ml', 98000, 800]]),
    p('Madu Hutan Soa Botol Kecil', 'madu', 'honey-jar', 'Madu hutan Soa dalam botol 100 ml, cocok untuk oleh-oleh.', [['100 ml', 25000, 200]]),
  ],
  'ikan-asin-wangka': [
    p('Ikan Teri Asin Kering Riung', 'ikan-olahan', 'dried-fish', 'Ikan teri tangkapan nelayan Riung, dijemur di bawah matahari, asin sedang.', [['250 g', 35000, 280]]),
    p('Ikan Tembang Asin Wangka', 'ikan-olahan', 'dried-fish', 'Ikan tembang digarami dan dijemur dua hari di para-para pantai.', [['500 g', 40000, 550]]),
    p('Ikan Kakap Segar Beku Riung', 'ikan-segar', 'fresh-fish', 'Ikan kakap dibekukan di hari tangkapan, untuk pengiriman dekat.', [['1 kg', 85000, 1300]]),
  ],
  'abon-tuna-riung': [
    p('Abon Ikan Tuna Original', 'ikan-olahan', 'paste-jar', 'Tuna segar direbus, disuwir dan disangrai dengan bumbu rempah, tanpa pengawet.', [['100 g', 30000, 150], ['250 g', 70000, 320]]),
    p('Abon Ikan Tuna Pedas', 'ikan-olahan', 'paste-jar', 'Abon tuna dengan cabai rawit Flores, pedas gurih.', [['100 g', 32000, 150]]),
  ],
  'keripik-ubi-keligejo': [
    p('Keripik Ubi Ungu Original', 'keripik', 'chips-bag', 'Ubi ungu kebun sendiri diiris tipis dan digoreng dengan minyak kelapa.', [['200 g', 15000, 230]]),
    p('Keripik Ubi Ungu Balado', 'keripik', 'chips-bag', 'Keripik ubi ungu dengan bumbu balado pedas manis.', [['200 g', 16000, 230]]),
    p('Keripik Singkong Keligejo', 'keripik', 'chips-bag', 'Singkong dari kebun desa, diiris tipis, gurih asin.', [['250 g', 14000, 280]]),
  ],
  'gula-semut-aimere': [
    p('Gula Semut Aren Organik Aimere', 'gula-aren', 'sugar-powder', 'Gula aren kristal dari nira segar, diayak halus, tanpa campuran.', [['250 g', 18000, 280], ['1 kg', 62000, 1050]]),
    p('Gula Semut Aren Jahe', 'gula-aren', 'sugar-powder', 'Gula semut aren dengan jahe merah, tinggal seduh air panas.', [['250 g', 22000, 280]]),
    p('Gula Aren Cetak Aimere', 'gula-aren', 'sugar-block', 'Gula aren cetak bulat dari nira pohon aren di lereng Aimere.', [['500 g', 24000, 550]]),
  ],
  'anyaman-lontar': [
    p('Tikar Anyaman Lontar', 'anyaman', 'mat', 'Tikar dari daun lontar yang dijemur dan dianyam ibu-ibu sepulang dari kebun.', [['150 x 200 cm', 180000, 1500]]),
    p('Tas Anyaman Lontar', 'anyaman', 'basket', 'Tas belanja anyaman lontar, kuat dan ringan, dijahit tangan.', [['sedang', 85000, 300], ['besar', 120000, 420]]),
    p('Bakul Lontar Radabata', 'anyaman', 'basket', 'Bakul lontar untuk nasi atau sirih pinang.', [['diameter 25 cm', 45000, 350]]),
  ],
  'sambal-teri-riung': [
    p('Sambal Teri Riung', 'sambal', 'sambal-jar', 'Teri hasil bagan nelayan Riung diulek dengan cabai rawit kebun.', [['150 g', 25000, 300]]),
    p('Sambal Lu’at Khas Flores', 'sambal', 'sambal-jar', 'Sambal lu’at dari cabai rawit, jeruk nipis dan daun kemangi, pedas segar.', [['150 ml', 22000, 300]]),
  ],
  'mete-soa': [
    p('Kacang Mete Panggang Soa', 'kue-camilan', 'nuts', 'Mete dikupas satu per satu dengan tangan, lalu dipanggang kering tanpa minyak.', [['250 g', 65000, 280]]),
    p('Kacang Mete Bawang Putih', 'kue-camilan', 'nuts', 'Mete Soa digoreng dengan bawang putih, gurih renyah.', [['250 g', 68000, 280]]),
  ],
  'minyak-kemiri': [
    p('Minyak Kemiri Murni Golewa', 'minyak-atsiri', 'oil-bottle', 'Kemiri disangrai dan diperas dingin untuk minyak rambut tradisional.', [['100 ml', 40000, 200]]),
    p('Kemiri Kupas Golewa', 'rempah', 'nuts', 'Kemiri dari kebun desa, dikupas utuh dan dijemur kering.', [['500 g', 40000, 550]]),
  ],
  'kopi-bubuk-radabata': [
    p('Kopi Bubuk Radabata', 'kopi', 'coffee-cup', 'Kopi kebun Radabata disangrai di desa dan digiling halus pada hari pengiriman.', [['250 g', 40000, 300]]),
    p('Kopi Biji Sangrai Radabata', 'kopi', 'coffee-sack', 'Biji kopi kebun Radabata, sangrai gelap untuk kopi tubruk.', [['500 g', 75000, 560]]),
  ],
  'vanili-beja': [
    p('Vanili Kering Grade A Beja', 'rempah', 'pods', 'Polong vanili dilayukan dan diperam tiga bulan sampai harum, panjang 16 cm ke atas.', [['50 g', 120000, 100]]),
    p('Vanili Kering Grade B Beja', 'rempah', 'pods', 'Polong vanili pendek yang sama harumnya, untuk kue rumahan.', [['100 g', 150000, 150]]),
  ],
  'cokelat-aimere': [
    p('Cokelat Batang Kakao Aimere 70 %', 'kue-camilan', 'chocolate', 'Biji kakao difermentasi lima hari, lalu diolah menjadi cokelat batang sederhana.', [['80 g', 35000, 100]]),
    p('Cokelat Batang Susu Aimere', 'kue-camilan', 'chocolate', 'Cokelat batang kakao Aimere dengan susu, manis lembut.', [['80 g', 32000, 100]]),
  ],
  'emping-jagung-soa': [
    p('Emping Jagung Soa', 'kue-camilan', 'crackers', 'Jagung pulut disangrai dan dipipihkan dengan batu, cara turun-temurun.', [['250 g', 18000, 280]]),
    p('Emping Jagung Manis Soa', 'kue-camilan', 'crackers', 'Emping jagung berbalut gula aren, camilan teman kopi.', [['250 g', 20000, 280]]),
  ],
  'teh-kelor': [
    p('Teh Daun Kelor Ngada', 'teh-herbal', 'tea', 'Daun kelor pekarangan dikeringkan di para-para tertutup kasa, dalam kantong celup.', [['20 kantong', 28000, 100]]),
    p('Bubuk Daun Kelor Ngada', 'teh-herbal', 'leaves', 'Daun kelor kering digiling halus untuk campuran minuman dan masakan.', [['100 g', 30000, 130]]),
    p('Teh Kelor Serai', 'teh-herbal', 'tea', 'Daun kelor dan serai kering, seduhan hangat yang segar.', [['20 kantong', 30000, 100]]),
  ],
  'selendang-bajawa': [
    p('Selendang Tenun Bajawa', 'tenun', 'ikat-red', 'Selendang tenun untuk upacara reba, kini juga dikirim ke luar Flores.', [['180 x 40 cm', 240000, 250]]),
    p('Kain Tenun Ikat Bajawa', 'tenun', 'ikat-cloth', 'Kain tenun ikat Bajawa motif kuda, pewarna alam.', [['2 x 1 m', 690000, 800]]),
  ],
  'dodol-rumput-laut': [
    p('Dodol Rumput Laut Riung', 'kue-camilan', 'sweets', 'Rumput laut budidaya Tujuh Belas Pulau dimasak dengan gula aren, dibungkus satu-satu.', [['250 g', 25000, 280]]),
    p('Rumput Laut Kering Riung', 'rumput-laut', 'seaweed', 'Rumput laut dari budidaya pesisir Riung, dikeringkan bersih.', [['500 g', 30000, 550]]),
  ],
  'bambu-golewa': [
    p('Bakul Anyaman Bambu Golewa', 'anyaman', 'basket', 'Bakul bambu aur untuk nasi atau buah, diasap supaya awet.', [['diameter 30 cm', 45000, 500]]),
    p('Tempat Nasi Bambu', 'anyaman', 'basket', 'Tempat nasi anyaman bambu dengan tutup, dikerjakan kelompok desa.', [['sedang', 55000, 600]]),
    p('Tikar Bambu Golewa', 'anyaman', 'mat', 'Tikar dari bilah bambu tipis, dingin dipakai di siang hari.', [['120 x 180 cm', 150000, 2500]]),
  ],
  'kopi-osing-kemiren': [
    p('Kopi Osing Kemiren', 'kopi', 'coffee-cup', 'Kopi robusta Desa Kemiren disangrai di wajan tanah liat seperti tradisi Osing.', [['200 g', 45000, 250]], { key: 'kopi-osing' }),
    p('Kopi Osing Biji Sangrai Tungku', 'kopi', 'coffee-sack', 'Biji robusta Kemiren sangrai tungku, untuk digiling sendiri.', [['500 g', 85000, 560]]),
    p('Kopi Lanang Osing', 'kopi', 'coffee-sack', 'Biji kopi lanang pilihan dari kebun Kemiren, sangrai medium.', [['200 g', 60000, 250]]),
  ],
  'jenang-kemiren': [
    p('Jenang Ketan Kemiren', 'kue-camilan', 'sweets', 'Jenang ketan dan gula kelapa diaduk empat jam di kuali tembaga.', [['500 g', 35000, 550]]),
    p('Wajik Ketan Kemiren', 'kue-camilan', 'sweets', 'Wajik ketan gula merah, dibungkus daun pisang.', [['isi 10', 25000, 450]]),
  ],
  'batik-gajah-oling': [
    p('Kemeja Batik Gajah Oling', 'batik', 'batik-cloth', 'Kemeja batik tulis motif Gajah Oling khas Banyuwangi.', [['M', 225000, 350], ['L', 225000, 370]]),
    p('Kain Batik Tulis Gajah Oling', 'batik', 'batik-cloth', 'Kain batik tulis motif Gajah Oling, motif tertua Banyuwangi.', [['2 x 1,1 m', 350000, 400]]),
  ],
  'ikan-asin-muncar': [
    p('Ikan Lemuru Asin Muncar', 'ikan-olahan', 'dried-fish', 'Lemuru dari pelabuhan Muncar, digarami dan dijemur di tepi Selat Bali.', [['500 g', 30000, 550]]),
    p('Ikan Tongkol Asin Muncar', 'ikan-olahan', 'dried-fish', 'Tongkol belah dijemur dua hari, asin sedang.', [['500 g', 38000, 550]]),
  ],
  'petis-muncar': [
    p('Petis Udang Muncar', 'ikan-olahan', 'paste-jar', 'Kaldu udang dimasak pekat dengan gula merah sampai hitam mengkilap.', [['250 g', 28000, 320]]),
    p('Petis Ikan Muncar', 'ikan-olahan', 'paste-jar', 'Petis dari kaldu ikan tongkol, untuk rujak dan tahu tek.', [['250 g', 22000, 320]]),
  ],
  'terasi-kedungrejo': [
    p('Terasi Udang Rebon Kedungrejo', 'ikan-olahan', 'paste-jar', 'Rebon difermentasi dan ditumbuk, dibungkus daun pisang kering.', [['200 g', 20000, 230]]),
  ],
  'keripik-pisang-genteng': [
    p('Keripik Pisang Kepok Genteng', 'keripik', 'chips-bag', 'Keripik pisang kepok tipis, digoreng dengan minyak kelapa, rasa manis gurih.', [['200 g', 15000, 230]]),
    p('Keripik Pisang Agung Manis', 'keripik', 'chips-bag', 'Pisang agung diiris memanjang dan dibalut gula.', [['250 g', 18000, 280]]),
    p('Sale Pisang Genteng', 'kue-camilan', 'sweets', 'Pisang dijemur sampai manis legit, lalu digoreng tipis.', [['250 g', 20000, 280]]),
  ],
  'sambal-pecel': [
    p('Sambal Pecel Mbok Sum', 'sambal', 'sambal-jar', 'Kacang tanah sangrai diulek dengan kencur dan daun jeruk, resep tiga generasi.', [['250 g', 20000, 300]]),
    p('Sambal Pecel Pedas Mbok Sum', 'sambal', 'sambal-jar', 'Sambal pecel dengan cabai rawit lebih banyak.', [['250 g', 21000, 300]]),
  ],
  'kopi-licin': [
    p('Kopi Robusta Lereng Ijen Biji Sangrai', 'kopi', 'coffee-sack', 'Robusta dari lereng Ijen di 900 mdpl, dipetik merah oleh petani Licin.', [['500 g', 75000, 560]]),
    p('Kopi Robusta Lereng Ijen Bubuk', 'kopi', 'coffee-cup', 'Robusta Ijen digiling sedang, pekat dan cokelat.', [['250 g', 40000, 300]]),
  ],
  'madu-ijen': [
    p('Madu Hutan Ijen', 'madu', 'honey-jar', 'Madu lebah liar dari hutan lereng Ijen, diambil dua kali setahun.', [['250 ml', 60000, 450], ['500 ml', 110000, 800]]),
  ],
  'anyaman-pandan': [
    p('Tikar Pandan Olehsari', 'anyaman', 'mat', 'Tikar dari pandan duri, dianyam sore hari di teras.', [['150 x 200 cm', 160000, 1400]]),
    p('Tas Anyaman Pandan Olehsari', 'anyaman', 'basket', 'Tas anyaman daun pandan, kuat, ringan, dijahit tangan.', [['sedang', 80000, 300]]),
  ],
  'kerupuk-ikan': [
    p('Kerupuk Ikan Tenggiri Mentah', 'ikan-olahan', 'crackers', 'Ikan tenggiri segar dicampur tapioka, dikukus dan dijemur; goreng sendiri di rumah.', [['500 g', 35000, 550]]),
    p('Kerupuk Ikan Tenggiri Siap Makan', 'ikan-olahan', 'crackers', 'Kerupuk ikan tenggiri sudah digoreng, renyah dalam kantong tertutup.', [['200 g', 20000, 230]]),
    p('Kerupuk Udang Tembokrejo', 'ikan-olahan', 'crackers', 'Kerupuk dari udang segar Muncar, mentah untuk digoreng.', [['500 g', 40000, 550]]),
  ],
  'rengginang-genteng': [
    p('Rengginang Ketan Genteng', 'kue-camilan', 'crackers', 'Ketan dikukus, dicetak bulat dan dijemur; goreng sebelum disajikan.', [['250 g', 18000, 280]]),
    p('Rengginang Terasi Genteng', 'kue-camilan', 'crackers', 'Rengginang ketan dengan bumbu terasi, gurih.', [['250 g', 19000, 280]]),
  ],
  bagiak: [
    p('Bagiak Khas Banyuwangi', 'kue-camilan', 'cookies', 'Kue kering sagu dan telur, oleh-oleh khas Banyuwangi yang dipanggang di oven tanah.', [['isi 20', 25000, 300]]),
    p('Bagiak Wijen', 'kue-camilan', 'cookies', 'Bagiak sagu bertabur wijen, renyah dan harum.', [['isi 20', 27000, 300]]),
  ],
  'sirup-buah-naga': [
    p('Sirup Buah Naga Genteng', 'minuman', 'syrup-bottle', 'Buah naga merah kebun Banyuwangi dimasak menjadi sirup tanpa pewarna.', [['500 ml', 35000, 750]]),
    p('Buah Naga Merah Genteng', 'buah', 'fruit', 'Buah naga merah segar dari kebun lahan kering Genteng.', [['2 kg', 40000, 2200]]),
  ],
  'gula-kelapa-licin': [
    p('Gula Kelapa Cetak Segobang', 'gula-aren', 'sugar-block', 'Nira kelapa disadap sore dan pagi, dimasak di kawah besar lalu dicetak.', [['500 g', 18000, 550], ['1 kg', 34000, 1050]]),
  ],
  'keripik-tempe': [
    p('Keripik Tempe Setail', 'keripik', 'chips-bag', 'Tempe tipis buatan sendiri, dibalut tepung beras berbumbu.', [['200 g', 16000, 230]]),
    p('Keripik Tempe Pedas Setail', 'keripik', 'chips-bag', 'Keripik tempe dengan bumbu cabai dan daun jeruk.', [['200 g', 17000, 230]]),
  ],
  'ikan-asap': [
    p('Ikan Tongkol Asap Kedungrejo', 'ikan-olahan', 'smoked-fish', 'Tongkol diasap dengan sabut kelapa di rumah asap kelompok.', [['500 g', 45000, 600]]),
    p('Ikan Pari Asap Kedungrejo', 'ikan-olahan', 'smoked-fish', 'Ikan pari asap, tinggal dimasak mangut.', [['500 g', 50000, 600]]),
  ],
  'kopi-lanang-jelun': [
    p('Kopi Lanang Jelun Biji Sangrai', 'kopi', 'coffee-sack', 'Biji kopi lanang (peaberry) dipilih tangan dari panen petani Jelun.', [['250 g', 65000, 300]]),
    p('Kopi Lanang Jelun Bubuk', 'kopi', 'coffee-cup', 'Kopi lanang Jelun digiling sedang untuk tubruk.', [['200 g', 55000, 250]]),
  ],
  'udeng-osing': [
    p('Udeng Osing Batik Gajah Oling', 'aksesoris', 'headcloth', 'Ikat kepala batik khas Osing, dilipat dan dijahit tangan.', [['satu ukuran', 65000, 120]]),
    p('Udeng Osing Polos Hitam', 'aksesoris', 'headcloth', 'Udeng Osing hitam untuk acara adat dan sehari-hari.', [['satu ukuran', 55000, 120]]),
  ],
  'toko-tani-radabata': [
    p('Pupuk Organik Kompos 25 kg', 'pupuk', 'fertiliser-sack', 'Kompos dari kotoran ternak dan daun, diolah kelompok tani desa, untuk sawah dan kebun.', [['25 kg', 35000, 25500]], { key: 'pupuk' }),
    p('Pupuk NPK 16-16-16 Non-Subsidi', 'pupuk', 'fertiliser-sack', 'Pupuk NPK majemuk non-subsidi, dijual eceran oleh toko tani BUMDes.', [['5 kg', 75000, 5100], ['25 kg', 340000, 25200]]),
    p('Cangkul Baja Tempa', 'alat-tani', 'hoe', 'Cangkul baja tempa pandai besi Bajawa dengan gagang kayu, siap pakai.', [['standar', 95000, 2200]], { key: 'cangkul' }),
    p('Pisau Bajak Traktor Tangan (1 set)', 'alat-tani', 'tractor-blade', 'Satu set pisau rotari pengganti untuk traktor tangan (hand tractor) ukuran umum.', [['isi 6', 280000, 4500]]),
    p('Beras Merah Organik Ngada', 'beras', 'rice-sack', 'Beras merah dari sawah tadah hujan tanpa pestisida kimia, digiling saat dipesan.', [['1 kg', 28000, 1050], ['5 kg', 130000, 5100]], { key: 'beras' }),
    p('Beras Putih Lokal Ngada 10 kg', 'beras', 'rice-sack', 'Beras putih dari petani desa, digiling di penggilingan BUMDes.', [['10 kg', 135000, 10200]]),
  ],
  'toko-tani-kemiren': [
    p('Pupuk Kandang Fermentasi 20 kg', 'pupuk', 'fertiliser-sack', 'Pupuk kandang kambing yang difermentasi, tidak berbau, untuk sayur dan kebun.', [['20 kg', 30000, 20500]]),
    p('Pupuk Organik Cair Kemiren', 'pupuk', 'oil-bottle', 'Pupuk organik cair dari limbah dapur dan daun, diencerkan sebelum disiram.', [['1 liter', 25000, 1100]]),
    p('Cangkul Pandai Besi Kemiren', 'alat-tani', 'hoe', 'Cangkul buatan pandai besi desa, baja per bekas, tajam dan awet.', [['standar', 90000, 2100]]),
    p('Beras Pandan Wangi Kemiren 5 kg', 'beras', 'rice-sack', 'Beras pulen wangi pandan hasil kelompok tani Kemiren.', [['5 kg', 85000, 5100]]),
  ],
};

/** Alt text of a demo product's picture: it says plainly it is an illustration, not a photo. */
export const demoAlt = (title: string) => `Ilustrasi demo (gambar, bukan foto produk): ${title}`;

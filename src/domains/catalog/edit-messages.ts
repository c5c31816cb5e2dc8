// Messages of photo management and of edits that send a product back to review (Bahasa first,
// English second). Kept apart from messages.ts so that file stays one screenful per language.
import type { MessageTable } from '../../kernel/domain/index.js';
import type { ErrorSpec } from '../../kernel/errors/index.js';

export const catalogEditErrors: Record<string, ErrorSpec> = {
  CATALOG_PHOTO_NOT_FOUND: { status: 404, message: 'catalog.err.photo_not_found' },
};

export const catalogEditMessages: MessageTable = {
  id: {
    'catalog.err.photo_not_found': 'Foto tidak ditemukan pada produk ini.',
    'catalog.v.position': 'Posisi foto harus bilangan bulat 0 sampai {max}.',
    'catalog.photo.cover': 'Sampul',
    'catalog.photo.position': 'Foto {n}',
    'catalog.photo.up': 'Geser foto {n} ke kiri',
    'catalog.photo.down': 'Geser foto {n} ke kanan',
    'catalog.photo.make_cover': 'Jadikan sampul',
    'catalog.photo.make_cover_label': 'Jadikan foto {n} sampul',
    'catalog.photo.delete': 'Hapus',
    'catalog.photo.delete_confirm': 'Hapus foto ini? File foto ikut dihapus.',
    'catalog.photo.delete_label': 'Hapus foto {n}',
    'catalog.photo.cover_hint': 'Foto pertama menjadi sampul produk di toko dan halaman produk.',
    'catalog.photo.deleted': 'Foto dihapus.',
    'catalog.photo.moved': 'Urutan foto disimpan.',
    'catalog.review.back':
      'Perubahan tersimpan. Karena isi yang sudah dinilai berubah, produk tidak tayang dulu dan masuk penilaian ulang (putaran baru). Produk tayang lagi setelah penilai menyetujuinya.',
    'catalog.review.warning':
      'Produk ini sedang tayang. Mengubah judul, deskripsi, kategori, harga, berat, nama varian, menambah varian atau foto, atau menghapus foto terakhir membuat produk turun tayang sampai dinilai ulang. Mengubah stok dan urutan foto tidak.',
  },
  en: {
    'catalog.err.photo_not_found': 'Photo not found on this product.',
    'catalog.v.position': 'The photo position must be a whole number from 0 to {max}.',
    'catalog.photo.cover': 'Cover',
    'catalog.photo.position': 'Photo {n}',
    'catalog.photo.up': 'Move photo {n} left',
    'catalog.photo.down': 'Move photo {n} right',
    'catalog.photo.make_cover': 'Make cover',
    'catalog.photo.make_cover_label': 'Make photo {n} the cover',
    'catalog.photo.delete': 'Delete',
    'catalog.photo.delete_confirm': 'Delete this photo? Its files are deleted too.',
    'catalog.photo.delete_label': 'Delete photo {n}',
    'catalog.photo.cover_hint':
      'The first photo is the product’s cover in the shop and on the product page.',
    'catalog.photo.deleted': 'Photo deleted.',
    'catalog.photo.moved': 'Photo order saved.',
    'catalog.review.back':
      'Saved. Because content a reviewer judged has changed, the product is off the market and back in review (a new round). It is listed again once a reviewer approves it.',
    'catalog.review.warning':
      'This product is listed. Changing the title, description, category, a price, weight or variant name, adding a variant or photo, or deleting the last photo takes it off the market until it is reviewed again. Stock changes and photo order do not.',
  },
};

// Messages of notifications (Bahasa Indonesia first, English second). The `text.*` keys are
// the short sentences people receive (inbox, SMS); WhatsApp uses approved templates with the
// same parameters (compose.ts PARAM_ORDER).
import type { MessageTable } from '../../kernel/domain/index.js';

export const notificationsMessages: MessageTable = {
  id: {
    'notifications.nav': 'Kotak masuk',
    'notifications.nav.log': 'Log notifikasi',
    'notifications.title': 'Kotak masuk',
    'notifications.unread': '{n} belum dibaca',
    'notifications.empty': 'Belum ada pemberitahuan.',
    'notifications.open': 'Buka',
    'notifications.new': 'Baru',
    'notifications.mark_read': 'Tandai sudah dibaca',
    'notifications.mark_all': 'Tandai semua sudah dibaca',
    'notifications.prefs_link': 'Atur WhatsApp, SMS dan jam tenang',
    'notifications.panel.title': 'Pemberitahuan',
    'notifications.panel.unread': 'Ada {n} pemberitahuan belum dibaca.',
    'notifications.panel.none': 'Tidak ada pemberitahuan baru.',
    'notifications.text.order_placed': 'Pesanan baru {number}.',
    'notifications.text.order_cancelled': 'Pesanan {number} dibatalkan.',
    'notifications.text.payment_received': 'Pembayaran pesanan {number} sudah diterima.',
    'notifications.text.ready_for_pickup':
      'Pesanan {number} siap diambil di titik layanan. Kode ambil: {code}.',
    'notifications.text.parcel_at_point':
      'Paket pesanan {number} sudah tiba di titik layanan Anda dan menunggu diambil pembeli.',
    'notifications.text.incentive_issued': 'Laporan insentif baru sudah terbit.',
    'notifications.text.certificate_expiring':
      'Sertifikat {certificate} UMKM berakhir dalam {days} hari ({date}). Perpanjang sebelum habis.',
    'notifications.text.review_passed': 'Produk {product} lolos tinjauan dan sudah tayang di toko.',
    'notifications.text.review_changes':
      'Produk {product} perlu perbaikan: {tasks} tugas dari peninjau. Lihat tugasnya.',
    'notifications.text.tasks_assigned':
      'Anda ditunjuk mendampingi {tasks} tugas perbaikan produk {product}.',
    'notifications.text.group_buy_succeeded':
      'Patungan {title} berhasil. Pesanan Anda sudah dibuat; silakan bayar dan ambil di titik layanan.',
    'notifications.text.group_buy_failed':
      'Patungan {title} tidak mencapai target. Komitmen Anda dilepas, tidak ada tagihan.',
    'notifications.text.cycle_pickup':
      'Besok ambil pesanan {number} di titik layanan, {date} pukul {from}–{to}.',
    'notifications.text.payout_issued':
      'Pembayaran penjualan {amount} sudah ditransfer BUMDes ke rekening UMKM Anda.',
    'notifications.text.farmer_statement':
      'Pernyataan pembayaran panen {number} terbit: {amount} dibayarkan kepada Anda.',
    'notifications.text.training_session': 'Pengingat: pelatihan {course} besok, {at}, di {place}.',
    'notifications.prefs.title': 'Pengaturan pemberitahuan',
    'notifications.prefs.intro':
      'Kotak masuk di Lumbung selalu aktif. Pilih juga WhatsApp atau SMS bila Anda ingin pesan singkat ke nomor Anda.',
    'notifications.prefs.channels': 'Saluran',
    'notifications.prefs.inbox': 'Kotak masuk (selalu aktif)',
    'notifications.prefs.whatsapp': 'WhatsApp',
    'notifications.prefs.sms': 'SMS',
    'notifications.prefs.phone': 'Pesan dikirim ke nomor di akun Anda, berakhiran {tail}.',
    'notifications.prefs.no_phone':
      'Akun Anda belum punya nomor HP, jadi hanya kotak masuk yang bisa dipakai.',
    'notifications.prefs.quiet': 'Jam tenang ({zone})',
    'notifications.prefs.quiet_hint':
      'Pesan WhatsApp dan SMS yang jatuh pada jam ini dikirim setelah jam tenang selesai. Sama = tanpa jam tenang.',
    'notifications.prefs.quiet_from': 'Mulai pukul',
    'notifications.prefs.quiet_to': 'Selesai pukul',
    'notifications.prefs.save': 'Simpan',
    'notifications.prefs.saved': 'Pengaturan disimpan.',
    'notifications.err.hour': 'Pilih jam antara 00 dan 23.',
    'notifications.err.no_phone': 'WhatsApp dan SMS butuh nomor HP di akun Anda.',
    'notifications.err.bad_signature': 'Tanda tangan callback tidak sah.',
    'notifications.log.title': 'Log pengiriman notifikasi',
    'notifications.log.intro':
      'Pesan WhatsApp dan SMS kepada orang dalam cakupan Anda, terbaru di atas. Nomor HP dan isi pesan tidak ditampilkan.',
    'notifications.log.empty': 'Belum ada pengiriman.',
    'notifications.log.status_filter': 'Status',
    'notifications.log.any_status': 'Semua status',
    'notifications.log.filter': 'Saring',
    'notifications.log.at': 'Waktu',
    'notifications.log.recipient': 'Penerima',
    'notifications.log.kind': 'Jenis',
    'notifications.log.channel': 'Saluran',
    'notifications.log.status': 'Status',
    'notifications.log.attempts': 'Percobaan',
    'notifications.log.error': 'Kesalahan terakhir',
    'notifications.kind.order_placed': 'Pesanan baru',
    'notifications.kind.order_cancelled': 'Pesanan dibatalkan',
    'notifications.kind.payment_received': 'Pembayaran diterima',
    'notifications.kind.ready_for_pickup': 'Siap diambil',
    'notifications.kind.parcel_at_point': 'Paket tiba di titik',
    'notifications.kind.incentive_issued': 'Laporan insentif',
    'notifications.kind.certificate_expiring': 'Sertifikat segera berakhir',
    'notifications.kind.review_passed': 'Tinjauan lolos',
    'notifications.kind.review_changes': 'Perlu perbaikan',
    'notifications.kind.tasks_assigned': 'Tugas pendampingan',
    'notifications.kind.group_buy_succeeded': 'Patungan berhasil',
    'notifications.kind.group_buy_failed': 'Patungan gagal',
    'notifications.kind.cycle_pickup': 'Pengingat ambil pesanan',
    'notifications.kind.payout_issued': 'Pembayaran penjualan',
    'notifications.kind.farmer_statement': 'Pernyataan pembayaran panen',
    'notifications.kind.training_session': 'Pengingat pelatihan',
    'notifications.status.queued': 'Menunggu',
    'notifications.status.sent': 'Terkirim',
    'notifications.status.delivered': 'Sampai',
    'notifications.status.read': 'Dibaca',
    'notifications.status.failed': 'Gagal',
    'notifications.status.skipped': 'Tidak dikirim',
    'notifications.channel.whatsapp': 'WhatsApp',
    'notifications.channel.sms': 'SMS',
  },
  en: {
    'notifications.nav': 'Inbox',
    'notifications.nav.log': 'Notification log',
    'notifications.title': 'Inbox',
    'notifications.unread': '{n} unread',
    'notifications.empty': 'No notifications yet.',
    'notifications.open': 'Open',
    'notifications.new': 'New',
    'notifications.mark_read': 'Mark as read',
    'notifications.mark_all': 'Mark all as read',
    'notifications.prefs_link': 'Set WhatsApp, SMS and quiet hours',
    'notifications.panel.title': 'Notifications',
    'notifications.panel.unread': 'You have {n} unread notifications.',
    'notifications.panel.none': 'No new notifications.',
    'notifications.text.order_placed': 'New order {number}.',
    'notifications.text.order_cancelled': 'Order {number} was cancelled.',
    'notifications.text.payment_received': 'Payment for order {number} was received.',
    'notifications.text.ready_for_pickup':
      'Order {number} is ready for pickup at the service point. Pickup code: {code}.',
    'notifications.text.parcel_at_point':
      'The parcel of order {number} arrived at your service point and waits for the buyer.',
    'notifications.text.incentive_issued': 'A new incentive statement was issued.',
    'notifications.text.certificate_expiring':
      'The UMKM’s {certificate} certificate expires in {days} days ({date}). Renew it before then.',
    'notifications.text.review_passed':
      'Product {product} passed its review and is now listed in the shop.',
    'notifications.text.review_changes':
      'Product {product} needs changes: {tasks} tasks from the reviewer. See the tasks.',
    'notifications.text.tasks_assigned':
      'You were named mentor for {tasks} improvement tasks of product {product}.',
    'notifications.text.group_buy_succeeded':
      'Group buy {title} succeeded. Your order was placed; pay and collect it at the service point.',
    'notifications.text.group_buy_failed':
      'Group buy {title} did not reach its target. Your commitment was released; nothing is charged.',
    'notifications.text.cycle_pickup':
      'Tomorrow collect order {number} at the service point, {date} from {from} to {to}.',
    'notifications.text.payout_issued':
      'The BUMDes transferred a sales payout of {amount} to your UMKM’s account.',
    'notifications.text.farmer_statement':
      'Harvest payment statement {number} was issued: {amount} paid to you.',
    'notifications.text.training_session':
      'Reminder: training {course} tomorrow, {at}, at {place}.',
    'notifications.prefs.title': 'Notification settings',
    'notifications.prefs.intro':
      'Your Lumbung inbox is always on. Choose WhatsApp or SMS too if you want short messages to your number.',
    'notifications.prefs.channels': 'Channels',
    'notifications.prefs.inbox': 'Inbox (always on)',
    'notifications.prefs.whatsapp': 'WhatsApp',
    'notifications.prefs.sms': 'SMS',
    'notifications.prefs.phone': 'Messages go to the number on your account, ending in {tail}.',
    'notifications.prefs.no_phone':
      'Your account has no mobile number, so only the inbox can be used.',
    'notifications.prefs.quiet': 'Quiet hours ({zone})',
    'notifications.prefs.quiet_hint':
      'WhatsApp and SMS messages due in these hours are sent when quiet hours end. Equal = no quiet hours.',
    'notifications.prefs.quiet_from': 'From',
    'notifications.prefs.quiet_to': 'Until',
    'notifications.prefs.save': 'Save',
    'notifications.prefs.saved': 'Settings saved.',
    'notifications.err.hour': 'Choose an hour between 00 and 23.',
    'notifications.err.no_phone': 'WhatsApp and SMS need a mobile number on your account.',
    'notifications.err.bad_signature': 'The callback signature is not valid.',
    'notifications.log.title': 'Notification delivery log',
    'notifications.log.intro':
      'WhatsApp and SMS messages to people in your scope, newest first. Phone numbers and message texts are not shown.',
    'notifications.log.empty': 'No deliveries yet.',
    'notifications.log.status_filter': 'Status',
    'notifications.log.any_status': 'Any status',
    'notifications.log.filter': 'Filter',
    'notifications.log.at': 'Time',
    'notifications.log.recipient': 'Recipient',
    'notifications.log.kind': 'Kind',
    'notifications.log.channel': 'Channel',
    'notifications.log.status': 'Status',
    'notifications.log.attempts': 'Attempts',
    'notifications.log.error': 'Last error',
    'notifications.kind.order_placed': 'New order',
    'notifications.kind.order_cancelled': 'Order cancelled',
    'notifications.kind.payment_received': 'Payment received',
    'notifications.kind.ready_for_pickup': 'Ready for pickup',
    'notifications.kind.parcel_at_point': 'Parcel at the point',
    'notifications.kind.incentive_issued': 'Incentive statement',
    'notifications.kind.certificate_expiring': 'Certificate expiring',
    'notifications.kind.review_passed': 'Review passed',
    'notifications.kind.review_changes': 'Changes needed',
    'notifications.kind.tasks_assigned': 'Mentoring tasks',
    'notifications.kind.group_buy_succeeded': 'Group buy succeeded',
    'notifications.kind.group_buy_failed': 'Group buy failed',
    'notifications.kind.cycle_pickup': 'Pickup reminder',
    'notifications.kind.payout_issued': 'Sales payout',
    'notifications.kind.farmer_statement': 'Harvest payment statement',
    'notifications.kind.training_session': 'Training reminder',
    'notifications.status.queued': 'Waiting',
    'notifications.status.sent': 'Sent',
    'notifications.status.delivered': 'Delivered',
    'notifications.status.read': 'Read',
    'notifications.status.failed': 'Failed',
    'notifications.status.skipped': 'Not sent',
    'notifications.channel.whatsapp': 'WhatsApp',
    'notifications.channel.sms': 'SMS',
  },
};

export const notificationsErrors = {
  NOTIFICATIONS_BAD_SIGNATURE: { status: 401, message: 'notifications.err.bad_signature' },
};

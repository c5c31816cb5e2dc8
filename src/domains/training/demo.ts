// The training part of the demo world: the course catalogue, a year of sessions in the demo
// regencies with attendance, certificates and before/after assessments, regency targets, and
// mentors with caseloads and contact logs (Ibu Dewi's twelve UMKM, Sari's first). History rows
// are bulk-inserted in one transaction (demo, is_demo = 1) so the seed stays fast; the live
// steps a demo visitor repeats (assigning, logging a visit) go through the services.
import { newId } from '../../kernel/ids/index.js';
import { inTransaction, type Db } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import { umkmInRegion } from '../community/index.js';
import { villageCodesIn } from '../regions/index.js';
import {
  createCourse,
  createSession,
  certificateCode,
  type NewCourse,
} from './sessions.service.js';
import { assignMentor, logContact } from './mentoring.service.js';
import { setTarget } from './kpis.js';
import { round2 } from './question-bank.js';

const COURSES: NewCourse[] = [
  {
    title: 'Jualan Online lewat WhatsApp',
    topic: 'selling_online',
    level: 'basic',
    durationMinutes: 180,
    language: 'id',
    materials:
      'Katalog WhatsApp Business: foto, harga, berat, cara pesan.\n\nMembalas pembeli dalam satu jam, menyimpan pesanan di Lumbung, menyerahkan paket ke titik layanan desa.',
  },
  {
    title: 'Literasi Digital Dasar untuk UMKM',
    topic: 'digital_literacy',
    level: 'basic',
    durationMinutes: 120,
    language: 'id',
    materials:
      'Memasang aplikasi, mencari informasi, memeriksa kebenaran kabar.\n\nEmpat pilar: cakap, etika, aman dan budaya digital.',
  },
  {
    title: 'Aman Bertransaksi di Internet',
    topic: 'digital_literacy',
    focusPillar: 'safety',
    level: 'basic',
    durationMinutes: 90,
    language: 'id',
    materials:
      'Jangan bagikan OTP dan PIN. Kenali penipuan hadiah dan tautan palsu. Kata sandi kuat untuk akun penting.',
  },
  {
    title: 'Etika Berjualan di Media Sosial',
    topic: 'digital_literacy',
    focusPillar: 'ethics',
    level: 'basic',
    durationMinutes: 90,
    language: 'id',
    materials:
      'Deskripsi jujur: berat, bahan, tanggal kedaluwarsa. Foto milik sendiri. Menanggapi keluhan dengan sopan.',
  },
  {
    title: 'Foto Produk dengan HP',
    topic: 'product_photography',
    level: 'basic',
    durationMinutes: 120,
    language: 'id',
    materials:
      'Cahaya dari jendela, latar polos, tiga sudut: depan, samping, kemasan dengan label.\n\nFoto tajam: lap lensa, pegang HP dengan dua tangan.',
  },
  {
    title: 'Kemasan dan Label yang Layak Jual',
    topic: 'packaging_labeling',
    level: 'basic',
    durationMinutes: 150,
    language: 'id',
    materials:
      'Standing pouch dengan segel, label: nama produk, berat bersih, komposisi, nomor PIRT, tanggal kedaluwarsa, alamat produsen.',
  },
  {
    title: 'Menghitung Harga Pokok dan Pembukuan Sederhana',
    topic: 'pricing_bookkeeping',
    level: 'basic',
    durationMinutes: 150,
    language: 'id',
    materials:
      'Biaya bahan, tenaga, kemasan dan ongkos ke titik layanan. Buku kas harian. Harga jual = biaya + margin.',
  },
  {
    title: 'Melayani Pembeli lewat WhatsApp',
    topic: 'customer_service_whatsapp',
    level: 'intermediate',
    durationMinutes: 90,
    language: 'id',
    materials: 'Balasan cepat tersimpan, label pesanan, konfirmasi pembayaran, kabar pengiriman.',
  },
  {
    title: 'Mengurus NIB, PIRT dan Sertifikat Halal',
    topic: 'certification',
    level: 'basic',
    durationMinutes: 180,
    language: 'id',
    materials:
      'NIB lewat OSS, PIRT di Dinas Kesehatan kabupaten, halal self-declare lewat pendamping PPH.',
  },
];

const NAMES = [
  'Maria Goreti',
  'Yosefina Dhiu',
  'Agustinus Lado',
  'Theresia Ngole',
  'Fransiskus Bhara',
  'Elisabeth Wea',
  'Paulus Sina',
  'Kristina Meo',
  'Siti Aminah',
  'Rina Wulandari',
  'Bambang Sutrisno',
  'Dewi Lestari',
  'Slamet Riyadi',
  'Yuliana Safitri',
  'Hendra Gunawan',
  'Nur Hidayah',
  'Agus Salim',
  'Sri Rahayu',
  'Budi Santoso',
  'Lina Marlina',
];

/** A small deterministic generator so the demo is the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export interface DemoPeople {
  admin: Actor;
  maria: Actor;
  dewi: Actor;
  trainers: Record<string, Actor>;
  mentors: Record<string, Actor>;
}

/** Seeds the training demo for the given regencies; returns refs worth sharing. */
export async function seedTrainingDemo(
  db: Db,
  people: DemoPeople,
  regencies: string[],
  sariUmkmId?: string,
): Promise<Record<string, string>> {
  const refs: Record<string, string> = {};
  const courseIds: string[] = [];
  for (const c of COURSES) courseIds.push(unwrap(await createCourse(db, people.admin, c, true)));
  refs['course:whatsapp'] = courseIds[0];
  const rand = rng(2026);
  const now = Date.now();
  const year = new Date().getUTCFullYear();

  for (const regency of regencies) {
    const villages = (await villageCodesIn(db, regency)).slice(0, 400);
    if (villages.length === 0) continue;
    const umkm = await umkmInRegion(db, regency, 200);
    const trainer = people.trainers[regency];
    const sessions: {
      id: string;
      region: string;
      startsAt: string;
      capacity: number;
      courseId: string;
    }[] = [];
    // Ten past sessions, roughly monthly over the last year, in villages and kecamatan.
    for (let i = 0; i < 10; i++) {
      const village = villages[Math.floor(rand() * villages.length)];
      const region = i % 3 === 0 ? village.slice(0, 8) : village;
      const startsAt =
        new Date(now - (340 - i * 33) * 86_400_000).toISOString().slice(0, 11) + '01:00:00.000Z';
      sessions.push({
        id: newId('tss'),
        region,
        startsAt,
        capacity: 25,
        courseId: courseIds[i % courseIds.length],
      });
    }
    await inTransaction(db, async (tx) => {
      await tx
        .insertInto('training_sessions')
        .values(
          sessions.map((s) => ({
            id: s.id,
            course_id: s.courseId,
            region_code: s.region,
            place: s.region.length === 8 ? 'Aula kantor camat' : 'Balai desa',
            starts_at: s.startsAt,
            trainer_user_id: trainer?.userId ?? null,
            capacity: s.capacity,
            registered: 0,
            status: 'completed',
            completed_at: s.startsAt,
            is_demo: 1,
            created_at: s.startsAt,
          })),
        )
        .execute();
      for (const [si, s] of sessions.entries()) {
        const n = 14 + Math.floor(rand() * 10);
        const participants = Array.from({ length: n }, (_, k) => {
          const u = umkm.length ? umkm[(si * 7 + k) % umkm.length] : null;
          const kind =
            u && k % 5 !== 4
              ? ('umkm_owner' as const)
              : k % 2
                ? ('agent' as const)
                : ('community_manager' as const);
          const attended = rand() < 0.87 ? 1 : 0;
          return {
            id: newId('tpt'),
            session_id: s.id,
            kind,
            full_name:
              (kind === 'umkm_owner' && u?.owner_name) || NAMES[(si * 3 + k) % NAMES.length],
            umkm_id: kind === 'umkm_owner' ? (u?.id ?? null) : null,
            user_id: null,
            attended,
            attended_marked_at: s.startsAt,
            completed: attended,
            certificate_code: attended ? certificateCode() : null,
            certificate_issued_at: attended ? s.startsAt : null,
            registered_at: s.startsAt,
          };
        });
        await tx.insertInto('session_participants').values(participants).execute();
        await tx
          .updateTable('training_sessions')
          .set({ registered: n })
          .where('id', '=', s.id)
          .execute();
        const assessments = participants
          .filter((p) => p.attended)
          .flatMap((p) => {
            const base = {
              skills: 2.3 + rand() * 1.4,
              ethics: 2.8 + rand() * 1.2,
              safety: 2.1 + rand() * 1.4,
              culture: 2.9 + rand() * 1.1,
            };
            const row = (phase: 'before' | 'after', lift: number) => ({
              id: newId('dla'),
              participant_id: p.id,
              session_id: s.id,
              umkm_id: p.umkm_id,
              region_code: s.region,
              phase,
              skills: round2(Math.min(5, base.skills + lift * (0.6 + rand() * 0.4))),
              ethics: round2(Math.min(5, base.ethics + lift * 0.5)),
              safety: round2(Math.min(5, base.safety + lift * (0.7 + rand() * 0.5))),
              culture: round2(Math.min(5, base.culture + lift * 0.3)),
              answers: '{}',
              assessed_by: trainer?.userId ?? null,
              assessed_at: s.startsAt,
              is_demo: 1,
            });
            return [row('before', 0), row('after', 0.6)];
          });
        if (assessments.length) await tx.insertInto('assessments').values(assessments).execute();
      }
    });
    unwrap(await setTarget(db, people.admin, regency, year, 3000));
    refs[`session:${regency}:past`] = sessions.at(-1)!.id;
  }

  // Bu Maria's next session: "Jualan Online lewat WhatsApp", registered, attendance still to take.
  const mariaRegion = people.maria.grants[0].regionCode!;
  const [village] = await villageCodesIn(db, mariaRegion);
  if (village) {
    const startsAt = new Date(now + 2 * 86_400_000).toISOString().slice(0, 11) + '01:00:00.000Z';
    const sid = unwrap(
      await createSession(
        db,
        people.maria,
        {
          courseId: courseIds[0],
          regionCode: village,
          place: 'Balai Desa',
          startsAt,
          capacity: 20,
        },
        true,
      ),
    );
    const local = await umkmInRegion(db, mariaRegion, 8);
    const names = local.length
      ? local.map((u) => ({ name: u.owner_name ?? NAMES[0], umkm: u.id }))
      : NAMES.slice(0, 8).map((name) => ({ name, umkm: null }));
    await inTransaction(db, async (tx) => {
      await tx
        .insertInto('session_participants')
        .values(
          names.map((x) => ({
            id: newId('tpt'),
            session_id: sid,
            kind: x.umkm ? ('umkm_owner' as const) : ('agent' as const),
            full_name: x.name,
            umkm_id: x.umkm,
            user_id: null,
            attended: 0,
            attended_marked_at: null,
            completed: 0,
            certificate_code: null,
            certificate_issued_at: null,
            registered_at: new Date().toISOString(),
          })),
        )
        .execute();
      await tx
        .updateTable('training_sessions')
        .set({ registered: names.length })
        .where('id', '=', sid)
        .execute();
    });
    refs['session:maria:next'] = sid;
  }

  // Mentors: Ibu Dewi takes twelve UMKM of Ngada (Sari's first); others share the rest.
  for (const [regency, mentor] of Object.entries(people.mentors)) {
    let list = (await umkmInRegion(db, regency, 12)).map((r) => r.id);
    if (sariUmkmId && mentor === people.dewi)
      list = [sariUmkmId, ...list.filter((x) => x !== sariUmkmId)].slice(0, 12);
    for (const [i, umkmId] of list.entries()) {
      unwrap(await assignMentor(db, people.admin, umkmId, mentor.userId, true));
      // Contact history: most visited recently, a few quiet for over 30 days, some with overdue actions.
      const lastDaysAgo = i % 4 === 3 ? 35 + i : 3 + i * 2;
      const day = (d: number) => new Date(now - d * 86_400_000).toISOString().slice(0, 10);
      unwrap(
        await logContact(
          db,
          mentor,
          umkmId,
          {
            contactedOn: day(lastDaysAgo + 30),
            mode: 'visit',
            notes: 'Kunjungan awal: melihat produksi dan kemasan.',
            actions: [
              { description: 'Foto ulang produk dengan latar polos', dueOn: day(lastDaysAgo + 20) },
            ],
          },
          true,
        ),
      );
      unwrap(
        await logContact(
          db,
          mentor,
          umkmId,
          {
            contactedOn: day(lastDaysAgo),
            mode: i % 2 ? 'call' : 'whatsapp',
            notes: 'Membahas pesanan pertama dan label kedaluwarsa.',
            actions:
              i % 3 === 0
                ? [{ description: 'Daftar PIRT di Dinas Kesehatan', dueOn: day(lastDaysAgo - 7) }]
                : [],
          },
          true,
        ),
      );
    }
    refs[`mentor:${regency}:caseload`] = String(list.length);
  }
  // Earlier actions done, so what stays open is what matters today.
  await db
    .updateTable('mentoring_actions')
    .set({ done_at: new Date(now - 10 * 86_400_000).toISOString() })
    .where('description', '=', 'Foto ulang produk dengan latar polos')
    .execute();
  return refs;
}

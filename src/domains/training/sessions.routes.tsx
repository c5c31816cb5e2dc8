// Pages of courses, sessions, attendance, assessments and the public certificate.
import { Hono, type Context } from 'hono';
import { qrCodeSvg } from '../../kernel/qr/index.js';
import { t, zoneForRegion, formatNumber } from '../../kernel/i18n/index.js';
import { page, readForm, requireActor, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError, errorSpec } from '../../kernel/errors/index.js';
import { regionScope } from '../../kernel/auth/index.js';
import type { Result } from '../../kernel/errors/index.js';
import {
  assessmentForm,
  attendanceForm,
  courseForm,
  participantForm,
  sessionForm,
} from './training.schema.js';
import {
  certificateByCode,
  completeSession,
  createCourse,
  createSession,
  getCourse,
  getSession,
  listCourses,
  listSessions,
  participantsOf,
  recordAttendance,
  registerParticipant,
  TRAINING_STAFF,
} from './sessions.service.js';
import { questionBank, saveAssessment } from './assessment.service.js';
import { placeChoices, isPickerSearch } from '../regions/index.js';
import { managedUmkm } from '../community/index.js';
import {
  CourseForm,
  CoursePage,
  SessionForm,
  SessionPage,
  TrainingHome,
} from './sessions.views.js';
import {
  AssessmentPage,
  AttendancePage,
  CertificateLookup,
  CertificatePage,
} from './attendance.views.js';

type C = Context<AppEnv>;
const OFFSET_HOURS = { WIB: 7, WITA: 8, WIT: 9 } as const;

/** A `datetime-local` value typed in the session's zone → the UTC instant stored. */
export function localToUtc(regionCode: string, local: string): string {
  const [d, hm] = local.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [h, min] = hm.split(':').map(Number);
  return new Date(
    Date.UTC(y, m - 1, day, h - OFFSET_HOURS[zoneForRegion(regionCode)], min),
  ).toISOString();
}

/** A failed Result's message in the user's language; scope failures leave the request. */
export function failureText(c: C, r: Extract<Result<unknown>, { ok: false }>): string {
  if (r.code === 'FORBIDDEN' || r.code === 'NOT_FOUND') throw new AppError(r.code);
  return t(c.get('locale'), errorSpec(r.code).message, r.params ?? {});
}

/** Field messages of a failed Result, translated. */
export function failureFields(
  c: C,
  r: Extract<Result<unknown>, { ok: false }>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(r.fields ?? {}).map(([k, v]) => [k, t(c.get('locale'), v.key, v.params)]),
  );
}

async function sessionOr404(c: C) {
  const actor = requireRole(c, ...TRAINING_STAFF);
  const s = await getSession(c.get('deps').h.db, actor, c.req.param('id')!);
  if (!s) throw new AppError('NOT_FOUND');
  return { actor, s };
}

async function umkmChoices(c: C) {
  const actor = requireActor(c);
  const regions = regionScope(actor, TRAINING_STAFF);
  const umkm = await managedUmkm(c.get('deps').h.db, { regions, orgIds: [] }, { limit: 300 });
  return umkm.map((u) => ({ id: u.id, name: u.name }));
}

export function sessionRoutes() {
  const app = new Hono<AppEnv>();
  const db = (c: C) => c.get('deps').h.db;
  const title = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

  app.get('/pelatihan', async (c) => {
    const actor = requireRole(c, ...TRAINING_STAFF);
    const [sessions, courses] = await Promise.all([listSessions(db(c), actor), listCourses(db(c))]);
    return page(
      c,
      { title: title(c, 'training.home.title') },
      <TrainingHome c={c} sessions={sessions} courses={courses} canEdit />,
    );
  });

  app.get('/pelatihan/kursus/baru', (c) => {
    requireRole(c, ...TRAINING_STAFF);
    return page(c, { title: title(c, 'training.new_course') }, <CourseForm c={c} />);
  });
  app.post('/pelatihan/kursus/baru', async (c) => {
    const actor = requireRole(c, ...TRAINING_STAFF);
    const form = await readForm(c, courseForm);
    if (!form.ok)
      return page(
        c,
        { title: title(c, 'training.new_course'), status: 422 },
        <CourseForm c={c} raw={form.raw} errors={form.errors} />,
      );
    const v = form.data;
    const r = await createCourse(db(c), actor, {
      title: v.title,
      topic: v.topic,
      focusPillar: v.focus_pillar,
      level: v.level,
      durationMinutes: v.duration_minutes,
      materials: v.materials,
      language: v.language,
    });
    if (!r.ok) throw new AppError(r.code);
    return c.redirect(`/pelatihan/kursus/${r.value}`, 303);
  });
  app.get('/pelatihan/kursus/:id', async (c) => {
    requireRole(c, ...TRAINING_STAFF, 'mentor', 'community_manager');
    const course = await getCourse(db(c), c.req.param('id'));
    if (!course) throw new AppError('NOT_FOUND');
    return page(c, { title: course.title }, <CoursePage c={c} course={course} />);
  });

  // A session takes place in a kecamatan or desa of the trainer's scope, chosen by name.
  const places = (c: C, raw: Record<string, string> = {}) =>
    placeChoices(db(c), regionScope(requireActor(c), TRAINING_STAFF), {
      levels: [3, 4],
      groupBy: 3,
      q: raw.region_code_q,
      keep: raw.region_code,
    });
  app.get('/pelatihan/sesi/baru', async (c) => {
    requireRole(c, ...TRAINING_STAFF);
    return page(
      c,
      { title: title(c, 'training.new_session') },
      <SessionForm c={c} courses={await listCourses(db(c))} places={await places(c)} />,
    );
  });
  app.post('/pelatihan/sesi/baru', async (c) => {
    const actor = requireRole(c, ...TRAINING_STAFF);
    const courses = await listCourses(db(c));
    const form = await readForm(c, sessionForm);
    const again = async (
      raw: Record<string, string>,
      errors: Record<string, string>,
      status: 200 | 422 = 422,
    ) =>
      page(
        c,
        { title: title(c, 'training.new_session'), status },
        <SessionForm
          c={c}
          courses={courses}
          places={await places(c, raw)}
          raw={raw}
          errors={errors}
        />,
      );
    // "Search" narrows the place list and shows the form again; nothing is saved.
    if (isPickerSearch(form.raw)) return again(form.raw, {}, 200);
    if (!form.ok) return again(form.raw, form.errors);
    const v = form.data;
    const r = await createSession(db(c), actor, {
      courseId: v.course_id,
      regionCode: v.region_code,
      place: v.place,
      startsAt: localToUtc(v.region_code, v.starts_at),
      capacity: v.capacity,
    });
    if (!r.ok)
      return r.code === 'FORBIDDEN'
        ? again(form.raw, { region_code: title(c, 'training.error.bad_place') })
        : again(form.raw, failureFields(c, r));
    return c.redirect(`/pelatihan/sesi/${r.value}`, 303);
  });

  const sessionPage = async (
    c: C,
    extra: {
      notice?: string;
      message?: string;
      raw?: Record<string, string>;
      errors?: Record<string, string>;
      status?: 200 | 409 | 422;
    } = {},
  ) => {
    const { s } = await sessionOr404(c);
    const [participants, umkm, assessed] = await Promise.all([
      participantsOf(db(c), s.id),
      umkmChoices(c),
      db(c)
        .selectFrom('assessments')
        .select(['participant_id', 'phase'])
        .where('session_id', '=', s.id)
        .execute(),
    ]);
    const done = new Set(assessed.map((a) => `${a.participant_id}:${a.phase}`));
    return page(
      c,
      { title: s.course_title, status: extra.status },
      <SessionPage
        c={c}
        s={s}
        participants={participants}
        umkm={umkm}
        assessed={done}
        {...extra}
      />,
    );
  };
  app.get('/pelatihan/sesi/:id', (c) =>
    sessionPage(c, {
      notice: c.req.query('selesai')
        ? title(c, 'training.session.completed', { count: c.req.query('selesai') })
        : undefined,
    }),
  );

  app.post('/pelatihan/sesi/:id/peserta', async (c) => {
    const { actor, s } = await sessionOr404(c);
    const form = await readForm(c, participantForm);
    if (!form.ok) return sessionPage(c, { raw: form.raw, errors: form.errors, status: 422 });
    const r = await registerParticipant(db(c), actor, s.id, {
      kind: form.data.kind,
      fullName: form.data.full_name,
      umkmId: form.data.umkm_id,
    });
    if (!r.ok)
      return sessionPage(c, {
        raw: form.raw,
        message: failureText(c, r),
        errors: failureFields(c, r),
        status:
          r.code === 'TRAINING_SESSION_FULL' || r.code === 'TRAINING_SESSION_CLOSED' ? 409 : 422,
      });
    return c.redirect(`/pelatihan/sesi/${s.id}`, 303);
  });

  app.get('/pelatihan/sesi/:id/absensi', async (c) => {
    const { s } = await sessionOr404(c);
    const notice =
      c.req.query('hadir') !== undefined
        ? title(c, 'training.attendance.saved', { present: c.req.query('hadir') })
        : undefined;
    return page(
      c,
      { title: title(c, 'training.session.attendance') },
      <AttendancePage
        c={c}
        s={s}
        participants={await participantsOf(db(c), s.id)}
        notice={notice}
      />,
    );
  });
  app.post('/pelatihan/sesi/:id/absensi', async (c) => {
    const { actor, s } = await sessionOr404(c);
    const form = await readForm(c, attendanceForm);
    const present = form.ok ? form.data.present : [];
    const r = await recordAttendance(db(c), actor, s.id, present);
    if (!r.ok)
      return page(
        c,
        { title: title(c, 'training.session.attendance'), status: 422 },
        <AttendancePage
          c={c}
          s={s}
          participants={await participantsOf(db(c), s.id)}
          message={failureText(c, r)}
        />,
      );
    // Post/redirect/get: a reload on a flaky connection does not resubmit.
    return c.redirect(`/pelatihan/sesi/${s.id}/absensi?hadir=${r.value.present}`, 303);
  });

  app.post('/pelatihan/sesi/:id/selesai', async (c) => {
    const { actor, s } = await sessionOr404(c);
    const r = await completeSession(db(c), actor, s.id);
    if (!r.ok) throw new AppError(r.code);
    return c.redirect(`/pelatihan/sesi/${s.id}?selesai=${r.value.certificates}`, 303);
  });

  const assessmentPage = async (
    c: C,
    extra: {
      raw?: Record<string, string>;
      errors?: Record<string, string>;
      notice?: string;
      status?: 200 | 422;
      phase?: 'before' | 'after';
    } = {},
  ) => {
    const { s } = await sessionOr404(c);
    const participant = (await participantsOf(db(c), s.id)).find(
      (x) => x.id === c.req.param('pid'),
    );
    if (!participant) throw new AppError('NOT_FOUND');
    const phase = extra.phase ?? (c.req.query('fase') === 'after' ? 'after' : 'before');
    const questions = (await questionBank(db(c), s.region_code)).filter((q) => q.active === 1);
    return page(
      c,
      { title: title(c, 'training.session.assess'), status: extra.status },
      <AssessmentPage
        c={c}
        s={s}
        participant={participant}
        phase={phase}
        questions={questions}
        {...extra}
      />,
    );
  };
  app.get('/pelatihan/sesi/:id/asesmen/:pid', (c) => assessmentPage(c));
  app.post('/pelatihan/sesi/:id/asesmen/:pid', async (c) => {
    const { actor, s } = await sessionOr404(c);
    const form = await readForm(c, assessmentForm);
    if (!form.ok) return assessmentPage(c, { raw: form.raw, errors: form.errors, status: 422 });
    const answers: Record<string, number> = {};
    for (const [k, v] of Object.entries(form.data))
      if (k.startsWith('q_')) answers[k.slice(2)] = Number(v);
    const r = await saveAssessment(db(c), actor, s.id, {
      participantId: c.req.param('pid'),
      phase: form.data.phase,
      answers,
    });
    if (!r.ok) {
      if (r.code === 'TRAINING_NOT_REGISTERED') throw new AppError('NOT_FOUND');
      return assessmentPage(c, {
        raw: form.raw,
        errors: failureFields(c, r),
        status: 422,
        phase: form.data.phase,
      });
    }
    return assessmentPage(c, {
      raw: form.raw,
      phase: form.data.phase,
      notice: title(c, 'training.assess.saved', {
        overall: formatNumber(c.get('locale'), r.value.overall, 2),
      }),
    });
  });

  // Public: anyone holding a certificate code may check it.
  app.get('/sertifikat', (c) => {
    const code = (c.req.query('kode') ?? '').trim().toUpperCase();
    if (code) return c.redirect(`/sertifikat/${encodeURIComponent(code)}`, 303);
    return page(c, { title: title(c, 'training.cert.lookup') }, <CertificateLookup c={c} />);
  });
  app.get('/sertifikat/:code', async (c) => {
    const code = c.req.param('code').toUpperCase();
    const cert = /^SRT-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(code)
      ? await certificateByCode(db(c), code)
      : undefined;
    if (!cert)
      return page(
        c,
        { title: title(c, 'training.cert.lookup'), status: 404 },
        <CertificateLookup c={c} code={code} notFound />,
      );
    const url = `${new URL(c.req.url).origin}/sertifikat/${code}`;
    const qrSvg = await qrCodeSvg(url, { margin: 1, width: 160 });
    return page(
      c,
      { title: title(c, 'training.cert.title') },
      <CertificatePage c={c} cert={cert} url={url} qrSvg={qrSvg} />,
    );
  });
  return app;
}

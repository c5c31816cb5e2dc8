// Pages of mentoring: /pendampingan (the mentor's caseload), one UMKM's file with the contact
// form, assignment (community managers, officers) and the officer's caseload overview.
import { Hono, type Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { page, readForm, requireActor, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { hasRole } from '../../kernel/auth/index.js';
import { assignForm, contactForm, contactFromForm } from './training.schema.js';
import {
  assignMentor,
  canSeeMentoring,
  completeAction,
  logContact,
  MENTOR_ASSIGNERS,
} from './mentoring.service.js';
import { assignableUmkm, mentoringFileHead, mentoringLog } from './mentoring.queries.js';
import { buildCases, mentorCases, mentorSummaries } from './mentoring-cases.js';
import { staffCovering } from './training.queries.js';
import { AssignPage, MentorDashboard, OfficerDashboard } from './mentoring.views.js';
import { UmkmFile } from './umkm-file.views.js';
import { failureFields, failureText } from './sessions.routes.js';
import { getCourse } from './sessions.service.js';

type C = Context<AppEnv>;

export function mentoringRoutes() {
  const app = new Hono<AppEnv>();
  const db = (c: C) => c.get('deps').h.db;
  const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

  app.get('/pendampingan', async (c) => {
    const actor = requireActor(c);
    if (!hasRole(actor, 'mentor')) {
      if (hasRole(actor, ...MENTOR_ASSIGNERS)) return c.redirect('/pendampingan/ringkasan', 303);
      throw new AppError('FORBIDDEN');
    }
    return page(
      c,
      { title: tr(c, 'mentoring.title') },
      <MentorDashboard c={c} cases={await mentorCases(db(c), actor.userId)} />,
    );
  });

  const umkmFile = async (
    c: C,
    extra: {
      raw?: Record<string, string>;
      errors?: Record<string, string>;
      message?: string;
      notice?: string;
      status?: 200 | 403 | 422;
    } = {},
  ) => {
    const actor = requireActor(c);
    const umkmId = c.req.param('id')!;
    if (!(await canSeeMentoring(db(c), actor, umkmId))) throw new AppError('NOT_FOUND');
    const a = await mentoringFileHead(db(c), umkmId);
    if (!a) throw new AppError('NOT_FOUND');
    const [row] = await buildCases(db(c), [
      { ...a, assigned_at: a.assigned_at ?? '', mentor_user_id: a.mentor_user_id ?? undefined },
    ]);
    const log = await mentoringLog(db(c), umkmId);
    const canLog = hasRole(actor, 'mentor') && a.mentor_user_id === actor.userId;
    return page(
      c,
      { title: a.name, status: extra.status },
      <UmkmFile
        c={c}
        row={row}
        contacts={log.contacts}
        actions={log.actions}
        canLog={canLog}
        today={new Date().toISOString().slice(0, 10)}
        {...extra}
      />,
    );
  };
  app.get('/pendampingan/umkm/:id', async (c) => {
    // "Suggest" on a recommended course pre-fills the visit form's first agreed action.
    const courseId = c.req.query('saran');
    const course = courseId ? await getCourse(db(c), courseId) : undefined;
    const raw = course
      ? {
          action_1: tr(c, 'mentoring.suggest_action', { course: course.title }),
          due_1: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        }
      : undefined;
    return umkmFile(c, {
      raw,
      notice: c.req.query('ok') ? tr(c, 'mentoring.log.saved') : undefined,
    });
  });

  app.post('/pendampingan/umkm/:id/kontak', async (c) => {
    const actor = requireRole(c, 'mentor');
    const form = await readForm(c, contactForm);
    if (!form.ok) return umkmFile(c, { raw: form.raw, errors: form.errors, status: 422 });
    const r = await logContact(db(c), actor, c.req.param('id'), contactFromForm(form.data));
    if (!r.ok) {
      // Not their UMKM: the same refusal as any foreign record, nothing shown about it.
      if (r.code === 'TRAINING_NOT_ASSIGNED') {
        if (!(await canSeeMentoring(db(c), actor, c.req.param('id'))))
          throw new AppError('TRAINING_NOT_ASSIGNED');
        return umkmFile(c, { raw: form.raw, message: failureText(c, r), status: 403 });
      }
      const fields = failureFields(c, r);
      const renamed = Object.fromEntries(
        Object.entries(fields).map(([k, v]) => [
          k.replace(/^due_on_(\d)$/, (_m, i) => `due_${Number(i) + 1}`),
          v,
        ]),
      );
      return umkmFile(c, {
        raw: form.raw,
        errors: renamed,
        message: failureText(c, r),
        status: 422,
      });
    }
    return c.redirect(`/pendampingan/umkm/${c.req.param('id')}?ok=1`, 303);
  });

  app.post('/pendampingan/aksi/:id/selesai', async (c) => {
    const actor = requireRole(c, 'mentor');
    const r = await completeAction(db(c), actor, c.req.param('id'));
    if (!r.ok) throw new AppError(r.code);
    return c.redirect(`/pendampingan/umkm/${r.value}`, 303);
  });

  const assignPage = async (
    c: C,
    extra: { notice?: string; errors?: Record<string, string>; status?: 200 | 422 } = {},
  ) => {
    const actor = requireRole(c, ...MENTOR_ASSIGNERS);
    const umkm = await assignableUmkm(db(c), actor);
    const villages = [...new Set(umkm.map((u) => u.village_code))];
    const seen = new Map<string, { id: string; display_name: string }>();
    for (const v of villages)
      for (const m of await staffCovering(db(c), 'mentor', v)) seen.set(m.id, m);
    const mentors = [...seen.values()].sort((a, b) => a.display_name.localeCompare(b.display_name));
    return page(
      c,
      { title: tr(c, 'mentoring.assign.title'), status: extra.status },
      <AssignPage c={c} umkm={umkm} mentors={mentors} {...extra} />,
    );
  };
  app.get('/pendampingan/tugaskan', (c) =>
    assignPage(c, { notice: c.req.query('ok') ? tr(c, 'training.created') : undefined }),
  );
  app.post('/pendampingan/tugaskan', async (c) => {
    const actor = requireRole(c, ...MENTOR_ASSIGNERS);
    const form = await readForm(c, assignForm);
    if (!form.ok) return assignPage(c, { errors: form.errors, status: 422 });
    const r = await assignMentor(db(c), actor, form.data.umkm_id, form.data.mentor_user_id);
    if (!r.ok) {
      if (r.code === 'NOT_FOUND') throw new AppError('NOT_FOUND');
      return assignPage(c, { errors: failureFields(c, r), status: 422 });
    }
    return c.redirect('/pendampingan/tugaskan?ok=1', 303);
  });

  app.get('/pendampingan/ringkasan', async (c) => {
    const actor = requireRole(c, ...MENTOR_ASSIGNERS);
    const { summaries, cases } = await mentorSummaries(db(c), actor);
    return page(
      c,
      { title: tr(c, 'mentoring.officer.title') },
      <OfficerDashboard
        c={c}
        summaries={summaries}
        flagged={cases.filter((x) => x.flagged).slice(0, 50)}
      />,
    );
  });
  return app;
}

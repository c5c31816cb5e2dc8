// Pages of courses and sessions: the trainer's list, forms, the session page, attendance on a
// phone (one form of ticks, no script), the questionnaire and the public certificate.
import type { Context } from 'hono';
import { t, formatDateTime, formatNumber, pageZoneRegion } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { PlacePicker, type PlaceChoices } from '../regions/index.js';
import {
  COURSE_TOPICS,
  PARTICIPANT_KINDS,
  PILLARS,
  type CoursesTable,
  type SessionParticipantsTable,
} from './training.tables.js';

type C = Context<AppEnv>;
const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export interface SessionView {
  id: string;
  course_id: string;
  region_code: string;
  place: string;
  starts_at: string;
  capacity: number;
  registered: number;
  status: string;
  completed_at: string | null;
  course_title: string;
  course_topic: string;
  trainer_user_id: string | null;
}

export function TrainingHome(p: {
  c: C;
  sessions: SessionView[];
  courses: CoursesTable[];
  canEdit: boolean;
}) {
  const { c } = p;
  // One named zone for the whole list: the sessions' own, or the viewer's when they differ.
  const zoneRegion = pageZoneRegion(
    p.sessions.map((s) => s.region_code),
    c.get('actor')?.grants.find((g) => g.regionCode)?.regionCode,
  );
  return (
    <>
      <section class="card">
        <h1>{tr(c, 'training.sessions')}</h1>
        {p.canEdit ? (
          <p class="row">
            <a class="button" href="/pelatihan/sesi/baru">
              {tr(c, 'training.new_session')}
            </a>{' '}
            <a href="/pelatihan/kursus/baru">{tr(c, 'training.new_course')}</a>
          </p>
        ) : null}
        {p.sessions.length === 0 ? (
          <p>{tr(c, 'training.no_sessions')}</p>
        ) : (
          <ul class="list">
            {p.sessions.map((s) => (
              <li>
                <a href={`/pelatihan/sesi/${s.id}`}>
                  <strong>{s.course_title}</strong>
                </a>
                <br />
                <small>
                  {formatDateTime(c.get('locale'), s.starts_at, zoneRegion)} · {s.place} ·{' '}
                  {tr(c, 'training.session.seats', {
                    registered: s.registered,
                    capacity: s.capacity,
                  })}{' '}
                  · {tr(c, `training.status.${s.status}`)}
                </small>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/pelatihan/literasi">{tr(c, 'training.literacy.title')}</a> ·{' '}
          <a href="/pelatihan/kpi">{tr(c, 'training.kpi.title', { year: '' }).trim()}</a>
        </p>
      </section>
      <section class="card">
        <h2>{tr(c, 'training.courses')}</h2>
        <ul class="list">
          {p.courses.map((k) => (
            <li>
              <a href={`/pelatihan/kursus/${k.id}`}>{k.title}</a>{' '}
              <small>
                · {tr(c, `training.topic.${k.topic}`)} · {tr(c, `training.level.${k.level}`)} ·{' '}
                {tr(c, 'training.minutes', {
                  n: formatNumber(c.get('locale'), k.duration_minutes),
                })}
              </small>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function CourseForm(p: {
  c: C;
  raw?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const { c } = p;
  return (
    <section class="card narrow">
      <h1>{tr(c, 'training.new_course')}</h1>
      <ErrorSummary c={c} errors={p.errors} />
      <form method="post" action="/pelatihan/kursus/baru">
        <Csrf c={c} />
        <Field
          name="title"
          label={tr(c, 'training.f.title')}
          value={p.raw?.title}
          error={p.errors?.title}
          required
        />
        <SelectField
          name="topic"
          label={tr(c, 'training.f.topic')}
          value={p.raw?.topic}
          error={p.errors?.topic}
          options={COURSE_TOPICS.map((x) => ({ value: x, label: tr(c, `training.topic.${x}`) }))}
        />
        <SelectField
          name="focus_pillar"
          label={tr(c, 'training.f.focus_pillar')}
          value={p.raw?.focus_pillar}
          options={[
            { value: '', label: tr(c, 'training.f.none') },
            ...PILLARS.map((x) => ({ value: x, label: tr(c, `training.pillar.${x}`) })),
          ]}
        />
        <SelectField
          name="level"
          label={tr(c, 'training.f.level')}
          value={p.raw?.level}
          options={['basic', 'intermediate', 'advanced'].map((x) => ({
            value: x,
            label: tr(c, `training.level.${x}`),
          }))}
        />
        <Field
          name="duration_minutes"
          type="number"
          inputmode="numeric"
          min={15}
          max={2400}
          label={tr(c, 'training.f.duration')}
          value={p.raw?.duration_minutes ?? '120'}
          error={p.errors?.duration_minutes}
          required
        />
        <div class={p.errors?.materials ? 'field invalid' : 'field'}>
          <label for="f-materials">{tr(c, 'training.f.materials')}</label>
          <textarea
            id="f-materials"
            name="materials"
            rows={8}
            required
            aria-invalid={p.errors?.materials ? 'true' : undefined}
          >
            {p.raw?.materials ?? ''}
          </textarea>
          {p.errors?.materials ? <p class="error">{p.errors.materials}</p> : null}
        </div>
        <SelectField
          name="language"
          label={tr(c, 'training.f.language')}
          value={p.raw?.language}
          options={[
            { value: 'id', label: tr(c, 'training.lang.id') },
            { value: 'en', label: tr(c, 'training.lang.en') },
          ]}
        />
        <button type="submit" class="primary">
          {tr(c, 'training.save')}
        </button>
      </form>
    </section>
  );
}

export function CoursePage(p: { c: C; course: CoursesTable }) {
  const { c, course } = p;
  return (
    <article class="card">
      <h1>{course.title}</h1>
      <p class="muted">
        {tr(c, `training.topic.${course.topic}`)} · {tr(c, `training.level.${course.level}`)} ·{' '}
        {tr(c, 'training.minutes', { n: formatNumber(c.get('locale'), course.duration_minutes) })} ·{' '}
        {tr(c, `training.lang.${course.language}`)}
      </p>
      <div class="materials">
        {course.materials.split(/\n{2,}/).map((para) => (
          <p>{para}</p>
        ))}
      </div>
    </article>
  );
}

export function SessionForm(p: {
  c: C;
  courses: CoursesTable[];
  places: PlaceChoices;
  raw?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const { c } = p;
  return (
    <section class="card narrow">
      <h1>{tr(c, 'training.new_session')}</h1>
      <ErrorSummary c={c} errors={p.errors} />
      <form method="post" action="/pelatihan/sesi/baru">
        <Csrf c={c} />
        <SelectField
          name="course_id"
          label={tr(c, 'training.f.course')}
          value={p.raw?.course_id}
          error={p.errors?.course_id}
          options={p.courses.map((k) => ({ value: k.id, label: k.title }))}
        />
        <PlacePicker
          c={c}
          name="region_code"
          label={tr(c, 'training.f.region')}
          hint={tr(c, 'training.f.region_hint')}
          choices={p.places}
          value={p.raw?.region_code}
          error={p.errors?.region_code}
        />
        <Field
          name="place"
          label={tr(c, 'training.f.place')}
          value={p.raw?.place}
          error={p.errors?.place}
          required
        />
        <Field
          name="starts_at"
          type="datetime-local"
          label={tr(c, 'training.f.starts_at')}
          value={p.raw?.starts_at}
          error={p.errors?.starts_at}
          required
        />
        <Field
          name="capacity"
          type="number"
          inputmode="numeric"
          min={1}
          max={1000}
          label={tr(c, 'training.f.capacity')}
          value={p.raw?.capacity ?? '25'}
          error={p.errors?.capacity}
          required
        />
        <button type="submit" class="primary">
          {tr(c, 'training.save')}
        </button>
      </form>
    </section>
  );
}

export function SessionPage(p: {
  c: C;
  s: SessionView;
  participants: SessionParticipantsTable[];
  umkm: { id: string; name: string }[];
  assessed: Set<string>;
  notice?: string;
  raw?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
}) {
  const { c, s } = p;
  const open = s.status === 'scheduled';
  return (
    <>
      <section class="card">
        <h1>{s.course_title}</h1>
        <p>
          {formatDateTime(c.get('locale'), s.starts_at, s.region_code)} · {s.place}
        </p>
        <p>
          <strong>
            {tr(c, 'training.session.seats', { registered: s.registered, capacity: s.capacity })}
          </strong>{' '}
          · {tr(c, `training.status.${s.status}`)}
        </p>
        {p.notice ? (
          <p class="notice" role="status">
            {p.notice}
          </p>
        ) : null}
        {p.message ? (
          <p class="alert" role="alert">
            {p.message}
          </p>
        ) : null}
        <p class="row">
          <a class="button" href={`/pelatihan/sesi/${s.id}/absensi`}>
            {tr(c, 'training.session.attendance')}
          </a>
        </p>
        <form method="post" action={`/pelatihan/sesi/${s.id}/selesai`}>
          <Csrf c={c} />
          <button type="submit">{tr(c, 'training.session.complete')}</button>
        </form>
      </section>
      <section class="card">
        <h2>{tr(c, 'training.session.participants')}</h2>
        {p.participants.length === 0 ? (
          <p>{tr(c, 'training.session.none')}</p>
        ) : (
          <ul class="list">
            {p.participants.map((x) => (
              <li data-participant={x.id}>
                <strong>{x.full_name}</strong>{' '}
                <small>
                  · {tr(c, `training.kind.${x.kind}`)}
                  {x.attended ? ` · ${tr(c, 'training.attended')}` : ''}
                </small>
                <br />
                <a href={`/pelatihan/sesi/${s.id}/asesmen/${x.id}?fase=before`}>
                  {tr(c, 'training.session.assess')}: {tr(c, 'training.phase.before')}
                  {p.assessed.has(`${x.id}:before`) ? ' ✓' : ''}
                </a>{' '}
                ·{' '}
                <a href={`/pelatihan/sesi/${s.id}/asesmen/${x.id}?fase=after`}>
                  {tr(c, 'training.phase.after')}
                  {p.assessed.has(`${x.id}:after`) ? ' ✓' : ''}
                </a>
                {x.certificate_code ? (
                  <>
                    {' '}
                    ·{' '}
                    <a href={`/sertifikat/${x.certificate_code}`}>
                      {tr(c, 'training.session.certificate')} {x.certificate_code}
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {open ? (
        <section class="card">
          <h2>{tr(c, 'training.session.register')}</h2>
          <ErrorSummary c={c} errors={p.errors} />
          <form method="post" action={`/pelatihan/sesi/${s.id}/peserta`}>
            <Csrf c={c} />
            <Field
              name="full_name"
              label={tr(c, 'training.f.full_name')}
              value={p.raw?.full_name}
              error={p.errors?.full_name}
              required
              autocomplete="off"
            />
            <SelectField
              name="kind"
              label={tr(c, 'training.f.kind')}
              value={p.raw?.kind}
              options={PARTICIPANT_KINDS.map((k) => ({
                value: k,
                label: tr(c, `training.kind.${k}`),
              }))}
            />
            <SelectField
              name="umkm_id"
              label={tr(c, 'training.f.umkm')}
              value={p.raw?.umkm_id}
              error={p.errors?.umkm_id}
              options={[
                { value: '', label: tr(c, 'training.f.none') },
                ...p.umkm.map((u) => ({ value: u.id, label: u.name })),
              ]}
            />
            <button type="submit" class="primary">
              {tr(c, 'training.session.register')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}

/** Attendance on a phone: every registered name is one large tick box in one form. */

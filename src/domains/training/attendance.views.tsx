// Session pages on a phone: attendance (one form of ticks, no script), the questionnaire and the public certificate.
import type { Context } from 'hono';
import { raw } from 'hono/html';
import { t, formatDate, formatNumber } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, Field, type AppEnv } from '../../kernel/http/index.js';
import { PILLARS, type SessionParticipantsTable } from './training.tables.js';
import type { SessionView } from './sessions.views.js';
type C = Context<AppEnv>;
const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export function AttendancePage(p: {
  c: C;
  s: SessionView;
  participants: SessionParticipantsTable[];
  notice?: string;
  message?: string;
}) {
  const { c, s } = p;
  return (
    <section class="card narrow">
      <h1>{tr(c, 'training.attendance.title', { course: s.course_title })}</h1>
      <p class="muted">
        {formatDate(c.get('locale'), s.starts_at, s.region_code)} · {s.place}
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
      <form method="post" action={`/pelatihan/sesi/${s.id}/absensi`}>
        <Csrf c={c} />
        <fieldset class="ticks">
          <legend>{tr(c, 'training.attendance.hint')}</legend>
          {p.participants.map((x) => (
            <label>
              <input type="checkbox" name="present" value={x.id} checked={x.attended === 1} />{' '}
              <span>
                {x.full_name} <small>{tr(c, `training.kind.${x.kind}`)}</small>
              </span>
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary">
          {tr(c, 'training.attendance.save')}
        </button>
      </form>
      <p>
        <a href={`/pelatihan/sesi/${s.id}`}>{s.course_title}</a>
      </p>
    </section>
  );
}

export function AssessmentPage(p: {
  c: C;
  s: SessionView;
  participant: SessionParticipantsTable;
  phase: 'before' | 'after';
  questions: { id: string; pillar: string; text_id: string; text_en: string }[];
  raw?: Record<string, string>;
  errors?: Record<string, string>;
  notice?: string;
}) {
  const { c } = p;
  const en = c.get('locale') === 'en';
  return (
    <section class="card narrow">
      <h1>{tr(c, 'training.assess.title', { name: p.participant.full_name })}</h1>
      <p>
        {tr(c, `training.phase.${p.phase}`)} · {p.s.course_title}
      </p>
      {p.notice ? (
        <p class="notice" role="status">
          {p.notice}
        </p>
      ) : null}
      <ErrorSummary c={c} errors={p.errors} />
      <p class="muted">{tr(c, 'training.assess.scale')}</p>
      <form method="post" action={`/pelatihan/sesi/${p.s.id}/asesmen/${p.participant.id}`}>
        <Csrf c={c} />
        <input type="hidden" name="phase" value={p.phase} />
        {PILLARS.map((pillar) => (
          <div>
            <h2>{tr(c, `training.pillar.${pillar}`)}</h2>
            {p.questions
              .filter((q) => q.pillar === pillar)
              .map((q) => (
                <fieldset
                  class={p.errors?.[`q_${q.id}`] ? 'scale invalid' : 'scale'}
                  id={`f-q_${q.id}`}
                >
                  <legend>{en ? q.text_en : q.text_id}</legend>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <label>
                      <input
                        type="radio"
                        name={`q_${q.id}`}
                        value={String(n)}
                        checked={p.raw?.[`q_${q.id}`] === String(n)}
                        required
                      />{' '}
                      {n}
                    </label>
                  ))}
                  {p.errors?.[`q_${q.id}`] ? <p class="error">{p.errors[`q_${q.id}`]}</p> : null}
                </fieldset>
              ))}
          </div>
        ))}
        <button type="submit" class="primary">
          {tr(c, 'training.save')}
        </button>
      </form>
    </section>
  );
}

export interface CertificateView {
  full_name: string;
  certificate_code: string | null;
  certificate_issued_at: string | null;
  course_title: string;
  duration_minutes: number;
  starts_at: string;
  place: string;
  region_code: string;
  region_name: string | null;
  trainer_name: string | null;
}

/** The printable certificate; it is also the public verification page of its code. */
export function CertificatePage(p: { c: C; cert: CertificateView; url: string; qrSvg: string }) {
  const { c, cert } = p;
  const locale = c.get('locale');
  return (
    <article class="card certificate">
      <p class="notice" role="status">
        {tr(c, 'training.cert.valid')}
      </p>
      <h1>{tr(c, 'training.cert.title')}</h1>
      <p>{tr(c, 'training.cert.given_to')}</p>
      <p class="kpi" data-testid="cert-name">
        {cert.full_name}
      </p>
      <p>{tr(c, 'training.cert.for')}</p>
      <p class="kpi">{cert.course_title}</p>
      <p>
        {tr(c, 'training.cert.held', {
          date: formatDate(locale, cert.starts_at, cert.region_code),
          place: cert.place,
          region: cert.region_name ?? cert.region_code,
        })}{' '}
        · {tr(c, 'training.minutes', { n: formatNumber(locale, cert.duration_minutes) })}
      </p>
      {cert.trainer_name ? (
        <p>{tr(c, 'training.cert.trainer', { name: cert.trainer_name })}</p>
      ) : null}
      <p>
        {tr(c, 'training.cert.code')}:{' '}
        <code class="big" data-testid="cert-code">
          {cert.certificate_code}
        </code>
      </p>
      <div class="qr" role="img" aria-label={tr(c, 'training.cert.check_at', { url: p.url })}>
        {raw(p.qrSvg)}
      </div>
      <p>
        <small>{tr(c, 'training.cert.check_at', { url: p.url })}</small>
      </p>
      <p class="muted noprint">
        <small>{tr(c, 'training.cert.print')}</small>
      </p>
    </article>
  );
}

export function CertificateLookup(p: { c: C; code?: string; notFound?: boolean }) {
  const { c } = p;
  return (
    <section class="card narrow">
      <h1>{tr(c, 'training.cert.lookup')}</h1>
      {p.notFound ? (
        <p class="alert" role="alert">
          {tr(c, 'training.cert.invalid')}
        </p>
      ) : null}
      <form method="get" action="/sertifikat">
        <Field
          name="kode"
          label={tr(c, 'training.cert.code')}
          value={p.code}
          required
          autocomplete="off"
        />
        <button type="submit" class="primary">
          {tr(c, 'training.cert.lookup')}
        </button>
      </form>
    </section>
  );
}

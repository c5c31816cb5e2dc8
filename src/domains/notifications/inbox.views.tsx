// The inbox and the preferences page: plain forms (work with JavaScript off), one link per
// notification, times in the notice's village zone.
import type { Context } from 'hono';
import { t, formatDateTime, zoneForRegion } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, SelectField, type AppEnv } from '../../kernel/http/index.js';
import type { NoticeKind, NotificationsTable } from './notifications.tables.js';
import { noticeText } from './compose.js';
import type { Prefs } from './prefs.js';

type C = Context<AppEnv>;
const trOf = (c: C) => (k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export function InboxPage(p: { c: C; rows: NotificationsTable[]; unread: number }) {
  const tr = trOf(p.c);
  const l = p.c.get('locale');
  return (
    <>
      <h1>{tr('notifications.title')}</h1>
      <p>
        <span class="badge">{tr('notifications.unread', { n: p.unread })}</span>{' '}
        <a href="/kotak-masuk/pengaturan">{tr('notifications.prefs_link')}</a>
      </p>
      {p.unread > 0 ? (
        <form method="post" action="/kotak-masuk/baca">
          <Csrf c={p.c} />
          <button type="submit">{tr('notifications.mark_all')}</button>
        </form>
      ) : null}
      {p.rows.length === 0 ? (
        <p class="muted">{tr('notifications.empty')}</p>
      ) : (
        <ul class="list" aria-label={tr('notifications.title')}>
          {p.rows.map((n) => (
            <li data-kind={n.kind} data-read={n.read_at ? '1' : '0'}>
              <p>
                {n.read_at ? null : <strong>{tr('notifications.new')}: </strong>}
                {noticeText(l, n.kind as NoticeKind, JSON.parse(n.params))}{' '}
                <a href={n.link}>{tr('notifications.open')}</a>
              </p>
              <p class="muted">{formatDateTime(l, n.created_at, n.region_code)}</p>
              {n.read_at ? null : (
                <form method="post" action={`/kotak-masuk/${n.id}/baca`}>
                  <Csrf c={p.c} />
                  <button type="submit" class="link">
                    {tr('notifications.mark_read')}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The 24 hours as people read them: "21.00 WITA" (the zone names which clock). */
const hoursIn = (zone: string) =>
  Array.from({ length: 24 }, (_, h) => ({
    value: String(h),
    label: `${String(h).padStart(2, '0')}.00 ${zone}`,
  }));

export function PrefsPage(p: {
  c: C;
  prefs: Prefs;
  phoneTail: string | null;
  regionCode: string | null;
  saved?: boolean;
  errors?: Record<string, string>;
}) {
  const tr = trOf(p.c);
  const e = p.errors ?? {};
  const zone = zoneForRegion(p.regionCode);
  return (
    <>
      <h1>{tr('notifications.prefs.title')}</h1>
      {p.saved ? (
        <p class="notice" role="status">
          {tr('notifications.prefs.saved')}
        </p>
      ) : null}
      <ErrorSummary c={p.c} errors={p.errors} />
      <p>{tr('notifications.prefs.intro')}</p>
      <p class="muted">
        {p.phoneTail
          ? tr('notifications.prefs.phone', { tail: p.phoneTail })
          : tr('notifications.prefs.no_phone')}
      </p>
      <form method="post" action="/kotak-masuk/pengaturan" class="card">
        <Csrf c={p.c} />
        <fieldset class="check">
          <legend>{tr('notifications.prefs.channels')}</legend>
          <div class="choices">
            <label>
              <input type="checkbox" checked disabled />
              {tr('notifications.prefs.inbox')}
            </label>
            <label>
              <input
                id="f-whatsapp"
                type="checkbox"
                name="whatsapp"
                value="1"
                checked={p.prefs.whatsapp}
                aria-invalid={e.whatsapp ? 'true' : undefined}
              />
              {tr('notifications.prefs.whatsapp')}
            </label>
            <label>
              <input type="checkbox" name="sms" value="1" checked={p.prefs.sms} />
              {tr('notifications.prefs.sms')}
            </label>
          </div>
          {e.whatsapp ? <p class="error">{e.whatsapp}</p> : null}
        </fieldset>
        <fieldset class="check">
          <legend>{tr('notifications.prefs.quiet', { zone })}</legend>
          <p class="muted">{tr('notifications.prefs.quiet_hint')}</p>
          <div class="row">
            <SelectField
              name="quiet_from"
              label={tr('notifications.prefs.quiet_from')}
              value={String(p.prefs.quietFrom)}
              options={hoursIn(zone)}
              error={e.quiet_from}
            />
            <SelectField
              name="quiet_to"
              label={tr('notifications.prefs.quiet_to')}
              value={String(p.prefs.quietTo)}
              options={hoursIn(zone)}
              error={e.quiet_to}
            />
          </div>
        </fieldset>
        <button type="submit" class="primary">
          {tr('notifications.prefs.save')}
        </button>
      </form>
    </>
  );
}

// The staff delivery log: who was sent what kind of message by which channel, and how it went.
import type { Context } from 'hono';
import { t, formatDateTime } from '../../kernel/i18n/index.js';
import type { AppEnv } from '../../kernel/http/index.js';
import type { LogRow } from './delivery-log.js';
import { DELIVERY_STATUSES } from './notifications.tables.js';

type C = Context<AppEnv>;

export function DeliveryLogPage(p: { c: C; rows: LogRow[]; status: string }) {
  const l = p.c.get('locale');
  const tr = (k: string, x?: Record<string, unknown>) => t(l, k, x);
  return (
    <>
      <h1>{tr('notifications.log.title')}</h1>
      <p>{tr('notifications.log.intro')}</p>
      <form method="get" action="/notifikasi/pengiriman" class="row">
        <div class="field">
          <label for="f-status">{tr('notifications.log.status_filter')}</label>
          <select id="f-status" name="status">
            <option value="">{tr('notifications.log.any_status')}</option>
            {DELIVERY_STATUSES.map((s) => (
              <option value={s} selected={s === p.status}>
                {tr(`notifications.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <button type="submit">{tr('notifications.log.filter')}</button>
        </div>
      </form>
      {p.rows.length === 0 ? (
        <p class="muted">{tr('notifications.log.empty')}</p>
      ) : (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{tr('notifications.log.at')}</th>
                <th scope="col">{tr('notifications.log.recipient')}</th>
                <th scope="col">{tr('notifications.log.kind')}</th>
                <th scope="col">{tr('notifications.log.channel')}</th>
                <th scope="col">{tr('notifications.log.status')}</th>
                <th scope="col" class="num">
                  {tr('notifications.log.attempts')}
                </th>
                <th scope="col">{tr('notifications.log.error')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr data-id={r.id} data-status={r.status}>
                  <td>{formatDateTime(l, r.at, r.regionCode)}</td>
                  <td>{r.recipient}</td>
                  <td>{tr(`notifications.kind.${r.kind}`)}</td>
                  <td>{tr(`notifications.channel.${r.channel}`)}</td>
                  <td>{tr(`notifications.status.${r.status}`)}</td>
                  <td class="num">{r.attempts}</td>
                  <td>{r.lastError ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

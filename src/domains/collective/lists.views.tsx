// Printable supplier and packing lists, in two widths: A4 (the coordinator's printer) and
// 58 mm (the thermal printer at the service point). Same content; the class sets the width.
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import type { AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import type { SheetSpec } from '../../kernel/xlsx/index.js';
import type { PackingList, SupplierList } from './cycle-lists.js';
import { pickupText } from './pickup-text.js';
import type { Locale } from '../../kernel/i18n/index.js';

type C = Context<AppEnv>;
export type ListWidth = 'a4' | '58mm';

export function SupplierSheet(p: { c: C; name: string; lists: SupplierList[]; width: ListWidth }) {
  const tr = (k: string, x?: Record<string, unknown>) => t(p.c.get('locale'), k, x);
  return (
    <section class={p.width === '58mm' ? 'printable thermal' : 'printable'}>
      <h1>
        {tr('collective.list.supplier')} · {p.name}
      </h1>
      {p.lists.length === 0 ? <p>{tr('collective.list.empty')}</p> : null}
      {p.lists.map((s) => (
        <article>
          <h2>
            {s.umkmName} · {tr('collective.list.total_qty', { n: s.totalQty })}
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{tr('collective.list.point')}</th>
                <th scope="col">{tr('collective.list.product')}</th>
                <th scope="col">{tr('collective.list.qty')}</th>
              </tr>
            </thead>
            <tbody>
              {s.lines.map((x) => (
                <tr>
                  <td>{x.pointName}</td>
                  <td>
                    {x.title} ({x.label})
                  </td>
                  <td>{x.qty}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}

export function PackingSheet(p: { c: C; name: string; lists: PackingList[]; width: ListWidth }) {
  const l = p.c.get('locale');
  const tr = (k: string, x?: Record<string, unknown>) => t(l, k, x);
  return (
    <section class={p.width === '58mm' ? 'printable thermal' : 'printable'}>
      <h1>
        {tr('collective.list.packing')} · {p.name}
      </h1>
      {p.lists.length === 0 ? <p>{tr('collective.list.empty')}</p> : null}
      {p.lists.map((pl) => (
        <article>
          <h2>{pl.pointName}</h2>
          <p>{pickupText(l, pl.pickupDate, pl.pickupFrom, pl.pickupTo)}</p>
          {pl.orders.map((o) => (
            <div class="card">
              <h3>
                {o.buyerName} · {o.number}
              </h3>
              <p>
                {o.producer} · {formatRupiah(o.total)} ·{' '}
                {tr(o.paid ? 'collective.list.paid' : 'collective.list.unpaid')}
              </p>
              <ul>
                {o.lines.map((x) => (
                  <li>
                    {x.qty} × {x.title} ({x.label})
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </article>
      ))}
    </section>
  );
}

/** Supplier lists as a sheet (CSV or XLSX): one row per producer, point and product. */
export function supplierSheet(locale: Locale, lists: SupplierList[]): SheetSpec {
  const tr = (k: string) => t(locale, k);
  return {
    name: tr('collective.list.supplier'),
    columns: [
      tr('collective.list.producer'),
      tr('collective.list.point'),
      tr('collective.list.product'),
      tr('collective.list.variant'),
      tr('collective.list.qty'),
    ],
    rows: lists.flatMap((s) =>
      s.lines.map((x) => [s.umkmName, x.pointName, x.title, x.label, x.qty]),
    ),
  };
}

/** Packing lists as a sheet (CSV or XLSX): one row per point, order and line. */
export function packingSheet(locale: Locale, lists: PackingList[]): SheetSpec {
  const tr = (k: string) => t(locale, k);
  return {
    name: tr('collective.list.packing'),
    columns: [
      tr('collective.list.point'),
      tr('collective.list.pickup'),
      tr('collective.list.order'),
      tr('collective.list.buyer'),
      tr('collective.list.producer'),
      tr('collective.list.product'),
      tr('collective.list.variant'),
      tr('collective.list.qty'),
      tr('collective.list.payment'),
    ],
    rows: lists.flatMap((pl) =>
      pl.orders.flatMap((o) =>
        o.lines.map((x) => [
          pl.pointName,
          `${pl.pickupDate} ${pl.pickupFrom}-${pl.pickupTo}`,
          o.number,
          o.buyerName,
          o.producer,
          x.title,
          x.label,
          x.qty,
          tr(o.paid ? 'collective.list.paid' : 'collective.list.unpaid'),
        ]),
      ),
    ),
  };
}

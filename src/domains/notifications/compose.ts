// A notice as words: the inbox line, the SMS text and the WhatsApp template parameters, all in
// the person's language from one message key per kind, with the one link last.
import {
  formatDate,
  formatDateTime,
  formatRupiah,
  t,
  type Locale,
} from '../../kernel/i18n/index.js';
import type { NoticeKind } from './notifications.tables.js';

/** Template parameters of each kind, in the order its WhatsApp template numbers them ({{1}} …); the link follows. */
export const PARAM_ORDER: Record<NoticeKind, string[]> = {
  order_placed: ['number'],
  order_cancelled: ['number'],
  payment_received: ['number'],
  ready_for_pickup: ['number', 'code'],
  parcel_at_point: ['number'],
  incentive_issued: [],
  certificate_expiring: ['certificate', 'days', 'date'],
  review_passed: ['product'],
  review_changes: ['product', 'tasks'],
  tasks_assigned: ['product', 'tasks'],
  group_buy_succeeded: ['title'],
  group_buy_failed: ['title'],
  cycle_pickup: ['number', 'date', 'from', 'to'],
  payout_issued: ['amount'],
  farmer_statement: ['number', 'amount'],
  training_session: ['course', 'at', 'place'],
};

/**
 * A parameter in the reader's language: `msg:<key>` is a catalogue message (a certificate's
 * kind), `date:<YYYY-MM-DD>` a date, `rp:<integer>` rupiah, `at:<ISO>@<region>` a time in that
 * region's zone; anything else is shown as stored (an order number).
 */
function localParam(locale: Locale, v: string): string {
  if (v.startsWith('msg:')) return t(locale, v.slice(4));
  if (v.startsWith('date:')) return formatDate(locale, v.slice(5));
  if (v.startsWith('rp:')) return formatRupiah(Number(v.slice(3)));
  if (v.startsWith('at:')) {
    const [iso, region] = v.slice(3).split('@');
    return formatDateTime(locale, iso, region || null);
  }
  return v;
}

const localParams = (locale: Locale, params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, localParam(locale, v)]));

/** The notice's sentence (inbox, and the SMS before its link). */
export const noticeText = (locale: Locale, kind: NoticeKind, params: Record<string, string>) =>
  t(locale, `notifications.text.${kind}`, localParams(locale, params));

/** Absolute link for a message leaving the site. */
export const absoluteLink = (publicUrl: string, path: string) =>
  `${publicUrl.replace(/\/$/, '')}${path}`;

export function smsText(
  locale: Locale,
  kind: NoticeKind,
  params: Record<string, string>,
  link: string,
): string {
  return `Lumbung: ${noticeText(locale, kind, params)} ${link}`;
}

export function templateParams(
  locale: Locale,
  kind: NoticeKind,
  params: Record<string, string>,
  link: string,
): string[] {
  return [...PARAM_ORDER[kind].map((k) => localParam(locale, params[k] ?? '-')), link];
}

// A notice as words: the inbox line, the SMS text and the WhatsApp template parameters, all in
// the person's language from one message key per kind, with the one link last.
import { formatDate, t, type Locale } from '../../kernel/i18n/index.js';
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
};

/**
 * A parameter in the reader's language: `msg:<key>` is a catalogue message (a certificate's
 * kind), `date:<YYYY-MM-DD>` a date; anything else is shown as stored (an order number).
 */
function localParam(locale: Locale, v: string): string {
  if (v.startsWith('msg:')) return t(locale, v.slice(4));
  if (v.startsWith('date:')) return formatDate(locale, v.slice(5));
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

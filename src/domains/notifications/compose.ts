// A notice as words: the inbox line, the SMS text and the WhatsApp template parameters, all in
// the person's language from one message key per kind, with the one link last.
import { t, type Locale } from '../../kernel/i18n/index.js';
import type { NoticeKind } from './notifications.tables.js';

/** Template parameters of each kind, in the order its WhatsApp template numbers them ({{1}} …); the link follows. */
export const PARAM_ORDER: Record<NoticeKind, string[]> = {
  order_placed: ['number'],
  order_cancelled: ['number'],
  payment_received: ['number'],
  ready_for_pickup: ['number', 'code'],
  incentive_issued: [],
};

/** The notice's sentence (inbox, and the SMS before its link). */
export const noticeText = (locale: Locale, kind: NoticeKind, params: Record<string, string>) =>
  t(locale, `notifications.text.${kind}`, params);

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
  kind: NoticeKind,
  params: Record<string, string>,
  link: string,
): string[] {
  return [...PARAM_ORDER[kind].map((k) => params[k] ?? '-'), link];
}

// Provider adapters behind one interface. A sender gets a message already in the person's
// language and answers with the provider's message id, or whether a failure is worth retrying
// (network, 429, 5xx) or final (any other 4xx: the provider refused this message for good).
// Nothing here logs a phone number or a message body.
import { randomBytes } from 'node:crypto';
import type { Locale } from '../../kernel/i18n/index.js';
import type { Logger } from '../../kernel/http/index.js';
import type { Channel, NoticeKind } from './notifications.tables.js';

export interface OutgoingMessage {
  /** The delivery's id: the log adapter names it instead of the person. */
  deliveryId: string;
  /** E.164 phone number (+62…). */
  to: string;
  locale: Locale;
  kind: NoticeKind;
  /** Template parameters in the template's order, the link last. */
  params: string[];
  /** The whole short text (SMS), ending with the link. */
  text: string;
}

export type SendResult = { ok: true; ref: string } | { ok: false; retry: boolean; error: string };

export interface Sender {
  channel: Channel;
  /** How the delivery log names the provider. */
  name: string;
  send(m: OutgoingMessage): Promise<SendResult>;
}

const TIMEOUT_MS = 10_000;

/** How a provider's HTTP answer maps to a result (the body is read only for the message id). */
async function httpResult(res: Response, refOf: (body: any) => unknown): Promise<SendResult> {
  if (res.ok) {
    const body = await res.json().catch(() => null);
    const ref = refOf(body);
    return typeof ref === 'string' && ref
      ? { ok: true, ref: ref.slice(0, 200) }
      : { ok: false, retry: true, error: 'no_message_id' };
  }
  await res.body?.cancel();
  return { ok: false, retry: res.status === 429 || res.status >= 500, error: `http_${res.status}` };
}

async function post(url: string, token: string, body: unknown): Promise<Response | string> {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (e) {
    return e instanceof Error && e.name === 'TimeoutError' ? 'timeout' : 'network';
  }
}

/** The WhatsApp template of each kind (approved in the WhatsApp Business manager under these names). */
export const templateName = (kind: NoticeKind) => `lumbung_${kind}`;

/** The request body of a WhatsApp Cloud API template message (pinned by a test vector). */
export function whatsappBody(m: OutgoingMessage) {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: m.to.replace(/^\+/, ''),
    type: 'template',
    template: {
      name: templateName(m.kind),
      language: { code: m.locale },
      components: [{ type: 'body', parameters: m.params.map((text) => ({ type: 'text', text })) }],
    },
  };
}

/** WhatsApp Business Cloud API: POST {base}/{phone-number-id}/messages, bearer token. */
export function whatsappCloud(o: {
  baseUrl: string;
  phoneNumberId: string;
  token: string;
}): Sender {
  const url = `${o.baseUrl.replace(/\/$/, '')}/${encodeURIComponent(o.phoneNumberId)}/messages`;
  return {
    channel: 'whatsapp',
    name: 'whatsapp-cloud',
    async send(m) {
      const res = await post(url, o.token, whatsappBody(m));
      if (typeof res === 'string') return { ok: false, retry: true, error: res };
      return httpResult(res, (b) => b?.messages?.[0]?.id);
    },
  };
}

/** An HTTP SMS gateway: POST {url} with JSON {to, text}, bearer token; answers {id}. */
export function httpSms(o: { url: string; token: string }): Sender {
  return {
    channel: 'sms',
    name: 'sms-http',
    async send(m) {
      const res = await post(o.url, o.token, { to: m.to, text: m.text, reference: m.deliveryId });
      if (typeof res === 'string') return { ok: false, retry: true, error: res };
      return httpResult(res, (b) => b?.id ?? b?.messageId);
    },
  };
}

/** Demo mode: sends nothing, logs the delivery id and kind only (no phone, no text). */
export function logSender(channel: Channel, log: Logger): Sender {
  return {
    channel,
    name: 'log',
    async send(m) {
      const ref = `log_${randomBytes(8).toString('hex')}`;
      log.info('notification (demo, not sent)', {
        channel,
        kind: m.kind,
        delivery: m.deliveryId,
        ref,
      });
      return { ok: true, ref };
    },
  };
}

export type Senders = Record<Channel, Sender>;

/**
 * The senders the environment configures: each real provider when all its settings are set,
 * else the log adapter (demo). See README "Notifications" for the variables.
 */
export function sendersFromEnv(env: NodeJS.ProcessEnv, log: Logger): Senders {
  const waId = env.LUMBUNG_WHATSAPP_PHONE_NUMBER_ID;
  const waToken = env.LUMBUNG_WHATSAPP_TOKEN;
  const smsUrl = env.LUMBUNG_SMS_URL;
  const smsToken = env.LUMBUNG_SMS_TOKEN;
  return {
    whatsapp:
      waId && waToken
        ? whatsappCloud({
            baseUrl: env.LUMBUNG_WHATSAPP_API_URL || 'https://graph.facebook.com/v20.0',
            phoneNumberId: waId,
            token: waToken,
          })
        : logSender('whatsapp', log),
    sms: smsUrl && smsToken ? httpSms({ url: smsUrl, token: smsToken }) : logSender('sms', log),
  };
}

// Payment providers behind one adapter: a provider proves a callback with an HMAC signature
// and says which payment it paid. The webhook handler verifies, then settles idempotently
// (the provider's event id is the Idempotency-Key), so retries of the same event are harmless.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ProviderEvent {
  eventId: string;
  /** The payment's short reference, as the QR code carried it (EMVCo tag 62.05). */
  reference: string;
  amount: number;
  status: 'paid' | 'failed';
}

export interface PaymentProvider {
  name: string;
  /** True when `raw` (the exact body bytes) carries a valid signature in `headers`, made within the replay window around `nowSec`. */
  verify(
    raw: string,
    headers: (name: string) => string | undefined,
    secret: string,
    nowSec?: number,
  ): boolean;
  parse(raw: string): ProviderEvent | null;
}

/** The provider named in a webhook's path (declared in PROVIDERS below), if any. */
export function paymentProvider(name: string): PaymentProvider | undefined {
  return PROVIDERS.find((p) => p.name === name);
}

export function hmacHex(secret: string, raw: string): string {
  return createHmac('sha256', secret).update(raw).digest('hex');
}

function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The webhook secret: configured per provider, or derived from the app secret. */
export function webhookSecret(
  appSecret: string,
  provider: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return (
    env[`LUMBUNG_${provider.toUpperCase()}_WEBHOOK_SECRET`] ??
    hmacHex(appSecret, `payment-webhook:${provider}`)
  );
}

/** A callback signed more than this many seconds before or after our clock is refused (replays of old captures). */
export const QRIS_REPLAY_WINDOW_SEC = 600;

/**
 * The generic QRIS aggregator callback: JSON {event_id, reference (the QR's tag 62.05), amount,
 * status}, with headers `x-timestamp: <unix seconds>` and
 * `x-signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`.
 */
export const qrisProvider: PaymentProvider = {
  name: 'qris',
  verify(raw, headers, secret, nowSec = Date.now() / 1000) {
    const sig = headers('x-signature') ?? '';
    const ts = headers('x-timestamp') ?? '';
    if (!/^sha256=[a-f0-9]{64}$/.test(sig) || !/^\d{10}$/.test(ts)) return false;
    if (Math.abs(nowSec - Number(ts)) > QRIS_REPLAY_WINDOW_SEC) return false;
    return safeEqualHex(sig.slice(7), hmacHex(secret, `${ts}.${raw}`));
  },
  parse(raw) {
    try {
      const b = JSON.parse(raw);
      if (
        typeof b.event_id !== 'string' ||
        !/^[\w.:-]{8,128}$/.test(b.event_id) ||
        typeof b.reference !== 'string' ||
        !/^[\x20-\x7e]{1,25}$/.test(b.reference) ||
        !Number.isSafeInteger(b.amount)
      )
        return null;
      if (b.status !== 'paid' && b.status !== 'failed') return null;
      return { eventId: b.event_id, reference: b.reference, amount: b.amount, status: b.status };
    } catch {
      return null;
    }
  },
};
/** Every provider a webhook may name; a new provider is one more adapter in this list. */
const PROVIDERS: readonly PaymentProvider[] = [qrisProvider];

/** Signs a body the way qrisProvider expects (tests, demo seed, provider simulators). */
export function signQris(
  secret: string,
  raw: string,
  ts = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return { 'x-timestamp': String(ts), 'x-signature': `sha256=${hmacHex(secret, `${ts}.${raw}`)}` };
}

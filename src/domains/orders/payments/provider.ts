// Payment providers behind one adapter: a provider proves a callback with an HMAC signature
// and says which payment it paid. The webhook handler verifies, then settles idempotently
// (the provider's event id is the Idempotency-Key), so retries of the same event are harmless.
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface ProviderEvent {
  eventId: string;
  paymentId: string;
  amount: number;
  status: 'paid' | 'failed';
}

export interface PaymentProvider {
  name: string;
  /** True when `raw` (the exact body bytes) carries a valid signature in `headers`. */
  verify(raw: string, headers: (name: string) => string | undefined, secret: string): boolean;
  parse(raw: string): ProviderEvent | null;
}

const providers = new Map<string, PaymentProvider>();

export function registerPaymentProvider(p: PaymentProvider): void {
  providers.set(p.name, p);
}
export function paymentProvider(name: string): PaymentProvider | undefined {
  return providers.get(name);
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
export function webhookSecret(appSecret: string, provider: string, env: NodeJS.ProcessEnv = process.env): string {
  return env[`LUMBUNG_${provider.toUpperCase()}_WEBHOOK_SECRET`] ?? hmacHex(appSecret, `payment-webhook:${provider}`);
}

/**
 * The generic QRIS aggregator callback: JSON {event_id, reference (our payment id), amount,
 * status}, signed as `x-signature: sha256=<hex HMAC of the body>` with a timestamp header
 * included in the MAC to stop replays of old captures.
 */
export const qrisProvider: PaymentProvider = {
  name: 'qris',
  verify(raw, headers, secret) {
    const sig = headers('x-signature') ?? '';
    const ts = headers('x-timestamp') ?? '';
    if (!/^sha256=[a-f0-9]{64}$/.test(sig) || !/^\d{10}$/.test(ts)) return false;
    if (Math.abs(Date.now() / 1000 - Number(ts)) > 600) return false;
    return safeEqualHex(sig.slice(7), hmacHex(secret, `${ts}.${raw}`));
  },
  parse(raw) {
    try {
      const b = JSON.parse(raw);
      if (typeof b.event_id !== 'string' || !/^[\w.:-]{8,128}$/.test(b.event_id) || typeof b.reference !== 'string' || !Number.isSafeInteger(b.amount)) return null;
      if (b.status !== 'paid' && b.status !== 'failed') return null;
      return { eventId: b.event_id, paymentId: b.reference, amount: b.amount, status: b.status };
    } catch {
      return null;
    }
  },
};
registerPaymentProvider(qrisProvider);

/** Signs a body the way qrisProvider expects (tests, demo seed, provider simulators). */
export function signQris(secret: string, raw: string, ts = Math.floor(Date.now() / 1000)): Record<string, string> {
  return { 'x-timestamp': String(ts), 'x-signature': `sha256=${hmacHex(secret, `${ts}.${raw}`)}` };
}

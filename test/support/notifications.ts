// A real HTTP server standing in for a message provider (WhatsApp Cloud API or an SMS gateway)
// in notification tests: it records every request and answers from a script of responses.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import assert from 'node:assert/strict';
import { createWorld, type World } from './world.js';
import { anyVillage, makeOrganisation, makeUmkm } from './community.js';
import { httpSms, whatsappCloud, type Senders } from '../../src/domains/notifications/index.js';

export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

export interface Receiver {
  url: string;
  requests: Received[];
  /** Answers for the next requests, in order; when empty: 200 with a fresh message id. */
  script: { status: number; body?: unknown }[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests: Received[] = [];
  const script: Receiver['script'] = [];
  let n = 0;
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      let body: unknown = raw;
      try {
        body = JSON.parse(raw);
      } catch {
        // kept as text
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      const next = script.shift() ?? {
        status: 200,
        body: { messages: [{ id: `wamid.R${++n}` }], id: `sms-${n}` },
      };
      res.writeHead(next.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(next.body ?? {}));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

// ---- Shared fixtures of the notifications tests (one world + one receiver per test file) ----

export const PUBLIC_URL = 'https://lumbung.example';

export interface NotifyWorld {
  w: World;
  rx: Receiver;
  /** Real adapters pointed at the receiver. */
  senders: Senders;
  close(): Promise<void>;
}

export async function notifyWorld(): Promise<NotifyWorld> {
  const w = await createWorld();
  const rx = await startReceiver();
  const senders: Senders = {
    whatsapp: whatsappCloud({
      baseUrl: `${rx.url}/v20.0`,
      phoneNumberId: '1234567',
      token: 'wa-token',
    }),
    sms: httpSms({ url: `${rx.url}/sms/send`, token: 'sms-token' }),
  };
  return {
    w,
    rx,
    senders,
    async close() {
      await rx.close();
      await w.close();
    },
  };
}

/** The person's delivery rows (WhatsApp before SMS). */
export const deliveriesOf = (w: World, userId: string) =>
  w.h.db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('channel', 'desc')
    .execute();

/** The person's inbox rows, oldest first. */
export const inboxOf = (w: World, userId: string) =>
  w.h.db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Sets a signed-in person's channels through the preferences form (never quiet unless asked). */
export async function chooseChannels(
  s: { form(path: string, body: Record<string, string>): Promise<Response> },
  o: { whatsapp?: boolean; sms?: boolean; quiet?: [number, number] } = {},
): Promise<void> {
  const [from, to] = o.quiet ?? [0, 0];
  const form: Record<string, string> = { quiet_from: String(from), quiet_to: String(to) };
  if (o.whatsapp ?? true) form.whatsapp = '1';
  if (o.sms) form.sms = '1';
  assert.equal((await s.form('/kotak-masuk/pengaturan', form)).status, 303);
}

/** A seller of a fresh UMKM in Ngada (WITA) with the given channels (WhatsApp by default). */
export async function sellerWithChannels(
  w: World,
  o: { whatsapp?: boolean; sms?: boolean; quiet?: [number, number] } = {},
) {
  const village = await anyVillage(w.h.db);
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const umkm = await makeUmkm(w.h.db, { villageCode: village, organisationId: org });
  const s = await w.as('seller', umkm);
  await chooseChannels(s, o);
  return { s, umkm, org, village };
}

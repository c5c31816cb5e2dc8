// Runtime configuration from the environment, read once. Defaults make `npm start` work on a
// fresh machine: embedded SQLite in ./data, demo mode, port 3000.
import { randomBytes } from 'node:crypto';

export type Mode = 'demo' | 'production';

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** A streaming replica of `databaseUrl` that dashboards' heavy reads go to (PostgreSQL only). */
  replicaUrl: string | undefined;
  sqlitePath: string;
  uploadDir: string;
  /** Key for HMACs (CSRF tokens, signed cookies). Random per process when unset (demo only). */
  secret: string;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  maxBodyBytes: number;
  /** Where buyers send money: the bank account for transfers and the QRIS merchant. */
  payee: Payee;
}

export interface Payee {
  bankName: string;
  bankAccount: string;
  accountHolder: string;
  qris: {
    merchantPan: string;
    nmid: string;
    name: string;
    city: string;
    postalCode: string;
    mcc: string;
  };
}

/**
 * Payee settings: required in production (no made-up account may ever be shown to a buyer),
 * demo values otherwise. Name and city limits are QRIS's (EMVCo tags 59 and 60). A value that
 * identifies the payee may not be the demo one in production (the bank, city and postal code may).
 */
const PAYEE_VARS = [
  {
    key: 'LUMBUNG_PAYEE_BANK',
    identifies: false,
    demo: 'BRI',
    pattern: /^.{2,40}$/,
    hint: 'bank name, e.g. BRI',
  },
  {
    key: 'LUMBUNG_PAYEE_ACCOUNT',
    identifies: true,
    demo: '0123-01-000123-30-1',
    pattern: /^[0-9][0-9 .-]{4,30}$/,
    hint: 'account number',
  },
  {
    key: 'LUMBUNG_PAYEE_NAME',
    identifies: true,
    demo: 'Lumbung Desa (DEMO)',
    pattern: /^.{2,60}$/,
    hint: 'account holder name',
  },
  {
    key: 'LUMBUNG_QRIS_MERCHANT_PAN',
    identifies: true,
    demo: '936000000000000001',
    pattern: /^\d{16,19}$/,
    hint: '16-19 digits',
  },
  {
    key: 'LUMBUNG_QRIS_NMID',
    identifies: true,
    demo: 'ID1026000000001',
    pattern: /^ID\d{10,13}$/,
    hint: 'ID + 10-13 digits',
  },
  {
    key: 'LUMBUNG_QRIS_MERCHANT_NAME',
    identifies: true,
    demo: 'LUMBUNG DESA DEMO',
    pattern: /^[\x20-\x7e]{1,25}$/,
    hint: 'at most 25 ASCII characters',
  },
  {
    key: 'LUMBUNG_QRIS_CITY',
    identifies: false,
    demo: 'BAJAWA',
    pattern: /^[\x20-\x7e]{1,15}$/,
    hint: 'at most 15 ASCII characters',
  },
  {
    key: 'LUMBUNG_QRIS_POSTAL_CODE',
    identifies: false,
    demo: '86413',
    pattern: /^\d{5}$/,
    hint: '5 digits',
  },
] as const;
type PayeeVar = (typeof PAYEE_VARS)[number]['key'];

function loadPayee(env: NodeJS.ProcessEnv, mode: Mode): Payee {
  const missing: string[] = [];
  const bad: string[] = [];
  const v = {} as Record<PayeeVar, string>;
  for (const d of PAYEE_VARS) {
    const raw = env[d.key]?.trim();
    if (!raw) {
      if (mode === 'production') missing.push(d.key);
      v[d.key] = d.demo;
    } else if (!d.pattern.test(raw)) bad.push(`${d.key} (${d.hint})`);
    else if (mode === 'production' && d.identifies && raw === d.demo)
      bad.push(`${d.key} (the demo value)`);
    else v[d.key] = raw;
  }
  const problems = [
    missing.length ? `missing ${missing.join(', ')}` : '',
    bad.length ? `invalid ${bad.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length)
    throw new Error(
      `Payee settings: ${problems.join('; ')}. Production shows buyers only a real account and QRIS merchant; see README, Configuration.`,
    );
  const mcc = env.LUMBUNG_QRIS_MCC?.trim() || '5499';
  if (!/^\d{4}$/.test(mcc)) throw new Error('Payee settings: invalid LUMBUNG_QRIS_MCC (4 digits).');
  return {
    bankName: v.LUMBUNG_PAYEE_BANK,
    bankAccount: v.LUMBUNG_PAYEE_ACCOUNT,
    accountHolder: v.LUMBUNG_PAYEE_NAME,
    qris: {
      merchantPan: v.LUMBUNG_QRIS_MERCHANT_PAN,
      nmid: v.LUMBUNG_QRIS_NMID,
      name: v.LUMBUNG_QRIS_MERCHANT_NAME,
      city: v.LUMBUNG_QRIS_CITY,
      postalCode: v.LUMBUNG_QRIS_POSTAL_CODE,
      mcc,
    },
  };
}

/** The demo payee (tests and benches that build a config by hand). */
export function demoPayee(): Payee {
  return loadPayee({}, 'demo');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode: Mode =
    env.LUMBUNG_MODE === 'production' || env.NODE_ENV === 'production' ? 'production' : 'demo';
  const secret =
    env.LUMBUNG_SECRET ?? (mode === 'production' ? '' : randomBytes(32).toString('hex'));
  if (!secret) throw new Error('LUMBUNG_SECRET must be set in production mode');
  return {
    mode,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    replicaUrl: env.LUMBUNG_REPLICA_URL || undefined,
    sqlitePath: env.LUMBUNG_DB_PATH ?? './data/lumbung.db',
    uploadDir: env.LUMBUNG_UPLOAD_DIR ?? './data/uploads',
    secret,
    sqliteSynchronous: env.LUMBUNG_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
    logLevel: (env.LUMBUNG_LOG_LEVEL as Config['logLevel']) ?? 'info',
    maxBodyBytes: Number(env.LUMBUNG_MAX_BODY_BYTES ?? 1024 * 1024),
    payee: loadPayee(env, mode),
  };
}

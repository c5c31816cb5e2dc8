// Runtime configuration from the environment, read once. Defaults make `npm start` work on a
// fresh machine: embedded SQLite in ./data, demo mode, port 3000.
import { randomBytes } from 'node:crypto';

export type Mode = 'demo' | 'production';

export interface Config {
  mode: Mode;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  sqlitePath: string;
  uploadDir: string;
  /** Key for HMACs (CSRF tokens, signed cookies). Random per process when unset (demo only). */
  secret: string;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  maxBodyBytes: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode: Mode = env.LUMBUNG_MODE === 'production' || env.NODE_ENV === 'production' ? 'production' : 'demo';
  const secret = env.LUMBUNG_SECRET ?? (mode === 'production' ? '' : randomBytes(32).toString('hex'));
  if (!secret) throw new Error('LUMBUNG_SECRET must be set in production mode');
  return {
    mode,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    sqlitePath: env.LUMBUNG_DB_PATH ?? './data/lumbung.db',
    uploadDir: env.LUMBUNG_UPLOAD_DIR ?? './data/uploads',
    secret,
    sqliteSynchronous: env.LUMBUNG_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
    logLevel: (env.LUMBUNG_LOG_LEVEL as Config['logLevel']) ?? 'info',
    maxBodyBytes: Number(env.LUMBUNG_MAX_BODY_BYTES ?? 1024 * 1024),
  };
}

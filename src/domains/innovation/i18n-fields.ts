// Small helpers the innovation pages use to speak the visitor's language.
import type { Context } from 'hono';
import type { AppEnv } from '../../kernel/http/index.js';
import { translateFields } from '../../kernel/http/index.js';
import { t as translate } from '../../kernel/i18n/index.js';
import type { FieldErrors } from '../../kernel/errors/index.js';

export const t = (c: Context<AppEnv>, key: string, params?: Record<string, unknown>) =>
  translate(c.get('locale'), key, params);

/** Field errors (i18n keys) → messages in the visitor's language. */
export const translateFieldsSafe = (c: Context<AppEnv>, fields: FieldErrors) =>
  translateFields(c.get('locale'), fields);

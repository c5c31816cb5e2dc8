// Inputs of the accounts domain.
import { z } from 'zod';
import { normaliseMobile } from '../../kernel/auth/index.js';
import { ROLES } from './roles.js';

export const phoneSchema = z
  .string()
  .trim()
  .min(1)
  .transform((v, ctx) => {
    const n = normaliseMobile(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' });
      return z.NEVER;
    }
    return n;
  });

export const loginSchema = z.object({
  login: z.string().trim().min(1).max(120),
  password: z.string().min(1).max(200),
  next: z.string().optional(),
});

export const passwordSchema = z.string().min(10, { message: 'accounts.password_short' }).max(200);

export const inviteSchema = z.object({
  display_name: z
    .string()
    .trim()
    .min(2)
    .max(120)
    .regex(/^[^<>]*$/, { message: 'validation.no_html' }),
  phone: phoneSchema,
  role: z.enum(ROLES),
  scope_id: z.string().trim().max(64).optional().default(''),
});

export const acceptInviteSchema = z.object({ password: passwordSchema });

export const tokenSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2)
    .max(80)
    .regex(/^[^<>]*$/, { message: 'validation.no_html' }),
  grant_id: z.string().min(1),
});

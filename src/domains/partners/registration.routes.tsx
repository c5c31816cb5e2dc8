// The national admin registers a partner platform (`/mitra/daftar`): its name, kind, webhook
// and contact person; the answer is the contact's invitation link.
import type { Context, Hono } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import {
  page,
  readForm,
  requireRole,
  Csrf,
  Field,
  SelectField,
  ErrorSummary,
  type AppEnv,
} from '../../kernel/http/index.js';
import { registerPartner } from './partners.service.js';
import { registerPartnerSchema } from './partners.schema.js';

type C = Context<AppEnv>;
const tr = (c: C) => (k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export function registrationPages(app: Hono<AppEnv>) {
  const registerPage = (
    c: C,
    o: {
      errors?: Record<string, string>;
      raw?: Record<string, string>;
      done?: { name: string; link: string };
    } = {},
    status: 200 | 201 | 422 = 200,
  ) => {
    const s = tr(c);
    return page(
      c,
      { title: s('partners.register'), status },
      <section class="card">
        <h1>{s('partners.register')}</h1>
        {o.done ? (
          <div role="status" class="notice">
            <p>{s('partners.registered', { name: o.done.name })}</p>
            <p>
              <code>{o.done.link}</code>
            </p>
          </div>
        ) : null}
        <form method="post" action="/mitra/daftar">
          <Csrf c={c} />
          <ErrorSummary c={c} errors={o.errors} />
          <Field
            name="name"
            label={s('partners.name')}
            value={o.raw?.name}
            error={o.errors?.name}
            required
          />
          <SelectField
            name="kind"
            label={s('partners.kind')}
            value={o.raw?.kind}
            options={['marketplace', 'social_commerce', 'retailer', 'aggregator'].map((k) => ({
              value: k,
              label: s(`partners.kind.${k}`),
            }))}
          />
          <Field
            name="webhook_url"
            label={s('partners.webhook_url')}
            type="url"
            value={o.raw?.webhook_url}
            error={o.errors?.webhook_url}
          />
          <Field
            name="contact_name"
            label={s('partners.contact_name')}
            value={o.raw?.contact_name}
            error={o.errors?.contact_name}
            required
          />
          <Field
            name="contact_phone"
            label={s('partners.contact_phone')}
            type="tel"
            inputmode="tel"
            value={o.raw?.contact_phone}
            error={o.errors?.contact_phone}
            required
          />
          <button type="submit">{s('partners.register')}</button>
        </form>
      </section>,
    );
  };
  app.get('/mitra/daftar', (c) => {
    requireRole(c, 'national_admin');
    return registerPage(c);
  });
  app.post('/mitra/daftar', async (c) => {
    const actor = requireRole(c, 'national_admin');
    const form = await readForm(c, registerPartnerSchema);
    if (!form.ok) return registerPage(c, { errors: form.errors, raw: form.raw }, 422);
    const r = await registerPartner(c.get('deps').h.db, actor, {
      name: form.data.name,
      kind: form.data.kind,
      webhookUrl: form.data.webhook_url || null,
      contactName: form.data.contact_name,
      contactPhone: form.data.contact_phone,
    });
    if (!r.ok) {
      const key =
        r.code === 'ACCOUNTS_USER_EXISTS'
          ? 'accounts.user_exists'
          : r.fields?.phone
            ? r.fields.phone.key
            : 'validation.invalid';
      return registerPage(
        c,
        { errors: { contact_phone: t(c.get('locale'), key) }, raw: form.raw },
        422,
      );
    }
    return registerPage(
      c,
      {
        done: {
          name: form.data.name,
          link: `${new URL(c.req.url).origin}/invite/${r.value.inviteCode}`,
        },
      },
      201,
    );
  });
}

// Form parts the shop page (cycle orders, standing orders) and the group-buy page share: the
// page's alert and error summary, and the buyer's name, phone and then either the household's
// consent (an agent recording for a neighbour pays cash at the point) or the payment method.
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';

type C = Context<AppEnv>;

/** The refusal in words (role=alert) and the list of bad fields linked to them. */
export function FormAlerts(p: { c: C; message?: string; errors?: Record<string, string> }) {
  return (
    <>
      {p.message ? (
        <div class="alert" role="alert">
          <p>{p.message}</p>
        </div>
      ) : null}
      <ErrorSummary c={p.c} errors={p.errors} />
    </>
  );
}

/** Name, phone (optional for an agent's neighbour), then consent (agent) or payment method. */
export function BuyerFields(p: {
  c: C;
  raw: Record<string, string>;
  errors: Record<string, string>;
  asAgent: boolean;
}) {
  const tr = (k: string) => t(p.c.get('locale'), k);
  const e = p.errors;
  return (
    <>
      <Field
        name="name"
        label={tr('collective.shop.name')}
        value={p.raw.name}
        error={e.name}
        // The agent types a neighbour's name: their own saved name would be wrong.
        autocomplete={p.asAgent ? 'off' : 'name'}
        required
      />
      <Field
        name="phone"
        type="tel"
        label={tr(p.asAgent ? 'collective.shop.phone_optional' : 'collective.shop.phone')}
        value={p.raw.phone}
        error={e.phone}
        autocomplete={p.asAgent ? 'off' : 'tel'}
        inputmode="tel"
      />
      {p.asAgent ? (
        <div class={e.consent ? 'field invalid' : 'field'}>
          <label>
            <input type="checkbox" name="consent" value="1" checked={p.raw.consent === '1'} />{' '}
            {tr('collective.shop.consent')}
          </label>
          {e.consent ? (
            <p class="error" id="f-consent">
              {e.consent}
            </p>
          ) : null}
        </div>
      ) : (
        <SelectField
          name="payment"
          label={tr('collective.shop.payment')}
          value={p.raw.payment}
          options={(['cod', 'transfer', 'qris'] as const).map((m) => ({
            value: m,
            label: tr(`collective.pay.${m}`),
          }))}
        />
      )}
    </>
  );
}

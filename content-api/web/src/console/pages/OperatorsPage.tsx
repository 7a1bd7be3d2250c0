// Operators (admin): every account (GET /v1/operator/operators) with its role and lock, and a form to create one
// with a role. The API names the field it refuses.
import { createResource, createSignal, For, Show } from 'solid-js';
import { locale, t } from '../../shared/i18n/i18n.ts';
import { api, dataOf } from '../api/client.ts';
import { errorText } from '../api/error-text.ts';
import type { ConsoleRole } from '../roles.ts';
import DataTable from '../components/DataTable.tsx';
import { FormError, TextField } from '../components/FormFields.tsx';

/** The roles offered when creating an account, the least powerful first (the form's default). */
const ROLES: ConsoleRole[] = ['viewer', 'curator', 'scheduler', 'admin', 'carrier'];

export default function OperatorsPage() {
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [role, setRole] = createSignal<ConsoleRole>('viewer');
  // A carrier account names its carrier: it binds boxes only into that carrier's regions.
  const [carrier, setCarrier] = createSignal('');
  const [created, setCreated] = createSignal<{ username: string; role: ConsoleRole } | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const [operators, { refetch }] = createResource(
    async () => (await dataOf(api.GET('/v1/operator/operators'))).items,
  );
  const when = (iso: string) => new Date(iso).toLocaleString(locale(), { hour12: false });

  async function create(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    try {
      const body = {
        username: username().trim(),
        password: password(),
        role: role(),
        ...(role() === 'carrier' ? { carrier: carrier().trim() } : {}),
      };
      const operator = await dataOf(api.POST('/v1/operator/operators', { body }));
      setCreated(operator);
      setUsername('');
      setPassword('');
      void refetch();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <section class="screen">
      <header class="screen-header">
        <h1>{t('console.operators.title')}</h1>
      </header>
      <form class="card form-grid" onSubmit={create}>
        <TextField
          label={t('console.signIn.username')}
          name="newUsername"
          required
          value={username()}
          onInput={setUsername}
          hint={t('console.operators.usernameHint')}
        />
        <TextField
          label={t('console.signIn.password')}
          name="newPassword"
          type="password"
          autocomplete="new-password"
          required
          minLength={12}
          value={password()}
          onInput={setPassword}
          hint={t('console.operators.passwordHint')}
        />
        <label>
          {t('console.operators.role')}
          <select name="role" value={role()} onChange={(e) => setRole(e.currentTarget.value as ConsoleRole)}>
            <For each={ROLES}>
              {(option) => <option value={option}>{t(`console.role.${option}`)}</option>}
            </For>
          </select>
        </label>
        <Show when={role() === 'carrier'}>
          <label>
            {t('console.operators.carrier')}
            <input
              name="carrier"
              required
              value={carrier()}
              onInput={(e) => setCarrier(e.currentTarget.value)}
            />
            <small class="hint">{t('console.operators.carrierHint')}</small>
          </label>
        </Show>
        <FormError error={error()} listDetails />
        <div class="form-actions">
          <button type="submit" class="primary">
            {t('console.operators.create')}
          </button>
          <span class="status" role="status">
            <Show when={created()}>
              {(operator) =>
                t('console.operators.created', {
                  username: operator().username,
                  role: t(`console.role.${operator().role}`),
                })
              }
            </Show>
          </span>
        </div>
      </form>
      <h2>{t('console.operators.listTitle')}</h2>
      <Show when={operators.error}>
        <p class="error" role="alert">
          {errorText(operators.error)}
        </p>
      </Show>
      <DataTable
        class="operators-table"
        rows={operators.latest ?? []}
        columns={[
          { header: t('console.signIn.username'), cell: (operator) => operator.username },
          { header: t('console.operators.role'), cell: (operator) => t(`console.role.${operator.role}`) },
          { header: t('console.operators.createdAt'), cell: (operator) => when(operator.createdAt) },
          {
            header: t('console.operators.status'),
            cell: (operator) =>
              operator.lockedUntil ? (
                <span class="error">
                  {t('console.operators.lockedUntil', { time: when(operator.lockedUntil) })}
                </span>
              ) : (
                t('console.operators.active')
              ),
          },
        ]}
      />
    </section>
  );
}

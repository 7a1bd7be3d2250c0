// Operators (admin): create an account with a role. The API names the field it refuses.
import { createSignal, For, Show } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import { api, dataOf } from '../api/client.ts';
import { detailsOf, errorText } from '../api/error-text.ts';
import type { ConsoleRole } from '../roles.ts';

const ROLES: ConsoleRole[] = ['viewer', 'curator', 'scheduler', 'admin'];

export default function OperatorsPage() {
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [role, setRole] = createSignal<ConsoleRole>('viewer');
  const [created, setCreated] = createSignal<{ username: string; role: string }[]>([]);
  const [error, setError] = createSignal<unknown>(null);

  async function create(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    try {
      const body = { username: username().trim(), password: password(), role: role() };
      const operator = await dataOf(api.POST('/v1/operator/operators', { body }));
      setCreated((list) => [operator, ...list]);
      setUsername('');
      setPassword('');
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
        <label>
          {t('console.signIn.username')}
          <input
            name="newUsername"
            required
            value={username()}
            onInput={(e) => setUsername(e.currentTarget.value)}
          />
          <small class="hint">{t('console.operators.usernameHint')}</small>
        </label>
        <label>
          {t('console.signIn.password')}
          <input
            name="newPassword"
            type="password"
            autocomplete="new-password"
            required
            minLength={12}
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          <small class="hint">{t('console.operators.passwordHint')}</small>
        </label>
        <label>
          {t('console.operators.role')}
          <select name="role" value={role()} onChange={(e) => setRole(e.currentTarget.value as ConsoleRole)}>
            <For each={ROLES}>
              {(option) => <option value={option}>{t(`console.role.${option}`)}</option>}
            </For>
          </select>
        </label>
        <For each={detailsOf(error())}>
          {(detail) => (
            <p class="field-error">
              {detail.path}: {detail.message}
            </p>
          )}
        </For>
        <Show when={error() && detailsOf(error()).length === 0}>
          <p class="error" role="alert">
            {errorText(error())}
          </p>
        </Show>
        <div class="form-actions">
          <button type="submit" class="primary">
            {t('console.operators.create')}
          </button>
        </div>
      </form>
      <Show when={created().length > 0} fallback={<p class="empty">{t('console.operators.noneYet')}</p>}>
        <ul class="change-list">
          <For each={created()}>
            {(operator) => (
              <li>
                {t('console.operators.created', {
                  username: operator.username,
                  role: t(`console.role.${operator.role as ConsoleRole}`),
                })}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

// Sign-in with an operator account. Says why a previous session ended, and what a refusal means (wrong
// password, the account locked after too many tries, too many tries from this address).
import { createSignal, Show } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import LanguageSwitch from '../../shared/components/LanguageSwitch.tsx';
import { api, dataOf } from '../api/client.ts';
import { endReason, startSession } from '../session.ts';
import { errorText } from '../api/error-text.ts';

export default function SignInPage() {
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);

  async function signIn(event: SubmitEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await dataOf(
        api.POST('/v1/operator/sessions', { body: { username: username(), password: password() } }),
      );
      startSession({ ...answer, username: username() });
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main class="sign-in">
      <form class="card sign-in-card" onSubmit={signIn}>
        <h1>
          {t('common.appName')} · {t('console.title')}
        </h1>
        <Show when={endReason() === 'expired'}>
          <p class="notice" role="status">
            {t('console.signIn.expired')}
          </p>
        </Show>
        <label>
          {t('console.signIn.username')}
          <input
            name="username"
            autocomplete="username"
            required
            value={username()}
            onInput={(event) => setUsername(event.currentTarget.value)}
          />
        </label>
        <label>
          {t('console.signIn.password')}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password()}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </label>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
        <button type="submit" class="primary" disabled={isBusy()}>
          {isBusy() ? t('console.signIn.busy') : t('console.signIn.submit')}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}

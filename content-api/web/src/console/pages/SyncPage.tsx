// Start a catalogue sync (admin) and watch it: progress polled every second until it ends, then its report.
import { createSignal, onCleanup, Show } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import type { components } from '../../shared/api/openapi.gen.ts';
import { api, dataOf } from '../api/client.ts';
import { errorText } from '../api/error-text.ts';
import SyncReport from '../components/SyncReport.tsx';

type SyncJob = components['schemas']['SyncJob'];
const POLL_MS = 1000;

export default function SyncPage() {
  const [from, setFrom] = createSignal('');
  const [job, setJob] = createSignal<SyncJob | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  async function watch(id: string) {
    try {
      const current = await dataOf(api.GET('/v1/operator/sync/{id}', { params: { path: { id } } }));
      setJob(current);
      if (current.status === 'running') timer = setTimeout(() => void watch(id), POLL_MS);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  async function start(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    try {
      const started = await dataOf(api.POST('/v1/operator/sync', { body: { from: from().trim() } }));
      setJob(started);
      void watch(started.id);
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  const percent = () => {
    const progress = job()?.progress;
    return progress?.total ? Math.round((progress.done / progress.total) * 100) : undefined;
  };

  return (
    <section class="screen">
      <header class="screen-header">
        <h1>{t('console.sync.title')}</h1>
      </header>
      <form class="card form-grid" onSubmit={start}>
        <label>
          {t('console.sync.from')}
          <input
            name="from"
            required
            value={from()}
            onInput={(e) => setFrom(e.currentTarget.value)}
            placeholder="https://…"
          />
          <small class="hint">{t('console.sync.fromHint')}</small>
        </label>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={job()?.status === 'running'}>
            {t('console.sync.start')}
          </button>
        </div>
      </form>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={job()} fallback={<p class="empty">{t('console.sync.none')}</p>}>
        {(current) => (
          <section class="card" aria-live="polite">
            <h2>{t(`console.sync.status.${current().status}`)}</h2>
            {/* Without a total the bar is indeterminate (a value must be a finite number). */}
            <Show
              when={percent() !== undefined}
              fallback={<progress aria-label={t('console.sync.progress')} />}
            >
              <progress max={100} value={percent()!} aria-label={t('console.sync.progress')} />
            </Show>
            <p>
              {t('console.sync.done', {
                done: current().progress.done,
                total: current().progress.total ?? '?',
              })}
              {current().progress.current ? ` · ${current().progress.current}` : ''}
            </p>
            <Show when={current().error}>
              <p class="error">{current().error}</p>
            </Show>
            <Show when={current().report}>{(report) => <SyncReport report={report()} />}</Show>
          </section>
        )}
      </Show>
    </section>
  );
}

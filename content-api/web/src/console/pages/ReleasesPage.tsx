// Releases of the region: what the draft changes, publish now or at a time with a note, the history, roll
// back to any earlier release (confirmed), cancel a scheduled one. Only roles that may publish see the buttons.
import { createResource, createSignal, Show } from 'solid-js';
import { locale, t } from '../../shared/i18n/i18n.ts';
import { errorText } from '../api/error-text.ts';
import { scheduleApi } from '../api/schedule-api.ts';
import type { Release } from '../api/schedule-types.ts';
import ChangeList from '../components/ChangeList.tsx';
import ConfirmDialog from '../components/ConfirmDialog.tsx';
import DataTable from '../components/DataTable.tsx';
import DateField from '../components/DateField.tsx';
import { StatusMessage, type Status } from '../components/FormFields.tsx';
import { region } from '../region.ts';
import { scope } from '../scope.ts';
import { can } from '../roles.ts';
import { session } from '../session.ts';

export default function ReleasesPage() {
  const [changes, { refetch: refetchChanges }] = createResource(scope, scheduleApi.changes);
  const [releases, { refetch: refetchReleases }] = createResource(scope, scheduleApi.listReleases);
  const [note, setNote] = createSignal('');
  const [publishAt, setPublishAt] = createSignal('');
  /** A publish time typed but not a time: neither publish now nor schedule until it is fixed. */
  const [publishAtValid, setPublishAtValid] = createSignal(true);
  const [status, setStatus] = createSignal<Status | null>(null);
  const [confirming, setConfirming] = createSignal<Release | null>(null);
  const canPublish = () => can(session()?.role, 'publish');
  const when = (iso: string) => new Date(iso).toLocaleString(locale(), { hour12: false });

  async function act(action: () => Promise<unknown>, done: string) {
    setStatus(null);
    try {
      await action();
      setStatus({ kind: 'ok', text: done });
      void refetchChanges();
      void refetchReleases();
    } catch (failure) {
      setStatus({ kind: 'error', text: errorText(failure) });
    }
  }

  function publish(event: SubmitEvent) {
    event.preventDefault();
    if (!publishAtValid()) return;
    const at = publishAt() ? new Date(publishAt()).toISOString() : undefined;
    void act(
      () =>
        scheduleApi.publish(scope(), {
          ...(note().trim() ? { note: note().trim() } : {}),
          ...(at ? { publishAt: at } : {}),
        }),
      at ? t('console.releases.scheduled') : t('console.releases.published'),
    ).then(() => setNote(''));
  }

  return (
    <section class="screen">
      <header class="screen-header">
        <h1>{t('console.releases.title', { region: region() })}</h1>
      </header>
      <StatusMessage status={status()} />
      <div class="two-columns">
        <section class="card">
          <h2>{t('console.releases.changes')}</h2>
          <Show when={changes.error}>
            <p class="error">{errorText(changes.error)}</p>
          </Show>
          <Show when={changes()}>{(current) => <ChangeList changes={current()} />}</Show>
          <Show when={canPublish()}>
            <form class="publish-form" onSubmit={publish}>
              <label>
                {t('console.releases.note')}
                <input
                  name="note"
                  maxLength={500}
                  value={note()}
                  onInput={(e) => setNote(e.currentTarget.value)}
                />
              </label>
              <label>
                {t('console.releases.publishAt')}
                <DateField
                  name="publishAt"
                  withTime
                  value={publishAt()}
                  onChange={(at, valid) => {
                    setPublishAt(at);
                    setPublishAtValid(valid);
                  }}
                />
              </label>
              <button
                type="submit"
                class="primary"
                disabled={!publishAtValid() || (!changes()?.hasChanges && !publishAt())}
              >
                {publishAt() ? t('console.releases.schedule') : t('console.releases.publishNow')}
              </button>
            </form>
          </Show>
        </section>
        <section class="card">
          <h2>{t('console.releases.history')}</h2>
          <Show when={releases()}>
            {(list) => (
              <DataTable
                rows={list()}
                empty={t('console.releases.none')}
                rowClass={(release) => ({ current: release.state === 'current' })}
                columns={[
                  {
                    header: t('console.releases.version'),
                    class: 'nowrap',
                    cell: (release) => `v${release.version}`,
                  },
                  {
                    header: t('console.releases.state'),
                    class: 'nowrap',
                    cell: (release) =>
                      t(`console.releases.state.${release.state}`) +
                      (release.restores
                        ? ` ${t('console.releases.restores', { version: release.restores })}`
                        : ''),
                  },
                  {
                    header: t('console.releases.when'),
                    class: 'nowrap',
                    cell: (release) => when(release.publishAt),
                  },
                  { header: t('console.releases.by'), cell: (release) => release.createdBy },
                  { header: t('console.releases.noteColumn'), cell: (release) => release.note ?? '' },
                  {
                    header: '',
                    class: 'row-actions',
                    cell: (release) => (
                      <>
                        <Show when={canPublish() && release.state === 'past'}>
                          <button type="button" onClick={() => setConfirming(release)}>
                            {t('console.releases.rollback')}
                          </button>
                        </Show>
                        <Show when={canPublish() && release.state === 'scheduled'}>
                          <button
                            type="button"
                            onClick={() =>
                              void act(
                                () => scheduleApi.cancel(scope(), release.version),
                                t('console.releases.cancelled'),
                              )
                            }
                          >
                            {t('console.releases.cancel')}
                          </button>
                        </Show>
                      </>
                    ),
                  },
                ]}
              />
            )}
          </Show>
        </section>
      </div>
      <Show when={confirming()}>
        {(release) => (
          <ConfirmDialog
            title={t('console.releases.confirmTitle', { version: release().version })}
            body={t('console.releases.confirmBody', { version: release().version, region: region() })}
            confirmLabel={t('console.releases.rollback')}
            onClose={() => setConfirming(null)}
            onConfirm={() => {
              const version = release().version;
              setConfirming(null);
              void act(
                () => scheduleApi.rollback(scope(), version),
                t('console.releases.rolledBack', { version }),
              );
            }}
          />
        )}
      </Show>
    </section>
  );
}

// A region's draft channels: the list, a form to create or edit one, and the way into its week builder.
import { createResource, createSignal, Show } from 'solid-js';
import { pickText, t } from '../../shared/i18n/i18n.ts';
import { gradesOf, loadFacets } from '../api/catalogue-reads.ts';
import { gradeLabel } from '../grade-label.ts';
import { scheduleApi } from '../api/schedule-api.ts';
import type { DraftChannel } from '../api/schedule-types.ts';
import { errorText } from '../api/error-text.ts';
import ChannelForm from '../components/ChannelForm.tsx';
import DataTable from '../components/DataTable.tsx';
import { region } from '../region.ts';
import { scope } from '../scope.ts';
import { can } from '../roles.ts';
import { navigate } from '../route.ts';
import { session } from '../session.ts';

export default function ChannelsPage() {
  const [channels, { refetch }] = createResource(scope, scheduleApi.listChannels);
  const [grades] = createResource(region, async (code) => gradesOf(await loadFacets(code)));
  const [editing, setEditing] = createSignal<DraftChannel | 'new' | null>(null);
  const canEdit = () => can(session()?.role, 'editSchedule');
  const gradeName = (id: string) => {
    const grade = grades()?.find((option) => option.id === id);
    return grade ? gradeLabel(grade) : id;
  };

  return (
    <section class="screen">
      <header class="screen-header">
        <h1>{t('console.channels.title', { region: region() })}</h1>
        <Show when={canEdit()}>
          <button type="button" class="primary" onClick={() => setEditing('new')}>
            {t('console.channels.new')}
          </button>
        </Show>
      </header>
      {/* Keyed: the form is made afresh per channel, and closing it never reads a stale one. */}
      <Show when={editing()} keyed>
        {(current) => (
          <ChannelForm
            channel={current === 'new' ? undefined : current}
            grades={grades() ?? []}
            onDone={() => {
              setEditing(null);
              void refetch();
            }}
          />
        )}
      </Show>
      <Show when={channels.error}>
        <p class="error" role="alert">
          {errorText(channels.error)}
        </p>
      </Show>
      <Show when={channels()}>
        {(list) => (
          <DataTable
            rows={list()}
            empty={t('console.channels.empty')}
            columns={[
              { header: t('console.channels.name'), cell: (channel) => pickText(channel.title) },
              {
                header: t('console.channels.grades'),
                cell: (channel) => channel.gradeIds.map(gradeName).join('、'),
              },
              {
                header: t('console.channels.catchUp'),
                cell: (channel) => t('console.channels.hours', { hours: channel.catchUpHours }),
              },
              {
                header: t('console.channels.actions'),
                class: 'row-actions',
                cell: (channel) => (
                  <>
                    <button type="button" onClick={() => navigate('channels', channel.id)}>
                      {t('console.channels.week')}
                    </button>
                    <Show when={canEdit()}>
                      <button type="button" onClick={() => setEditing(channel)}>
                        {t('console.channels.edit')}
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
  );
}

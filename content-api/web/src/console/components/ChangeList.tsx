// The draft's unpublished changes as sentences: channels added, changed, removed; slots added and removed;
// home layouts added, changed, removed; the region's curation (rules, its own lessons, licensed sources,
// approval and providers), which every carrier's release of the region publishes.
import { For, Show } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import type { DraftChanges } from '../api/schedule-types.ts';
import { lt } from '../layouts/layouts-i18n.ts';

export default function ChangeList(props: { changes: DraftChanges }) {
  const channelLines = () => [
    ...props.changes.channels.added.map((id) => t('console.changes.channelAdded', { id })),
    ...props.changes.channels.changed.map((id) => t('console.changes.channelChanged', { id })),
    ...props.changes.channels.removed.map((id) => t('console.changes.channelRemoved', { id })),
  ];
  const slotLines = () =>
    props.changes.slots
      .filter((entry) => entry.added.length + entry.removed.length > 0)
      .map((entry) =>
        t('console.changes.slots', {
          id: entry.channelId,
          added: entry.added.length,
          removed: entry.removed.length,
        }),
      );
  const layoutLines = () => [
    ...props.changes.layouts.added.map((stage) => lt('change.added', { stage })),
    ...props.changes.layouts.changed.map((stage) => lt('change.changed', { stage })),
    ...props.changes.layouts.removed.map((stage) => lt('change.removed', { stage })),
  ];
  const curationLines = () => {
    const curation = props.changes.curation;
    type CountKey =
      'console.changes.curationRules' | 'console.changes.localLessons' | 'console.changes.sources';
    const counted = (key: CountKey, changes: { added: string[]; changed: string[]; removed: string[] }) =>
      changes.added.length + changes.changed.length + changes.removed.length > 0
        ? [
            t(key, {
              added: changes.added.length,
              changed: changes.changed.length,
              removed: changes.removed.length,
            }),
          ]
        : [];
    return [
      ...counted('console.changes.curationRules', curation.rules),
      ...counted('console.changes.localLessons', curation.localLessons),
      ...counted('console.changes.sources', curation.sources),
      ...(curation.settings ? [t('console.changes.curationSettings')] : []),
    ];
  };
  return (
    <Show when={props.changes.hasChanges} fallback={<p class="empty">{t('console.releases.noChanges')}</p>}>
      <p class="muted">
        {props.changes.against
          ? t('console.changes.against', { version: props.changes.against.version })
          : t('console.changes.againstCatalogue')}
      </p>
      <ul class="change-list">
        <For each={[...channelLines(), ...slotLines(), ...layoutLines()]}>{(line) => <li>{line}</li>}</For>
        <For each={curationLines()}>{(line) => <li class="curation-change">{line}</li>}</For>
      </ul>
    </Show>
  );
}

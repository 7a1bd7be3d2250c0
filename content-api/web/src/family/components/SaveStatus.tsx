import { Match, Switch } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';

export type SaveState =
  { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/** What became of the last save, announced politely to screen readers. */
export default function SaveStatus(props: { state: SaveState }) {
  return (
    <p class="save-status" role="status" aria-live="polite">
      <Switch>
        <Match when={props.state.kind === 'saving'}>{t('common.saving')}</Match>
        <Match when={props.state.kind === 'saved'}>
          <span class="save-status--ok" data-testid="saved">
            {t('common.saved')}
          </span>
        </Match>
        <Match when={props.state.kind === 'failed' && props.state}>
          {(failed) => <span class="save-status--error">{failed().message}</span>}
        </Match>
      </Switch>
    </p>
  );
}

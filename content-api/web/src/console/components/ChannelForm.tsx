// Create or edit a draft channel: its id (new only), title, grade, catch-up window. The API's field errors are
// shown beside the field they name.
import { createSignal, For } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import type { GradeOption } from '../api/catalogue-reads.ts';
import { gradeLabel } from '../grade-label.ts';
import { detailsOf } from '../api/error-text.ts';
import { scheduleApi } from '../api/schedule-api.ts';
import type { DraftChannel } from '../api/schedule-types.ts';
import { scope } from '../scope.ts';
import { FieldError, FormError, TextField } from './FormFields.tsx';

const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export default function ChannelForm(props: {
  channel?: DraftChannel;
  grades: GradeOption[];
  onDone(): void;
}) {
  const [id, setId] = createSignal(props.channel?.id ?? '');
  const [titleZh, setTitleZh] = createSignal(props.channel?.title.zh ?? '');
  const [titleEn, setTitleEn] = createSignal(props.channel?.title.en ?? '');
  const [gradeId, setGradeId] = createSignal(props.channel?.gradeIds[0] ?? props.grades[0]?.id ?? '');
  const [catchUpHours, setCatchUpHours] = createSignal(props.channel?.catchUpHours ?? 24);
  const [error, setError] = createSignal<unknown>(null);
  const fieldError = (field: string) =>
    detailsOf(error()).find((detail) => detail.path.startsWith(`body.${field}`))?.message;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    try {
      await scheduleApi.saveChannel(scope(), id().trim(), {
        title: { zh: titleZh().trim(), ...(titleEn().trim() ? { en: titleEn().trim() } : {}) },
        gradeIds: gradeId() ? [gradeId()] : [],
        catchUpHours: catchUpHours(),
        timeZone: props.channel?.timeZone ?? DEFAULT_TIME_ZONE,
        order: props.channel?.order ?? 0,
        ...(props.channel?.description ? { description: props.channel.description } : {}),
      });
      props.onDone();
    } catch (failure) {
      setError(failure);
    }
  }

  return (
    <form class="card form-grid" onSubmit={save} aria-label={t('console.channels.form')}>
      <TextField
        label={t('console.channels.id')}
        name="channelId"
        required
        pattern="[a-z0-9][a-z0-9\-]{0,63}"
        disabled={Boolean(props.channel)}
        value={id()}
        onInput={setId}
        hint={t('console.channels.idHint')}
      />
      <TextField
        label={t('console.channels.titleZh')}
        name="titleZh"
        required
        value={titleZh()}
        onInput={setTitleZh}
        error={fieldError('title')}
      />
      <TextField
        label={t('console.channels.titleEn')}
        name="titleEn"
        value={titleEn()}
        onInput={setTitleEn}
      />
      <label>
        {t('console.channels.grade')}
        <select name="grade" value={gradeId()} onChange={(e) => setGradeId(e.currentTarget.value)}>
          <For each={props.grades}>{(grade) => <option value={grade.id}>{gradeLabel(grade)}</option>}</For>
        </select>
        <FieldError message={fieldError('gradeIds')} />
      </label>
      <TextField
        label={t('console.channels.catchUp')}
        name="catchUpHours"
        type="number"
        min="0"
        max="720"
        value={catchUpHours()}
        onInput={(text) => setCatchUpHours(Number(text))}
        error={fieldError('catchUpHours')}
      />
      <FormError error={error()} />
      <div class="form-actions">
        <button type="submit" class="primary">
          {t('common.save')}
        </button>
        <button type="button" onClick={() => props.onDone()}>
          {t('console.cancel')}
        </button>
      </div>
    </form>
  );
}

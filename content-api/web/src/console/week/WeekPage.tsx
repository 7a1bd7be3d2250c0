// One channel's week: load the draft slots, edit them in the grid, repeat a day's pattern, save the week in
// one atomic PUT (the API refuses it whole, naming the slots), or import a timetable file.
import { createEffect, createResource, createSignal, For, Show } from 'solid-js';
import { locale, pickText, t } from '../../shared/i18n/i18n.ts';
import { detailsOf, errorText } from '../api/error-text.ts';
import { scheduleApi } from '../api/schedule-api.ts';
import { StatusMessage, type Status } from '../components/FormFields.tsx';
import { scope } from '../scope.ts';
import { can } from '../roles.ts';
import { navigate } from '../route.ts';
import { session } from '../session.ts';
import LessonPicker from './LessonPicker.tsx';
import RepeatDayForm from './RepeatDayForm.tsx';
import TimetableImport from './TimetableImport.tsx';
import { formatMinutes, localToday, mondayOf, weekDates } from './wall-time.ts';
import WeekGrid from './WeekGrid.tsx';
import {
  deleteSlot,
  fromDraftSlots,
  moveSlot,
  placeLesson,
  problemsBySlot,
  repeatDay,
  toWeekBody,
  type BuilderSlot,
} from './week-model.ts';

const shiftDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export default function WeekPage(props: { channelId: string }) {
  const [from, setFrom] = createSignal(mondayOf(localToday()));
  const [channel] = createResource(
    () => [scope(), props.channelId] as const,
    ([where, id]) => scheduleApi.getChannel(where, id),
  );
  const [loaded, { refetch }] = createResource(
    () => (channel() ? ([scope(), props.channelId, from()] as const) : undefined),
    ([where, id, week]) => scheduleApi.listSlots(where, id, week),
  );
  const [slots, setSlots] = createSignal<BuilderSlot[]>([]);
  const [isDirty, setDirty] = createSignal(false);
  const [picking, setPicking] = createSignal<{ date: string; minutes: number } | null>(null);
  const [problems, setProblems] = createSignal(new Map<string, string[]>());
  const [status, setStatus] = createSignal<Status | null>(null);
  const canEdit = () => can(session()?.role, 'editSchedule');
  const timeZone = () => channel()?.timeZone ?? 'Asia/Shanghai';
  const dates = () => weekDates(from());
  const dayFormat = () =>
    new Intl.DateTimeFormat(locale(), {
      weekday: 'short',
      month: 'numeric',
      day: 'numeric',
      timeZone: 'UTC',
    });
  const dayLabel = (date: string) => dayFormat().format(new Date(`${date}T00:00:00Z`));

  createEffect(() => {
    const answer = loaded();
    if (answer) {
      setSlots(fromDraftSlots(answer, timeZone()));
      setDirty(false);
      setProblems(new Map());
    }
  });
  const edit = (next: BuilderSlot[]) => {
    setSlots(next);
    setDirty(true);
    setStatus(null);
  };

  async function save() {
    const { body, keys } = toWeekBody(slots(), from(), timeZone());
    try {
      await scheduleApi.saveWeek(scope(), props.channelId, body);
      setStatus({ kind: 'ok', text: t('console.week.saved') });
      void refetch();
    } catch (failure) {
      const mapped = problemsBySlot(detailsOf(failure), keys);
      setProblems(mapped);
      setStatus({
        kind: 'error',
        text: mapped.size > 0 ? t('console.week.invalid', { count: mapped.size }) : errorText(failure),
      });
    }
  }

  return (
    <section class="screen">
      <header class="screen-header">
        <button type="button" class="link" onClick={() => navigate('channels')}>
          ← {t('console.nav.channels')}
        </button>
        <h1>{channel() ? pickText(channel()!.title) : props.channelId}</h1>
        <div class="week-nav">
          <button type="button" onClick={() => setFrom(shiftDays(from(), -7))}>
            {t('console.week.previous')}
          </button>
          <span>{t('console.week.range', { start: dates()[0]!, end: dates()[6]! })}</span>
          <button type="button" onClick={() => setFrom(shiftDays(from(), 7))}>
            {t('console.week.next')}
          </button>
        </div>
      </header>
      <Show when={channel.error}>
        <p class="error" role="alert">
          {errorText(channel.error)}
        </p>
      </Show>
      <Show when={channel()}>
        <div class="week-toolbar">
          <Show when={canEdit()}>
            <button type="button" class="primary" disabled={!isDirty()} onClick={() => void save()}>
              {t('console.week.save')}
            </button>
            <RepeatDayForm
              dates={dates()}
              dayLabel={dayLabel}
              onRepeat={(day, targets) => edit(repeatDay(slots(), day, targets))}
            />
          </Show>
          <span class="muted">{canEdit() ? t('console.week.help') : t('console.week.readOnly')}</span>
          <StatusMessage status={status()} />
        </div>
        <Show when={problems().size > 0}>
          <ul class="problem-list" aria-label={t('console.week.problems')}>
            <For each={slots().filter((slot) => problems().has(slot.key))}>
              {(slot) => (
                <li>
                  {dayLabel(slot.date)} {formatMinutes(slot.start)} {pickText(slot.title)}：
                  {problems().get(slot.key)!.join('；')}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={!loaded.loading && slots().length === 0}>
          <p class="empty">{t('console.week.empty')}</p>
        </Show>
        <WeekGrid
          dates={dates()}
          dayLabel={dayLabel}
          slots={slots()}
          problems={problems()}
          canEdit={canEdit()}
          onPlace={(date, minutes) => setPicking({ date, minutes })}
          onMove={(key, date, minutes) => edit(moveSlot(slots(), key, date, minutes))}
          onDelete={(key) => edit(deleteSlot(slots(), key))}
        />
        <Show when={canEdit()}>
          <TimetableImport channelId={props.channelId} onImported={() => void refetch()} />
        </Show>
      </Show>
      <Show when={picking()} keyed>
        {(place) => (
          <LessonPicker
            gradeId={channel()?.gradeIds[0] ?? ''}
            when={`${dayLabel(place.date)} ${formatMinutes(place.minutes)}`}
            onClose={() => setPicking(null)}
            onPick={(lesson) => {
              edit(placeLesson(slots(), place.date, place.minutes, lesson));
              setPicking(null);
            }}
          />
        )}
      </Show>
    </section>
  );
}

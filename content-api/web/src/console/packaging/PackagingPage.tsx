// 视频打包 / Packaging: upload a mezzanine file (tus, resumable: pause, resume, or choose the same file again
// after a reload), package it for a lesson, watch the jobs' progress (polled) and read the quality plot.
import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import type * as tus from 'tus-js-client';
import type { components } from '../../shared/api/openapi.gen.ts';
import { pickText, t } from '../../shared/i18n/i18n.ts';
import { api, dataOf } from '../api/client.ts';
import type { LessonSummary } from '../api/catalogue-reads.ts';
import { errorText } from '../api/error-text.ts';
import DataTable from '../components/DataTable.tsx';
import LessonPicker from '../week/LessonPicker.tsx';
import QualityChart from './QualityChart.tsx';
import { stageText } from './stage-text.ts';
import { startUpload, unfinishedUploads } from './tus-upload.ts';
import './packaging.css';

type Job = components['schemas']['PackagingJob'];
type Family = Job['families'][number];
type UploadState =
  | { phase: 'idle' }
  | { phase: 'sending' | 'paused'; file: File; sent: number; total: number }
  | { phase: 'done'; file: File; uploadId: string }
  /** Handed to a job: the server deletes an upload once its job is done, so packaging again needs a new one. */
  | { phase: 'taken'; file: File }
  | { phase: 'failed'; file: File; message: string };

const POLL_MS = 1500;
const FAMILIES: readonly Family[] = ['h264', 'hevc', 'av1'];
const FAMILY_NAMES: Record<Family, string> = { h264: 'H.264', hevc: 'HEVC', av1: 'AV1' };
const HEIGHTS = [144, 240, 360, 540, 720, 1080] as const;
const ACTIVE: readonly Job['state'][] = ['queued', 'running'];

const mebibytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export default function PackagingPage() {
  const [upload, setUpload] = createSignal<UploadState>({ phase: 'idle' });
  const [lesson, setLesson] = createSignal<LessonSummary | null>(null);
  const [isPicking, setPicking] = createSignal(false);
  const [families, setFamilies] = createSignal<Family[]>(['h264']);
  const [heights, setHeights] = createSignal<number[]>([]);
  const [error, setError] = createSignal<string | null>(null);
  const [shownJobId, setShownJobId] = createSignal<string | null>(null);
  const [unfinished] = createResource(unfinishedUploads);
  const activeUpload = () => {
    const state = upload();
    return state.phase === 'idle' ? undefined : state;
  };
  let client: tus.Upload | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => {
    clearTimeout(timer);
    void client?.abort();
  });

  const [jobs, { refetch }] = createResource(async () => {
    const list = (await dataOf(api.GET('/v1/operator/packaging-jobs'))).items;
    clearTimeout(timer);
    if (list.some((job) => ACTIVE.includes(job.state))) timer = setTimeout(() => void refetch(), POLL_MS);
    return list;
  });
  const shownJob = () => {
    const list = jobs.latest ?? [];
    return list.find((job) => job.id === shownJobId()) ?? list.find((job) => job.state === 'done');
  };

  function choose(file: File | undefined) {
    if (!file) return;
    void client?.abort();
    setError(null);
    setUpload({ phase: 'sending', file, sent: 0, total: file.size });
    client = startUpload(file, {
      onProgress: (sent, total) =>
        setUpload((state) => ({ phase: state.phase === 'paused' ? 'paused' : 'sending', file, sent, total })),
      onSuccess: (uploadId) => setUpload({ phase: 'done', file, uploadId }),
      onError: (status, message) =>
        setUpload({
          phase: 'failed',
          file,
          message:
            status === 413
              ? t('console.packaging.upload.tooLarge')
              : status === 422
                ? t('console.packaging.upload.notVideo', { message })
                : status === 403
                  ? t('console.error.forbidden')
                  : t('console.packaging.upload.failed', { message }),
        }),
    });
  }

  function pause() {
    const state = upload();
    if (state.phase !== 'sending') return;
    void client?.abort();
    setUpload({ ...state, phase: 'paused' });
  }

  function resume() {
    const state = upload();
    if (state.phase !== 'paused') return;
    setUpload({ ...state, phase: 'sending' });
    client?.start();
  }

  async function startJob(event: SubmitEvent) {
    event.preventDefault();
    const state = upload();
    if (state.phase !== 'done') return;
    setError(null);
    try {
      const job = await dataOf(
        api.POST('/v1/operator/packaging-jobs', {
          body: {
            uploadId: state.uploadId,
            ...(lesson() ? { lessonId: lesson()!.id } : {}),
            families: families(),
            ...(heights().length > 0 ? { heights: heights() as (typeof HEIGHTS)[number][] } : {}),
          },
        }),
      );
      setShownJobId(job.id);
      setUpload({ phase: 'taken', file: state.file });
      void refetch();
    } catch (failure) {
      setError(errorText(failure));
    }
  }

  const toggle = <T,>(list: T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((item) => item !== value);

  return (
    <section class="screen packaging">
      <header class="screen-header">
        <h1>{t('console.packaging.title')}</h1>
      </header>

      <div class="packaging-top">
        <section class="card">
          <h2>{t('console.packaging.upload.title')}</h2>
          {/* The native input's button speaks the browser's language; this label speaks the console's. */}
          <label class="file-choice" classList={{ disabled: upload().phase === 'sending' }}>
            <input
              type="file"
              class="visually-hidden"
              accept="video/*,.mxf,.mkv,.mov"
              disabled={upload().phase === 'sending'}
              onChange={(event) => {
                choose(event.currentTarget.files?.[0]);
                event.currentTarget.value = '';
              }}
            />
            {t('console.packaging.upload.choose')}
          </label>
          <Show when={(unfinished() ?? []).length > 0 && upload().phase === 'idle'}>
            <p class="hint">
              {t('console.packaging.upload.unfinished', { files: unfinished()!.join('、') })}
            </p>
          </Show>
          <Show when={activeUpload()}>
            {(state) => <UploadProgress state={state()} onPause={pause} onResume={resume} />}
          </Show>
        </section>

        <form class="card job-form" onSubmit={startJob}>
          <h2 class="full">{t('console.packaging.job.title')}</h2>
          <div>
            <span class="field-label">{t('console.packaging.job.lesson')}</span>
            <p class="chosen-lesson">
              {lesson() ? pickText(lesson()!.title) : t('console.packaging.job.noLesson')}{' '}
              <button type="button" onClick={() => setPicking(true)}>
                {lesson() ? t('console.packaging.job.otherLesson') : t('console.packaging.job.pickLesson')}
              </button>
              <Show when={lesson()}>
                <button type="button" class="link" onClick={() => setLesson(null)}>
                  {t('console.packaging.job.clearLesson')}
                </button>
              </Show>
            </p>
          </div>
          <fieldset>
            <legend>{t('console.packaging.job.families')}</legend>
            <For each={FAMILIES}>
              {(family) => (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={families().includes(family)}
                    disabled={family === 'h264'}
                    onChange={(event) => setFamilies(toggle(families(), family, event.currentTarget.checked))}
                  />
                  {FAMILY_NAMES[family]}
                </label>
              )}
            </For>
            <small class="hint">{t('console.packaging.job.familiesHint')}</small>
          </fieldset>
          <fieldset>
            <legend>{t('console.packaging.job.heights')}</legend>
            <For each={HEIGHTS}>
              {(height) => (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={heights().includes(height)}
                    onChange={(event) => setHeights(toggle(heights(), height, event.currentTarget.checked))}
                  />
                  {height}p
                </label>
              )}
            </For>
            <small class="hint">{t('console.packaging.job.heightsHint')}</small>
          </fieldset>
          <div class="form-actions">
            <button type="submit" class="primary" disabled={upload().phase !== 'done'}>
              {t('console.packaging.job.start')}
            </button>
            <Show when={upload().phase !== 'done'}>
              <small class="hint">
                {t(
                  upload().phase === 'taken'
                    ? 'console.packaging.job.uploadTaken'
                    : 'console.packaging.job.needsUpload',
                )}
              </small>
            </Show>
          </div>
          <Show when={error()}>
            <p class="error full" role="alert">
              {error()}
            </p>
          </Show>
        </form>
      </div>

      <section class="card">
        <h2>{t('console.packaging.jobs.title')}</h2>
        <Show when={jobs.error}>
          <p class="error">{errorText(jobs.error)}</p>
        </Show>
        <Show
          when={(jobs.latest ?? []).length > 0}
          fallback={<p class="empty">{t('console.packaging.jobs.none')}</p>}
        >
          <JobTable jobs={jobs.latest!} shown={shownJob()?.id} onShow={setShownJobId} />
        </Show>
      </section>

      <Show when={shownJob()?.quality}>
        {(quality) => (
          <section class="card" aria-live="polite">
            <h2>{t('console.packaging.quality.title', { file: shownJob()!.fileName })}</h2>
            <QualityChart rungs={quality()} />
          </section>
        )}
      </Show>

      <Show when={isPicking()}>
        <LessonPicker
          gradeId=""
          when={t('console.packaging.job.pickerWhen')}
          onPick={(picked) => {
            setLesson(picked);
            setPicking(false);
          }}
          onClose={() => setPicking(false)}
        />
      </Show>
    </section>
  );
}

function UploadProgress(props: {
  state: Exclude<UploadState, { phase: 'idle' }>;
  onPause(): void;
  onResume(): void;
}) {
  const percent = () => {
    const state = props.state;
    if (state.phase === 'done' || state.phase === 'taken') return 100;
    if (state.phase === 'failed') return 0;
    return state.total > 0 ? Math.floor((state.sent / state.total) * 100) : 0;
  };
  return (
    <div class="upload-progress" aria-live="polite">
      <p>
        <strong>{props.state.file.name}</strong> · {mebibytes(props.state.file.size)} MiB
      </p>
      <Show when={props.state.phase !== 'failed'}>
        <progress max={100} value={percent()} aria-label={t('console.packaging.upload.progress')} />
        <span class="percent">{percent()}%</span>
      </Show>
      <Show when={props.state.phase === 'sending'}>
        <button type="button" onClick={() => props.onPause()}>
          {t('console.packaging.upload.pause')}
        </button>
      </Show>
      <Show when={props.state.phase === 'paused'}>
        <button type="button" class="primary" onClick={() => props.onResume()}>
          {t('console.packaging.upload.resume')}
        </button>
        <span class="hint">{t('console.packaging.upload.paused')}</span>
      </Show>
      <Show when={props.state.phase === 'done'}>
        <span class="ok">{t('console.packaging.upload.done')}</span>
      </Show>
      <Show when={props.state.phase === 'taken'}>
        <span class="ok">{t('console.packaging.upload.taken')}</span>
      </Show>
      <Show when={props.state.phase === 'failed' && props.state}>
        {(state) => (
          <p class="error" role="alert">
            {(state() as Extract<UploadState, { phase: 'failed' }>).message}
          </p>
        )}
      </Show>
    </div>
  );
}

function JobTable(props: { jobs: readonly Job[]; shown?: string; onShow(id: string): void }) {
  return (
    <DataTable
      class="packaging-jobs"
      rows={props.jobs}
      rowClass={(job) => ({ current: job.id === props.shown })}
      rowData={(job) => ({ state: job.state })}
      columns={[
        { header: t('console.packaging.jobs.file'), cell: (job) => job.fileName },
        {
          header: t('console.packaging.jobs.lesson'),
          cell: (job) => (
            <span title={job.lessonId}>{job.lessonTitle ? pickText(job.lessonTitle) : '—'}</span>
          ),
        },
        {
          header: t('console.packaging.jobs.families'),
          cell: (job) => job.families.map((family) => FAMILY_NAMES[family]).join(' · '),
        },
        {
          header: t('console.packaging.jobs.state'),
          cell: (job) => (
            <>
              <span class={`state state-${job.state}`}>{t(`console.packaging.state.${job.state}`)}</span>
              <Show when={job.error}>
                <p class="error">{t('console.packaging.jobs.failedBecause', { reason: job.error! })}</p>
              </Show>
            </>
          ),
        },
        {
          header: t('console.packaging.jobs.progress'),
          class: 'job-progress',
          cell: (job) => (
            <>
              <progress
                max={100}
                value={job.progress.percent}
                aria-label={t('console.packaging.jobs.progress')}
              />
              <span>
                {job.progress.percent}% · {stageText(job.progress.stage)}
              </span>
            </>
          ),
        },
        {
          header: t('console.packaging.jobs.created'),
          cell: (job) => new Date(job.createdAt).toLocaleString(),
        },
        {
          header: '',
          cell: (job) => (
            <Show when={job.quality}>
              <button type="button" class="link" onClick={() => props.onShow(job.id)}>
                {t('console.packaging.jobs.showQuality')}
              </button>
            </Show>
          ),
        },
      ]}
    />
  );
}

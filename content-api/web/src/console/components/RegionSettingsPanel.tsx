// Region settings: the usual textbook edition per stage and subject (shown), and the school calendar's terms
// and holidays (edited as date ranges; the API names the range it refuses).
import { createSignal, For, Show } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import { curationApi, type RegionState, type SchoolCalendar } from '../api/curation-api.ts';
import DataTable from './DataTable.tsx';
import DateField from './DateField.tsx';
import { FormError } from './FormFields.tsx';

type Range = { start: string; end: string };
type Kind = 'terms' | 'holidays';

export default function RegionSettingsPanel(props: {
  state: RegionState;
  canEdit: boolean;
  onSaved(): void;
}) {
  const settings = () =>
    props.state.settings as {
      usualEditions?: Record<string, Record<string, string>>;
      schoolCalendar?: SchoolCalendar;
    };
  const [ranges, setRanges] = createSignal<Record<Kind, Range[]>>({
    terms: settings().schoolCalendar?.terms ?? [],
    holidays: settings().schoolCalendar?.holidays ?? [],
  });
  const [error, setError] = createSignal<unknown>(null);
  const [isSaved, setSaved] = createSignal(false);
  const editions = () =>
    Object.entries(settings().usualEditions ?? {}).flatMap(([stage, subjects]) =>
      Object.entries(subjects).map(([subject, edition]) => ({ stage, subject, edition })),
    );
  const update = (kind: Kind, index: number, field: keyof Range, value: string) =>
    setRanges((current) => ({
      ...current,
      [kind]: current[kind].map((range, i) => (i === index ? { ...range, [field]: value } : range)),
    }));

  async function save() {
    setError(null);
    setSaved(false);
    try {
      const { terms, holidays } = ranges();
      await curationApi.saveCalendar(
        props.state.region,
        terms.length ? { terms, ...(holidays.length ? { holidays } : {}) } : null,
      );
      setSaved(true);
      props.onSaved();
    } catch (failure) {
      setError(failure);
    }
  }

  const RangeRows = (rowProps: { kind: Kind }) => (
    <fieldset class="ranges">
      <legend>{t(`console.settings.${rowProps.kind}`)}</legend>
      <Show when={ranges()[rowProps.kind].length === 0}>
        <p class="empty">{t('console.settings.noRanges')}</p>
      </Show>
      <For each={ranges()[rowProps.kind]}>
        {(range, index) => (
          <div class="range-row">
            <DateField
              label={t('console.settings.start')}
              disabled={!props.canEdit}
              value={range.start}
              onChange={(value) => update(rowProps.kind, index(), 'start', value)}
            />
            <span>–</span>
            <DateField
              label={t('console.settings.end')}
              disabled={!props.canEdit}
              value={range.end}
              onChange={(value) => update(rowProps.kind, index(), 'end', value)}
            />
            <Show when={props.canEdit}>
              <button
                type="button"
                onClick={() =>
                  setRanges((c) => ({
                    ...c,
                    [rowProps.kind]: c[rowProps.kind].filter((_, i) => i !== index()),
                  }))
                }
              >
                {t('console.settings.remove')}
              </button>
            </Show>
          </div>
        )}
      </For>
      <Show when={props.canEdit}>
        <button
          type="button"
          onClick={() =>
            setRanges((c) => ({ ...c, [rowProps.kind]: [...c[rowProps.kind], { start: '', end: '' }] }))
          }
        >
          {t('console.settings.add')}
        </button>
      </Show>
    </fieldset>
  );

  return (
    <section class="card settings-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('console.settings.title')}</h2>
      <div class="two-columns">
        <div>
          <h3>{t('console.settings.editions')}</h3>
          <DataTable
            rows={editions()}
            empty={t('console.settings.noEditions')}
            columns={[
              { cell: (row) => row.stage },
              { cell: (row) => row.subject },
              { cell: (row) => row.edition },
            ]}
          />
        </div>
        <div>
          <h3>{t('console.settings.calendar')}</h3>
          <RangeRows kind="terms" />
          <RangeRows kind="holidays" />
          <FormError error={error()} listDetails />
          <Show when={isSaved()}>
            <p class="ok" role="status">
              {t('common.saved')}
            </p>
          </Show>
          <Show when={props.canEdit}>
            <button type="button" class="primary" onClick={() => void save()}>
              {t('common.save')}
            </button>
          </Show>
        </div>
      </div>
    </section>
  );
}

// The date range, the tab's filters and grouping, and the export button.
import { For, Show } from 'solid-js';
import DateField from '../components/DateField.tsx';
import { LEARNING_GROUPS, QOE_GROUPS, type DashboardFilters, type Tab } from './dashboard-view.ts';
import { dt } from './dashboards-i18n.ts';

type Props = {
  tab: Tab;
  filters: DashboardFilters;
  onChange: (field: keyof DashboardFilters, value: string) => void;
  onExport: () => void;
  canExport: boolean;
};

export default function DashboardFilterBar(props: Props) {
  const field = (name: keyof DashboardFilters) => (
    <label>
      {dt(name as 'from')}
      <input
        type="text"
        name={name}
        value={props.filters[name]}
        placeholder={dt('all')}
        onChange={(event) => props.onChange(name, event.currentTarget.value)}
      />
    </label>
  );
  // Typed YYYY-MM-DD (type="date" shows the browser's locale, mm/dd/yyyy); a day that does not exist is held back.
  const dateField = (name: 'from' | 'to') => (
    <label>
      {dt(name)}
      <DateField
        name={name}
        value={props.filters[name]}
        onChange={(day, valid) => valid && props.onChange(name, day)}
      />
    </label>
  );
  const groups = () => (props.tab === 'qoe' ? QOE_GROUPS : LEARNING_GROUPS);
  const groupField = () => (props.tab === 'qoe' ? 'qoeGroupBy' : 'learningGroupBy');
  return (
    <form class="dashboard-filters" onSubmit={(event) => event.preventDefault()}>
      {dateField('from')}
      {dateField('to')}
      {field('region')}
      <Show when={props.tab === 'qoe'}>
        {field('carrier')}
        {field('model')}
      </Show>
      <Show when={props.tab !== 'qoe'}>{field('county')}</Show>
      <Show when={props.tab !== 'county'}>
        <label>
          {dt('groupBy')}
          <select
            name="groupBy"
            value={props.filters[groupField()]}
            onChange={(event) => props.onChange(groupField(), event.currentTarget.value)}
          >
            <For each={groups()}>{(group) => <option value={group}>{dt(`group.${group}`)}</option>}</For>
          </select>
        </label>
      </Show>
      <button type="button" onClick={() => props.onExport()} disabled={!props.canExport}>
        {dt('export')}
      </button>
    </form>
  );
}

import { createSignal } from 'solid-js';
import { t } from '../../shared/i18n/i18n.ts';
import { region, REGION_PATTERN, setRegion } from '../region.ts';

/** The region every screen works on; a code such as `jx` (or `national`). */
export default function RegionPicker() {
  const [draft, setDraft] = createSignal(region());
  return (
    <form
      class="region-picker"
      onSubmit={(event) => {
        event.preventDefault();
        setRegion(draft().trim());
      }}
    >
      <label>
        {t('console.region.label')}
        <input
          value={draft()}
          pattern={REGION_PATTERN.source}
          size={8}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onChange={(event) => setRegion(event.currentTarget.value.trim())}
        />
      </label>
    </form>
  );
}

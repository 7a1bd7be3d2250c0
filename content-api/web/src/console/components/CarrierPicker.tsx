// The carrier the channels, releases and home layouts screens work on: every carrier of the region (the
// carrier-wide draft), or one carrier with a published configuration. Kept in the URL (`?carrier=`),
// so a link opens the same scope.
import { createResource, For, Show } from 'solid-js';
import { pickText, t } from '../../shared/i18n/i18n.ts';
import { callApi } from '../api/client.ts';
import { ALL_CARRIERS, carrier, setCarrier } from '../route.ts';

type CarrierItem = { id: string; name: { zh: string; en?: string } };

/** The published carrier configurations; a role that may not list them still picks "all carriers". */
const loadCarriers = () =>
  callApi<{ items: CarrierItem[] }>('/v1/operator/carriers').then(
    (answer) => answer.items,
    () => [] as CarrierItem[],
  );

export default function CarrierPicker() {
  const [carriers] = createResource(loadCarriers);
  // A carrier named in the URL stays offered while the list loads or when it is not (yet) published.
  const options = () => {
    const listed = carriers() ?? [];
    return carrier() === ALL_CARRIERS || listed.some((item) => item.id === carrier())
      ? listed
      : [...listed, { id: carrier(), name: { zh: carrier() } }];
  };
  return (
    <label class="carrier-picker">
      {t('console.carrier.label')}
      {/* `selected` per option: the list arrives after the select, and a carrier from the URL must still show. */}
      <select onChange={(event) => setCarrier(event.currentTarget.value)}>
        <option value={ALL_CARRIERS} selected={carrier() === ALL_CARRIERS}>
          {t('console.carrier.all')}
        </option>
        <For each={options()}>
          {(item) => (
            <option value={item.id} selected={item.id === carrier()}>
              {pickText(item.name)} ({item.id})
            </option>
          )}
        </For>
      </select>
      <Show when={carrier() !== ALL_CARRIERS}>
        <span class="muted">{t('console.carrier.hint')}</span>
      </Show>
    </label>
  );
}

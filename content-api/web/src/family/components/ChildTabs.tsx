import { For } from 'solid-js';
import type { Profile } from '../../shared/api/family-types.ts';
import { t } from '../../shared/i18n/i18n.ts';

type Props = { profiles: Profile[]; selectedId: string; onSelect: (profileId: string) => void };

/** One tab per child, in the avatar's colour. */
export default function ChildTabs(props: Props) {
  return (
    <nav class="child-tabs" role="tablist" aria-label={t('family.children.label')}>
      <For each={props.profiles}>
        {(child) => (
          <button
            type="button"
            role="tab"
            class="child-tabs__tab"
            aria-selected={child.id === props.selectedId}
            style={{ '--avatar-color': child.color }}
            onClick={() => props.onSelect(child.id)}
          >
            <span class="child-tabs__dot" aria-hidden="true" />
            {child.name}
          </button>
        )}
      </For>
    </nav>
  );
}

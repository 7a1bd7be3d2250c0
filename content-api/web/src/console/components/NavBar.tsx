import { For } from 'solid-js';
import LanguageSwitch from '../../shared/components/LanguageSwitch.tsx';
import { t } from '../../shared/i18n/i18n.ts';
import type { Screen } from '../roles.ts';
import { navigate } from '../route.ts';
import { endSession, session } from '../session.ts';
import RegionPicker from './RegionPicker.tsx';

/** The side navigation: only the screens the role is offered, then who is signed in. */
export default function NavBar(props: { screens: readonly Screen[]; current: Screen | null }) {
  return (
    <nav class="console-nav" aria-label={t('console.nav.label')}>
      <div class="console-brand">
        {t('common.appName')} · {t('console.title')}
      </div>
      <RegionPicker />
      <ul>
        <For each={props.screens}>
          {(screen) => (
            <li>
              <a
                href={`#/${screen}`}
                aria-current={props.current === screen ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(screen);
                }}
              >
                {t(`console.nav.${screen}`)}
              </a>
            </li>
          )}
        </For>
      </ul>
      <div class="console-who">
        <span>
          {session()?.username} · {t(`console.role.${session()?.role ?? 'viewer'}`)}
        </span>
        <button type="button" class="link" onClick={() => endSession('signedOut')}>
          {t('console.signOut')}
        </button>
        <LanguageSwitch />
      </div>
    </nav>
  );
}

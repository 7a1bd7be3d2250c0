// The top navigation: Browse, Channels, Search (each unless the carrier switches it off), the language switch,
// the parents' settings and who is watching.
import { Row } from '@lightningtv/solid/primitives';
import { useNavigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { getConfig } from '../config.ts';
import { t, toggleLocale } from '../i18n/i18n.ts';
import { activeProfile } from '../state/profile.ts';
import { SIZE, SPACE } from '../theme/tokens.ts';
import { Button } from './Button.tsx';
import { carrierLogoInset } from './CarrierLogo.tsx';
import { ProfileButton } from './profile/ProfileButton.tsx';

export function NavBar() {
  const navigate = useNavigate();
  // A carrier may switch channels or search off (its configuration's `features`).
  const { features } = getConfig();
  const width = carrierLogoInset() > 0 ? SIZE.navButtonCompactWidth : SIZE.buttonWidth;
  return (
    <Row
      x={SPACE.screenX + carrierLogoInset()}
      width={SIZE.screenWidth}
      height={SIZE.buttonHeight}
      gap={SPACE.md}
      scroll="none"
    >
      <Button width={width} label={t('nav.browse')} onEnter={() => navigate('/browse')} />
      <Show when={features.channels}>
        <Button width={width} label={t('nav.channels')} onEnter={() => navigate('/channels')} />
      </Show>
      <Show when={features.search}>
        <Button width={width} label={t('nav.search')} onEnter={() => navigate('/search')} />
      </Show>
      <Button width={width} label={t('nav.language')} onEnter={toggleLocale} />
      <Button width={width} label={t('nav.settings')} onEnter={() => navigate('/settings')} />
      <ProfileButton profile={activeProfile()} onEnter={() => navigate('/profiles')} />
    </Row>
  );
}

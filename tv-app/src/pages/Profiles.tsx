// Who is watching? The household's profiles as big avatar cards, and one to add a profile. OK chooses and
// goes Home; the blue key (or `p`) opens this screen from anywhere.
import { Row } from '@lightningtv/solid/primitives';
import { useNavigate } from '@solidjs/router';
import { createResource, For } from 'solid-js';
import { fetchHousehold } from '../api/providers/family.provider.ts';
import { CentredText } from '../components/CentredText.tsx';
import { Loader } from '../components/Loader.tsx';
import { ProfileCard } from '../components/profile/ProfileCard.tsx';
import { t } from '../i18n/i18n.ts';
import { profileColor } from '../theme/avatars.ts';
import { PROFILE_CARD } from '../theme/styles.ts';
import { COLOR, SIZE, SPACE } from '../theme/tokens.ts';
import { activeProfile, chooseProfile, rememberedProfileId } from '../state/profile.ts';

const CARDS_Y = 380;

export default function Profiles() {
  const navigate = useNavigate();
  const [household, { refetch }] = createResource(fetchHousehold);
  const current = () => activeProfile()?.id ?? rememberedProfileId();

  // Back returns to the profile already watching; with none chosen yet there is nowhere to go back to.
  const back = () => {
    if (activeProfile()) navigate('/', { replace: true });
    return true;
  };

  return (
    <view width={SIZE.screenWidth} height={SIZE.screenHeight} onBack={back}>
      <CentredText y={200} text={t('profiles.who')} />
      <Loader resource={household} retry={refetch}>
        {(found) => {
          const count = found.profiles.length + 1;
          const width = count * PROFILE_CARD.width + (count - 1) * SPACE.lg;
          return (
            <Row
              x={Math.max(SPACE.screenX, (SIZE.screenWidth - width) / 2)}
              y={CARDS_Y}
              gap={SPACE.lg}
              height={PROFILE_CARD.height}
              scroll="auto"
              autofocus
              selected={Math.max(
                0,
                found.profiles.findIndex((profile) => profile.id === current()),
              )}
            >
              <For each={found.profiles}>
                {(profile) => (
                  <ProfileCard
                    avatar={profile.avatar}
                    color={profileColor(profile.color, profile.avatar)}
                    label={profile.name}
                    onEnter={() => {
                      chooseProfile(profile);
                      navigate('/', { replace: true });
                    }}
                  />
                )}
              </For>
              <ProfileCard
                avatar="add"
                color={COLOR.surfaceRaised}
                label={t('profiles.add')}
                onEnter={() => navigate('/profiles/new')}
              />
            </Row>
          );
        }}
      </Loader>
    </view>
  );
}

// A new profile without typing: child or adult, an avatar, a name from a short list, and (children) the
// grade from the catalogue's facets. The server picks the region's usual textbook editions.
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import { ApiError } from '../api/client.ts';
import type { ProfileKind } from '../api/family-types.ts';
import { gradeChoices } from '../api/formatters/facets.formatter.ts';
import { fetchFacets } from '../api/providers/catalog.provider.ts';
import { createProfile } from '../api/providers/family.provider.ts';
import { Button } from '../components/Button.tsx';
import { ChoiceGrid, inRows } from '../components/ChoiceGrid.tsx';
import { describeError } from '../components/Loader.tsx';
import { Message } from '../components/Message.tsx';
import { ProfileCard } from '../components/profile/ProfileCard.tsx';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { chooseProfile } from '../state/profile.ts';
import { AVATAR_COLOR, AVATAR_IDS, type AvatarId } from '../theme/avatars.ts';
import { PROFILE_CARD } from '../theme/styles.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';

type Step = 'kind' | 'avatar' | 'name' | 'grade';
type Draft = { kind: ProfileKind; avatar?: AvatarId; name?: string };

const CHOICES_X = SPACE.screenX * 2;
const CHOICES_Y = 300;
const CARDS_PER_ROW = 4;
const NAMES_PER_ROW = 4;
const GRADES_PER_ROW = 5;

function stepsOf(kind: ProfileKind): Step[] {
  return kind === 'child' ? ['kind', 'avatar', 'name', 'grade'] : ['kind', 'avatar', 'name'];
}

function namesOf(kind: ProfileKind): string[] {
  return t(kind === 'child' ? 'profileCreate.childNames' : 'profileCreate.adultNames').split(',');
}

export default function ProfileCreate() {
  const navigate = useNavigate();
  const [step, setStep] = createSignal<Step>('kind');
  const [draft, setDraft] = createSignal<Draft>({ kind: 'child' });
  const [problem, setProblem] = createSignal<string>();
  const [facets] = createResource(fetchFacets);
  const steps = () => stepsOf(draft().kind);
  const stepNumber = () => steps().indexOf(step()) + 1;

  const save = async (gradeId?: string) => {
    const { kind, avatar, name } = draft();
    if (!avatar || !name) return;
    try {
      chooseProfile(await createProfile({ kind, avatar, name, ...(gradeId ? { gradeId } : {}) }));
      navigate('/', { replace: true });
    } catch (error) {
      const isPinNeeded = error instanceof ApiError && error.code.startsWith('pin_');
      setProblem(isPinNeeded ? t('profileCreate.pinRequired') : describeError(error).title);
    }
  };
  const next = (change: Partial<Draft>) => {
    const updated = { ...draft(), ...change };
    setDraft(updated);
    const following = stepsOf(updated.kind)[stepsOf(updated.kind).indexOf(step()) + 1];
    const grades = gradeChoices(facets() ?? []);
    if (following && !(following === 'grade' && grades.length === 0)) setStep(following);
    else void save();
  };
  const back = () => {
    const index = steps().indexOf(step());
    if (problem()) setProblem(undefined);
    else if (index > 0) setStep(steps()[index - 1]!);
    else navigate(-1);
    return true;
  };

  return (
    <view width={SIZE.screenWidth} height={SIZE.screenHeight} onBack={back}>
      <text x={CHOICES_X} y={120} fontFamily={FONT.family} fontSize={FONT.hero} color={COLOR.text}>
        {t(`profileCreate.${step()}` as MessageKey)}
      </text>
      <text x={CHOICES_X} y={210} fontFamily={FONT.family} fontSize={FONT.caption} color={COLOR.textMuted}>
        {t('profileCreate.step', { step: stepNumber(), count: steps().length })}
      </text>
      <Show
        when={!problem()}
        fallback={<Message title={problem()!} actions={[{ label: t('message.back'), onEnter: back }]} />}
      >
        <Switch>
          <Match when={step() === 'kind'}>
            <ChoiceGrid
              x={CHOICES_X}
              y={CHOICES_Y}
              rows={[['child', 'adult'] as ProfileKind[]]}
              rowHeight={PROFILE_CARD.height}
              autofocus
            >
              {(kind) => (
                <ProfileCard
                  avatar={kind === 'child' ? 'rabbit' : 'elephant'}
                  color={AVATAR_COLOR[kind === 'child' ? 'rabbit' : 'elephant']}
                  label={t(`profileCreate.${kind}`)}
                  onEnter={() => next({ kind })}
                />
              )}
            </ChoiceGrid>
          </Match>
          <Match when={step() === 'avatar'}>
            <ChoiceGrid
              x={CHOICES_X}
              y={CHOICES_Y}
              rows={inRows(AVATAR_IDS, CARDS_PER_ROW)}
              rowHeight={PROFILE_CARD.height}
              autofocus
            >
              {(avatar) => (
                <ProfileCard
                  avatar={avatar}
                  color={AVATAR_COLOR[avatar]}
                  label={t(`avatarName.${avatar}`)}
                  onEnter={() => next({ avatar })}
                />
              )}
            </ChoiceGrid>
          </Match>
          <Match when={step() === 'name'}>
            <ChoiceGrid
              x={CHOICES_X}
              y={CHOICES_Y}
              rows={inRows(namesOf(draft().kind), NAMES_PER_ROW)}
              rowHeight={SIZE.buttonHeight}
              autofocus
            >
              {(name) => <Button label={name} onEnter={() => next({ name })} />}
            </ChoiceGrid>
          </Match>
          <Match when={step() === 'grade'}>
            <ChoiceGrid
              x={CHOICES_X}
              y={CHOICES_Y}
              rows={gradeChoices(facets() ?? []).flatMap((grades) => inRows(grades, GRADES_PER_ROW))}
              rowHeight={SIZE.buttonHeight}
              autofocus
            >
              {(grade) => <Button label={grade.label} onEnter={() => void save(grade.id)} />}
            </ChoiceGrid>
          </Match>
        </Switch>
      </Show>
    </view>
  );
}

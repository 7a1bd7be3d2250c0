// A new profile without typing: child or adult, an avatar, a name from a short list, and (children) the
// grade from the catalogue's facets. The server picks the region's usual textbook editions. A household with a
// parental PIN asks for it first.
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, Match, Show, Switch } from 'solid-js';
import type { ProfileKind } from '../api/family-types.ts';
import { gradeChoices } from '../api/formatters/facets.formatter.ts';
import { fetchFacets } from '../api/providers/catalog.provider.ts';
import { createProfile, fetchHousehold } from '../api/providers/family.provider.ts';
import { Button } from '../components/Button.tsx';
import { CentredText } from '../components/CentredText.tsx';
import { ChoiceGrid, inRows } from '../components/ChoiceGrid.tsx';
import { describeError, Loader } from '../components/Loader.tsx';
import { Message } from '../components/Message.tsx';
import { ProfileCard } from '../components/profile/ProfileCard.tsx';
import { t, type MessageKey } from '../i18n/i18n.ts';
import { PinGate } from '../parental/PinGate.tsx';
import { chooseProfile } from '../state/profile.ts';
import { AVATAR_COLOR, AVATAR_IDS, type AvatarId } from '../theme/avatars.ts';
import { PROFILE_CARD } from '../theme/styles.ts';
import { COLOR, FONT, SIZE, SPACE } from '../theme/tokens.ts';

type Step = 'kind' | 'avatar' | 'name' | 'grade';
type Draft = { kind: ProfileKind; avatar?: AvatarId; name?: string };

const CHOICES_X = SPACE.screenX * 2;
/** x that centres `columns` items of `width` on the screen. */
const centred = (columns: number, width: number, gap: number = SPACE.lg) =>
  (SIZE.screenWidth - columns * width - (columns - 1) * gap) / 2;
const CHOICES_Y = 320;
const CARDS_PER_ROW = 4;
const NAMES_PER_ROW = 4;
const GRADE_BUTTON_WIDTH = 200;

function stepsOf(kind: ProfileKind): Step[] {
  return kind === 'child' ? ['kind', 'avatar', 'name', 'grade'] : ['kind', 'avatar', 'name'];
}

function namesOf(kind: ProfileKind): string[] {
  return t(kind === 'child' ? 'profileCreate.childNames' : 'profileCreate.adultNames').split(',');
}

/** Adding a profile is a parent's change: once a PIN is set, the PIN pad comes first (PinGate). */
export default function ProfileCreate() {
  const navigate = useNavigate();
  const [household, { refetch }] = createResource(fetchHousehold);
  return (
    <view width={SIZE.screenWidth} height={SIZE.screenHeight}>
      <Loader resource={household} retry={refetch}>
        {(found) => (
          <PinGate isPinSet={found.pinSet} title={t('profileCreate.pinTitle')} onCancel={() => navigate(-1)}>
            {(pin) => <CreateSteps pin={pin} />}
          </PinGate>
        )}
      </Loader>
    </view>
  );
}

function CreateSteps(props: { pin: string | undefined }) {
  const navigate = useNavigate();
  const [step, setStep] = createSignal<Step>('kind');
  const [draft, setDraft] = createSignal<Draft>({ kind: 'child' });
  const [problem, setProblem] = createSignal<string>();
  const [facets] = createResource(fetchFacets);
  const steps = () => stepsOf(draft().kind);
  const stages = () => gradeChoices(facets() ?? []);
  const stepNumber = () => steps().indexOf(step()) + 1;

  const save = async (gradeId?: string) => {
    const { kind, avatar, name } = draft();
    if (!avatar || !name) return;
    try {
      const profile = { kind, avatar, name, ...(gradeId ? { gradeId } : {}) };
      chooseProfile(await createProfile(profile, props.pin));
      navigate('/', { replace: true });
    } catch (error) {
      setProblem(describeError(error).title);
    }
  };
  const next = (change: Partial<Draft>) => {
    const updated = { ...draft(), ...change };
    setDraft(updated);
    const following = stepsOf(updated.kind)[stepsOf(updated.kind).indexOf(step()) + 1];
    if (following && !(following === 'grade' && stages().length === 0)) setStep(following);
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
      <CentredText y={120} text={t(`profileCreate.${step()}` as MessageKey)} />
      <CentredText
        y={220}
        fontSize={FONT.caption}
        color={COLOR.textMuted}
        text={
          t('profileCreate.step', { step: stepNumber(), count: steps().length }) +
          (stepNumber() > 1 ? t('profileCreate.backHint') : '')
        }
      />
      <Show
        when={!problem()}
        fallback={<Message title={problem()!} actions={[{ label: t('message.back'), onEnter: back }]} />}
      >
        <Switch>
          <Match when={step() === 'kind'}>
            <ChoiceGrid
              x={centred(2, PROFILE_CARD.width)}
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
              x={centred(CARDS_PER_ROW, PROFILE_CARD.width)}
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
              x={centred(NAMES_PER_ROW, SIZE.buttonWidth)}
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
              rows={stages().map((stage) => stage.grades)}
              rowLabels={stages().map((stage) => stage.stage)}
              rowHeight={SIZE.buttonHeight}
              autofocus
            >
              {(grade) => (
                <Button width={GRADE_BUTTON_WIDTH} label={grade.label} onEnter={() => void save(grade.id)} />
              )}
            </ChoiceGrid>
          </Match>
        </Switch>
      </Show>
    </view>
  );
}

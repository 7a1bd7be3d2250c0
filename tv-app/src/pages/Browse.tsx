// Browse: stage → grade → subject → edition → volume → units → lessons, remembering the last choice.
import { Row } from '@lightningtv/solid/primitives';
import { useNavigate } from '@solidjs/router';
import { createMemo, createResource, createSignal, Index, Show, untrack } from 'solid-js';
import { chosenVolume, facetLevels, validPath } from '../api/formatters/facets.formatter.ts';
import { fetchAllLessons, fetchFacets, fetchTextbook } from '../api/providers/catalog.provider.ts';
import type { Unit } from '../api/types.ts';
import { ChoiceList } from '../components/ChoiceList.tsx';
import { Loader } from '../components/Loader.tsx';
import { pickText, t } from '../i18n/i18n.ts';
import { readBrowseChoice, writeBrowseChoice } from '../state/browse-memory.ts';
import { SIZE, SPACE } from '../theme/tokens.ts';

const FACET_WIDTH = 240;
/** A facet column widens for long names (小学（五•四学制）) up to this. */
const FACET_MAX_WIDTH = 480;
const UNIT_WIDTH = 420;
const LESSON_WIDTH = 640;

function flattenUnits(units: Unit[], depth = 0): { id: string; label: string }[] {
  return units.flatMap((unit) => [
    { id: unit.id, label: `${'\u3000'.repeat(depth)}${pickText(unit.title)}` },
    ...flattenUnits(unit.children, depth + 1),
  ]);
}

export default function Browse() {
  const navigate = useNavigate();
  const remembered = readBrowseChoice();
  const [tree, { refetch }] = createResource(fetchFacets);
  const [path, setPath] = createSignal(remembered.path);
  const [unitId, setUnitId] = createSignal(remembered.unitId);
  const levels = createMemo(() =>
    tree.state === 'ready' ? facetLevels(tree(), validPath(tree(), path())) : [],
  );
  const textbookId = createMemo(() =>
    tree.state === 'ready' ? chosenVolume(tree(), path())?.textbookIds?.[0] : undefined,
  );
  const [textbook] = createResource(textbookId, fetchTextbook);
  const [lessons] = createResource(
    () => (textbookId() && unitId() ? { textbook: textbookId()!, unit: unitId()! } : undefined),
    (query) => fetchAllLessons(query),
  );

  const choose = (depth: number, id: string) => {
    if (path()[depth] === id) return;
    const next = [...path().slice(0, depth), id];
    setPath(next);
    setUnitId(undefined);
    writeBrowseChoice({ path: next });
  };
  const chooseUnit = (id: string) => {
    setUnitId(id);
    writeBrowseChoice({ path: path(), unitId: id });
  };
  const startColumn = () => Math.min(path().length + (unitId() ? 1 : 0), levels().length + 1);

  return (
    <Loader resource={tree} retry={refetch}>
      {() => (
        <Row
          x={SPACE.screenX}
          y={SPACE.screenY}
          height={SIZE.screenHeight}
          gap={SPACE.md}
          scroll="auto"
          selected={untrack(startColumn)}
          autofocus
        >
          {/* Index, not For: the lists stay the same nodes while the path changes, so focus stays. */}
          <Index each={levels()}>
            {(level, depth) => (
              <ChoiceList
                heading={level().heading}
                choices={level().choices}
                chosenId={path()[depth]}
                width={FACET_WIDTH}
                maxWidth={FACET_MAX_WIDTH}
                onChoose={(id) => choose(depth, id)}
              />
            )}
          </Index>
          <Show when={textbook.state === 'ready' && textbook()}>
            {(book) => (
              <ChoiceList
                heading={t('browse.units')}
                choices={flattenUnits(book().units)}
                chosenId={unitId()}
                width={UNIT_WIDTH}
                onChoose={chooseUnit}
              />
            )}
          </Show>
          <Show when={lessons.state === 'ready' && lessons()!.length > 0}>
            <ChoiceList
              heading={t('browse.lessons')}
              choices={lessons()!.map((lesson) => ({
                id: lesson.id,
                label: pickText(lesson.title),
              }))}
              chosenId={undefined}
              width={LESSON_WIDTH}
              onChoose={() => undefined}
              onEnter={(id) => navigate(`/lesson/${encodeURIComponent(id)}`)}
            />
          </Show>
        </Row>
      )}
    </Loader>
  );
}

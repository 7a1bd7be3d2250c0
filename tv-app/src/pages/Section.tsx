// A section (after-school services, family education): its lessons.
import { Row } from '@lightningtv/solid/primitives';
import { useNavigate, useParams } from '@solidjs/router';
import { createResource } from 'solid-js';
import { lessonTile } from '../api/formatters/tile.formatter.ts';
import { fetchAllLessons } from '../api/providers/catalog.provider.ts';
import { ChoiceList } from '../components/ChoiceList.tsx';
import { Loader } from '../components/Loader.tsx';
import { t } from '../i18n/i18n.ts';
import { SPACE } from '../theme/tokens.ts';

export default function Section() {
  const params = useParams();
  const navigate = useNavigate();
  const [lessons, { refetch }] = createResource(
    () => params.id,
    (section) => fetchAllLessons({ section }, 2),
  );
  return (
    <Loader resource={lessons} retry={refetch}>
      {(items) => (
        <Row x={SPACE.screenX} y={SPACE.screenY} scroll="none" autofocus>
          <ChoiceList
            heading={items.length ? t('browse.lessons') : t('browse.empty')}
            choices={items.map(lessonTile).map((tile) => ({ id: tile.id, label: tile.title }))}
            chosenId={undefined}
            width={1200}
            onChoose={() => undefined}
            onEnter={(id) => navigate(`/lesson/${encodeURIComponent(id)}`)}
          />
        </Row>
      )}
    </Loader>
  );
}

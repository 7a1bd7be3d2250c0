// The real TV app at 1920×1080 in an iframe, scaled to the panel's width: opened with the draft's preview code,
// a grade and the draft's scope (`/?preview=CODE&grade=ID&region=jx[&carrier=ID]`), it shows the device home the
// draft composes for a box of that region and carrier (every carrier: a box of none). `version` reloads it.
import { createSignal, onCleanup, onMount } from 'solid-js';
import { ALL_CARRIERS } from '../route.ts';
import type { Scope } from '../scope.ts';
import { lt } from './layouts-i18n.ts';

const TV_WIDTH = 1920;
const TV_HEIGHT = 1080;

export default function TvPreview(props: { code: string; gradeId?: string; scope: Scope; version: number }) {
  let frame!: HTMLDivElement;
  const [scale, setScale] = createSignal(0.3);
  onMount(() => {
    const observer = new ResizeObserver(() => setScale(frame.clientWidth / TV_WIDTH));
    observer.observe(frame);
    onCleanup(() => observer.disconnect());
  });
  const src = () => {
    const query = new URLSearchParams({
      preview: props.code,
      ...(props.gradeId ? { grade: props.gradeId } : {}),
      region: props.scope.region,
      ...(props.scope.carrier !== ALL_CARRIERS ? { carrier: props.scope.carrier } : {}),
    });
    // The version in the query makes each save a new page load (the app reads the code once, at start).
    return `/?${query.toString()}&v=${props.version}#/`;
  };
  return (
    <div class="tv-preview" ref={frame} style={{ height: `${TV_HEIGHT * scale()}px` }}>
      <iframe
        title={lt('preview')}
        src={src()}
        width={TV_WIDTH}
        height={TV_HEIGHT}
        style={{ transform: `scale(${scale()})` }}
        tabindex="-1"
      />
    </div>
  );
}

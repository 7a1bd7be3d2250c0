// A routed page whose code loads on demand, like solid's lazy(), but a failed chunk download (the server
// is gone) shows the unreachable message with Retry instead of a blank screen.
import { createComponent, createResource, type Component } from 'solid-js';
import { Loader } from './Loader.tsx';

type PageModule<P extends object> = { default: Component<P> };

export function lazyPage<P extends object>(load: () => Promise<PageModule<P>>): Component<P> {
  let loaded: Component<P> | undefined;
  return (props: P) => {
    const [page, { refetch }] = createResource(async () => (loaded ??= (await load()).default));
    return (
      <Loader resource={page} retry={refetch}>
        {(Page) => createComponent(Page, props)}
      </Loader>
    );
  };
}

// Shows data when it arrives, a spinner while it loads, and a message with Retry when it fails:
// never a blank screen.
import { useNavigate } from '@solidjs/router';
import { Match, Switch, type Resource, type JSX } from 'solid-js';
import { ApiError, ApiUnreachableError } from '../api/client.ts';
import { t } from '../i18n/i18n.ts';
import { Message } from './Message.tsx';

export type LoaderProps<T> = {
  resource: Resource<T>;
  retry: () => void;
  children: (value: T) => JSX.Element;
};

export function describeError(error: unknown): { title: string; detail: string } {
  if (error instanceof ApiUnreachableError || !(error instanceof ApiError)) {
    return { title: t('message.unreachable'), detail: t('message.unreachableDetail') };
  }
  return { title: t('message.error', { message: error.message }), detail: error.code };
}

export function Loader<T>(props: LoaderProps<T>) {
  const navigate = useNavigate();
  return (
    <Switch>
      <Match when={props.resource.error as unknown}>
        {(error) => (
          <Message
            {...describeError(error())}
            actions={[
              { label: t('message.retry'), onEnter: props.retry },
              { label: t('message.back'), onEnter: () => navigate(-1) },
            ]}
          />
        )}
      </Match>
      <Match when={props.resource.state === 'ready' && props.resource()}>
        {(value) => props.children(value())}
      </Match>
      <Match when={true}>
        <Message title={t('message.loading')} isBusy />
      </Match>
    </Switch>
  );
}

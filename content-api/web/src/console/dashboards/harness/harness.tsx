// A test-only page mounting DashboardsPage as the console will: with a getJson that sends the operator's
// session (the e2e test puts it in sessionStorage before the page loads; never in the URL).
import { render } from 'solid-js/web';
import '../../../shared/theme/base.css';
import DashboardsPage from '../DashboardsPage.tsx';

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, {
    headers: { authorization: `Bearer ${sessionStorage.getItem('ketang.harness.token') ?? ''}` },
  });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

render(() => <DashboardsPage getJson={getJson} />, document.getElementById('root')!);

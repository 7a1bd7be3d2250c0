// A test-only page mounting DashboardsPage as the console will: with a getJson that sends the operator's
// session (the e2e test puts it in sessionStorage before the page loads; never in the URL).
import { render } from 'solid-js/web';
import '../../../shared/theme/base.css';
import DashboardsPage from '../DashboardsPage.tsx';

async function get(path: string): Promise<Response> {
  const response = await fetch(path, {
    headers: { authorization: `Bearer ${sessionStorage.getItem('ketang.harness.token') ?? ''}` },
  });
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
  return response;
}

const getJson = async <T,>(path: string): Promise<T> => (await (await get(path)).json()) as T;
const getFile = async (path: string): Promise<Blob> => (await get(path)).blob();

render(() => <DashboardsPage getJson={getJson} getFile={getFile} />, document.getElementById('root')!);

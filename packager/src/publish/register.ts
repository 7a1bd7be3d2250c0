import type { PackagedAsset } from '@ketang/catalog';
import type { Registration } from '../config/job-options.schema.ts';
import { PackagerError } from '../errors.ts';

interface ApiErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** PUT {apiBase}/v1/operator/assets/{assetId} with the asset; resolves with the stored asset. */
export async function registerAsset(
  asset: PackagedAsset,
  registration: Registration,
): Promise<PackagedAsset> {
  const url = `${registration.apiBase.replace(/\/+$/, '')}/v1/operator/assets/${encodeURIComponent(asset.id)}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${registration.token}` },
      body: JSON.stringify(asset),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new PackagerError('register.unreachable', { url, reason: describeCause(error) });
  }
  const body = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) {
    const apiError = (body as ApiErrorBody).error;
    throw new PackagerError(
      'register.failed',
      { assetId: asset.id, status: response.status, message: apiError?.message ?? response.statusText },
      { code: apiError?.code, details: apiError?.details },
    );
  }
  return body as PackagedAsset;
}

function describeCause(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? error.message;
}

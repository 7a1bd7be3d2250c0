import { ADMIN_PASSWORD, sendJson } from './api.ts';

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Logs the admin in and creates one operator per other role; answers each role's session token. */
export async function operatorTokens(
  base: string,
  roles: readonly string[] = ['curator', 'scheduler', 'viewer'],
): Promise<Record<string, string>> {
  const login = async (username: string, password: string) =>
    (await sendJson(base, '/v1/operator/sessions', 'POST', { username, password })).body.token as string;
  const tokens: Record<string, string> = { admin: await login('admin', ADMIN_PASSWORD) };
  for (const role of roles) {
    const password = `${role}-password-123`;
    const created = await sendJson(
      base,
      '/v1/operator/operators',
      'POST',
      // A carrier account names its carrier (it binds boxes in that carrier's regions only).
      { username: role, password, role, ...(role === 'carrier' ? { carrier: 'test-carrier' } : {}) },
      bearer(tokens.admin!),
    );
    if (created.status !== 201) throw new Error(`creating ${role}: ${JSON.stringify(created.body)}`);
    tokens[role] = await login(role, password);
  }
  return tokens;
}

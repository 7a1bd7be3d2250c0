import { ADMIN_PASSWORD, sendJson } from './api.ts';

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Signs an operator in; answers the session token (throws when the sign-in fails). */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const session = await sendJson(base, '/v1/operator/sessions', 'POST', { username, password });
  if (session.status !== 201) throw new Error(`signing in ${username}: ${JSON.stringify(session.body)}`);
  return session.body.token as string;
}

/** The seeded admin's Authorization header (KETANG_ADMIN_PASSWORD of the test API). */
export const adminHeaders = async (base: string) => bearer(await signIn(base, 'admin', ADMIN_PASSWORD));

/** Logs the admin in and creates one operator per other role; answers each role's session token. */
export async function operatorTokens(
  base: string,
  roles: readonly string[] = ['curator', 'scheduler', 'viewer'],
): Promise<Record<string, string>> {
  const tokens: Record<string, string> = { admin: await signIn(base, 'admin', ADMIN_PASSWORD) };
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
    tokens[role] = await signIn(base, role, password);
  }
  return tokens;
}

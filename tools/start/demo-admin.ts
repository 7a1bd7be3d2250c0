// The demo's operator console sign-in: without KETANG_ADMIN_PASSWORD, `npm start` makes a password once and keeps
// it beside the demo store (.data, git-ignored, readable by this user only), so every start of the same store
// signs in with the same one. The API creates `admin` with it only while there is no operator yet.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function demoAdminPassword(dataDir: string): string {
  const file = path.join(dataDir, 'console-admin-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

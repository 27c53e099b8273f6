import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env, isProduction } from './env';

/**
 * A secret from env, or in development a random one generated once into DATA_DIR.
 * Production never generates: it refuses to run without the secret.
 */
export function secretFromEnvOrFile(name: string, value: string | undefined, generate: () => string): string {
  if (value) return value;
  if (isProduction) throw new Error(`${name} must be set in production.`);
  const file = path.join(env.DATA_DIR, 'secrets', name.toLowerCase());
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const fresh = generate();
    try {
      writeFileSync(file, fresh, { mode: 0o600, flag: 'wx' });
      return fresh;
    } catch {
      // Another process created it first: use theirs.
      return readFileSync(file, 'utf8').trim();
    }
  }
}

export const getAuthSecret = () =>
  secretFromEnvOrFile('AUTH_SECRET', env.AUTH_SECRET, () => randomBytes(32).toString('base64url'));

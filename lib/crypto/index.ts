import { randomBytes } from 'node:crypto';
import { secretFromEnvOrFile } from '@/lib/dev-secrets';
import { env } from '@/lib/env';
import { type KeyRing, open, parseKeyRing, seal } from './secret-box';

let ring: KeyRing | undefined;

/** The app's key ring: ENCRYPTION_KEYS, or in development a key generated once into DATA_DIR. */
function keyRing(): KeyRing {
  ring ??= parseKeyRing(
    secretFromEnvOrFile('ENCRYPTION_KEYS', env.ENCRYPTION_KEYS, () => `dev:${randomBytes(32).toString('base64')}`),
  );
  return ring;
}

export const encryptSecret = (plaintext: string) => seal(keyRing(), plaintext);
export const decryptSecret = (sealed: string) => open(keyRing(), sealed);

/** Fails at start-up, not at the first encryption, when production has no keys. */
export const assertEncryptionKeys = () => void keyRing();

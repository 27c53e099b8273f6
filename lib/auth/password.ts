import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP minimum (19 MiB, t=2, p=1); runs on libuv's thread pool.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, options);

// Verified against when the email is unknown, so both paths cost the same.
const dummyHash = hash('not-a-real-password-0000', options);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash ?? (await dummyHash), password);
  } catch {
    return false;
  }
}

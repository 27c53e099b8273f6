import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { merchants } from '../schema';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Creates a merchant; `null` when the email is already registered. */
export async function createMerchant(db: Db, params: { email: string; passwordHash: string }) {
  const [row] = await db
    .insert(merchants)
    .values({ email: normalizeEmail(params.email), passwordHash: params.passwordHash })
    .onConflictDoNothing({ target: merchants.email })
    .returning({ id: merchants.id, email: merchants.email });
  return row ?? null;
}

export async function getMerchantByEmail(db: Db, params: { email: string }) {
  const [row] = await db.select().from(merchants).where(eq(merchants.email, normalizeEmail(params.email)));
  return row ?? null;
}

export async function countMerchants(db: Db) {
  return db.$count(merchants);
}

import type { Database } from '@/db/client';
import { createApp } from '@/db/queries/apps';
import { countMerchants, createMerchant } from '@/db/queries/merchants';
import { hashPassword } from './auth/password';
import { env, isProduction } from './env';

export const DEMO_MERCHANT = { email: 'demo@kspay.local', password: 'demo-password' } as const;

/**
 * A demo merchant on an empty embedded database, so a newcomer can sign in at once.
 * Never on PostgreSQL; in production mode only with DEMO_SEED=on.
 */
export async function seedDemoMerchant({ db, kind }: Database): Promise<boolean> {
  if (kind !== 'pglite' || env.DEMO_SEED === 'off') return false;
  if (isProduction && env.DEMO_SEED !== 'on') return false;
  if ((await countMerchants(db)) > 0) return false;
  const merchant = await createMerchant(db, {
    email: DEMO_MERCHANT.email,
    passwordHash: await hashPassword(DEMO_MERCHANT.password),
  });
  if (!merchant) return false;
  await createApp(db, { merchantId: merchant.id, name: 'Demo Store', email: DEMO_MERCHANT.email, country: 'IN' });
  console.info(
    `\n  Demo merchant created on the embedded database:\n    email:    ${DEMO_MERCHANT.email}\n    password: ${DEMO_MERCHANT.password}\n`,
  );
  return true;
}

import { relations } from 'drizzle-orm';
import { boolean, char, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

export const merchants = pgTable('merchants', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: varchar('email', { length: 254 }).notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const apps = pgTable(
  'apps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publicId: varchar('public_id', { length: 32 }).notNull().unique(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 60 }).notNull(),
    email: varchar('email', { length: 254 }).notNull(),
    country: char('country', { length: 2 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('apps_merchant_created_idx').on(t.merchantId, t.createdAt)],
);

/** One row per sign-in attempt; failures in a window drive the per-email and per-IP limits. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: varchar('email', { length: 254 }).notNull(),
    ip: varchar('ip', { length: 64 }).notNull(),
    succeeded: boolean('succeeded').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.createdAt),
    index('login_attempts_ip_idx').on(t.ip, t.createdAt),
  ],
);

export const merchantsRelations = relations(merchants, ({ many }) => ({ apps: many(apps) }));
export const appsRelations = relations(apps, ({ one }) => ({
  merchant: one(merchants, { fields: [apps.merchantId], references: [merchants.id] }),
}));

export type Merchant = typeof merchants.$inferSelect;
export type App = typeof apps.$inferSelect;

import { relations } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  foreignKey,
  index,
  integer,
  jsonb,
  primaryKey,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import type { SignatureDiagnosis } from '../lib/webhooks/signature-diagnosis';

export const gatewayName = pgEnum('gateway_name', ['razorpay', 'cashfree']);
export const gatewayModeEnum = pgEnum('gateway_mode', ['test', 'live']);
export const credentialsStatus = pgEnum('credentials_status', ['pending', 'submitted', 'verified', 'failed', 'locked']);
export const stepStatus = pgEnum('step_status', ['pending', 'done', 'verified', 'not_required']);
export const attemptOutcome = pgEnum('attempt_outcome', ['in_progress', 'succeeded', 'failed', 'unavailable']);
export const apiKeyKind = pgEnum('api_key_kind', ['public', 'secret']);
/** Merchant-facing order status (CREATED, PROCESSING, PAID, FAILED, REFUNDED, partially refunded). */
export const orderStatus = pgEnum('order_status', ['created', 'processing', 'paid', 'failed', 'refunded', 'partially_refunded']);
export const paymentStatus = pgEnum('payment_status', ['created', 'pending', 'authorized', 'captured', 'failed', 'dropped', 'refunded']);
export const refundStatus = pgEnum('refund_status', ['pending', 'processed', 'failed']);
export const deliveryOutcome = pgEnum('delivery_outcome', ['applied', 'duplicate', 'stale', 'ignored', 'rejected']);
export const eventSource = pgEnum('event_source', ['webhook', 'sync']);
export const idempotencyState = pgEnum('idempotency_state', ['running', 'completed']);
export const demoSeedStatus = pgEnum('demo_seed_status', ['pending', 'running', 'done', 'failed']);
/** KS Pay's own events for the merchant's server (lib/outbound-webhooks/catalogue.ts); `webhook.test` is only sent on request. */
export const merchantEventType = pgEnum('merchant_event_type', [
  'order.paid',
  'order.failed',
  'order.refunded',
  'order.partially_refunded',
  'payment.captured',
  'payment.failed',
  'refund.processed',
  'webhook.test',
]);
export const endpointDisabledReason = pgEnum('endpoint_disabled_reason', ['manual', 'gone', 'failing']);
/** `pending`: waiting for its next attempt (or one is in flight); `succeeded`; `failed`: every retry used. */
export const outboundDeliveryStatus = pgEnum('outbound_delivery_status', ['pending', 'succeeded', 'failed']);
export const outboundAttemptStatus = pgEnum('outbound_attempt_status', ['in_flight', 'succeeded', 'failed', 'abandoned']);

export const merchants = pgTable('merchants', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: varchar('email', { length: 254 }).notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  /** In every session token; "Sign out of all devices" increments it, ending every session issued before. */
  sessionVersion: integer('session_version').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per sign-in: the session token carries its id, and Sign out revokes it. */
export const merchantSessions = pgTable(
  'merchant_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    merchantId: uuid('merchant_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('merchant_sessions_merchant_idx').on(t.merchantId, t.createdAt)],
);

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
    /** The merchant's site origins (`https://shop.example.com`): CORS for the public key, `redirect_url`s. */
    allowedOrigins: text('allowed_origins').array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('apps_merchant_created_idx').on(t.merchantId, t.createdAt)],
);

/**
 * One row per password check, inserted before the check (so parallel attempts cannot overshoot the
 * limits); failures in a window drive the per-(email, IP), per-email and per-IP limits.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: varchar('email', { length: 254 }).notNull(),
    /** The limiter's key for the client: an IPv4 address or an IPv6 /64. */
    ip: varchar('ip', { length: 64 }).notNull(),
    /** Null while the password is being checked (it counts as a failure until then). */
    succeeded: boolean('succeeded'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.createdAt),
    index('login_attempts_ip_idx').on(t.ip, t.createdAt),
  ],
);

/**
 * One payment-gateway connection per app: the wizard's state. `currentCredentialsId` is what the
 * merchant last submitted; `verifiedCredentialsId` is what is in use (a replacement being verified
 * never takes a working merchant offline).
 */
export const gatewayConnections = pgTable('gateway_connections', {
  id: uuid('id').primaryKey().defaultRandom(),
  appId: uuid('app_id')
    .notNull()
    .unique()
    .references(() => apps.id, { onDelete: 'cascade' }),
  credentialsStatus: credentialsStatus('credentials_status').notNull().default('pending'),
  webhookStatus: stepStatus('webhook_status').notNull().default('pending'),
  npmStatus: stepStatus('npm_status').notNull().default('pending'),
  currentCredentialsId: uuid('current_credentials_id'),
  verifiedCredentialsId: uuid('verified_credentials_id'),
  /**
   * Test orders spent in this cycle (0–2): failures, and the one that verified. Kept as a column:
   * the cycle spans several credential sets and restarts when credentials are submitted after a
   * verification or when a replacement is dropped, which no attempt row marks.
   */
  attemptsUsed: integer('attempts_used').notNull().default(0),
  /** Set while a test order is in flight: the claim that keeps concurrent clicks to one order. */
  verifyingSince: timestamp('verifying_since', { withTimezone: true }),
  webhookEndpointId: varchar('webhook_endpoint_id', { length: 40 }).notNull().unique(),
  webhookSecret: text('webhook_secret').notNull(),
  previousWebhookSecret: text('previous_webhook_secret'),
  previousWebhookSecretExpiresAt: timestamp('previous_webhook_secret_expires_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Each credential set a merchant submits. Secrets are AES-256-GCM ciphertexts (lib/crypto). */
export const gatewayCredentials = pgTable('gateway_credentials', {
  id: uuid('id').primaryKey().defaultRandom(),
  connectionId: uuid('connection_id')
    .notNull()
    .references(() => gatewayConnections.id, { onDelete: 'cascade' }),
  gateway: gatewayName('gateway').notNull(),
  mode: gatewayModeEnum('mode').notNull(),
  keyId: varchar('key_id', { length: 128 }).notNull(),
  secret: text('secret').notNull(),
  secretHint: varchar('secret_hint', { length: 8 }).notNull(),
  /** Cashfree only: `sandbox` or `production`. */
  environment: varchar('environment', { length: 16 }),
  paymentModes: text('payment_modes').array().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const verificationAttempts = pgTable(
  'verification_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    connectionId: uuid('connection_id')
      .notNull()
      .references(() => gatewayConnections.id, { onDelete: 'cascade' }),
    credentialsId: uuid('credentials_id')
      .notNull()
      .references(() => gatewayCredentials.id, { onDelete: 'cascade' }),
    attemptNumber: integer('attempt_number').notNull(),
    outcome: attemptOutcome('outcome').notNull().default('in_progress'),
    receipt: varchar('receipt', { length: 40 }).notNull(),
    gatewayOrderId: varchar('gateway_order_id', { length: 64 }),
    errorKind: varchar('error_kind', { length: 32 }),
    errorMessage: text('error_message'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('verification_attempts_connection_idx').on(t.connectionId, t.createdAt)],
);

/**
 * API keys issued at the Security step. A public key is stored as is (it is public); a secret key
 * only as its SHA-256 hash plus a display prefix.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    kind: apiKeyKind('kind').notNull(),
    mode: gatewayModeEnum('mode').notNull(),
    tokenHash: char('token_hash', { length: 64 }).notNull().unique(),
    /** Public keys: the whole key. Secret keys: the first characters, for recognising it. */
    displayPrefix: varchar('display_prefix', { length: 80 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_app_idx').on(t.appId, t.kind)],
);

/**
 * Idempotency-Key of the merchant API, per app and mode: the first completed answer (2xx or 4xx)
 * is kept for 24 h and replayed. A running claim whose `locked_until` passed was abandoned (a
 * crashed instance) and may be taken over by the same request.
 */
export const apiIdempotencyKeys = pgTable(
  'api_idempotency_keys',
  {
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    mode: gatewayModeEnum('mode').notNull(),
    key: varchar('key', { length: 255 }).notNull(),
    /** sha256 of method, path and raw body: the same key with another request is refused. */
    requestHash: char('request_hash', { length: 64 }).notNull(),
    state: idempotencyState('state').notNull().default('running'),
    responseStatus: integer('response_status'),
    responseBody: text('response_body'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.mode, t.key] }), index('api_idempotency_keys_created_idx').on(t.createdAt)],
);

/** Requests per secret key per minute window: the merchant API's rate limit, shared by every instance. */
export const apiRateWindows = pgTable(
  'api_rate_windows',
  {
    keyId: uuid('key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.windowStart] }), index('api_rate_windows_start_idx').on(t.windowStart)],
);

/**
 * Who did what to an app, when, from where. Never a secret. The log belongs to the app's owner and
 * outlives the app: deleting it sets `app_id` null and keeps its public id and name.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => merchants.id, { onDelete: 'cascade' }),
    appId: uuid('app_id').references(() => apps.id, { onDelete: 'set null' }),
    appPublicId: varchar('app_public_id', { length: 32 }).notNull(),
    appName: varchar('app_name', { length: 60 }).notNull(),
    /** Who acted (the owner today; null for the system). */
    merchantId: uuid('merchant_id').references(() => merchants.id, { onDelete: 'set null' }),
    action: varchar('action', { length: 64 }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: varchar('ip', { length: 64 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_owner_app_idx').on(t.ownerId, t.appPublicId, t.createdAt),
    index('audit_log_owner_idx').on(t.ownerId, t.createdAt),
  ],
);

const money = (name: string) => bigint(name, { mode: 'number' });

/** Orders made through KS Pay (the wizard's verification order, the merchant API next). */
export const orders = pgTable(
  'orders',
  {
    /** Ours: `ord_` + 16 base62. */
    id: varchar('id', { length: 24 }).primaryKey(),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id').references(() => gatewayConnections.id, { onDelete: 'set null' }),
    /** The credentials the order was made with: sync asks the same gateway account. */
    credentialsId: uuid('credentials_id').references(() => gatewayCredentials.id, { onDelete: 'set null' }),
    gateway: gatewayName('gateway').notNull(),
    gatewayOrderId: varchar('gateway_order_id', { length: 64 }).notNull(),
    /** Minor units (paise). */
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    receipt: varchar('receipt', { length: 40 }),
    notes: jsonb('notes').$type<Record<string, string>>().notNull().default({}),
    customerEmail: varchar('customer_email', { length: 254 }),
    customerPhone: varchar('customer_phone', { length: 32 }),
    customerName: varchar('customer_name', { length: 100 }),
    /** Hosted checkout returns the customer here (on one of the app's allowed domains). */
    redirectUrl: varchar('redirect_url', { length: 2048 }),
    /** Cashfree's `payment_session_id`, which its checkout opens with (meant for the browser; not a secret). */
    paymentSessionId: varchar('payment_session_id', { length: 256 }),
    status: orderStatus('status').notNull().default('created'),
    mode: gatewayModeEnum('mode').notNull(),
    /** The reconciler's claim: no instance syncs the order again before this time. */
    syncClaimedUntil: timestamp('sync_claimed_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_app_gateway_order_idx').on(t.appId, t.gateway, t.gatewayOrderId),
    // The Transactions page: newest first, keyset on (created_at, id), one mode at a time; status and
    // gateway filters read their own ordered index, search reads receipt, email and the unique ids.
    index('orders_app_mode_created_idx').on(t.appId, t.mode, t.createdAt, t.id),
    index('orders_app_mode_status_created_idx').on(t.appId, t.mode, t.status, t.createdAt, t.id),
    index('orders_app_mode_gateway_created_idx').on(t.appId, t.mode, t.gateway, t.createdAt, t.id),
    index('orders_app_receipt_idx').on(t.appId, t.receipt),
    index('orders_app_email_idx').on(t.appId, sql`lower(${t.customerEmail})`),
    // The reconciler's queue: only unfinished orders are in it.
    index('orders_unfinished_idx')
      .on(t.updatedAt)
      .where(sql`${t.status} in ('created', 'processing')`),
  ],
);

/** Each payment attempt on an order, as the gateway last told us (forward-only, lib/payments/state). */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    orderId: varchar('order_id', { length: 24 })
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    gateway: gatewayName('gateway').notNull(),
    gatewayPaymentId: varchar('gateway_payment_id', { length: 64 }).notNull(),
    method: varchar('method', { length: 16 }),
    amount: money('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    status: paymentStatus('status').notNull(),
    errorCode: text('error_code'),
    errorDescription: text('error_description'),
    amountRefunded: money('amount_refunded').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('payments_app_gateway_payment_idx').on(t.appId, t.gateway, t.gatewayPaymentId),
    index('payments_order_idx').on(t.orderId),
  ],
);

export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'cascade' }),
    gateway: gatewayName('gateway').notNull(),
    gatewayRefundId: varchar('gateway_refund_id', { length: 64 }).notNull(),
    amount: money('amount').notNull(),
    status: refundStatus('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('refunds_app_gateway_refund_idx').on(t.appId, t.gateway, t.gatewayRefundId),
    index('refunds_payment_idx').on(t.paymentId),
  ],
);

/**
 * The delivery log: one row per delivery (and per sync observation) with its outcome. The first
 * verified delivery of a signed content holds `dedup_key` (unique), so any later copy, whatever
 * unsigned event-id header it carries, is a `duplicate`. Rejected rows are pruned per connection.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    /** Kept after a gateway reset (set null): acknowledged events are never lost. */
    connectionId: uuid('connection_id').references(() => gatewayConnections.id, { onDelete: 'set null' }),
    gateway: gatewayName('gateway').notNull(),
    source: eventSource('source').notNull().default('webhook'),
    outcome: deliveryOutcome('outcome').notNull(),
    rejectionReason: varchar('rejection_reason', { length: 32 }),
    /** A rejected delivery's signature check, made when it arrived (signatures are not kept): never a secret. */
    rejectionDetail: jsonb('rejection_detail').$type<SignatureDiagnosis>(),
    /** The gateway's event id (an unsigned header, or a fallback from the body): shown, never trusted. */
    eventId: varchar('event_id', { length: 128 }),
    eventType: varchar('event_type', { length: 64 }),
    /** sha256 of the raw body, on the first verified delivery of that body only (null on copies). */
    dedupKey: char('dedup_key', { length: 64 }),
    bodySha256: char('body_sha256', { length: 64 }).notNull(),
    gatewayOrderId: varchar('gateway_order_id', { length: 64 }),
    orderId: varchar('order_id', { length: 24 }).references(() => orders.id, { onDelete: 'set null' }),
    gatewayPaymentId: varchar('gateway_payment_id', { length: 64 }),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    /** The raw body; a rejected one cut at 16 KB. */
    payload: text('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Per app: one gateway account may feed several apps, each must get its own copy.
  (t) => [
    uniqueIndex('webhook_events_app_dedup_idx').on(t.appId, t.gateway, t.dedupKey),
    // The Webhook step's "last event at" (a backward scan of one entry) and the rejected-rows
    // pruning each read their own partial index; queries repeat these predicates literally.
    index('webhook_events_connection_verified_idx')
      .on(t.connectionId, t.receivedAt)
      .where(sql`${t.outcome} <> 'rejected' and ${t.source} = 'webhook'`),
    index('webhook_events_connection_rejected_idx')
      .on(t.connectionId, t.receivedAt)
      .where(sql`${t.outcome} = 'rejected'`),
    index('webhook_events_order_idx')
      .on(t.orderId, t.receivedAt)
      .where(sql`${t.orderId} is not null`),
    // An order's timeline: every delivery naming its gateway order, duplicates and early ones (which
    // carry no order_id) included.
    index('webhook_events_app_gateway_order_idx')
      .on(t.appId, t.gateway, t.gatewayOrderId, t.receivedAt)
      .where(sql`${t.gatewayOrderId} is not null`),
    // The Webhook events page: newest first, all or by outcome or by event type, keyset on (received_at, id).
    index('webhook_events_app_received_idx').on(t.appId, t.receivedAt, t.id),
    index('webhook_events_app_outcome_idx').on(t.appId, t.outcome, t.receivedAt, t.id),
    index('webhook_events_app_type_idx').on(t.appId, t.eventType, t.receivedAt, t.id),
  ],
);

/**
 * The living demo of a fresh embedded database (lib/demo.ts): one row for the demo app, so its
 * sandbox orders are made once, whatever the number of restarts. `pending` until a run claims it;
 * a sandbox that is not there leaves it pending for the next start.
 */
export const demoSeeds = pgTable('demo_seeds', {
  appId: uuid('app_id')
    .primaryKey()
    .references(() => apps.id, { onDelete: 'cascade' }),
  status: demoSeedStatus('status').notNull().default('pending'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

export const merchantsRelations = relations(merchants, ({ many }) => ({ apps: many(apps) }));
export const appsRelations = relations(apps, ({ one }) => ({
  merchant: one(merchants, { fields: [apps.merchantId], references: [merchants.id] }),
}));

/** The merchant's own server, told of KS Pay's events (issue 10): per app and mode. */
export const merchantWebhookEndpoints = pgTable(
  'merchant_webhook_endpoints',
  {
    /** `we_` + 24 base62. */
    id: varchar('id', { length: 27 }).primaryKey(),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    mode: gatewayModeEnum('mode').notNull(),
    url: varchar('url', { length: 2048 }).notNull(),
    description: varchar('description', { length: 200 }),
    events: merchantEventType('events').array().notNull(),
    /** Disabled endpoints get no new deliveries; their pending ones wait until it is enabled again. */
    enabled: boolean('enabled').notNull().default(true),
    disabledReason: endpointDisabledReason('disabled_reason'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    /** The first failed attempt since the last success: failing for 5 days disables the endpoint. */
    failingSince: timestamp('failing_since', { withTimezone: true }),
    /** `whsec_…`, sealed (lib/crypto). */
    secretSealed: text('secret_sealed').notNull(),
    /** After a rotation the old secret signs too, until `previous_secret_expires_at`. */
    previousSecretSealed: text('previous_secret_sealed'),
    previousSecretExpiresAt: timestamp('previous_secret_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('merchant_webhook_endpoints_app_mode_idx').on(t.appId, t.mode, t.createdAt)],
);

/**
 * The outbox: an event is written in the same statement as the state change it tells of, with
 * the exact body every attempt sends.
 */
export const merchantEvents = pgTable(
  'merchant_events',
  {
    /** `evt_` + 24 base62: the `webhook-id` of every attempt. */
    id: varchar('id', { length: 28 }).primaryKey(),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    mode: gatewayModeEnum('mode').notNull(),
    type: merchantEventType('type').notNull(),
    orderId: varchar('order_id', { length: 24 }),
    /** The envelope as sent: `{ id, type, created, mode, data: { object } }`. */
    payload: text('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('merchant_events_app_mode_created_idx').on(t.appId, t.mode, t.createdAt, t.id)],
);

/** One event to one endpoint: its state, and the queue the delivery worker takes from. */
export const outboundDeliveries = pgTable(
  'outbound_deliveries',
  {
    eventId: varchar('event_id', { length: 28 })
      .notNull()
      .references(() => merchantEvents.id, { onDelete: 'cascade' }),
    endpointId: varchar('endpoint_id', { length: 27 })
      .notNull()
      .references(() => merchantWebhookEndpoints.id, { onDelete: 'cascade' }),
    appId: uuid('app_id').notNull(),
    eventType: merchantEventType('event_type').notNull(),
    status: outboundDeliveryStatus('status').notNull().default('pending'),
    /** Every attempt ever made, numbering them. */
    attempts: integer('attempts').notNull().default(0),
    /** Failed attempts since the last Resend or Recover: the place in the retry schedule. */
    retryStep: integer('retry_step').notNull().default(0),
    /** When a pending delivery is due; while an attempt is in flight, when its lease runs out. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** An attempt was taken and has not finished (while `next_attempt_at`, its lease, is ahead). */
    inFlight: boolean('in_flight').notNull().default(false),
    lastResponseStatus: integer('last_response_status'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.endpointId] }),
    // The worker's queue, read per endpoint (a few attempts at a time each, so one slow endpoint
    // cannot hold every slot).
    index('outbound_deliveries_endpoint_due_idx')
      .on(t.endpointId, t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('outbound_deliveries_in_flight_idx')
      .on(t.endpointId)
      .where(sql`${t.inFlight}`),
    index('outbound_deliveries_endpoint_created_idx').on(t.endpointId, t.createdAt, t.eventId),
  ],
);

/** Every attempt as made: the request (no secrets) and what the merchant's server answered. */
export const outboundAttempts = pgTable(
  'outbound_attempts',
  {
    eventId: varchar('event_id', { length: 28 }).notNull(),
    endpointId: varchar('endpoint_id', { length: 27 }).notNull(),
    number: integer('number').notNull(),
    url: varchar('url', { length: 2048 }).notNull(),
    status: outboundAttemptStatus('status').notNull().default('in_flight'),
    requestHeaders: jsonb('request_headers').$type<Record<string, string>>().notNull().default({}),
    responseStatus: integer('response_status'),
    /** The first 4 KB, as text; shown as text, never as HTML. */
    responseBody: text('response_body'),
    durationMs: integer('duration_ms'),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.endpointId, t.number] }),
    foreignKey({ columns: [t.eventId, t.endpointId], foreignColumns: [outboundDeliveries.eventId, outboundDeliveries.endpointId] }).onDelete('cascade'),
  ],
);

export type Merchant = typeof merchants.$inferSelect;
export type MerchantSession = typeof merchantSessions.$inferSelect;
export type App = typeof apps.$inferSelect;
export type GatewayConnection = typeof gatewayConnections.$inferSelect;
export type GatewayCredentials = typeof gatewayCredentials.$inferSelect;
export type VerificationAttempt = typeof verificationAttempts.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type WebhookEvent = typeof webhookEvents.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type Payment = typeof payments.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
export type DemoSeed = typeof demoSeeds.$inferSelect;
export type MerchantWebhookEndpoint = typeof merchantWebhookEndpoints.$inferSelect;
export type MerchantEvent = typeof merchantEvents.$inferSelect;
export type OutboundDelivery = typeof outboundDeliveries.$inferSelect;
export type OutboundAttempt = typeof outboundAttempts.$inferSelect;
export type MerchantEventType = (typeof merchantEventType.enumValues)[number];
export type DeliveryOutcome = (typeof deliveryOutcome.enumValues)[number];

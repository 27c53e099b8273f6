import type { Db } from '@/db';
import { claimDueDeliveries, type ClaimedDelivery, completeAttempt } from '@/db/queries/outbound-deliveries';
import { decryptSecret } from '@/lib/crypto';
import { allowPrivateWebhookUrls, env } from '@/lib/env';
import { log } from '@/lib/log';
import { nextAttemptAt, parseSchedule } from './schedule';
import { postEvent, type SendResult } from './send';
import { signedHeaders } from './sign';
import { onWake } from './wake';

export interface WorkerSettings {
  /** Attempts in flight at once. */
  batch: number;
  /** Attempts in flight at once to one endpoint. */
  perEndpoint: number;
  /** A taken delivery is due again after this (the timeout plus a margin): a dead worker's work is retaken. */
  leaseSeconds: number;
  schedule: readonly number[];
  timeoutMs: number;
  disableAfterSeconds: number;
  allowPrivate: boolean;
  pollMs: number;
}

export function workerSettings(overrides: Partial<WorkerSettings> = {}): WorkerSettings {
  const timeoutMs = overrides.timeoutMs ?? env.OUTBOUND_WEBHOOK_TIMEOUT_MS;
  return {
    batch: 32,
    perEndpoint: 8,
    leaseSeconds: Math.ceil(timeoutMs / 1000) + 30,
    schedule: parseSchedule(env.OUTBOUND_WEBHOOK_SCHEDULE),
    timeoutMs,
    disableAfterSeconds: env.OUTBOUND_WEBHOOK_DISABLE_AFTER_SECONDS,
    allowPrivate: allowPrivateWebhookUrls,
    pollMs: env.OUTBOUND_WEBHOOK_POLL_MS,
    ...overrides,
  };
}

const claimOptions = (settings: WorkerSettings, limit: number) => ({
  limit,
  leaseSeconds: settings.leaseSeconds,
  perEndpoint: settings.perEndpoint,
  maxRetries: settings.schedule.length,
});

const USER_AGENT = 'KSPay-Webhooks/1.0';

function openSecrets(delivery: ClaimedDelivery): string[] | null {
  try {
    return [decryptSecret(delivery.secretSealed), ...(delivery.previousSecretSealed ? [decryptSecret(delivery.previousSecretSealed)] : [])];
  } catch (error) {
    log.error({ event: 'outbound.secret_unreadable', endpointId: delivery.endpointId, message: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/** One attempt of one taken delivery: sign, POST, record what happened. */
async function deliver(db: Db, delivery: ClaimedDelivery, settings: WorkerSettings) {
  const secrets = openSecrets(delivery);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': USER_AGENT };
  // An instance whose key ring cannot open the secret records a failed attempt (and retries on the
  // schedule, maybe on an instance that can) rather than leaving it in flight.
  const result: SendResult = secrets
    ? await postEvent(delivery.url, delivery.payload, Object.assign(headers, signedHeaders(secrets, delivery.eventId, timestamp, delivery.payload)), {
        policy: { mode: delivery.mode, allowPrivate: settings.allowPrivate },
        timeoutMs: settings.timeoutMs,
      })
    : { error: 'Not sent: this instance cannot open the signing secret (check ENCRYPTION_KEYS)', durationMs: 0 };
  const succeeded = result.status !== undefined && result.status >= 200 && result.status < 300;
  const error =
    result.error ??
    (succeeded ? null : result.status! >= 300 && result.status! < 400 ? `Answered ${result.status}: redirects are not followed` : `Answered ${result.status}`);
  const next = succeeded ? null : nextAttemptAt(delivery.retryStep + 1, { schedule: settings.schedule, retryAfterSeconds: result.retryAfterSeconds });
  const outcome = await completeAttempt(
    db,
    delivery,
    {
      succeeded,
      requestHeaders: headers,
      responseStatus: result.status ?? null,
      responseBody: result.body ?? null,
      durationMs: result.durationMs,
      error,
      nextAttemptAt: next,
      gone: result.status === 410,
    },
    settings,
  );
  if (!outcome.recorded) log.warn({ event: 'outbound.attempt_superseded', eventId: delivery.eventId, endpointId: delivery.endpointId });
  if (outcome.endpointEnabled === false && !succeeded) log.info({ event: 'outbound.endpoint_disabled', endpointId: delivery.endpointId });
}

/** The lease runs out and the delivery is taken again: nothing is lost. */
function failed(delivery: ClaimedDelivery, error: unknown) {
  log.warn({ event: 'outbound.deliver_failed', eventId: delivery.eventId, message: error instanceof Error ? error.message : String(error) });
}

/** One round: takes what is due and delivers it; answers how many were taken. */
export async function deliverDue(db: Db, settings: WorkerSettings): Promise<number> {
  const taken = await claimDueDeliveries(db, claimOptions(settings, settings.batch));
  await Promise.all(taken.map((delivery) => deliver(db, delivery, settings).catch((error: unknown) => failed(delivery, error))));
  return taken.length;
}

export interface DeliveryWorker {
  stop(): Promise<void>;
}

/**
 * Delivers for as long as the process lives, up to `batch` attempts in flight (`perEndpoint` to
 * one endpoint): it takes more as soon as a slot frees or something is queued here, otherwise
 * looks every `pollMs`. Several instances share the queue.
 */
export function startDeliveryWorker(db: Db, overrides: Partial<WorkerSettings> = {}): DeliveryWorker {
  const settings = workerSettings(overrides);
  const refill = Math.max(1, Math.floor(settings.batch / 4));
  const running = new Set<Promise<void>>();
  let stopped = false;
  // A nudge while a claim runs is kept, so the loop does not then sleep through it.
  let woken = false;
  let signal: (() => void) | undefined;
  const nudge = () => {
    woken = true;
    signal?.();
  };
  const unsubscribe = onWake(nudge);
  const loop = (async () => {
    while (!stopped) {
      woken = false;
      const free = settings.batch - running.size;
      let taken: ClaimedDelivery[] = [];
      if (free > 0) {
        try {
          taken = await claimDueDeliveries(db, claimOptions(settings, free));
        } catch (error) {
          log.warn({ event: 'outbound.round_failed', message: error instanceof Error ? error.message : String(error) });
        }
      }
      for (const delivery of taken) {
        const job: Promise<void> = deliver(db, delivery, settings)
          .catch((error: unknown) => failed(delivery, error))
          .finally(() => {
            running.delete(job);
            // Claims in batches: one statement per freed slot would cost more than the attempts.
            if (settings.batch - running.size >= refill) nudge();
          });
        running.add(job);
      }
      if (stopped || woken || (taken.length > 0 && taken.length === free)) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, settings.pollMs);
        timer.unref();
        signal = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      signal = undefined;
    }
  })();
  return {
    async stop() {
      stopped = true;
      unsubscribe();
      nudge();
      await loop;
      await Promise.all(running);
    },
  };
}

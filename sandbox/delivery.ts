import { randomInt } from 'node:crypto';
import type { GatewayName } from './state';

/** One signed webhook, ready to send. Retries resend it unchanged (same id, body and signature). */
export interface OutgoingEvent {
  gateway: GatewayName;
  eventId: string;
  eventType: string;
  orderId: string | null;
  url: string;
  body: string;
  headers: Record<string, string>;
}

export interface DeliveryOptions {
  /** Extra copies of every event, sent after the originals. */
  duplicates: number;
  reverse: boolean;
  shuffle: boolean;
  /** Send all first attempts at once instead of one after another. */
  concurrent: boolean;
  /** Wait this long before the first attempt. */
  delayMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { duplicates: 0, reverse: false, shuffle: false, concurrent: false, delayMs: 0 };

export interface DeliveryRecord {
  event_id: string;
  event_type: string;
  gateway: GatewayName;
  order_id: string | null;
  url: string;
  attempt: number;
  status: number | null;
  ok: boolean;
  duration_ms: number;
  error: string | null;
  at: string;
}

export interface DelivererConfig {
  retryBaseMs: number;
  maxAttempts: number;
  timeoutMs: number;
  log?: (line: string) => void;
}

export function arrange(events: OutgoingEvent[], options: DeliveryOptions): OutgoingEvent[] {
  const copies = Array.from({ length: options.duplicates + 1 }, () => events).flat();
  if (options.reverse) copies.reverse();
  if (options.shuffle) {
    for (let i = copies.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [copies[i], copies[j]] = [copies[j]!, copies[i]!];
    }
  }
  return copies;
}

/** A long-running sandbox keeps the most recent attempts only. */
const MAX_RECORDS = 10_000;

// Razorpay accepts any 2xx; Cashfree counts only 200 as delivered.
const accepted = (gateway: GatewayName, status: number) => (gateway === 'cashfree' ? status === 200 : status >= 200 && status < 300);

function describe(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string } };
  if (e?.name === 'TimeoutError') return `timeout after ${timeoutMs} ms`;
  return e?.cause?.code ?? e?.message ?? 'request failed';
}

/** Sends webhooks the way the gateways do: timeout per attempt, retries with exponential backoff. */
export class Deliverer {
  private log: DeliveryRecord[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pending = new Set<Promise<unknown>>();
  private readonly stop = new AbortController();

  constructor(private readonly config: DelivererConfig) {}

  /** Resolves when every first attempt is done; retries continue in the background. */
  dispatch(events: OutgoingEvent[], options: DeliveryOptions = DEFAULT_DELIVERY): Promise<void> {
    return this.track(this.run(arrange(events, options), options));
  }

  records(filter: { orderId?: string; eventId?: string } = {}): DeliveryRecord[] {
    return this.log.filter(
      (r) => (!filter.orderId || r.order_id === filter.orderId) && (!filter.eventId || r.event_id === filter.eventId),
    );
  }

  /** Resolves once nothing is in flight or waiting for a retry. */
  async idle(): Promise<void> {
    while (this.pending.size > 0 || this.timers.size > 0) {
      await Promise.race([...this.pending, new Promise((r) => setTimeout(r, 5))]);
    }
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.log = [];
  }

  async close(): Promise<void> {
    this.stop.abort();
    this.clear();
    await Promise.allSettled([...this.pending]);
  }

  private async run(copies: OutgoingEvent[], options: DeliveryOptions): Promise<void> {
    if (options.delayMs > 0) await new Promise((r) => setTimeout(r, options.delayMs));
    if (options.concurrent) {
      await Promise.all(copies.map((event) => this.attempt(event, 1)));
      return;
    }
    for (const event of copies) await this.attempt(event, 1);
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    return promise.finally(() => this.pending.delete(promise));
  }

  private attempt(event: OutgoingEvent, attempt: number): Promise<void> {
    if (this.stop.signal.aborted) return Promise.resolve();
    return this.track(this.send(event, attempt));
  }

  private async send(event: OutgoingEvent, attempt: number): Promise<void> {
    const started = performance.now();
    const headers = event.gateway === 'cashfree' ? { ...event.headers, 'x-webhook-attempt': String(attempt) } : event.headers;
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(event.url, {
        method: 'POST',
        headers,
        body: event.body,
        redirect: 'manual',
        signal: AbortSignal.any([this.stop.signal, AbortSignal.timeout(this.config.timeoutMs)]),
      });
      status = res.status;
      await res.body?.cancel();
    } catch (caught) {
      error = describe(caught, this.config.timeoutMs);
    }
    if (this.stop.signal.aborted) return;
    const ok = status !== null && accepted(event.gateway, status);
    if (!ok && !error) error = `HTTP ${status}`;
    const duration = Math.round(performance.now() - started);
    this.log.push({
      event_id: event.eventId,
      event_type: event.eventType,
      gateway: event.gateway,
      order_id: event.orderId,
      url: event.url,
      attempt,
      status,
      ok,
      duration_ms: duration,
      error,
      at: new Date().toISOString(),
    });
    if (this.log.length > MAX_RECORDS) this.log.splice(0, this.log.length - MAX_RECORDS);
    this.config.log?.(`webhook ${event.eventType} ${event.eventId} attempt ${attempt} -> ${status ?? error} (${duration} ms)`);
    if (!ok && attempt < this.config.maxAttempts) this.scheduleRetry(event, attempt);
  }

  private scheduleRetry(event: OutgoingEvent, attempt: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(event, attempt + 1);
    }, this.config.retryBaseMs * 2 ** (attempt - 1));
    this.timers.add(timer);
  }
}

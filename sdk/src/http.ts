import { randomUUID } from 'node:crypto';
import { ApiError, ConnectionError, errorFromResponse, KsPayError, TimeoutError } from './errors.js';
import { backoffDelay, isRetryableStatus, retryAfterMs, sleep } from './retry.js';
import { VERSION } from './version.js';

export type ClientOptions = {
  /** `sk_test_…` or `sk_live_…`, from the Security step. Keep it on your server. */
  secretKey: string;
  /** Your KS Pay deployment, e.g. `https://pay.example.com`. */
  baseUrl?: string;
  /** Per attempt; default 30 s. */
  timeoutMs?: number;
  /** Retries after the first attempt on 429, 5xx, timeouts and network errors; default 2. */
  maxRetries?: number;
  /** First retry waits about this long, doubling each time (with jitter); default 500 ms. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A `Retry-After` longer than this is not waited for: the error is thrown. Default 60 s. */
  maxRetryAfterMs?: number;
  fetch?: typeof fetch;
};

export type RequestOptions = {
  /** Replaces the key KS Pay's SDK makes for every POST (reused across its own retries). */
  idempotencyKey?: string;
  timeoutMs?: number;
  maxRetries?: number;
  signal?: AbortSignal;
};

type Query = Record<string, string | number | undefined>;

export const DEFAULT_BASE_URL = 'http://localhost:3000';

export class HttpClient {
  private readonly secretKey: string;
  private readonly baseUrl: string;
  private readonly settings: Required<Omit<ClientOptions, 'secretKey' | 'baseUrl' | 'fetch'>>;
  private readonly fetch: typeof fetch;

  constructor(options: ClientOptions) {
    if (typeof options?.secretKey !== 'string' || !/^sk_(test|live)_\S+$/.test(options.secretKey)) {
      throw new KsPayError({ type: 'invalid_request_error', code: 'invalid_secret_key', message: 'secretKey must be your sk_test_… or sk_live_… key' });
    }
    this.secretKey = options.secretKey;
    this.baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.settings = {
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? 2,
      retryBaseMs: options.retryBaseMs ?? 500,
      retryMaxMs: options.retryMaxMs ?? 8_000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000,
    };
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async request<T>(method: 'GET' | 'POST', path: string, init: { query?: Query; body?: unknown; options?: RequestOptions } = {}): Promise<T> {
    const { options = {} } = init;
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [name, value] of Object.entries(init.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value));
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.secretKey}`,
      accept: 'application/json',
      'user-agent': `kspay-node/${VERSION} node/${process.versions.node}`,
    };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    // One key for every attempt of this call: a retry can never create a second order.
    if (method === 'POST') headers['idempotency-key'] = options.idempotencyKey ?? randomUUID();
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    const maxRetries = options.maxRetries ?? this.settings.maxRetries;

    for (let attempt = 0; ; attempt++) {
      let waitMs: number;
      try {
        const response = await this.attempt(url, { method, headers, body }, options);
        if (response.status >= 200 && response.status < 300) return parseJson(response) as T;
        const error = errorFromResponse(response.status, tryParseJson(response.text), response.headers);
        const retryAfter = retryAfterMs(response.headers.get('retry-after'));
        if (!isRetryableStatus(response.status) || attempt >= maxRetries) throw error;
        if (retryAfter !== undefined && retryAfter > this.settings.maxRetryAfterMs) throw error;
        waitMs = retryAfter ?? this.backoff(attempt + 1);
      } catch (error) {
        if (!(error instanceof ConnectionError) || options.signal?.aborted || attempt >= maxRetries) throw error;
        waitMs = this.backoff(attempt + 1);
      }
      await sleep(waitMs);
    }
  }

  private backoff(retry: number) {
    return backoffDelay(retry, { baseMs: this.settings.retryBaseMs, maxMs: this.settings.retryMaxMs });
  }

  /** One HTTP exchange, bounded by the timeout; network failures become ConnectionError. */
  private async attempt(url: URL, init: RequestInit, options: RequestOptions): Promise<Answer> {
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new TimeoutError({ message: `no answer from KS Pay within ${timeoutMs} ms`, code: 'timeout' })), timeoutMs);
    const onAbort = () => controller.abort(new ConnectionError({ message: 'the request was aborted', code: 'aborted' }));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await this.fetch(url, { ...init, redirect: 'error', signal: controller.signal });
      // Read the body inside the timeout too: a server that stalls mid-body is no answer.
      return { status: response.status, headers: response.headers, text: await response.text() };
    } catch (error) {
      const reason = controller.signal.reason;
      if (reason instanceof KsPayError) throw reason;
      throw new ConnectionError({ message: `could not reach KS Pay at ${url.origin}`, code: 'network_error', cause: error });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
}

type Answer = { status: number; headers: Headers; text: string };

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseJson({ status, headers, text }: Answer): unknown {
  const value = tryParseJson(text);
  if (value !== undefined) return value;
  throw new ApiError({ message: `KS Pay answered ${status} with a body that is not JSON`, code: 'invalid_response', statusCode: status, headers });
}

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { type AddressPolicy, refusal } from './address-policy';

export const RESPONSE_BODY_LIMIT = 4096;

export interface SendResult {
  /** Absent when no answer came (refused address, network error, timeout). */
  status?: number;
  /** The first 4 KB of the answer, as text. */
  body?: string;
  /** Seconds the receiver asked us to wait (429/503 `Retry-After`). */
  retryAfterSeconds?: number;
  error?: string;
  durationMs: number;
}

class RefusedAddress extends Error {
  code = 'EADDRREFUSED';
}

/** dns.lookup, refusing the connection when any address the name resolves to is not allowed. */
function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const problem = addresses.map((a) => refusal(a.address, policy)).find(Boolean);
      if (problem) return callback(new RefusedAddress(`${hostname} resolves to ${problem}`), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

const agents = new Map<string, http.Agent>();

/** Kept-alive connections per scheme and policy: a socket stays on the address checked when it opened. */
function agentFor(protocol: string, policy: AddressPolicy): http.Agent {
  const key = `${protocol}${policy.mode}${policy.allowPrivate}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: 16, lookup: guardedLookup(policy) };
    agent = protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}

/** Any bytes as text PostgreSQL stores: invalid UTF-8 and NUL (an image, gzip) become U+FFFD. */
const asText = (bytes: Buffer) => bytes.toString('utf8').replaceAll('\0', '\uFFFD');

export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * POSTs a signed event and reads at most 4 KB of the answer. The address is checked on the
 * connection itself (so a name cannot be re-pointed after it was saved), redirects are not
 * followed, and the whole exchange has `timeoutMs`.
 */
export function postEvent(url: string, body: string, headers: Record<string, string>, options: { policy: AddressPolicy; timeoutMs: number }): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    const literal = isIP(host) ? refusal(host, options.policy) : null;
    if (literal) return resolve({ error: literal, durationMs: elapsed() });
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        signal: AbortSignal.timeout(options.timeoutMs),
        agent: agentFor(target.protocol, options.policy),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () => {
          const status = response.statusCode ?? 0;
          const retryAfterSeconds = status === 429 || status === 503 ? parseRetryAfter(response.headers['retry-after']) : undefined;
          resolve({ status, body: asText(Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT)), retryAfterSeconds, durationMs: elapsed() });
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          // The rest is not read: a body without end cannot hold the attempt (the socket goes).
          if (size >= RESPONSE_BODY_LIMIT) {
            finish();
            response.destroy();
          }
        });
        // A complete answer leaves the kept-alive socket for the next attempt.
        response.on('end', finish);
        response.on('error', finish);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.name === 'TimeoutError' || error.name === 'AbortError'
          ? `No answer within ${options.timeoutMs / 1000} s`
          : error instanceof RefusedAddress
            ? error.message
            : `${error.code ?? 'ERROR'}: ${error.message}`;
      resolve({ error: reason.replaceAll('\0', '\uFFFD'), durationMs: elapsed() });
    });
    request.end(body);
  });
}

import { isIP } from 'node:net';
import { type AddressPolicy, refusal } from './address-policy';
import { MAX_URL_LENGTH } from './endpoint-input';

export { MAX_URL_LENGTH };

/**
 * Checks a merchant's endpoint URL when it is saved: http(s) (https only in live mode), no
 * credentials in it, and an IP-literal or `localhost` host checked against `policy` at once.
 * Host names are checked again on every connection, on the addresses they resolve to.
 */
export function endpointUrlProblem(raw: string, policy: AddressPolicy): string | null {
  if (raw.length > MAX_URL_LENGTH) return `The URL may be at most ${MAX_URL_LENGTH} characters.`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full URL, like https://example.com/webhooks/kspay.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'The URL must start with https://.';
  if (policy.mode === 'live' && url.protocol !== 'https:') return 'Live endpoints must use https.';
  if (url.username || url.password) return 'Put no user name or password in the URL: requests are signed instead.';
  // A trailing dot names the same host (`localhost.`).
  const host = url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (isIP(host)) return refusal(host, policy);
  if (host === 'localhost' || host.endsWith('.localhost')) return refusal('127.0.0.1', policy);
  if (policy.mode === 'live' && !host.includes('.')) return 'The URL needs a full host name, like example.com.';
  return null;
}

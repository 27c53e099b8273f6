import type { LikelyCause, SecretRole, SignatureCheck, SignatureDiagnosis } from '@/lib/webhooks/signature-diagnosis';
import { GATEWAY_LABELS } from './outcome-labels';

// The one place a signature diagnosis becomes words: the likely cause, what to do, each check.

type Gateway = keyof typeof GATEWAY_LABELS;
type Context = { gateway: Gateway; diagnosis: SignatureDiagnosis };
type CauseText = { title: string; explanation: (c: Context) => string; action: (c: Context) => string };

const other = (gateway: Gateway): Gateway => (gateway === 'razorpay' ? 'cashfree' : 'razorpay');
const name = (gateway: Gateway) => GATEWAY_LABELS[gateway];
const header = (gateway: Gateway) => (gateway === 'razorpay' ? 'X-Razorpay-Signature' : 'x-webhook-signature');
const encoding = (gateway: Gateway) => (gateway === 'razorpay' ? 'hex' : 'base64');
const matched = ({ diagnosis }: Context) =>
  diagnosis.checks.find((c): c is Extract<SignatureCheck, { kind: 'secret' }> => c.kind === 'secret' && c.result !== 'no_match');
const MODE = { test: 'test', live: 'live' } as const;
const FORWARD_UNCHANGED = 'If a proxy, firewall or forwarding service sits in front of KS Pay, make it pass the body and every header through unchanged.';
const COPY_SECRET_AGAIN = 'Copy the webhook secret again into Razorpay Dashboard → Webhooks → Edit → Secret (Reveal it on the Webhook step of Settings → Payment gateway).';

export const CAUSE_TEXT: Record<LikelyCause, CauseText> = {
  missing_signature: {
    title: 'No signature',
    explanation: ({ gateway }) => `The request carried no ${header(gateway)} header: it was not sent by ${name(gateway)}, or something on the way dropped the header.`,
    action: () => `${FORWARD_UNCHANGED} A request that never came from the gateway needs nothing from you.`,
  },
  malformed_signature: {
    title: 'Malformed signature',
    explanation: ({ gateway }) => `The ${header(gateway)} header is not a ${name(gateway)} signature (${gateway === 'razorpay' ? '64 hex characters' : '44 base64 characters'}).`,
    action: () => FORWARD_UNCHANGED,
  },
  wrong_encoding: {
    title: 'Signature in the wrong encoding',
    explanation: (c) =>
      `${name(c.gateway)} signs in ${encoding(c.gateway)}, but this signature is written differently.${matched(c) ? ' Once re-encoded it matches our secret: the sender is right, the header was rewritten.' : ''}`,
    action: () => `Send the signature header exactly as the gateway sent it. ${FORWARD_UNCHANGED}`,
  },
  other_gateway_scheme: {
    title: `The other gateway's signature`,
    explanation: ({ gateway }) => `This delivery carries ${name(other(gateway))}'s signature headers, but it came to your ${name(gateway)} webhook URL.`,
    action: ({ gateway }) =>
      gateway === 'razorpay'
        ? 'Cashfree needs no webhook URL: KS Pay sends its notify URL with each order. Remove this URL from the Cashfree dashboard.'
        : 'In Razorpay Dashboard → Webhooks, use the Razorpay webhook URL shown on the Webhook step, not this Cashfree one.',
  },
  rotated_secret: {
    title: 'A rotated-away webhook secret',
    explanation: () => 'Signed with your previous webhook secret. It was accepted for 24 hours after you rotated it; that overlap is over.',
    action: () => `Razorpay still has the old secret. ${COPY_SECRET_AGAIN}`,
  },
  key_secret_used: {
    title: 'Signed with your API Key Secret',
    explanation: () => 'Signed with your Razorpay Key Secret instead of the webhook secret KS Pay generated.',
    action: () =>
      'In Razorpay Dashboard → Webhooks → Edit, replace the Secret with the webhook secret KS Pay shows on the Webhook step of Settings → Payment gateway (Reveal) — never your Key Secret.',
  },
  other_mode_secret: {
    title: 'Credentials of the other mode',
    explanation: (c) => {
      const mode = matched(c)?.mode;
      const now = mode === 'test' ? MODE.live : MODE.test;
      return `Signed with the Client Secret of your ${mode ?? 'other'} credentials, while KS Pay now checks with your ${now} ones.`;
    },
    action: () =>
      'Orders made with the earlier credentials still send webhooks signed with them. Create orders with your current credentials; if you switched mode by mistake, submit the right credentials again in step 1.',
  },
  replaced_credentials: {
    title: 'Credentials you replaced',
    explanation: () => 'Signed with the Client Secret of credentials you have since replaced in step 1.',
    action: () => 'Orders made before the change still send webhooks signed with the old secret. If you regenerated keys in Cashfree, make sure step 1 holds the new Client Secret.',
  },
  missing_timestamp: {
    title: 'No timestamp',
    explanation: () => 'Cashfree signs the x-webhook-timestamp header together with the body; without it the signature cannot be checked.',
    action: () => FORWARD_UNCHANGED,
  },
  stale_timestamp: {
    title: 'A timestamp out of range',
    explanation: () => 'No secret matched, and the x-webhook-timestamp is far from now or not in milliseconds: an old delivery replayed, or a rewritten timestamp.',
    action: () => `If Cashfree did not send this, nothing is needed. ${FORWARD_UNCHANGED}`,
  },
  body_reserialised: {
    title: 'Body re-formatted after signing',
    explanation: ({ diagnosis }) =>
      diagnosis.checks.some((c) => c.kind === 'compact_body' && c.result === 'match')
        ? 'The body arrived re-formatted, and its compact form matches the signature: something parsed the JSON and wrote it out again.'
        : 'The body arrived re-formatted (whitespace between its JSON tokens, which gateways never send): it was parsed and re-serialised on the way, which changes the signed bytes.',
    action: () => 'Forward the raw body byte for byte: no JSON parsing and re-serialising in a proxy or middleware.',
  },
  body_or_secret_differs: {
    title: 'No secret matches',
    explanation: ({ gateway }) =>
      `None of the secrets KS Pay holds matches. Either the body changed in transit (parsed and re-serialised, re-encoded, cut), or the secret in ${name(gateway)} differs from ours.`,
    action: ({ gateway }) =>
      gateway === 'razorpay'
        ? `${COPY_SECRET_AGAIN} ${FORWARD_UNCHANGED}`
        : `Check that step 1 holds the Client Secret of the Cashfree account that made this order. ${FORWARD_UNCHANGED}`,
  },
  body_not_json: {
    title: 'Not a gateway event',
    explanation: () => 'The body is not JSON and no secret matches: likely a probe or a misdirected request.',
    action: () => 'Nothing to do unless you expected this request.',
  },
  unknown_event: {
    title: 'An event KS Pay does not handle',
    explanation: ({ diagnosis }) => {
      const type = diagnosis.checks.find((c) => c.kind === 'event_type');
      const named = type?.kind === 'event_type' && type.eventType ? ` (${type.eventType})` : '';
      return `The signature is valid, but KS Pay does not handle this event${named}. It was acknowledged, so the gateway does not retry it.`;
    },
    action: ({ gateway }) =>
      gateway === 'razorpay'
        ? 'Untick this event in Razorpay Dashboard → Webhooks; the events KS Pay uses are listed on the Webhook step.'
        : 'Nothing to fix.',
  },
  no_secrets: {
    title: 'No secret to check with',
    explanation: ({ gateway }) => `KS Pay holds no ${name(gateway)} credentials for this app, so it cannot check the signature.`,
    action: () => 'Submit your credentials in step 1 of Settings → Payment gateway.',
  },
};

const ROLE_TEXT: Record<SecretRole, string> = {
  webhook_secret: 'Current webhook secret',
  previous_webhook_secret: 'Previous webhook secret (within its overlap)',
  expired_webhook_secret: 'Previous webhook secret (overlap over)',
  key_secret: 'Your API Key Secret',
  client_secret_in_use: 'Client Secret in use',
  client_secret_submitted: 'Client Secret being verified',
  client_secret_other_mode: 'Client Secret of your other-mode credentials',
  client_secret_replaced: 'Client Secret of replaced credentials',
};
const ACCEPTED: readonly SecretRole[] = ['webhook_secret', 'previous_webhook_secret', 'client_secret_in_use', 'client_secret_submitted'];

export type Tone = 'ok' | 'problem' | 'info';
export type CheckText = { what: string; result: string; tone: Tone };

const days = (seconds: number) => `${Math.round(Math.abs(seconds) / 86_400)} days`;

/** One line of the Signature check panel: what was checked and what came out. */
export function describeCheck(check: SignatureCheck, gateway: Gateway, formatTime: (iso: string) => string): CheckText {
  switch (check.kind) {
    case 'signature_header':
      return { what: `${check.header} header`, result: { present: 'Present', missing: 'Missing', empty: 'Empty' }[check.result], tone: check.result === 'present' ? 'ok' : 'problem' };
    case 'other_gateway_header':
      return { what: `${check.header} header (${name(other(gateway))}'s)`, result: 'Present', tone: 'problem' };
    case 'signature_format': {
      const seen = { hex: 'hex', base64: 'base64', uppercase_hex: 'upper-case hex', other: 'neither hex nor base64' }[check.seen];
      const result = check.result === 'ok' ? `${seen}, as expected` : `${seen} (${check.length} characters); ${name(gateway)} uses ${check.expected}`;
      return { what: 'Signature format', result, tone: check.result === 'ok' ? 'ok' : 'problem' };
    }
    case 'timestamp': {
      const result = {
        ok: 'Within range',
        missing: 'Missing',
        not_a_number: 'Not a number',
        in_seconds: 'In seconds; Cashfree sends milliseconds',
        too_old: `${days(check.ageSeconds ?? 0)} old`,
        in_future: 'In the future',
      }[check.result];
      return { what: 'x-webhook-timestamp', result, tone: check.result === 'ok' ? 'ok' : 'problem' };
    }
    case 'secret': {
      const parts = [check.mode && `${check.mode} mode`, check.keyIdHint && `key …${check.keyIdHint}`, check.validUntil && `accepted until ${formatTime(check.validUntil)}`].filter(Boolean);
      const what = `${ROLE_TEXT[check.role]}${parts.length ? ` (${parts.join(', ')})` : ''}`;
      const result = { match: 'Matches', match_if_re_encoded: 'Matches once re-encoded', no_match: 'No match' }[check.result];
      const tone: Tone = check.result === 'no_match' ? 'info' : ACCEPTED.includes(check.role) && check.result === 'match' ? 'ok' : 'problem';
      return { what, result, tone };
    }
    case 'compact_body':
      return { what: 'Body re-serialised compactly', result: check.result === 'match' ? 'Matches' : 'No match', tone: check.result === 'match' ? 'problem' : 'info' };
    case 'body': {
      const result = { json: 'JSON, compact', json_reformatted: 'JSON, re-formatted', not_json: 'Not JSON', too_large: 'Over 64 KB: not checked again' }[check.result];
      return { what: 'Body', result, tone: check.result === 'json' ? 'info' : 'problem' };
    }
    case 'event_type':
      return { what: 'Event type', result: `${check.eventType ?? 'Unnamed'}: not handled`, tone: 'problem' };
  }
}

// What a rejected delivery's signature check found: stored with the delivery (jsonb), shown on the
// Webhook events page. Enums only, never a secret or a signature; words live in
// components/webhooks/diagnosis-labels.ts. Types only, so the browser may import them.

export const LIKELY_CAUSES = [
  'missing_signature',
  'malformed_signature',
  'wrong_encoding',
  'other_gateway_scheme',
  'rotated_secret',
  'key_secret_used',
  'other_mode_secret',
  'replaced_credentials',
  'missing_timestamp',
  'stale_timestamp',
  'body_reserialised',
  'body_or_secret_differs',
  'body_not_json',
  'unknown_event',
  'no_secrets',
] as const;
export type LikelyCause = (typeof LIKELY_CAUSES)[number];

/** Which secret a check tried. Cashfree signs with a client secret, Razorpay with the webhook secret. */
export type SecretRole =
  | 'webhook_secret'
  | 'previous_webhook_secret'
  | 'expired_webhook_secret'
  | 'key_secret'
  | 'client_secret_in_use'
  | 'client_secret_submitted'
  | 'client_secret_other_mode'
  | 'client_secret_replaced';

export type SignatureEncoding = 'hex' | 'base64';

export type SignatureCheck =
  | { kind: 'signature_header'; header: string; result: 'present' | 'missing' | 'empty' }
  | { kind: 'other_gateway_header'; header: string; result: 'present' }
  | {
      kind: 'signature_format';
      expected: SignatureEncoding;
      seen: SignatureEncoding | 'uppercase_hex' | 'other';
      length: number;
      result: 'ok' | 'wrong_encoding' | 'malformed';
    }
  | { kind: 'timestamp'; result: 'ok' | 'missing' | 'not_a_number' | 'in_seconds' | 'too_old' | 'in_future'; ageSeconds?: number }
  | {
      kind: 'secret';
      role: SecretRole;
      /** `match_if_re_encoded`: the signature's bytes match, written in the wrong encoding. */
      result: 'match' | 'match_if_re_encoded' | 'no_match';
      mode?: 'test' | 'live';
      /** The last four characters of the key or client id (public), to tell credential sets apart. */
      keyIdHint?: string;
      /** When this secret stopped (or stops) being accepted. */
      validUntil?: string;
    }
  | { kind: 'compact_body'; result: 'match' | 'no_match' }
  | { kind: 'body'; result: 'json' | 'json_reformatted' | 'not_json' | 'too_large' }
  | { kind: 'event_type'; eventType: string | null; result: 'unknown' };

export type SignatureDiagnosis = {
  likelyCause: LikelyCause;
  checks: SignatureCheck[];
  /** The event type the body claims (unverified, printable, at most 64 characters), for the log. */
  claimedEventType?: string | null;
};

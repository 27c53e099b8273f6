/**
 * What the dashboard and the server both need to know about each gateway. Client-safe: no server
 * imports, so the credentials form and the server action read the same rules.
 */
export type GatewayId = 'razorpay' | 'cashfree';
export type CredentialsMode = 'test' | 'live';

type KeyInput = { gateway: GatewayId; keyId: string; environment?: string | null };

type Descriptor = {
  label: string;
  keyIdLabel: string;
  secretLabel: string;
  keyIdHint: string;
  keyIdPattern: RegExp;
  keyIdMessage: string;
  /** Whether the merchant pastes our webhook URL and secret into the gateway (step 2). */
  webhookSetup: boolean;
  /** test or live, from what the merchant entered; null while it cannot tell. */
  modeOf: (input: KeyInput) => CredentialsMode | null;
};

export const GATEWAYS: Record<GatewayId, Descriptor> = {
  razorpay: {
    label: 'Razorpay',
    keyIdLabel: 'Key ID',
    secretLabel: 'Key Secret',
    keyIdHint: 'Starts with rzp_test_ or rzp_live_.',
    keyIdPattern: /^rzp_(test|live)_[A-Za-z0-9]{8,32}$/,
    keyIdMessage: 'A Razorpay Key ID starts with rzp_test_ or rzp_live_ followed by letters and digits',
    webhookSetup: true,
    modeOf: ({ keyId }) => (keyId.startsWith('rzp_live_') ? 'live' : keyId.startsWith('rzp_test_') ? 'test' : null),
  },
  cashfree: {
    label: 'Cashfree',
    keyIdLabel: 'Client ID',
    secretLabel: 'Client Secret',
    keyIdHint: 'From Cashfree → Developers → API Keys.',
    keyIdPattern: /^[A-Za-z0-9_-]{6,128}$/,
    keyIdMessage: 'A Cashfree Client ID has only letters, digits, - and _',
    // We send notify_url with every order and Cashfree signs with the client secret.
    webhookSetup: false,
    modeOf: ({ environment }) => (environment === 'production' ? 'live' : 'test'),
  },
};

export const GATEWAY_IDS = Object.keys(GATEWAYS) as GatewayId[];

/** The environment stored with a key: Cashfree's Sandbox/Production, nothing for Razorpay. */
export const environmentOf = (input: KeyInput) => (input.gateway === 'cashfree' ? (input.environment ?? null) : null);

export const modeOf = (input: KeyInput) => GATEWAYS[input.gateway].modeOf(input);

/**
 * Whether `input` names the saved key (same gateway, id and environment). Only then may the
 * saved secret be kept: a different key needs its own secret.
 */
export const isSameKey = (saved: KeyInput, input: KeyInput) =>
  saved.gateway === input.gateway && saved.keyId === input.keyId.trim() && environmentOf(saved) === environmentOf(input);

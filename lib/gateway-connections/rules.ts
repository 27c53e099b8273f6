import type { GatewayConnection } from '@/db/schema';

/** How long a claimed test order may be in flight before another request may take over. */
export const VERIFY_CLAIM_TTL_MS = 2 * 60 * 1000;
/** Razorpay signs retries of older events with the old secret, for up to a day. */
export const PREVIOUS_SECRET_TTL_MS = 24 * 60 * 60 * 1000;
/** One attempt, plus one after the credentials are re-entered. */
export const MAX_ATTEMPTS = 2;

type Steps = Pick<GatewayConnection, 'credentialsStatus' | 'webhookStatus' | 'npmStatus'>;

/** Whether a test order is in flight (a claim younger than the TTL). */
export const isVerifying = (c: Pick<GatewayConnection, 'verifyingSince'>, now = new Date()) =>
  c.verifyingSince !== null && now.getTime() - c.verifyingSince.getTime() < VERIFY_CLAIM_TTL_MS;

const stepReady = (status: GatewayConnection['webhookStatus']) => status !== 'pending';

/** Why Create Order is not available now, or null when it is. */
export function createOrderBlocker(
  c: Steps & Pick<GatewayConnection, 'verifyingSince'>,
  now = new Date(),
): string | null {
  switch (c.credentialsStatus) {
    case 'pending':
      return 'Submit your gateway credentials first.';
    case 'verified':
      return 'These credentials are already verified.';
    case 'failed':
      return 'The last test order failed: re-enter your credentials to get one more attempt.';
    case 'locked':
      return 'Both attempts failed. Reset the gateway to start over.';
  }
  if (!stepReady(c.webhookStatus)) return 'Finish the Webhook step first.';
  if (!stepReady(c.npmStatus)) return 'Finish the NPM Integration step first.';
  if (isVerifying(c, now)) return 'A test order is already being created. Wait a moment.';
  return null;
}

/**
 * Each credential set gets one attempt, so submitted credentials always have exactly one left:
 * a failed attempt is followed by exactly one more (after re-entry), and nothing else has any.
 */
export const attemptsLeft = (c: Pick<GatewayConnection, 'credentialsStatus'>) =>
  c.credentialsStatus === 'pending' || c.credentialsStatus === 'submitted' ? 1 : 0;

/**
 * Failures counted after the merchant submits credentials: re-entering after a failure keeps the
 * count (the next failure locks); replacing verified credentials starts a new cycle; editing
 * before any attempt changes nothing.
 */
export function attemptsAfterSubmit(c: Pick<GatewayConnection, 'credentialsStatus' | 'attemptsUsed'>) {
  if (c.credentialsStatus === 'failed' || c.credentialsStatus === 'submitted') return { attemptsUsed: c.attemptsUsed };
  return { attemptsUsed: 0 };
}

/** The credential status after a failed (not merely unavailable) test order. */
export const statusAfterFailure = (attemptsUsed: number) => (attemptsUsed >= MAX_ATTEMPTS ? 'locked' : 'failed');

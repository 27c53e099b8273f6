import { expect } from 'vitest';
import { GatewayError } from './errors';

/** Awaits a rejection, checks it is a GatewayError and that no secret leaks into any of its text. */
export async function expectGatewayError(promise: Promise<unknown>, secrets: readonly string[]): Promise<GatewayError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GatewayError);
  const e = error as GatewayError;
  const text = [e.message, e.explanation, JSON.stringify(e), e.stack ?? '', String(e.gatewayMessage)].join('\n');
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(e.explanation.length).toBeGreaterThan(20);
  return e;
}

export const FAST_RETRY = { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 };

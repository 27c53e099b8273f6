import { describe, expect, it } from 'vitest';
import { attemptsAfterSubmit, attemptsLeft, createOrderBlocker, statusAfterFailure, VERIFY_CLAIM_TTL_MS } from './rules';

const ready = {
  credentialsStatus: 'submitted' as const,
  webhookStatus: 'done' as const,
  npmStatus: 'done' as const,
  verifyingSince: null,
};

describe('wizard rules', () => {
  it('Create Order needs steps 1–3 done, an attempt left and no order in flight', () => {
    expect(createOrderBlocker(ready)).toBeNull();
    expect(createOrderBlocker({ ...ready, webhookStatus: 'not_required' })).toBeNull();
    expect(createOrderBlocker({ ...ready, credentialsStatus: 'pending' })).toMatch(/Submit your gateway credentials/);
    expect(createOrderBlocker({ ...ready, webhookStatus: 'pending' })).toMatch(/Webhook/);
    expect(createOrderBlocker({ ...ready, npmStatus: 'pending' })).toMatch(/NPM/);
    expect(createOrderBlocker({ ...ready, credentialsStatus: 'failed' })).toMatch(/re-enter/);
    expect(createOrderBlocker({ ...ready, credentialsStatus: 'locked' })).toMatch(/Reset/);
    expect(createOrderBlocker({ ...ready, credentialsStatus: 'verified' })).toMatch(/already verified/);
    const now = new Date();
    expect(createOrderBlocker({ ...ready, verifyingSince: new Date(now.getTime() - 1000) }, now)).toMatch(/already being created/);
    expect(createOrderBlocker({ ...ready, verifyingSince: new Date(now.getTime() - VERIFY_CLAIM_TTL_MS - 1) }, now)).toBeNull();
  });

  it('one attempt, exactly one more after re-entry, and a fresh cycle after verification', () => {
    expect(attemptsAfterSubmit({ credentialsStatus: 'pending', attemptsUsed: 0 })).toEqual({ attemptsUsed: 0 });
    expect(attemptsAfterSubmit({ credentialsStatus: 'failed', attemptsUsed: 1 })).toEqual({ attemptsUsed: 1 });
    expect(attemptsAfterSubmit({ credentialsStatus: 'submitted', attemptsUsed: 1 })).toEqual({ attemptsUsed: 1 });
    expect(attemptsAfterSubmit({ credentialsStatus: 'verified', attemptsUsed: 2 })).toEqual({ attemptsUsed: 0 });
    // Submitted credentials have their one attempt; a failure leaves none until re-entry.
    expect(attemptsLeft({ credentialsStatus: 'submitted' })).toBe(1);
    expect(attemptsLeft({ credentialsStatus: 'failed' })).toBe(0);
    expect(attemptsLeft({ credentialsStatus: 'locked' })).toBe(0);
    expect(statusAfterFailure(1)).toBe('failed');
    expect(statusAfterFailure(2)).toBe('locked');
  });
});

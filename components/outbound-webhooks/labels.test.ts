import { describe, expect, it } from 'vitest';
import { deliveryProgress, durationWords, endpointStatus } from './labels';

const healthy = { enabled: true, disabledReason: null, disabledAt: null, failingSince: null };

describe('endpointStatus', () => {
  it('says why an endpoint is disabled and since when it fails', () => {
    expect(endpointStatus(healthy)).toEqual({ label: 'Enabled', variant: 'success', detail: null });
    expect(endpointStatus({ ...healthy, failingSince: '2026-01-02T03:04:00.000Z' })).toMatchObject({ label: 'Failing', detail: expect.stringMatching(/^Failing since .*2026.*UTC$/) });
    expect(endpointStatus({ enabled: false, disabledReason: 'gone', disabledAt: '2026-01-02T03:04:00.000Z', failingSince: '2026-01-02T03:04:00.000Z' }).detail).toMatch(
      /^Disabled: answered 410 Gone \(.*UTC\)$/,
    );
    expect(endpointStatus({ enabled: false, disabledReason: 'failing', disabledAt: '2026-01-06T03:05:00.000Z', failingSince: '2026-01-01T03:04:00.000Z' }).detail).toMatch(
      /^Disabled: failing for 5 days, since .*UTC$/,
    );
    expect(endpointStatus({ enabled: false, disabledReason: 'manual', disabledAt: null, failingSince: null })).toEqual({ label: 'Disabled', variant: 'secondary', detail: 'Disabled by you' });
  });
});

describe('deliveryProgress', () => {
  const pending = { status: 'pending' as const, attempts: 2, inFlight: false, nextAttemptAt: '2026-01-02T03:04:05.000Z', lastResponseStatus: 500, lastError: 'Answered 500' };
  it('names the next retry and the last answer, or why it waits', () => {
    expect(deliveryProgress(pending, true)).toMatch(/^Next retry at .*3:04:05.* UTC · Last answer: 500$/);
    expect(deliveryProgress(pending, false)).toBe('Waiting until the endpoint is enabled · Last answer: 500');
    expect(deliveryProgress({ ...pending, inFlight: true }, true)).toBe('Sending now…');
    expect(deliveryProgress({ ...pending, attempts: 0, lastResponseStatus: null, lastError: null }, true)).toMatch(/^Queued: first attempt at /);
    expect(deliveryProgress({ ...pending, status: 'failed', lastResponseStatus: null, lastError: 'ECONNREFUSED: connect' }, true)).toBe('Last error: ECONNREFUSED: connect');
  });
});

describe('durationWords', () => {
  it('uses the largest whole unit', () => {
    expect(durationWords(5 * 86_400_000 + 60_000)).toBe('5 days');
    expect(durationWords(3_600_000)).toBe('1 hour');
    expect(durationWords(125_000)).toBe('2 minutes');
    expect(durationWords(1_400)).toBe('1 second');
  });
});

'use client';

import { StepStatusBadge } from '@/components/payment-gateway/step-status-badge';
import type { SecurityStatus } from '@/lib/gateway-connections/view';
import { selectKeys } from './select-keys';
import { useApiKeys } from './use-api-keys';

type Props = { appId: string; verified: boolean; initial: SecurityStatus };

/**
 * Step 4's status from the same query as the Security step, so it changes the moment keys are
 * generated or revoked; the server-rendered status stands until the query has data.
 */
export function SecurityStatusBadge({ appId, verified, initial }: Props) {
  const keys = useApiKeys(appId, { verified });
  const status: SecurityStatus = keys.data
    ? verified && selectKeys(keys.data.keys, keys.data.mode).hasUsableInMode
      ? 'done'
      : 'pending'
    : initial;
  return <StepStatusBadge status={status} />;
}

import type { WizardStatus } from '@/lib/gateway-connections/view';

/** The one place a wizard status becomes words. */
export const STATUS_LABELS: Record<WizardStatus, string> = {
  pending: 'Not started',
  submitted: 'Submitted',
  done: 'Done',
  verified: 'Verified',
  failed: 'Failed',
  not_required: 'Not required',
  locked: 'Locked',
};

/** Whether a step needs nothing more from the merchant. */
export const isComplete = (status: WizardStatus) => status === 'verified' || status === 'done' || status === 'not_required';
export const isFailed = (status: WizardStatus) => status === 'failed' || status === 'locked';

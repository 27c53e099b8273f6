'use client';

import { toast } from '@/components/ui/toast';
import { resetGatewayAction } from '@/app/(dashboard)/apps/[appId]/settings/payment-gateway/actions';
import { TypedConfirmDialog } from '@/components/typed-confirm-dialog';

export function ResetGatewayDialog({ appId }: { appId: string }) {
  return (
    <TypedConfirmDialog
      trigger="Reset gateway"
      title="Reset the payment gateway?"
      description="This discards the saved credentials, the webhook URL and secret, and the test-order attempts, so you can start over with one attempt plus one retry. Your activity log is kept. Type RESET to confirm."
      expected="RESET"
      label="Confirmation"
      onConfirm={(confirmation) => resetGatewayAction({ appId, confirmation })}
      onDone={() => toast.success('Gateway reset')}
    />
  );
}

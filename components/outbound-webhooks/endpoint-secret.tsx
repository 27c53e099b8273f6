'use client';

import { Eye, EyeOff } from 'lucide-react';
import { useState, useTransition } from 'react';
import { revealEndpointSecretAction } from '@/app/(dashboard)/apps/[appId]/settings/webhooks/actions';
import { CopyButton } from '@/components/copy-button';
import { KeyField } from '@/components/key-field';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { ValueBox } from '@/components/value-box';
import { formatDateTime } from '@/lib/format';
import type { RotationOverlap } from '@/lib/outbound-webhooks/endpoint-input';
import type { EndpointView } from '@/lib/outbound-webhooks/endpoint-view';
import { OVERLAP_LABELS } from './labels';
import { OneTimeSecret } from './one-time-secret';
import { RotateSecretDialog } from './rotate-secret-dialog';

type Revealed = { secret: string; previous: { secret: string; expiresAt: string } | null };
type Rotated = { secret: string; previousExpiresAt: string; overlap: RotationOverlap };

/** The signing secret, masked: the page never has it until Reveal (a server action, audited). */
export function EndpointSecret({ appId, endpoint, onRotated }: { appId: string; endpoint: EndpointView; onRotated: () => void }) {
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [rotated, setRotated] = useState<Rotated | null>(null);
  const [pending, startTransition] = useTransition();
  const reveal = () => {
    if (revealed) return setRevealed(null);
    startTransition(async () => {
      const result = await revealEndpointSecretAction({ appId, endpointId: endpoint.id });
      if (result.ok) setRevealed(result.data);
      else toast.error(result.message);
    });
  };
  return (
    <div className="grid gap-4">
      <KeyField label="Signing secret">
        <ValueBox
          overflow="truncate"
          testId="endpoint-secret"
          actions={
            <>
              <Button type="button" variant="ghost" size="sm" onClick={reveal} disabled={pending}>
                {revealed ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
                {revealed ? 'Hide' : 'Reveal'}
              </Button>
              {revealed && <CopyButton value={revealed.secret} label="Copy signing secret" />}
            </>
          }
        >
          {revealed?.secret ?? 'whsec_••••••••••••••••••••••••'}
        </ValueBox>
        {revealed?.previous ? (
          <p className="text-xs text-muted-foreground break-all">
            The previous secret, <code>{revealed.previous.secret}</code>, signs beside it until {formatDateTime(new Date(revealed.previous.expiresAt))}.
          </p>
        ) : (
          endpoint.previousSecretExpiresAt && (
            <p className="text-xs text-muted-foreground">
              The previous secret signs beside it until {formatDateTime(new Date(endpoint.previousSecretExpiresAt))}.
            </p>
          )
        )}
      </KeyField>
      <div>
        <RotateSecretDialog
          appId={appId}
          endpointId={endpoint.id}
          onRotated={(next) => {
            setRevealed(null);
            setRotated(next);
            onRotated();
          }}
        />
      </div>
      {rotated && (
        <OneTimeSecret title="Your new signing secret" secret={rotated.secret} onDismiss={() => setRotated(null)}>
          <p className="text-sm">
            {rotated.overlap === 'none'
              ? 'The previous secret no longer signs.'
              : `The previous secret keeps signing beside it for ${OVERLAP_LABELS[rotated.overlap]}, until ${formatDateTime(new Date(rotated.previousExpiresAt))}.`}
          </p>
        </OneTimeSecret>
      )}
    </div>
  );
}

'use client';

import { useRef, useState } from 'react';
import { toast } from '@/components/ui/toast';
import { FormError } from '@/components/form-error';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import type { IssuedSecretKeyDto } from '@/lib/api-keys/contract';
import { KeyField } from '@/components/key-field';
import { NewSecretPanel } from './new-secret-panel';
import { PublicKeyField } from './public-key-field';
import { RollSecretDialog } from './roll-secret-dialog';
import { SecretKeyItem } from './secret-key-item';
import { selectKeys } from './select-keys';
import { useApiKeys, useGenerateApiKeys, useRevokeSecretKey, useRollSecretKey } from './use-api-keys';

type Props = {
  /** The app's public App ID. */
  appId: string;
  /** Whether the test order has verified steps 1–3. */
  verified: boolean;
};

/** Step 4 of the payment-gateway wizard: the app's Public and Secret API keys. */
export function SecurityStep({ appId, verified }: Props) {
  const [issued, setIssued] = useState<IssuedSecretKeyDto | null>(null);
  const secretLabel = useRef<HTMLSpanElement>(null);
  const keys = useApiKeys(appId, { verified });
  const generate = useGenerateApiKeys(appId, setIssued);
  const roll = useRollSecretKey(appId, setIssued);
  const revoke = useRevokeSecretKey(appId);

  if (keys.isPending) return <LoadingKeys />;
  if (keys.isError) {
    return (
      <div className="grid justify-items-start gap-2">
        <FormError message={keys.error.message} />
        <Button type="button" variant="outline" size="sm" onClick={() => keys.refetch()}>
          Try again
        </Button>
      </div>
    );
  }

  const { mode } = keys.data;
  const canIssue = verified && mode !== null;
  const view = selectKeys(keys.data.keys, mode);
  if (!canIssue && keys.data.keys.length === 0) return <NotVerifiedYet />;

  const busy = generate.isPending || roll.isPending || revoke.isPending;
  const revokeKey = (keyId: string) =>
    revoke.mutate(keyId, { onSuccess: () => toast.success('Secret key revoked') });

  return (
    <div className="grid gap-5">
      {canIssue ? (
        <p className="text-sm text-muted-foreground">
          Keys are issued in <strong className="text-foreground">{mode}</strong> mode, like the gateway credentials
          verified in step 1.
        </p>
      ) : (
        <NotVerifiedYet />
      )}
      {issued && (
        <NewSecretPanel
          appId={appId}
          secret={issued}
          publicKey={view.publicKey?.mode === issued.mode ? view.publicKey.displayPrefix : undefined}
          onDismiss={() => {
            setIssued(null);
            secretLabel.current?.focus();
          }}
        />
      )}
      <PublicKeyField publicKey={view.publicKey} />
      <KeyField label="Secret API Key" labelRef={secretLabel}>
        {view.secretKeys.length > 0 ? (
          <ul className="grid gap-2">
            {view.secretKeys.map((key) => (
              <SecretKeyItem key={key.id} secretKey={key} canRevoke={!busy} onRevoke={revokeKey} />
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">Not generated yet.</p>
        )}
        {view.olderCount > 0 && (
          <p className="text-xs text-muted-foreground">And {view.olderCount} older revoked or expired keys.</p>
        )}
        <p className="text-xs text-muted-foreground">
          For your backend only. We keep a hash of it, so a lost secret key cannot be shown again: roll it instead.
        </p>
      </KeyField>
      <FormError message={generate.error?.message ?? revoke.error?.message} />
      {canIssue && (
        <div className="flex flex-wrap gap-2">
          {!view.hasUsableInMode && (
            <Button type="button" disabled={busy} onClick={() => generate.mutate()}>
              {generate.isPending ? 'Generating…' : 'Generate API keys'}
            </Button>
          )}
          {view.publicKey && (
            <RollSecretDialog
              pending={roll.isPending}
              error={roll.error?.message}
              onRoll={(overlap) => roll.mutateAsync(overlap)}
              onOpenChange={() => roll.reset()}
            />
          )}
        </div>
      )}
    </div>
  );
}

function NotVerifiedYet() {
  return (
    <p className="text-sm text-muted-foreground">
      Available once the test order has verified steps 1–3. Then generate your Public API Key and Secret API Key here.
    </p>
  );
}

function LoadingKeys() {
  return (
    <div className="grid gap-3" aria-busy="true">
      <span className="sr-only" role="status">
        Loading API keys…
      </span>
      <Skeleton className="h-4 w-32" />
      <Skeleton className="h-10 w-full" />
      <Skeleton className="h-4 w-32" />
      <Skeleton className="h-10 w-full" />
    </div>
  );
}

import { CopyButton } from '@/components/copy-button';
import type { ApiKeyDto } from '@/lib/api-keys/contract';
import { KeyField } from '@/components/key-field';
import { ValueBox } from '@/components/value-box';

export function PublicKeyField({ publicKey }: { publicKey: ApiKeyDto | undefined }) {
  return (
    <KeyField label="Public API Key">
      {publicKey ? (
        <>
          <ValueBox actions={<CopyButton value={publicKey.displayPrefix} label="Copy public API key" />}>
            {publicKey.displayPrefix}
          </ValueBox>
          <p className="text-xs text-muted-foreground">Identifies your app in the browser. Safe to publish.</p>
        </>
      ) : (
        <p className="text-sm text-muted-foreground">Not generated yet.</p>
      )}
    </KeyField>
  );
}

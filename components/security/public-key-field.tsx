import { CopyButton } from '@/components/copy-button';
import type { ApiKeyDto } from '@/lib/api-keys/contract';
import { KeyField } from './key-field';

export function PublicKeyField({ publicKey }: { publicKey: ApiKeyDto | undefined }) {
  return (
    <KeyField label="Public API Key">
      {publicKey ? (
        <>
          <div className="flex items-center gap-2 rounded-md border bg-muted/40 px-3 py-2">
            <code className="flex-1 text-sm break-all">{publicKey.displayPrefix}</code>
            <CopyButton value={publicKey.displayPrefix} label="Copy public API key" />
          </div>
          <p className="text-xs text-muted-foreground">Identifies your app in the browser. Safe to publish.</p>
        </>
      ) : (
        <p className="text-sm text-muted-foreground">Not generated yet.</p>
      )}
    </KeyField>
  );
}

'use client';

import { useId } from 'react';
import type { ApiKeyDto } from '@/lib/api-keys/contract';
import { formatDateTime } from '@/lib/format';
import { KeyStatusBadge } from './key-status-badge';
import { RevokeKeyDialog } from './revoke-key-dialog';

function When({ label, iso }: { label: string; iso: string | null }) {
  return (
    <div className="flex gap-1">
      <dt>{label}</dt>
      <dd>{iso ? <time dateTime={iso}>{formatDateTime(new Date(iso))}</time> : 'Never'}</dd>
    </div>
  );
}

/** One secret key: its prefix, status, dates, and Revoke while it still works. */
export function SecretKeyItem({
  secretKey,
  canRevoke,
  onRevoke,
}: {
  secretKey: ApiKeyDto;
  canRevoke: boolean;
  onRevoke: (keyId: string) => void;
}) {
  const prefixId = useId();
  const usable = secretKey.status === 'active' || secretKey.status === 'expiring';
  return (
    <li className="grid gap-2 rounded-md border px-3 py-2">
      <div className="flex flex-wrap items-center gap-2">
        <code id={prefixId} className="text-sm">
          {secretKey.displayPrefix}
        </code>
        <KeyStatusBadge status={secretKey.status} />
        {usable && (
          <div className="ml-auto">
            <RevokeKeyDialog
              displayPrefix={secretKey.displayPrefix}
              describedBy={prefixId}
              disabled={!canRevoke}
              onConfirm={() => onRevoke(secretKey.id)}
            />
          </div>
        )}
      </div>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <When label="Created" iso={secretKey.createdAt} />
        <When label="Last used" iso={secretKey.lastUsedAt} />
        {secretKey.status === 'revoked' && <When label="Revoked" iso={secretKey.revokedAt} />}
        {secretKey.status === 'expiring' && <When label="Expires" iso={secretKey.expiresAt} />}
        {secretKey.status === 'expired' && <When label="Expired" iso={secretKey.expiresAt} />}
      </dl>
    </li>
  );
}

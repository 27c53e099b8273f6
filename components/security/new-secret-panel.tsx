'use client';

import { Download, TriangleAlert } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '@/components/copy-button';
import { ValueBox } from '@/components/value-box';
import { Button } from '@/components/ui/button';
import type { IssuedSecretKeyDto } from '@/lib/api-keys/contract';
import { apiKeysEnvFile, downloadTextFile } from './download-text-file';

type Props = {
  appId: string;
  secret: IssuedSecretKeyDto;
  publicKey?: string;
  onDismiss: () => void;
};

/** The one time a secret key is shown whole. It lives in component state only. */
export function NewSecretPanel({ appId, secret, publicKey, onDismiss }: Props) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  // Screen-reader and keyboard users land on the new key, not somewhere above it.
  useEffect(() => heading.current?.focus(), [secret.id]);

  const download = () =>
    downloadTextFile(
      `kspay-${appId}-${secret.mode}.env`,
      apiKeysEnvFile({ appId, mode: secret.mode, secretKey: secret.token, publicKey }),
    );

  return (
    <section aria-labelledby={headingId} className="grid gap-3 rounded-lg border-2 border-warning bg-warning/10 p-4">
      <h3 id={headingId} ref={heading} tabIndex={-1} className="flex items-center gap-2 font-semibold outline-none">
        <TriangleAlert className="size-4 shrink-0" aria-hidden />
        Your new secret key
      </h3>
      <p className="text-sm">
        <strong>You won’t see it again.</strong> Copy it or download it now, and keep it in your server’s environment
        (for example <code>KSPAY_SECRET_KEY</code>), never in frontend code or a repository.
      </p>
      <ValueBox
        testId="new-secret-key"
        className="bg-background"
        actions={<CopyButton value={secret.token} label="Copy secret key" />}
      >
        {secret.token}
      </ValueBox>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" size="sm" onClick={download}>
          <Download aria-hidden />
          Download .env
        </Button>
        <Button type="button" size="sm" onClick={onDismiss}>
          I’ve saved it
        </Button>
      </div>
    </section>
  );
}

'use client';

import { TriangleAlert } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';
import { CopyButton } from '@/components/copy-button';
import { Button } from '@/components/ui/button';
import { ValueBox } from '@/components/value-box';

type Props = { title: string; secret: string; children?: React.ReactNode; onDismiss: () => void };

/** A new signing secret, shown this once; it lives in component state only. */
export function OneTimeSecret({ title, secret, children, onDismiss }: Props) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Screen-reader and keyboard users land on the secret, not somewhere above it.
  useEffect(() => heading.current?.focus(), [secret]);
  return (
    <section aria-labelledby={headingId} className="grid gap-3 rounded-lg border-2 border-warning bg-warning/10 p-4">
      <h3 id={headingId} ref={heading} tabIndex={-1} className="flex items-center gap-2 font-semibold outline-none">
        <TriangleAlert className="size-4 shrink-0" aria-hidden />
        {title}
      </h3>
      <p className="text-sm">
        <strong>Copy it now: it is shown once.</strong> Keep it in your server’s environment (for example{' '}
        <code>KSPAY_WEBHOOK_SECRET</code>) and verify every request with it. You can Reveal it later on the endpoint’s page; that is recorded in
        Activity.
      </p>
      {children}
      <ValueBox testId="new-webhook-secret" className="bg-background" actions={<CopyButton value={secret} label="Copy signing secret" />}>
        {secret}
      </ValueBox>
      <div>
        <Button type="button" size="sm" onClick={onDismiss}>
          I’ve saved it
        </Button>
      </div>
    </section>
  );
}

'use client';

import * as React from 'react';
import { CheckIcon, CopyIcon } from 'lucide-react';
import { toast } from '@/components/ui/toast';

import { cn } from '@/lib/utils';
import { Button } from '@/components/ui/button';

type CopyButtonProps = Omit<React.ComponentProps<typeof Button>, 'value' | 'children' | 'asChild'> & {
  /** The text put on the clipboard. */
  value: string;
  /** Accessible name of the button. */
  label?: string;
};

export function CopyButton({
  value,
  label = 'Copy',
  variant = 'ghost',
  size = 'icon-sm',
  className,
  onClick,
  ...props
}: CopyButtonProps) {
  const [copied, setCopied] = React.useState(false);
  const timeout = React.useRef<ReturnType<typeof setTimeout>>(undefined);

  React.useEffect(() => () => clearTimeout(timeout.current), []);

  async function handleClick(event: React.MouseEvent<HTMLButtonElement>) {
    onClick?.(event);
    if (event.defaultPrevented) return;
    try {
      if (!navigator.clipboard?.writeText) throw new Error('Clipboard API unavailable');
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success('Copied');
      clearTimeout(timeout.current);
      timeout.current = setTimeout(() => setCopied(false), 2000);
    } catch {
      toast.error('Could not copy to the clipboard');
    }
  }

  return (
    <Button
      type="button"
      variant={variant}
      size={size}
      aria-label={label}
      data-copied={copied || undefined}
      className={cn('text-muted-foreground hover:text-foreground', className)}
      onClick={handleClick}
      {...props}
    >
      {copied ? <CheckIcon aria-hidden="true" /> : <CopyIcon aria-hidden="true" />}
    </Button>
  );
}

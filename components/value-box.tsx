import { cn } from '@/lib/utils';

type Props = {
  children: React.ReactNode;
  /** Buttons after the value: Copy, Reveal. */
  actions?: React.ReactNode;
  /** Long values wrap (keys to read in full) or truncate (URLs on a phone). */
  overflow?: 'wrap' | 'truncate';
  testId?: string;
  className?: string;
};

/** A value to copy — a key, a URL, a secret — in a monospace box with its actions. */
export function ValueBox({ children, actions, overflow = 'wrap', testId, className }: Props) {
  return (
    <div className={cn('flex items-center gap-2 rounded-md border bg-muted/40 px-3 py-2', className)}>
      <code data-testid={testId} className={cn('min-w-0 flex-1 text-sm', overflow === 'wrap' ? 'break-all' : 'truncate')}>
        {children}
      </code>
      {actions}
    </div>
  );
}

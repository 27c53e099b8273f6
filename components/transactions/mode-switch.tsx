import Link from 'next/link';
import { cn } from '@/lib/utils';
import { MODES, type Mode } from '@/lib/transactions/view';
import { MODE_LABELS } from './status-labels';

/** Test / Live as links (each mode is its own URL): one mode is shown at a time. */
export function ModeSwitch({ mode, hrefOf }: { mode: Mode; hrefOf: (mode: Mode) => string }) {
  return (
    <nav aria-label="Mode" className="inline-flex rounded-md border bg-muted p-0.5">
      {MODES.map((m) => (
        <Link
          key={m}
          href={hrefOf(m)}
          aria-current={m === mode ? 'page' : undefined}
          className={cn(
            'rounded-[calc(var(--radius)-4px)] px-3 py-1 text-sm font-medium text-muted-foreground transition-colors hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none',
            m === mode && 'bg-background text-foreground shadow-sm',
          )}
        >
          {MODE_LABELS[m]}
        </Link>
      ))}
    </nav>
  );
}

import { useId } from 'react';
import { CopyButton } from '@/components/copy-button';

/** A titled, copyable code sample; the code scrolls sideways and can be reached by keyboard. */
export function CodeBlock({ title, code }: { title: string; code: string }) {
  const titleId = useId();
  return (
    <figure aria-labelledby={titleId} className="mt-4 overflow-hidden rounded-lg border bg-muted/40">
      <figcaption className="flex items-center justify-between gap-2 border-b px-4 py-1.5 text-xs text-muted-foreground">
        <span id={titleId} className="font-mono">
          {title}
        </span>
        <CopyButton value={code} label={`Copy ${title}`} />
      </figcaption>
      <pre tabIndex={0} className="overflow-x-auto p-4 text-[0.8125rem] leading-relaxed outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
        <code>{code}</code>
      </pre>
    </figure>
  );
}

import { useId } from 'react';

/** A labelled block ("Public API Key", "Secret API Key"): the label names the whole group. */
export function KeyField({
  label,
  labelRef,
  children,
}: {
  label: string;
  labelRef?: React.Ref<HTMLSpanElement>;
  children: React.ReactNode;
}) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId} className="grid gap-2">
      <span id={labelId} ref={labelRef} tabIndex={labelRef ? -1 : undefined} className="text-sm font-medium outline-none">
        {label}
      </span>
      {children}
    </div>
  );
}

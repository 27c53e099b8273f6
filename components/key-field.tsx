import { useId } from 'react';

/** A labelled block (an API key, the webhook URL): the label names the whole group. */
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
    <div role="group" aria-labelledby={labelId} className="grid grid-cols-1 gap-2">
      <span id={labelId} ref={labelRef} tabIndex={labelRef ? -1 : undefined} className="text-sm font-medium outline-none">
        {label}
      </span>
      {children}
    </div>
  );
}

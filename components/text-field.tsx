import { useId } from 'react';
import { Field, FieldDescription, FieldError, FieldLabel } from '@/components/ui/field';
import { Input } from '@/components/ui/input';

type Props = React.ComponentProps<typeof Input> & {
  label: string;
  error?: string;
  description?: React.ReactNode;
};

/** A labelled input with its description and its error under it, wired for screen readers. */
export function TextField({ label, error, description, id, ...input }: Props) {
  const fallbackId = useId();
  const inputId = id ?? fallbackId;
  const describedBy = [description && `${inputId}-description`, error && `${inputId}-error`].filter(Boolean).join(' ');
  return (
    <Field data-invalid={!!error || undefined}>
      <FieldLabel htmlFor={inputId}>{label}</FieldLabel>
      <Input id={inputId} aria-invalid={!!error || undefined} aria-describedby={describedBy || undefined} {...input} />
      {description && <FieldDescription id={`${inputId}-description`}>{description}</FieldDescription>}
      {error && <FieldError id={`${inputId}-error`}>{error}</FieldError>}
    </Field>
  );
}
